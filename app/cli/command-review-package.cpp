// `srllm review-package PROJECT --session NAME --reviewer NAME OUT` and `srllm review-merge PROJECT PACKAGE...`:
// a reviewer's blind comparisons as a project file of its own, judged offline, and their judgements brought
// back (idempotent). See db/review-package.
#include <cstdio>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "app/cli/command-registry.h"
#include "db/project.h"
#include "db/review-package.h"

namespace srllm::cli {

namespace {

struct ReviewPackageArgs {
    std::string project, session, reviewer, out;
    std::vector<std::string> packages;
};

void runPackage(const ReviewPackageArgs& args) {
    auto project = db::Project::open(args.project);
    const auto m = db::createReviewPackage(*project, args.session, args.reviewer, args.out);
    std::printf("review package %s for %s: session %s, %lld comparisons, %lld earlier judgements\n", args.out.c_str(),
                m.reviewer.c_str(), m.sessionName.c_str(), static_cast<long long>(m.comparisons),
                static_cast<long long>(m.judgements));
}

void runMerge(const ReviewPackageArgs& args) {
    auto project = db::Project::open(args.project);
    for (const auto& path : args.packages) {
        const auto s = db::mergeReviewPackage(*project, path);
        std::printf("merged %s (%s, session %s): %lld new, %lld updated, %lld unchanged, %lld kept (project newer)\n",
                    path.c_str(), s.reviewer.c_str(), s.session.c_str(), static_cast<long long>(s.inserted),
                    static_cast<long long>(s.updated), static_cast<long long>(s.unchanged),
                    static_cast<long long>(s.keptNewer));
    }
}

const RegisterCommand kRegisterPackage{"review-package", [](CLI::App& root) {
    auto* command = root.add_subcommand("review-package", "Write a reviewer's blind comparisons for offline review");
    auto args = std::make_shared<ReviewPackageArgs>();
    command->add_option("PROJECT", args->project, "Project file")->required()->check(CLI::ExistingFile);
    command->add_option("--session", args->session, "Review session name")->required();
    command->add_option("--reviewer", args->reviewer, "Reviewer name")->required();
    command->add_option("OUT", args->out, "Package file to create (must not exist)")->required();
    command->callback([args] { runPackage(*args); });
}};

const RegisterCommand kRegisterMerge{"review-merge", [](CLI::App& root) {
    auto* command = root.add_subcommand("review-merge", "Merge reviewers' review packages back into the project");
    auto args = std::make_shared<ReviewPackageArgs>();
    command->add_option("PROJECT", args->project, "Project file")->required()->check(CLI::ExistingFile);
    command->add_option("PACKAGE", args->packages, "Package files made by `srllm review-package`")
        ->required()->check(CLI::ExistingFile);
    command->callback([args] { runMerge(*args); });
}};

}  // namespace

}  // namespace srllm::cli
