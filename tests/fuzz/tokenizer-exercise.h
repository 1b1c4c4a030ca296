#pragma once
// What the tokenizer fuzz targets do with a tokenizer that loaded: encode a text that touches every code
// path (ASCII, multi-byte UTF-8, digits, whitespace runs, special-token look-alikes, an invalid byte), decode
// the ids back, and decode ids a user could type that are out of range.
#include <vector>

#include "core/tokenizer/tokenizer.h"

namespace srllm::fuzz {

inline void exerciseTokenizer(const core::Tokenizer& tokenizer) {
    static const std::string kText = "Hello, world!  It's 2024\t\n  ÜBER naïve 日本語 🙂 <s></s><|endoftext|> \xff end";
    for (const bool special : {true, false}) {
        const auto ids = tokenizer.encode(kText, special);
        tokenizer.decode(ids, special);
    }
    tokenizer.encode("", true);
    tokenizer.decode({-1, 0, tokenizer.vocabSize(), int64_t{1} << 40}, false);
    tokenizer.idToToken(-1);
    tokenizer.idToToken(tokenizer.vocabSize());
    tokenizer.tokenToId("<s>");
}

}  // namespace srllm::fuzz
