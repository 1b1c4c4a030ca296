#include "core/eval/language-model-perplexity.h"

#include <cmath>
#include <filesystem>
#include <limits>
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

TrigramLanguageModel::TrigramLanguageModel(const std::string& path) {
    if (!std::filesystem::is_regular_file(path))
        throw InputError(path, 0, "", "no language model here (hint: apt-get install pocketsphinx-en-us)");
    err_set_logfp(nullptr);  // sphinxbase logs every load step on stderr otherwise; failures are ours to report
    m_logmath = logmath_init(kLogBase, 0, 0);
    m_model = ngram_model_read(nullptr, path.c_str(), NGRAM_AUTO, m_logmath);
    if (!m_model) {
        logmath_free(m_logmath);
        throw InputError(path, 0, "", "not a Sphinx binary or ARPA n-gram model");
    }
    m_unknown = ngram_unknown_wid(m_model);
    m_sentenceStart = ngram_wid(m_model, "<s>");
    m_sentenceEnd = ngram_wid(m_model, "</s>");
}

TrigramLanguageModel::~TrigramLanguageModel() {
    ngram_model_free(m_model);  // frees the logmath it was given, too
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
    const std::lock_guard lock(m_mutex);
    int32_t history[2] = {m_sentenceStart, -1};  // most recent first
    int32_t historyLength = 1;
    auto score = [&](int32_t wid) {
        int32_t used = 0;
        result.lnProbability += logmath_log_to_ln(m_logmath, ngram_ng_prob(m_model, wid, history, historyLength, &used));
        ++result.scoredTokens;
        history[1] = history[0];
        history[0] = wid;
        historyLength = std::min(historyLength + 1, 2);
    };
    for (const auto& word : words) {
        const int32_t wid = ngram_wid(m_model, word.c_str());
        if (wid == m_unknown || wid < 0) {
            ++result.outOfVocabulary;
            historyLength = 0;
            continue;
        }
        score(wid);
    }
    score(m_sentenceEnd);
    result.perplexity = std::exp(-result.lnProbability / static_cast<double>(result.scoredTokens));
    return result;
}

}  // namespace srllm::core
