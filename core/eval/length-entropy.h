#pragma once
// CLEN, length entropy: the Shannon entropy, in bits, of the distribution of lengths. Per text, the
// lengths are its words' lengths in letters and digits (splitTextUnits), so a text of uniform short
// words scores low and one mixing short and long words high; over a set of texts, pass the texts'
// lengths in words to measure how varied the outputs' lengths are. Pure, any thread.
#include <cstdint>
#include <vector>

#include "core/eval/metric-method.h"

namespace srllm::core {

inline constexpr MetricMethod kLengthEntropyMethod{
    "clen", "CLEN: Shannon entropy (bits) of the word lengths (letters and digits) of a text", 1};

// H = -sum p_k log2 p_k over the distinct lengths k; 0 for one distinct length, NaN for no lengths.
double lengthEntropyBits(const std::vector<int64_t>& lengths);

}  // namespace srllm::core
