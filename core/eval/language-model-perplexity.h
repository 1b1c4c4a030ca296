#pragma once
// Fluency as perplexity under an independent language model: the CMU Sphinx US English trigram model
// (pocketsphinx-en-us's en-us.lm.bin, read through sphinxbase), never the model being evaluated. Words
// are splitTextUnits' lowercased words with hyphenated words split at the hyphens; the text is one
// sequence <s> w1 ... wn </s>. Words outside the model's 72,547-word vocabulary are left out and
// counted (as SRILM's ppl does), and the history restarts after one. Lower is more fluent.
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "core/eval/metric-method.h"

namespace srllm::core {

inline constexpr MetricMethod kPerplexityMethod{
    "lm-perplexity", "perplexity under the CMU Sphinx en-us trigram LM (pocketsphinx-en-us); OOV words skipped", 1};

struct PerplexityResult {
    double perplexity = 0;       // exp(-lnProbability / scoredTokens); NaN when the text has no scored word
    double lnProbability = 0;    // natural log of the probability of the scored tokens
    int64_t scoredTokens = 0;    // in-vocabulary words plus </s>
    int64_t outOfVocabulary = 0; // words left out
};

class TrigramLanguageModel {
public:
    // Throws InputError naming the file when it cannot be read as a Sphinx/ARPA n-gram model.
    explicit TrigramLanguageModel(const std::string& path);
    ~TrigramLanguageModel();
    TrigramLanguageModel(const TrigramLanguageModel&) = delete;
    TrigramLanguageModel& operator=(const TrigramLanguageModel&) = delete;

    // Safe from any thread. sphinxbase caches histories inside a model, so each concurrent caller gets
    // its own copy of the model (loaded on first need, up to one per core, ~30 MB each).
    PerplexityResult perplexity(std::string_view text) const;
    // The same over splitTextUnits(text).words, for callers that split the text once for every metric.
    PerplexityResult perplexity(const std::vector<std::string>& textWords) const;

private:
    struct Instance;
    Instance* acquire() const;

    std::string m_path;
    size_t m_maxInstances;
    mutable std::mutex m_poolMutex;
    mutable std::vector<std::unique_ptr<Instance>> m_instances;
};

}  // namespace srllm::core
