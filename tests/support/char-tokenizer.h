#pragma once
// A character tokenizer whose every id is hand-checkable: 'a'..'z' -> 3..28, ' ' -> 29; BOS 1, EOS 2,
// PAD 0; "</s>" is not special here (it stays text).
#include "core/tokenizer/tokenizer.h"

namespace srllm::test {

class CharTokenizer : public core::Tokenizer {
public:
    std::vector<int64_t> encode(std::string_view text, bool addSpecial) const override {
        std::vector<int64_t> ids;
        if (addSpecial) ids.push_back(1);
        for (char c : text) ids.push_back(c == ' ' ? 29 : c - 'a' + 3);
        return ids;
    }
    std::string decode(const std::vector<int64_t>&, bool) const override { return {}; }
    int64_t vocabSize() const override { return 30; }
    std::optional<int64_t> bosId() const override { return 1; }
    std::optional<int64_t> eosId() const override { return 2; }
    std::optional<int64_t> padId() const override { return 0; }
    std::optional<int64_t> unkId() const override { return std::nullopt; }
    std::optional<int64_t> tokenToId(std::string_view) const override { return std::nullopt; }
    std::string idToToken(int64_t) const override { return {}; }
};

}  // namespace srllm::test
