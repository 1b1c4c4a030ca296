#pragma once
// The special ids a tokenizer exposes and the ids encode(addSpecial=true) puts around a sequence.
#include <cstdint>
#include <optional>
#include <vector>

namespace srllm::core {

struct SpecialTokens {
    std::optional<int64_t> bos;
    std::optional<int64_t> eos;
    std::optional<int64_t> pad;
    std::optional<int64_t> unk;
    std::vector<int64_t> prefix;  // e.g. {bos} for Llama; empty for GPT-2
    std::vector<int64_t> suffix;  // e.g. {eos} when add_eos_token is set
};

}  // namespace srllm::core
