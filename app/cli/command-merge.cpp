// `srllm merge PROJECT PACKAGE...`: merges work packages back, matching items by uid. Idempotent: an
// annotation is taken only when it is newer than the project's. See db/work-package.
#include <cstdio>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "app/cli/command-registry.h"
#include "app/cli/warnings.h"
#include "db/project.h"
#include "db/work-package.h"

namespace srllm::cli {

namespace {

struct MergeArgs {
    std::string project;
    std::vector<std::string> packages;
};

void runMerge(const MergeArgs& args) {
    auto project = db::Project::open(args.project);
    for (const auto& path : args.packages) {
        const db::MergeSummary s = db::mergeWorkPackage(*project, path);
        printWarnings(s.warnings);
        std::printf("merged %s (%s): %lld new, %lld updated, %lld unchanged, %lld kept (project newer), "
                    "%lld unknown items, %lld routed for disagreement\n",
                    path.c_str(), s.annotator.c_str(), static_cast<long long>(s.inserted),
                    static_cast<long long>(s.updated), static_cast<long long>(s.unchanged),
                    static_cast<long long>(s.keptNewer), static_cast<long long>(s.unknownItems),
                    static_cast<long long>(s.routed));
    }
}

const RegisterCommand kRegister{"merge", [](CLI::App& root) {
    auto* command = root.add_subcommand("merge", "Merge annotators' work packages back into the project");
    auto args = std::make_shared<MergeArgs>();
    command->add_option("PROJECT", args->project, "Project file")->required()->check(CLI::ExistingFile);
    command->add_option("PACKAGE", args->packages, "Package files made by `srllm package`")
        ->required()->check(CLI::ExistingFile);
    command->callback([args] { runMerge(*args); });
}};

}  // namespace

}  // namespace srllm::cli
