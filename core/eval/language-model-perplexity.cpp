#include "core/eval/language-model-perplexity.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <limits>
#include <thread>
#include <vector>

#include <sphinxbase/err.h>
#include <sphinxbase/logmath.h>
#include <sphinxbase/ngram_model.h>

#include "core/common/diagnostics.h"
#include "core/eval/text-units.h"

namespace srllm::core {

namespace {

// The base of sphinxbase's integer log scores: 1.0001 gives a resolution of 1e-4 nats per token.
constexpr double kLogBase = 1.0001;

}  // namespace

struct TrigramLanguageModel::Instance {
    ngram_model_t* model = nullptr;
    logmath_t* logmath = nullptr;
    int32_t unknown = -1, sentenceStart = -1, sentenceEnd = -1;
    std::mutex mutex;

    explicit Instance(const std::string& path) {
        err_set_logfp(nullptr);  // sphinxbase logs every load step on stderr otherwise; failures are ours to report
        logmath = logmath_init(kLogBase, 0, 0);
        model = ngram_model_read(nullptr, path.c_str(), NGRAM_AUTO, logmath);
        if (!model) {
            logmath_free(logmath);
            throw InputError(path, 0, "", "not a Sphinx binary or ARPA n-gram model");
        }
        unknown = ngram_unknown_wid(model);
        sentenceStart = ngram_wid(model, "<s>");
        sentenceEnd = ngram_wid(model, "</s>");
    }
    ~Instance() {
        ngram_model_free(model);  // drops only the model's own reference to the logmath
        logmath_free(logmath);
    }
};

TrigramLanguageModel::TrigramLanguageModel(const std::string& path)
    : m_path(path), m_maxInstances(std::max(1u, std::thread::hardware_concurrency())) {
    if (!std::filesystem::is_regular_file(path))
        throw InputError(path, 0, "", "no language model here (hint: apt-get install pocketsphinx-en-us)");
    m_instances.push_back(std::make_unique<Instance>(path));
}

TrigramLanguageModel::~TrigramLanguageModel() = default;

// Returns a locked instance: a free one, else a new one while under the cap, else waits for the first.
TrigramLanguageModel::Instance* TrigramLanguageModel::acquire() const {
    std::unique_lock pool(m_poolMutex);
    for (auto& instance : m_instances)
        if (instance->mutex.try_lock()) return instance.get();
    if (m_instances.size() < m_maxInstances) {
        m_instances.push_back(std::make_unique<Instance>(m_path));
        m_instances.back()->mutex.lock();
        return m_instances.back().get();
    }
    Instance* first = m_instances.front().get();
    pool.unlock();
    first->mutex.lock();
    return first;
}

PerplexityResult TrigramLanguageModel::perplexity(std::string_view text) const {
    return perplexity(splitTextUnits(text).words);
}

PerplexityResult TrigramLanguageModel::perplexity(const std::vector<std::string>& textWords) const {
    std::vector<std::string> words;
    for (const auto& word : textWords) {
        size_t start = 0;
        for (size_t dash = word.find('-'); ; dash = word.find('-', start)) {
            if (dash == std::string::npos) dash = word.size();
            if (dash > start) words.push_back(word.substr(start, dash - start));
            if (dash == word.size()) break;
            start = dash + 1;
        }
    }
    PerplexityResult result;
    if (words.empty()) {
        result.perplexity = std::numeric_limits<double>::quiet_NaN();
        return result;
    }
    Instance& lm = *acquire();
    const std::lock_guard lock(lm.mutex, std::adopt_lock);
    int32_t history[2] = {lm.sentenceStart, -1};  // most recent first
    int32_t historyLength = 1;
    auto score = [&](int32_t wid) {
        int32_t used = 0;
        result.lnProbability += logmath_log_to_ln(lm.logmath, ngram_ng_prob(lm.model, wid, history, historyLength, &used));
        ++result.scoredTokens;
        history[1] = history[0];
        history[0] = wid;
        historyLength = std::min(historyLength + 1, 2);
    };
    for (const auto& word : words) {
        const int32_t wid = ngram_wid(lm.model, word.c_str());
        if (wid == lm.unknown || wid < 0) {
            ++result.outOfVocabulary;
            historyLength = 0;
            continue;
        }
        score(wid);
    }
    score(lm.sentenceEnd);
    result.perplexity = std::exp(-result.lnProbability / static_cast<double>(result.scoredTokens));
    return result;
}

}  // namespace srllm::core
