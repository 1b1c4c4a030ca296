#pragma once
// Deterministic train/val/test assignment: each item's split depends only on the seed and its uid,
// so adding items never moves existing ones and every machine computes the same split.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace srllm::core {

struct SplitFractions {
    double train = 0.8;  // the paper's practice and the common default
    double val = 0.1;
    double test = 0.1;
};

// "train", "val" or "test" for the item. Throws InputError (field "--split") when a fraction is
// negative or they do not sum to 1 (within 1e-9).
std::string assignSplit(uint64_t seed, std::string_view itemUid, const SplitFractions& fractions = {});

// The seed of the project's split for items imported without one (export and snapshots use it alike).
inline constexpr uint64_t kProjectSplitSeed = 42;

// An item's split in the project: the one it was imported with, else assignSplit(seed, uid).
std::string itemSplit(const std::optional<std::string>& stored, std::string_view itemUid,
                      uint64_t seed = kProjectSplitSeed);

// A value in [0, 1) from FNV-1a over seed + uid, finished with the SplitMix64 mixer so that similar
// uids spread evenly. Exposed for tests.
double splitPosition(uint64_t seed, std::string_view itemUid);

}  // namespace srllm::core
