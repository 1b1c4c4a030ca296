#pragma once
// The tokenizer interface the models, the trainer and the CLI code against. Implementations:
// BpeTokenizer (tokenizer.json, vocab.json + merges.txt) and tokenizer.model (converted to the same BPE form, as Hugging Face does).
// All const methods are safe to call from several threads at once.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace srllm::core {

class Tokenizer {
public:
    virtual ~Tokenizer() = default;

    // Text to ids; addSpecial adds what the model expects around a sequence (BOS for Llama, nothing for GPT-2).
    virtual std::vector<int64_t> encode(std::string_view text, bool addSpecial = true) const = 0;
    // Ids to text; skipSpecial drops special tokens (BOS/EOS/PAD and added tokens marked special).
    virtual std::string decode(const std::vector<int64_t>& ids, bool skipSpecial = true) const = 0;

    virtual int64_t vocabSize() const = 0;  // ids are 0..vocabSize()-1
    virtual std::optional<int64_t> bosId() const = 0;
    virtual std::optional<int64_t> eosId() const = 0;
    virtual std::optional<int64_t> padId() const = 0;
    virtual std::optional<int64_t> unkId() const = 0;

    // Exact vocabulary lookup of one token string (as stored, e.g. "Ġthe", "▁the", "<s>").
    virtual std::optional<int64_t> tokenToId(std::string_view token) const = 0;
    // The stored token string of an id; empty when the id is out of range.
    virtual std::string idToToken(int64_t id) const = 0;
};

}  // namespace srllm::core
