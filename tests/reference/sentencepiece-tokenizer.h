#pragma once
// tokenizer.model through libsentencepiece: the independent reference the tokenizer tests compare with.
// Test-only: Debian's libsentencepiece carries a protobuf that clashes with libtorch's at load time, so the
// product reads tokenizer.model itself (core/tokenizer/sentencepiece-to-bpe) and never links it.
#include <filesystem>
#include <memory>

#include "core/tokenizer/special-tokens.h"
#include "core/tokenizer/tokenizer.h"

namespace sentencepiece {
class SentencePieceProcessor;
}

namespace srllm::core {

class SentencePieceTokenizer : public Tokenizer {
public:
    // Throws InputError naming the file when it is missing or not a SentencePiece model.
    explicit SentencePieceTokenizer(const std::filesystem::path& modelFile);
    ~SentencePieceTokenizer() override;

    std::vector<int64_t> encode(std::string_view text, bool addSpecial = true) const override;
    std::string decode(const std::vector<int64_t>& ids, bool skipSpecial = true) const override;
    int64_t vocabSize() const override;
    std::optional<int64_t> bosId() const override { return m_specials.bos; }
    std::optional<int64_t> eosId() const override { return m_specials.eos; }
    std::optional<int64_t> padId() const override { return m_specials.pad; }
    std::optional<int64_t> unkId() const override { return m_specials.unk; }
    std::optional<int64_t> tokenToId(std::string_view token) const override;
    std::string idToToken(int64_t id) const override;

    // The loader adjusts these from tokenizer_config.json (default: BOS before, nothing after, as Llama).
    SpecialTokens& specials() { return m_specials; }
    const sentencepiece::SentencePieceProcessor& processor() const { return *m_processor; }

private:
    std::unique_ptr<sentencepiece::SentencePieceProcessor> m_processor;
    SpecialTokens m_specials;
};

}  // namespace srllm::core
