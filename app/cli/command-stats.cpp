// `srllm stats PROJECT [--json]`: counts of items, labels and people in a project.
#include <cstdio>

#include <CLI/CLI.hpp>

#include "app/cli/command-registry.h"
#include "db/project-stats.h"
#include "db/project.h"

namespace srllm::cli {

namespace {

struct StatsOptions {
    std::string path;
    bool json = false;
};

void runStats(const StatsOptions& options) {
    auto project = db::Project::open(options.path);
    const nlohmann::json stats = db::projectStats(project->db());
    if (options.json) {
        std::printf("%s\n", stats.dump().c_str());
        return;
    }
    std::printf("%s\n", options.path.c_str());
    for (const auto& [key, value] : stats.items()) std::printf("  %-18s %12lld\n", key.c_str(), value.get<long long>());
}

const RegisterCommand kRegister{"stats", [](CLI::App& root) {
    auto* command = root.add_subcommand("stats", "Show how many items, annotations, annotators ... a project holds");
    auto options = std::make_shared<StatsOptions>();
    command->add_option("PROJECT", options->path, "Path of the project file")->required();
    command->add_flag("--json", options->json, "Print one JSON object instead of a table");
    command->callback([options] { runStats(*options); });
}};

}  // namespace

}  // namespace srllm::cli
