#pragma once
// A test set read from a file for a generation run: JSON Lines ({"text", "references": [...], "group"};
// "prompt" is accepted for "text") or a BOLD prompt file ({category: {entity: [prompt, ...]}}, the group
// being "<file stem>/<category>"). Empty texts are refused, naming the line or entry.
#include <string>
#include <vector>

#include "core/common/diagnostics.h"

namespace srllm::core {

struct TestSetEntry {
    std::string text;
    std::vector<std::string> references;
    std::string group;
};

struct TestSetFile {
    std::vector<TestSetEntry> entries;
    Diagnostics warnings;  // unknown keys, skipped empty prompts
};

// A ".json" file is read as BOLD's format, anything else as JSON Lines. Throws InputError naming the
// file, line (JSONL) and field; an empty set is an error.
TestSetFile readTestSetFile(const std::string& path);

}  // namespace srllm::core
