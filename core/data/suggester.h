#pragma once
// A source of suggestions (pre-annotations) for an item text: a lexicon today, the evaluation engine's
// scorer or a local model later. Suggestions are shown to annotators as suggestions with their source
// and stored apart from labels (db/suggestions.h); whatever implements this plugs into `srllm suggest`
// and the GUI's "Suggest" action unchanged. Implementations need not be thread-safe.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/data/import-record.h"

namespace srllm::core {

struct Suggestion {
    nlohmann::json labels = nlohmann::json::object();  // {field: "Value" | ["V", ...]}, as annotations hold
    std::vector<Span> spans;                           // candidate biased words, code points
    std::optional<std::string> rewrite;                // a suggested benign rewrite
    bool empty() const { return labels.empty() && spans.empty() && !rewrite; }
};

class Suggester {
public:
    virtual ~Suggester() = default;
    // Recorded with every suggestion, e.g. "lexicon:ldnoobw_en.txt" or "scorer:toxicity-v1".
    virtual std::string source() const = 0;
    virtual Suggestion suggest(std::string_view text) = 0;
};

}  // namespace srllm::core
