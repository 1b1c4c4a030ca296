// `srllm init PROJECT`: creates an empty project with the default taxonomy as version 1.
#include <cstdio>

#include <CLI/CLI.hpp>

#include "app/cli/command-registry.h"
#include "db/migrations.h"
#include "db/project.h"
#include "db/taxonomy-store.h"

namespace srllm::cli {

namespace {

void runInit(const std::string& path) {
    auto project = db::Project::create(path);
    const auto taxonomy = db::currentTaxonomy(project->db());
    std::printf("created %s (schema version %d, taxonomy version %d with %zu fields)\n", path.c_str(),
                db::userVersion(project->db()), taxonomy.version, taxonomy.json.value("fields", nlohmann::json::array()).size());
}

const RegisterCommand kRegister{"init", [](CLI::App& root) {
    auto* command = root.add_subcommand("init", "Create a new project file with the default safety taxonomy");
    auto path = std::make_shared<std::string>();
    command->add_option("PROJECT", *path, "Path of the project file to create (must not exist)")->required();
    command->callback([path] { runInit(*path); });
}};

}  // namespace

}  // namespace srllm::cli
