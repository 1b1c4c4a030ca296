#include "core/data/split.h"

#include <cmath>

#include "core/common/diagnostics.h"

namespace srllm::core {

double splitPosition(uint64_t seed, std::string_view itemUid) {
    uint64_t h = 14695981039346656037ull;  // FNV-1a 64 offset basis
    const auto mix = [&h](unsigned char byte) {
        h ^= byte;
        h *= 1099511628211ull;  // FNV-1a 64 prime
    };
    for (int i = 0; i < 8; ++i) mix(static_cast<unsigned char>(seed >> (8 * i)));
    for (const char c : itemUid) mix(static_cast<unsigned char>(c));
    h += 0x9E3779B97F4A7C15ull;  // SplitMix64 finaliser
    h = (h ^ (h >> 30)) * 0xBF58476D1CE4E5B9ull;
    h = (h ^ (h >> 27)) * 0x94D049BB133111EBull;
    h ^= h >> 31;
    return static_cast<double>(h >> 11) * 0x1.0p-53;  // top 53 bits -> [0, 1)
}

std::string assignSplit(uint64_t seed, std::string_view itemUid, const SplitFractions& fractions) {
    const double sum = fractions.train + fractions.val + fractions.test;
    if (fractions.train < 0 || fractions.val < 0 || fractions.test < 0 || std::fabs(sum - 1.0) > 1e-9)
        throw InputError("", 0, "--split", "split fractions must be >= 0 and sum to 1");
    const double p = splitPosition(seed, itemUid);
    if (p < fractions.train) return "train";
    if (p < fractions.train + fractions.val) return "val";
    return "test";
}

std::string itemSplit(const std::optional<std::string>& stored, std::string_view itemUid, uint64_t seed) {
    return stored ? *stored : assignSplit(seed, itemUid);
}

}  // namespace srllm::core
