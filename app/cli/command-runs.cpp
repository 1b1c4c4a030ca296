// `srllm runs PROJECT [--json]` lists the project's generation runs (kind, model hash, test set, decoding,
// outputs so far); `srllm runs PROJECT --outputs NAME` prints one JSON object per item of that run:
// position, source, references, group and output (null until generated).
#include <cstdio>
#include <memory>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "app/cli/command-registry.h"
#include "core/common/diagnostics.h"
#include "db/generation-runs.h"
#include "db/project.h"

namespace srllm::cli {

namespace {

struct RunsOptions {
    std::string project, outputs;
    bool json = false;
};

nlohmann::json optionalJson(const std::optional<std::string>& value) { return value ? nlohmann::json(*value) : nlohmann::json(); }

void runRuns(const RunsOptions& o) {
    auto project = db::Project::open(o.project);
    auto& db = project->db();
    if (!o.outputs.empty()) {
        const auto run = db::generationRunByName(db, o.outputs);
        if (!run) throw core::InputError("", 0, "--outputs", "no generation run '" + o.outputs + "' in the project");
        for (const auto& row : db::runOutputs(db, run->id))
            std::printf("%s\n", nlohmann::json{{"position", row.item.position}, {"item_id", row.item.itemId ? nlohmann::json(*row.item.itemId) : nlohmann::json()},
                                               {"source", row.item.source}, {"references", row.item.references},
                                               {"group", row.item.group}, {"output", optionalJson(row.output)}}
                                    .dump()
                                    .c_str());
        return;
    }
    for (const auto& run : db::listGenerationRuns(db)) {
        if (o.json) {
            std::printf("%s\n", nlohmann::json{{"id", run.id}, {"name", run.spec.name}, {"kind", run.spec.kind},
                                               {"job_dir", optionalJson(run.spec.jobDir)}, {"base_model", optionalJson(run.spec.baseModel)},
                                               {"adapter", optionalJson(run.spec.adapter)}, {"model_hash", optionalJson(run.spec.modelHash)},
                                               {"template", optionalJson(run.spec.templateName)}, {"decoding", run.spec.decoding},
                                               {"test_set", run.spec.testSet}, {"test_set_hash", run.testSetHash},
                                               {"items", run.itemCount}, {"outputs", run.outputCount}, {"status", run.status},
                                               {"created_at", run.createdAt}, {"finished_at", optionalJson(run.finishedAt)}}
                                    .dump()
                                    .c_str());
            continue;
        }
        std::printf("%-20s %-8s %6lld/%-6lld %-7s %s  %s\n", run.spec.name.c_str(), run.spec.kind.c_str(),
                    static_cast<long long>(run.outputCount), static_cast<long long>(run.itemCount), run.status.c_str(),
                    run.spec.testSet.c_str(), run.spec.modelHash.value_or("").c_str());
    }
}

const RegisterCommand kRegister{"runs", [](CLI::App& root) {
    auto* command = root.add_subcommand("runs", "List the project's generation runs, or print one run's outputs");
    auto options = std::make_shared<RunsOptions>();
    command->add_option("PROJECT", options->project, "the .srllm project")->required()->check(CLI::ExistingFile);
    command->add_option("--outputs", options->outputs, "print this run's items and outputs as JSON lines");
    command->add_flag("--json", options->json, "one JSON object per run");
    command->callback([options] { runRuns(*options); });
}};

}  // namespace

}  // namespace srllm::cli
