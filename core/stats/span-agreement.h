#pragma once
// Agreement on marked spans (biased words). Main figure: Krippendorff's nominal alpha with every code point
// of every unit as a unit rated "in a span" / "not" by each coder who annotated it. Chosen over pairwise F1
// because it corrects for chance, takes any number of coders and missing ones, and is comparable with the
// label alphas. Mean pairwise F1 (Dice over code points) is reported too because it is easy to read.
#include <cstdint>
#include <optional>
#include <vector>

namespace srllm::core {

struct MarkedRange {
    int64_t start = 0;  // code points, [start, end)
    int64_t end = 0;
};

struct SpanUnit {
    int64_t length = 0;  // code points in the item text; ranges are clipped to it
    // One entry per coder: nullopt = did not annotate this unit, empty = annotated and marked nothing.
    std::vector<std::optional<std::vector<MarkedRange>>> coders;
};

struct SpanAgreement {
    double alpha = 0;           // quiet NaN when undefined (no pairable unit, or nobody marked anything)
    double meanPairwiseF1 = 0;  // over (unit, coder pair) where at least one of the two marked something
    int64_t pairs = 0;          // pairs behind meanPairwiseF1; 0 leaves it NaN
    int64_t units = 0;          // units with at least two coders
};

SpanAgreement spanAgreement(const std::vector<SpanUnit>& units);

// What one unit adds to the figures, so a bootstrap can resample units without re-reading every text.
struct SpanContribution {
    bool pairable = false;               // at least two coders
    double o00 = 0, o01 = 0, o11 = 0;    // coincidences (o10 == o01)
    double f1Sum = 0;                    // sum of pairwise F1 over pairs where something was marked
    int64_t pairs = 0;
};
std::vector<SpanContribution> spanContributions(const std::vector<SpanUnit>& units);
// Figures over the listed contributions (repeats allowed).
SpanAgreement combineSpanContributions(const std::vector<SpanContribution>& contributions,
                                       const std::vector<int64_t>& unitIndices);

// Per code point of a unit: how many coders marked it (ranges of one coder are unioned first).
std::vector<int> markCounts(int64_t length, const std::vector<std::vector<MarkedRange>>& coders);

}  // namespace srllm::core
