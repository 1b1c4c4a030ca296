// `srllm package PROJECT --annotator NAME OUT`: a work package (a project file of its own) holding the
// annotator's assigned items, or every item when none is assigned, to label offline. See db/work-package.
#include <cstdio>
#include <string>

#include <CLI/CLI.hpp>

#include "app/cli/command-registry.h"
#include "db/project.h"
#include "db/work-package.h"

namespace srllm::cli {

namespace {

struct PackageArgs {
    std::string project;
    std::string annotator;
    std::string out;
};

void runPackage(const PackageArgs& args) {
    auto project = db::Project::open(args.project);
    const db::PackageSummary s = db::createWorkPackage(*project, args.annotator, args.out);
    std::printf("package %s for %s: %lld items (%s), %lld earlier annotations, taxonomy version %d\n",
                args.out.c_str(), args.annotator.c_str(), static_cast<long long>(s.items),
                s.assignedOnly ? "assigned" : "no assignments: all items", static_cast<long long>(s.annotations),
                s.manifest.taxonomyVersion);
}

const RegisterCommand kRegister{"package", [](CLI::App& root) {
    auto* command = root.add_subcommand("package", "Write an annotator's work package for offline labelling");
    auto args = std::make_shared<PackageArgs>();
    command->add_option("PROJECT", args->project, "Project file")->required()->check(CLI::ExistingFile);
    command->add_option("--annotator", args->annotator, "Annotator name")->required();
    command->add_option("OUT", args->out, "Package file to create (must not exist)")->required();
    command->callback([args] { runPackage(*args); });
}};

}  // namespace

}  // namespace srllm::cli
