#pragma once
// Hugging Face style BPE tokenizer: added tokens, normalizer, pre-tokenizer, BPE model, post-processor
// (prefix/suffix ids) and decoder, covering byte-level BPE (GPT-2, Llama 3, Qwen2) and metaspace BPE with
// byte fallback (Llama 2, Mistral). const methods are thread-safe.
#include <filesystem>
#include <memory>
#include <unordered_map>

#include "core/tokenizer/bpe-tokenizer-spec.h"
#include "core/tokenizer/tokenizer.h"

namespace srllm::core {

class BpeTokenizer : public Tokenizer {
public:
    // Throws InputError when the spec is inconsistent (an added token id clashing with another token).
    explicit BpeTokenizer(BpeTokenizerSpec spec);

    // A spec read from `file` (e.g. a converted tokenizer.model); spec errors name that file.
    static std::unique_ptr<BpeTokenizer> fromSpec(BpeTokenizerSpec spec, const std::filesystem::path& file);
    // tokenizer.json; throws InputError naming the file and the JSON entry that is wrong.
    static std::unique_ptr<BpeTokenizer> fromTokenizerJson(const std::filesystem::path& file);
    // GPT-2 style vocab.json + merges.txt (byte-level); throws InputError naming the file and line.
    static std::unique_ptr<BpeTokenizer> fromVocabMerges(const std::filesystem::path& vocabFile,
                                                         const std::filesystem::path& mergesFile);

    std::vector<int64_t> encode(std::string_view text, bool addSpecial = true) const override;
    std::string decode(const std::vector<int64_t>& ids, bool skipSpecial = true) const override;
    int64_t vocabSize() const override { return m_vocabSize; }
    std::optional<int64_t> bosId() const override { return m_spec.specials.bos; }
    std::optional<int64_t> eosId() const override { return m_spec.specials.eos; }
    std::optional<int64_t> padId() const override { return m_spec.specials.pad; }
    std::optional<int64_t> unkId() const override { return m_spec.specials.unk; }
    std::optional<int64_t> tokenToId(std::string_view token) const override;
    std::string idToToken(int64_t id) const override;

    // Special ids and the prefix/suffix ids; the loader adjusts them from tokenizer_config.json.
    SpecialTokens& specials() { return m_spec.specials; }
    const BpeModel& model() const { return m_model; }

private:
    struct Segment {
        std::string_view text;
        int64_t addedId = -1;  // >= 0: the segment is this added token
    };
    std::vector<Segment> splitAddedTokens(std::string_view text) const;
    void encodeSegment(std::string_view text, bool first, std::vector<int64_t>& out) const;
    std::string normalize(std::string_view text) const;
    std::vector<std::string> preTokenize(std::string text, bool first) const;
    std::string runDecoder(std::vector<std::string> tokens) const;

    BpeTokenizerSpec m_spec;  // its model part lives in m_model
    BpeModel m_model;
    int64_t m_vocabSize = 0;
    std::unordered_map<int64_t, size_t> m_addedById;            // id -> index in m_spec.addedTokens
    std::vector<std::vector<size_t>> m_addedByFirstByte;        // 256 lists, longest content first
};

}  // namespace srllm::core
