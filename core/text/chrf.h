#pragma once
// chrF (Popovic 2015) with sacrebleu's CHRF defaults: character n-grams n = 1..6, whitespace removed,
// no word n-grams, beta = 2. Precision and recall are averaged over the orders where both texts have
// n-grams, then combined into F-beta; the score is 0..100 as sacrebleu prints it. With several
// references a hypothesis takes the statistics of its best-scoring one, and corpus chrF sums the
// statistics over segments first, both as sacrebleu does. Pure, any thread.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace srllm::core {

struct ChrfOptions {
    int charOrder = 6;  // sacrebleu CHRF.CHAR_ORDER
    double beta = 2.0;  // recall weighted twice as much as precision (sacrebleu CHRF.BETA)
};

// Per order n = 1..charOrder: {hypothesis n-grams, reference n-grams, matches}.
using ChrfStatistics = std::vector<std::array<int64_t, 3>>;

// Statistics against the best-scoring reference. Throws std::invalid_argument without references.
ChrfStatistics chrfStatistics(std::string_view hypothesis, const std::vector<std::string>& references,
                              const ChrfOptions& options = {});
double chrfScore(const ChrfStatistics& statistics, const ChrfOptions& options = {});

// Sentence-level chrF of a hypothesis against one reference (asymmetric: beta favours recall).
double chrf(std::string_view hypothesis, std::string_view reference, const ChrfOptions& options = {});

// references[i] holds the references of hypotheses[i]. Throws std::invalid_argument when sizes differ.
double corpusChrf(const std::vector<std::string>& hypotheses, const std::vector<std::vector<std::string>>& references,
                  const ChrfOptions& options = {});

// Mean chrF over all ORDERED pairs (i != j) of the texts, so the asymmetry averages out; the agreement of
// annotators' rewrites of one item. Quiet NaN with fewer than two texts.
double meanPairwiseChrf(const std::vector<std::string>& texts, const ChrfOptions& options = {});

}  // namespace srllm::core
