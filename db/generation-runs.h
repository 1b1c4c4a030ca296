#pragma once
// Generation runs (schema v3): a model, or the original texts themselves, over a test set frozen when the
// run is created, with one stored output per test item. Outputs are added a batch at a time in a
// transaction, so an interrupted run resumes with pendingRunItems() and never generates an item twice.
// The GUI's Evaluate and Review modes read runs through listGenerationRuns() and runOutputs().
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace srllm::db {

class Database;

// One test item as a run sees it.
struct RunItem {
    int64_t position = 0;
    std::optional<int64_t> itemId;        // the project item; nullopt for an imported benchmark line
    std::string source;                   // the text the model rewrites or continues
    std::vector<std::string> references;  // reference rewrites (may be empty)
    std::string group;                    // BOLD's category/group, the project's dataset, or ""
};

struct GenerationRunSpec {
    std::string name;
    std::string kind = "model";  // "model" | "original" (the outputs are the sources: the before column)
    std::optional<std::string> jobDir, baseModel, adapter, modelHash, templateName;
    nlohmann::json decoding = nlohmann::json::object();
    std::string testSet;  // "split:test", "snapshot:3", "file:PATH": where the items came from
};

struct GenerationRunRow {
    int64_t id = 0;
    GenerationRunSpec spec;
    std::string testSetHash;  // testSetHash() of the frozen items
    int64_t itemCount = 0;
    int64_t outputCount = 0;
    std::string status;  // "running" | "done"
    std::string createdAt;
    std::optional<std::string> finishedAt;
};

struct RunOutput {
    int64_t position = 0;
    std::string prompt;  // what the model was given (the template applied)
    std::string output;
    nlohmann::json params = nlohmann::json::object();  // per item: tokens, finish reason
};

// A stored item with its output (nullopt while the run has not reached it).
struct RunOutputRow {
    RunItem item;
    std::optional<int64_t> generationId;
    std::optional<std::string> output;
};

// SHA-256 hex over every item's position, source, references and group (length-prefixed).
std::string testSetHash(const std::vector<RunItem>& items);

// Creates the run with its frozen items (positions must be 0..n-1) in one transaction. Throws DbError for
// an empty test set or a name already taken.
GenerationRunRow createGenerationRun(Database& db, const GenerationRunSpec& spec, const std::vector<RunItem>& items);
std::optional<GenerationRunRow> generationRunByName(Database& db, const std::string& name);
std::optional<GenerationRunRow> generationRunById(Database& db, int64_t id);
std::vector<GenerationRunRow> listGenerationRuns(Database& db);  // by id

std::vector<RunItem> runItems(Database& db, int64_t runId);         // by position
std::vector<RunItem> pendingRunItems(Database& db, int64_t runId);  // items without an output, by position
// Stores the outputs in one transaction and marks the run done when every item has one. Throws DbError
// (storing nothing) for a position outside the run or one that already has an output.
void storeRunOutputs(Database& db, int64_t runId, const std::vector<RunOutput>& outputs);
std::vector<RunOutputRow> runOutputs(Database& db, int64_t runId);  // every item, by position

// The named runs, checked for an evaluation that pairs their outputs by item: each exists, has all its
// outputs and shares the first run's test set. Throws core::InputError (field '--runs') naming the run.
std::vector<GenerationRunRow> pairableRuns(Database& db, const std::vector<std::string>& names);

}  // namespace srllm::db
