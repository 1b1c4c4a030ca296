#pragma once
// The randomised parts of a blind review design: which items are drawn (stratified, so rare risks are
// not crowded out) and which run is shown on the left. Deterministic for a seed on every platform:
// std::mt19937_64 is fully specified and draws use rng() % n (std::shuffle's distribution is not).
#include <cstdint>
#include <string>
#include <vector>

namespace srllm::core {

// Fisher–Yates over 0..count-1.
std::vector<int64_t> seededPermutation(int64_t count, uint64_t seed);

// For each of `count` comparisons, whether the first run of the pair is shown as A: exactly
// floor(count/2) or ceil(count/2) of them are true (balanced), in a seeded random order.
std::vector<bool> balancedSides(int64_t count, uint64_t seed);

// Draws `count` of the units (or all when count >= units), each stratum getting its proportional share
// (largest remainder, ties to the smaller stratum first), units within a stratum drawn at random.
// Returns unit indices, ascending. strata[i] names unit i's stratum.
std::vector<int64_t> stratifiedSample(const std::vector<std::string>& strata, int64_t count, uint64_t seed);

}  // namespace srllm::core
