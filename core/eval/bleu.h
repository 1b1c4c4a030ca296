#pragma once
// BLEU (Papineni et al. 2002) exactly as sacrebleu 2.x computes it with its defaults: the 13a (mteval)
// tokenizer, n-grams up to 4 clipped by the most any one reference has, the closest reference length
// for the brevity penalty (ties: the shorter), and "exp" smoothing. Sentence BLEU uses the effective
// order, as sacrebleu.sentence_bleu does; corpus BLEU sums the statistics first. Scores are 0..100.
// Pure, any thread. Checked against an independent Python script (tests/data/eval/make-quality-golden.py).
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/eval/metric-method.h"

namespace srllm::core {

inline constexpr MetricMethod kBleuMethod{
    "bleu", "BLEU as sacrebleu 2.x: 13a tokens, 4-grams, exp smoothing, brevity penalty (sentence: effective order)", 1};

struct BleuStatistics {
    std::array<int64_t, 4> correct{};  // clipped n-gram matches, n = 1..4
    std::array<int64_t, 4> total{};    // hypothesis n-grams
    int64_t hypothesisLength = 0;      // tokens
    int64_t referenceLength = 0;       // the closest reference's tokens
    BleuStatistics& operator+=(const BleuStatistics& other);
};

// sacrebleu's TokenizerV13a: unescapes &quot; &amp; &lt; &gt;, splits off punctuation and symbols,
// keeps "." and "," inside numbers; tokens joined by single spaces.
std::string tokenize13a(std::string_view line);

// Throws std::invalid_argument when `references` is empty.
BleuStatistics bleuStatistics(std::string_view hypothesis, const std::vector<std::string>& references);

double bleuScore(const BleuStatistics& statistics, bool effectiveOrder);

double sentenceBleu(std::string_view hypothesis, const std::vector<std::string>& references);

// references[i] holds the references of hypotheses[i] (any number, at least one each).
// Throws std::invalid_argument when the sizes differ.
double corpusBleu(const std::vector<std::string>& hypotheses, const std::vector<std::vector<std::string>>& references);

}  // namespace srllm::core
