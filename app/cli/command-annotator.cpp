// `srllm annotator add PROJECT NAME [--role R]` and `srllm annotator list PROJECT [--json]`: the people of a
// team project, with what each has assigned, open and done (see db/annotators.h).
#include <cstdio>
#include <memory>
#include <string>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "app/cli/command-registry.h"
#include "core/common/diagnostics.h"
#include "db/annotators.h"
#include "db/project.h"

namespace srllm::cli {

namespace {

struct AddArgs {
    std::string project, name, role = "annotator";
};

struct ListArgs {
    std::string project;
    bool json = false;
};

void runAdd(const AddArgs& args) {
    auto project = db::Project::open(args.project);
    if (const auto existing = db::annotatorByName(project->db(), args.name))
        throw core::InputError("", 0, "NAME",
                               "'" + args.name + "' already exists with role '" + existing->role +
                                   "' (hint: `srllm annotator list " + args.project + "`)");
    const int64_t id = db::ensureAnnotator(project->db(), args.name, args.role);
    std::printf("added %s (%s) as annotator %lld\n", args.name.c_str(), args.role.c_str(), static_cast<long long>(id));
}

void runList(const ListArgs& args) {
    auto project = db::Project::open(args.project);
    const auto rows = db::annotatorWorkloads(project->db());
    if (args.json) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& r : rows)
            out.push_back({{"id", r.annotator.id}, {"name", r.annotator.name}, {"role", r.annotator.role},
                           {"assigned", r.assigned}, {"routed", r.routed}, {"open", r.open}, {"done", r.done}});
        std::printf("%s\n", out.dump(2).c_str());
        return;
    }
    std::printf("%4s  %-24s %-10s %9s %7s %7s %7s\n", "id", "name", "role", "assigned", "routed", "open", "done");
    for (const auto& r : rows)
        std::printf("%4lld  %-24s %-10s %9lld %7lld %7lld %7lld\n", static_cast<long long>(r.annotator.id),
                    r.annotator.name.c_str(), r.annotator.role.c_str(), static_cast<long long>(r.assigned),
                    static_cast<long long>(r.routed), static_cast<long long>(r.open), static_cast<long long>(r.done));
}

const RegisterCommand kRegister{"annotator", [](CLI::App& root) {
    auto* command = root.add_subcommand("annotator", "Add annotators, experts and reviewers, or list them");
    command->require_subcommand(1);
    auto* add = command->add_subcommand("add", "Add a person to the project");
    auto addArgs = std::make_shared<AddArgs>();
    add->add_option("PROJECT", addArgs->project, "Project file")->required()->check(CLI::ExistingFile);
    add->add_option("NAME", addArgs->name, "Name or e-mail")->required();
    add->add_option("--role", addArgs->role, "annotator|expert|reviewer (experts adjudicate and see every label)")
        ->check(CLI::IsMember({"annotator", "expert", "reviewer"}))
        ->capture_default_str();
    add->callback([addArgs] { runAdd(*addArgs); });
    auto* list = command->add_subcommand("list", "List the people with their assigned, routed, open and done items");
    auto listArgs = std::make_shared<ListArgs>();
    list->add_option("PROJECT", listArgs->project, "Project file")->required()->check(CLI::ExistingFile);
    list->add_flag("--json", listArgs->json, "Print JSON");
    list->callback([listArgs] { runList(*listArgs); });
}};

}  // namespace

}  // namespace srllm::cli
