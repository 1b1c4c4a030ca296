#pragma once
// The evaluation scenarios of the crash-safety test (#9, #12). `srllm generate-run` (greedy, the training
// workspace's tiny Llama, three items a batch) is killed at drawn writes: every batch it acknowledged (a
// "progress" event) is stored with exactly the never-killed run's outputs, and the same command continues
// to exactly its outputs. `srllm eval` of two stored runs is killed likewise: it stored everything or nothing.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "crash/crash-scenario.h"
#include "crash/training-scenario.h"
#include "db/generation-runs.h"
#include "db/item-import.h"
#include "db/project.h"
#include "support/cli-run.h"
#include "support/test-data.h"
#include "support/vector-item-reader.h"

namespace srllm::test {

inline constexpr const char* kEvaluationFolder = "eval";  // the project and scorer, inside the prepared folder
inline constexpr int kEvaluationItems = 18;
inline constexpr int kGenerateBatch = 3;

// What evaluation stores, by content (ids of generations are the same in every copy of the prepared folder).
inline const std::map<std::string, std::string> kEvaluationStateQueries = {
    {"runs", "SELECT name || '|' || status || '|' || item_count FROM generation_runs ORDER BY 1"},
    {"outputs", "SELECT r.name || '|' || g.position || '|' || g.prompt || '|' || g.output || '|' || g.params"
                " FROM generations g JOIN generation_runs r ON r.id = g.generation_run_id ORDER BY r.name, g.position"},
    {"metrics", "SELECT subject_kind || '|' || subject_id || '|' || metric || '|' || metric_version || '|' ||"
                " scorer_hash || '|' || coalesce(value, 'null') FROM metric_values ORDER BY 1"},
    // An evaluation run again after it was stored adds an equal row: compared as a set.
    {"evaluations", "SELECT DISTINCT run_ids || '|' || scorer_hash || '|' || result FROM evaluations ORDER BY 1"},
};

// dir/eval.srllm: 18 test items, the runs "original" (the sources) and "tuned" (the references for the
// first 12, the sources after), and dir/scorer, a risk scorer trained on insults.
inline void makeEvaluationWorkspace(const std::filesystem::path& dir) {
    static const char* insults[] = {"idiot", "moron", "loser", "scum"};
    std::filesystem::create_directories(dir);
    std::string lines;
    for (int i = 0; i < 400; ++i)
        lines += nlohmann::json{{"text", "note " + std::to_string(i) + (i % 2 ? " see you soon" : std::string(" you ") + insults[i % 4])},
                                {"toxicity", i % 2 == 0}}
                     .dump() + "\n";
    std::ofstream(dir / "scorer.jsonl") << lines;
    const auto trained = runCli("scorer train - " + shellQuote((dir / "scorer").string()) + " --data " +
                                shellQuote((dir / "scorer.jsonl").string()));
    if (trained.exitCode != 0) throw std::runtime_error("srllm scorer train failed:\n" + trained.output);

    auto project = db::Project::create((dir / "eval.srllm").string());
    std::vector<core::ItemImportRecord> records;
    std::vector<db::RunItem> items;
    for (int i = 0; i < kEvaluationItems; ++i) {
        core::ItemImportRecord record;
        record.text = "message " + std::to_string(i) + " you " + insults[i % 4];
        record.externalId = "m" + std::to_string(i);
        record.split = "test";
        record.references = {"message " + std::to_string(i) + " see you soon"};
        records.push_back(record);
        items.push_back({i, i + 1, record.text, record.references, i < 9 ? "a" : "b"});
    }
    VectorItemReader reader(records);
    db::importItems(*project, reader, "messages", {});
    db::GenerationRunSpec original{"original", "original", {}, {}, {}, {}, {}, nlohmann::json::object(), "split:test"};
    db::GenerationRunSpec tuned{"tuned", "model", {}, "/m", {}, "sha256:x", {}, {{"max_new_tokens", 8}}, "split:test"};
    const auto a = db::createGenerationRun(project->db(), original, items);
    const auto b = db::createGenerationRun(project->db(), tuned, items);
    std::vector<db::RunOutput> sources, rewrites;
    for (const auto& item : items) {
        sources.push_back({item.position, "", item.source, {}});
        rewrites.push_back({item.position, "p", item.position < 12 ? item.references[0] : item.source, {}});
    }
    db::storeRunOutputs(project->db(), a.id, sources);
    db::storeRunOutputs(project->db(), b.id, rewrites);
    project->db().exec("UPDATE items SET uid = printf('%032x', id); VACUUM");  // the same file, so the same points
}

// The outputs of run `name`, one line each (the "outputs" state's lines that belong to it).
inline std::vector<std::string> runLines(const std::string& outputs, const std::string& name) {
    std::vector<std::string> lines;
    std::istringstream in(outputs);
    for (std::string line; std::getline(in, line);)
        if (line.rfind(name + "|", 0) == 0) lines.push_back(line);
    return lines;
}

// The items the killed run reported stored: the last "progress" event's "done".
inline int64_t acknowledgedOutputs(const std::string& printed) {
    int64_t done = 0;
    std::istringstream in(printed);
    for (std::string line; std::getline(in, line);) {
        if (line.empty() || line[0] != '{') continue;
        const auto event = nlohmann::json::parse(line, nullptr, false);
        if (event.is_object() && event.value("event", "") == "progress") done = event.value("done", int64_t{0});
    }
    return done;
}

inline Scenario generateRunScenario() {
    Scenario s{"generate-run", "cli",
            [](const std::filesystem::path& d) {
                return "generate-run " + shellQuote((d / kEvaluationFolder / "eval.srllm").string()) + " --name tiny --model " +
                       shellQuote((d / kTrainingFolder / "base").string()) + " --split test --batch-size " +
                       std::to_string(kGenerateBatch) + " --max-new-tokens 6 --temperature 0 --json";
            },
            [](const Outcome& o) {
                for (const char* part : {"items", "annotations", "gold", "metrics", "evaluations"})
                    EXPECT_EQ(o.now.at(part), o.before.at(part)) << part << " changed by generate-run";
                const auto stored = runLines(o.now.at("outputs"), "tiny"), reference = runLines(o.after.at("outputs"), "tiny");
                const int64_t acknowledged = acknowledgedOutputs(o.output);
                EXPECT_GE(static_cast<int64_t>(stored.size()), acknowledged) << "an acknowledged batch is missing";
                EXPECT_EQ(stored.size() % kGenerateBatch, 0u) << "a batch was stored in part";
                for (const auto& line : stored)
                    EXPECT_NE(std::find(reference.begin(), reference.end(), line), reference.end())
                        << "a stored output differs from the never-killed run's: " << line;
            },
            true, true, std::string(kEvaluationFolder) + "/eval.srllm"};
    s.workspaces = {kTrainingFolder, kEvaluationFolder};
    return s;
}

inline Scenario evalScenario() {
    Scenario s{"eval", "cli",
            [](const std::filesystem::path& d) {
                const auto folder = d / kEvaluationFolder;
                return "eval " + shellQuote((folder / "eval.srllm").string()) + " --runs original,tuned --json --scorer " +
                       shellQuote((folder / "scorer").string());
            },
            [](const Outcome& o) {
                for (const char* part : {"items", "annotations", "gold", "runs", "outputs"})
                    EXPECT_EQ(o.now.at(part), o.before.at(part)) << part << " changed by eval";
                const bool nothing = o.now.at("metrics") == o.before.at("metrics") &&
                                     o.now.at("evaluations") == o.before.at("evaluations");
                const bool everything = o.now.at("metrics") == o.after.at("metrics") &&
                                        o.now.at("evaluations") == o.after.at("evaluations");
                const auto rows = [](const std::string& text) { return std::count(text.begin(), text.end(), '\n'); };
                EXPECT_TRUE(nothing || everything)
                    << "eval stored part of its values: " << rows(o.now.at("metrics")) << " metric values (before "
                    << rows(o.before.at("metrics")) << ", after " << rows(o.after.at("metrics")) << "), "
                    << rows(o.now.at("evaluations")) << " evaluations (after " << rows(o.after.at("evaluations")) << ")";
                if (o.output.find("\"evaluation_id\"") != std::string::npos) {
                    EXPECT_TRUE(everything) << "eval printed its table but did not store it all";
                }
            },
            true, true, std::string(kEvaluationFolder) + "/eval.srllm"};
    s.sharedData = "lexicons/vader_lexicon.txt";  // the text metrics' default lexicon
    s.workspaces = {kEvaluationFolder};
    return s;
}

}  // namespace srllm::test
