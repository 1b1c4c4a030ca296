// `srllm assign PROJECT --annotators a,b,c [--overlap K] [--dataset D] [--search WORDS] [--strategy S]
// [--seed N] [--stratify KEY]`: gives items to annotators (db/assignments.h); with `--reassign FROM --to TO`
// hands one person's open items to another instead. Labels already made are never touched.
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "app/cli/command-registry.h"
#include "core/common/diagnostics.h"
#include "db/annotators.h"
#include "db/assignments.h"
#include "db/item-browse-query.h"
#include "db/items.h"
#include "db/project.h"

namespace srllm::cli {

namespace {

struct AssignArgs {
    std::string project;
    std::vector<std::string> annotators;
    int overlap = 1;
    std::string dataset, search, strategy = "round-robin", stratify;
    uint64_t seed = 0;
    std::string reassign, to;
};

int64_t annotatorId(db::Database& db, const std::string& name, const std::string& option) {
    const auto row = db::annotatorByName(db, name);
    if (!row)
        throw core::InputError("", 0, option,
                               "no annotator named '" + name + "' (hint: `srllm annotator add PROJECT " + name + "`)");
    return row->id;
}

void runReassign(db::Database& db, const AssignArgs& args) {
    if (args.to.empty()) throw core::InputError("", 0, "--to", "--reassign needs --to NAME");
    const auto s = db::reassignItems(db, annotatorId(db, args.reassign, "--reassign"), annotatorId(db, args.to, "--to"));
    std::printf("reassigned %lld open items from %s to %s (%lld done items stay with %s, %lld %s had already)\n",
                static_cast<long long>(s.moved), args.reassign.c_str(), args.to.c_str(),
                static_cast<long long>(s.keptDone), args.reassign.c_str(), static_cast<long long>(s.shared),
                args.to.c_str());
}

void runAssign(const AssignArgs& args) {
    auto project = db::Project::open(args.project);
    db::Database& db = project->db();
    if (!args.reassign.empty()) return runReassign(db, args);
    if (args.annotators.empty()) throw core::InputError("", 0, "--annotators", "name at least one annotator");
    db::AssignOptions options;
    options.overlap = args.overlap;
    options.seed = args.seed;
    options.stratifyKey = args.stratify;
    options.strategy = args.strategy == "balanced" ? db::AssignStrategy::Balanced : db::AssignStrategy::RoundRobin;
    for (const auto& name : args.annotators) options.annotatorIds.push_back(annotatorId(db, name, "--annotators"));
    db::BrowseFilter filter;
    filter.search = args.search;
    if (!args.dataset.empty()) {
        filter.datasetId = db::datasetByName(db, args.dataset);
        if (!filter.datasetId) throw core::InputError("", 0, "--dataset", "no dataset named '" + args.dataset + "'");
    }
    const std::vector<int64_t> items = db::browseItemIds(db, filter);
    const db::AssignSummary s = db::assignItems(db, items, options);
    std::printf("assigned %lld of %zu items (overlap %d, %s%s): %lld new assignments\n",
                static_cast<long long>(s.items), items.size(), args.overlap, args.strategy.c_str(),
                args.seed ? (", seed " + std::to_string(args.seed)).c_str() : "", static_cast<long long>(s.assignments));
    for (size_t i = 0; i < args.annotators.size(); ++i) {
        const auto it = s.perAnnotator.find(options.annotatorIds[i]);
        std::printf("  %-24s +%lld\n", args.annotators[i].c_str(),
                    static_cast<long long>(it == s.perAnnotator.end() ? 0 : it->second));
    }
    for (const auto& [stratum, count] : s.strata)
        std::printf("  stratum %s=%s: %lld items\n", args.stratify.c_str(), stratum.c_str(), static_cast<long long>(count));
}

const RegisterCommand kRegister{"assign", [](CLI::App& root) {
    auto* command = root.add_subcommand(
        "assign",
        "Assign items to annotators with overlap k (queues and work packages then hold assigned items only),\n"
        "or hand one annotator's open items to another with --reassign FROM --to TO");
    auto args = std::make_shared<AssignArgs>();
    command->add_option("PROJECT", args->project, "Project file")->required()->check(CLI::ExistingFile);
    command->add_option("--annotators", args->annotators, "Annotator names, comma-separated")->delimiter(',');
    command->add_option("--overlap", args->overlap, "Annotators per item (k)")->capture_default_str();
    command->add_option("--dataset", args->dataset, "Only items of this dataset");
    command->add_option("--search", args->search, "Only items matching these words (as in the browser)");
    command->add_option("--strategy", args->strategy, "round-robin|balanced (balanced counts existing load)")
        ->check(CLI::IsMember({"round-robin", "balanced"}))
        ->capture_default_str();
    command->add_option("--seed", args->seed, "Shuffle the items with this seed first (0: id order)")
        ->capture_default_str();
    command->add_option("--stratify", args->stratify,
                        "Metadata key of the risk stratum (e.g. dimension): each annotator gets a like share of each");
    command->add_option("--reassign", args->reassign, "Annotator whose open items move");
    command->add_option("--to", args->to, "Annotator who takes them");
    command->callback([args] { runAssign(*args); });
}};

}  // namespace

}  // namespace srllm::cli
