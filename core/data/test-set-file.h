#pragma once
// A test set read from a file for a generation run: JSON Lines ({"text", "references": [...], "group"};
// "prompt" is accepted for "text"), a BOLD prompt file ({category: {entity: [prompt, ...]}}, the group
// being "<file stem>/<category>"), the SR_LLM counterfactual CSV (header "Original,<axis>_<variant>,...":
// each row is its original, group "original", then each variant, group "<axis>/<variant>", the order
// core/eval/counterfactual-consistency.h reads back) or a HolisticBias folder (core/data/holistic-bias.h).
// Empty texts are refused, naming the line or entry.
#include <cstdint>
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

// A folder is read as HolisticBias, a ".json" file as BOLD's format, a ".csv" file as the counterfactual
// set, anything else as JSON Lines. Throws InputError naming the file, line and field; an empty set is an
// error.
TestSetFile readTestSetFile(const std::string& path);

// Keeps `size` entries drawn without replacement, in their original order; the same seed draws the same
// entries on every platform (std::mt19937_64, a partial Fisher-Yates shuffle). A size of 0 or at least
// the set's keeps everything.
void sampleTestSet(TestSetFile& set, int64_t size, uint64_t seed);

}  // namespace srllm::core
