#pragma once
// One instruction record per JSONL line: what `srllm job new` freezes into data/*.jsonl, what
// `srllm export --format instructions` writes and what the trainer reads. The keys live here once and
// the same functions write and read them.
#include <cstdint>
#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/common/diagnostics.h"

namespace srllm::core {

namespace instructionkey {
inline constexpr const char* kPrompt = "prompt";      // the template's prompt with the text filled in
inline constexpr const char* kResponse = "response";  // the rewrite the model learns (no EOS text)
inline constexpr const char* kItemUid = "item_uid";   // the project item it came from
inline constexpr const char* kText = "text";          // the item's text
inline constexpr const char* kSplit = "split";        // "train" | "val" | "test"
inline constexpr const char* kSource = "source";      // which part of the response rule chose it
}  // namespace instructionkey

inline constexpr const char* kResponseSourceGold = "gold";            // the gold rewrite
inline constexpr const char* kResponseSourceReference = "reference";  // the item's first reference rewrite

struct InstructionRecord {
    int64_t line = 0;       // 1-based line in the file it was read from; 0 when made in memory
    std::string prompt{};
    std::string response{};
    std::string itemUid{};  // empty for records from elsewhere
    std::string text{};
    std::string split{};
    std::string source{};
};

nlohmann::json instructionRecordToJson(const InstructionRecord& record);  // empty fields left out
void writeInstructionRecord(std::ostream& out, const InstructionRecord& record);  // one line
// Writes the records durably (temp file, fsync, rename) and returns the file's "sha256:..." hash.
std::string writeInstructionRecords(const std::filesystem::path& file, const std::vector<InstructionRecord>& records);

// Reads a JSONL file of records; throws InputError naming the file, line and key for a missing or
// non-string prompt/response; unknown keys become warnings (field = key). An empty file is an error
// unless allowEmpty (a job's val.jsonl may hold none).
std::vector<InstructionRecord> readInstructionRecords(const std::filesystem::path& file, Diagnostics& warnings,
                                                      bool allowEmpty = false);

}  // namespace srllm::core
