// `srllm route PROJECT [--threshold T] [--to annotator|expert] [--fields a,b] [--off]`: sets the team's
// disagreement routing policy (when any option is given) and routes every item that needs it now
// (db/routing.h). Routing also runs by itself after saves, imports and package merges.
#include <cstdio>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "app/cli/command-registry.h"
#include "db/annotators.h"
#include "db/project.h"
#include "db/routing.h"

namespace srllm::cli {

namespace {

struct RouteArgs {
    std::string project;
    std::optional<double> threshold;
    std::optional<std::string> target;
    std::optional<std::vector<std::string>> fields;
    bool off = false;
};

void runRoute(const RouteArgs& args) {
    auto project = db::Project::open(args.project);
    db::Database& db = project->db();
    db::RoutingPolicy policy = db::routingPolicy(db);
    if (args.threshold || args.target || args.fields || args.off) {
        policy.enabled = !args.off;
        if (args.threshold) policy.threshold = *args.threshold;
        if (args.target) policy.target = *args.target;
        if (args.fields) policy.fields = *args.fields;
        db::setRoutingPolicy(db, policy);
    }
    std::string fields;
    for (const auto& f : policy.fields) fields += (fields.empty() ? "" : ",") + f;
    std::printf("routing %s: threshold %.2f, to %s, fields %s\n", policy.enabled ? "on" : "off", policy.threshold,
                policy.target.c_str(), fields.empty() ? "all" : fields.c_str());
    const auto decisions = db::routeDisagreements(db);
    std::map<int64_t, std::string> names;
    for (const auto& a : db::listAnnotators(db)) names[a.id] = a.name;
    for (const auto& d : decisions)
        std::printf("  item %lld -> %s (%s): %s\n", static_cast<long long>(d.itemId), names[d.annotatorId].c_str(),
                    d.reason.c_str(), d.detail.c_str());
    std::printf("routed %zu items\n", decisions.size());
}

const RegisterCommand kRegister{"route", [](CLI::App& root) {
    auto* command = root.add_subcommand(
        "route", "Set the disagreement routing policy and route the items whose annotators disagree");
    auto args = std::make_shared<RouteArgs>();
    command->add_option("PROJECT", args->project, "Project file")->required()->check(CLI::ExistingFile);
    command->add_option("--threshold", args->threshold,
                        "Route when the largest group of equal labels on a field holds less than this share "
                        "(1: any disagreement)");
    command->add_option("--to", args->target, "annotator (one more, then an expert) | expert")
        ->check(CLI::IsMember({"annotator", "expert"}));
    command->add_option("--fields", args->fields, "Fields that count, comma-separated (default: all)")->delimiter(',');
    command->add_flag("--off", args->off, "Turn routing off");
    command->callback([args] { runRoute(*args); });
}};

}  // namespace

}  // namespace srllm::cli
