#pragma once
// The risk scorer's features: word 1- and 2-grams and character 3- to 5-grams of each whitespace token
// (so "f*ck" and "idiooot" still share pieces with their plain spellings), hashed into 2^hashBits
// buckets and scaled to unit length. Text is normalised first: lowercased, @mentions -> "@user",
// links -> "http", HTML entities decoded or dropped, runs of 3+ equal characters cut to 2.
// Pure, any thread.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace srllm::core {

struct FeatureOptions {
    int hashBits = 20;    // 1M buckets: collisions stay rare for the ~1-2M distinct n-grams of the public sets
    int wordNgrams = 2;   // unigrams and bigrams: "not bad", "go die"
    int charMin = 3;      // character n-grams inside tokens, padded with < and >
    int charMax = 5;
};

nlohmann::json toJson(const FeatureOptions& options);
// Throws InputError(file, 0, "features.*", ...) for a missing or out-of-range value.
FeatureOptions featureOptionsFromJson(const nlohmann::json& json, const std::string& file);

struct SparseFeatures {
    std::vector<uint32_t> index;  // ascending, unique
    std::vector<float> value;     // L2 norm 1 (empty for a text without tokens)
};

// Fills `out` (its buffers are reused between calls).
void hashedFeatures(std::string_view text, const FeatureOptions& options, SparseFeatures& out);

// The normalised text the features are taken from (for tests and for explaining a score).
std::u32string normalizeForScoring(std::string_view text);

}  // namespace srllm::core
