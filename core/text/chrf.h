#pragma once
// chrF (Popovic 2015) with sacrebleu's CHRF defaults: character n-grams n = 1..6, whitespace removed,
// no word n-grams, beta = 2. Precision and recall are averaged over the orders where both texts have
// n-grams, then combined into F-beta; the score is 0..100 as sacrebleu prints it. Pure, any thread.
#include <string>
#include <string_view>
#include <vector>

namespace srllm::core {

struct ChrfOptions {
    int charOrder = 6;  // sacrebleu CHRF.CHAR_ORDER
    double beta = 2.0;  // recall weighted twice as much as precision (sacrebleu CHRF.BETA)
};

// Sentence-level chrF of a hypothesis against one reference (asymmetric: beta favours recall).
double chrf(std::string_view hypothesis, std::string_view reference, const ChrfOptions& options = {});

// Mean chrF over all ORDERED pairs (i != j) of the texts, so the asymmetry averages out; the agreement of
// annotators' rewrites of one item. Quiet NaN with fewer than two texts.
double meanPairwiseChrf(const std::vector<std::string>& texts, const ChrfOptions& options = {});

}  // namespace srllm::core
