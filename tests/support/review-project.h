#pragma once
// A project with ten items (four toxic, two biased, four safe by their gold labels) and three generation runs
// over them: the originals, "base" and "tuned", for the review tests of db/, the CLI and the GUI.
// Header-only: only tests that link srllm_db include it.
#include <memory>
#include <string>
#include <vector>

#include "db/generation-runs.h"
#include "db/gold.h"
#include "db/item-import.h"
#include "db/items.h"
#include "db/project.h"
#include "support/vector-item-reader.h"

namespace srllm::test {

struct ReviewProject {
    std::unique_ptr<db::Project> project;
    std::vector<int64_t> items;  // item ids, in order
    int64_t original = 0, base = 0, tuned = 0;  // generation run ids
};

inline std::string reviewProjectOutput(const std::string& run, int index) {
    return run + " rewrite of text " + std::to_string(index);
}

inline ReviewProject makeReviewProject(const std::string& path) {
    ReviewProject p;
    p.project = db::Project::create(path);
    db::Database& d = p.project->db();
    VectorItemReader reader(numberedRecords(0, 10));
    db::importItems(*p.project, reader, "d", nullptr);
    std::vector<db::RunItem> runItems;
    for (const db::ItemRow& item : db::queryItems(d, {})) {
        const int i = int(p.items.size());
        p.items.push_back(item.id);
        const bool toxic = i < 4, biased = i >= 4 && i < 6;
        db::saveGold(d, {item.id,
                         {{"toxicity", toxic ? "High" : "No"}, {"bias", biased ? "Yes" : "No"}, {"harm", "Low"},
                          {"annotation", toxic || biased ? "Unsafe" : "Benign"}},
                         {}, std::nullopt, "import"});
        runItems.push_back({i, item.id, item.text, {"reference " + std::to_string(i)}, ""});
    }
    const auto makeRun = [&](const std::string& name, const std::string& kind) {
        db::GenerationRunSpec spec;
        spec.name = name;
        spec.kind = kind;
        if (kind == "model") spec.baseModel = "/models/tiny";
        spec.testSet = "split:test";
        const int64_t id = db::createGenerationRun(d, spec, runItems).id;
        std::vector<db::RunOutput> outputs;
        for (const db::RunItem& item : runItems)
            outputs.push_back({item.position, item.source,
                               kind == "original" ? item.source : reviewProjectOutput(name, int(item.position)), {}});
        db::storeRunOutputs(d, id, outputs);
        return id;
    };
    p.original = makeRun("original", "original");
    p.base = makeRun("base", "model");
    p.tuned = makeRun("tuned", "model");
    return p;
}

}  // namespace srllm::test
