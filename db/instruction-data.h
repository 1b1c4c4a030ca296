#pragma once
// Instruction data from a project: which text becomes each record's response (the one named rule), and
// the train/val records of a snapshot under a template. `srllm job new`, the GUI's Train page and
// `srllm export --format instructions` all go through here, so the rule is decided once.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/data/instruction-record.h"
#include "core/data/instruction-template.h"

namespace srllm::db {

class Database;

// The gold rewrite of an item whose gold annotation is Unsafe, else its first reference rewrite; items
// with neither give no record. job.json names it in data.response_rule.
inline constexpr const char* kResponseRule = "gold-rewrite-else-reference";

struct ChosenResponse {
    std::string text;
    const char* source;  // core::kResponseSourceGold or core::kResponseSourceReference
};

// The rule itself, on an item's gold (nullptr when it has none) and references.
std::optional<ChosenResponse> chooseResponse(const nlohmann::json* goldLabels, const std::optional<std::string>& goldRewrite,
                                             const std::vector<std::string>& references);

struct SnapshotInstructions {
    std::vector<core::InstructionRecord> train;
    std::vector<core::InstructionRecord> val;
    int64_t fromGold = 0, fromReference = 0;
    int64_t withoutResponse = 0;  // pinned items the rule gives nothing for
    int64_t testItems = 0;        // items of the test split: kept out of training and validation
};

// The records of a snapshot's train and val splits. Throws InputError (field "snapshot") when the
// snapshot is missing, was made before gold was frozen (schema v1), or yields no training record.
SnapshotInstructions snapshotInstructions(Database& db, int64_t snapshotId, const core::InstructionTemplate& templ);

}  // namespace srllm::db
