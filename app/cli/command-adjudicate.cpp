// `srllm adjudicate PROJECT --auto majority`: gold labels by majority vote for every item with two or more
// done annotations and no expert gold; ties are left for an expert. The rules live in db/adjudication.
#include <cstdio>
#include <string>

#include <CLI/CLI.hpp>

#include "app/cli/command-registry.h"
#include "db/adjudication.h"
#include "db/project.h"

namespace srllm::cli {

namespace {

struct AdjudicateArgs {
    std::string project;
    std::string mode;
};

void runAdjudicate(const AdjudicateArgs& args) {
    auto project = db::Project::open(args.project);
    const db::AdjudicationSummary s = db::adjudicateMajority(project->db());
    std::printf("adjudicated %s: %lld items with >= 2 done annotations\n", args.project.c_str(),
                static_cast<long long>(s.considered));
    std::printf("  unanimous gold: %lld\n  majority gold:  %lld\n  left for an expert (no strict majority): %lld\n"
                "  expert gold kept: %lld\n",
                static_cast<long long>(s.unanimous), static_cast<long long>(s.majority),
                static_cast<long long>(s.ties), static_cast<long long>(s.keptExpert));
}

const RegisterCommand kRegister{"adjudicate", [](CLI::App& root) {
    auto* command = root.add_subcommand("adjudicate", "Derive gold labels from the annotations (majority vote)");
    auto args = std::make_shared<AdjudicateArgs>();
    command->add_option("PROJECT", args->project, "Project file")->required()->check(CLI::ExistingFile);
    command->add_option("--auto", args->mode, "Automatic rule; only 'majority' (strict majority per field)")
        ->required()->check(CLI::IsMember({"majority"}));
    command->callback([args] { runAdjudicate(*args); });
}};

}  // namespace

}  // namespace srllm::cli
