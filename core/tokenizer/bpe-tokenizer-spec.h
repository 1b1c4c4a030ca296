#pragma once
// The parts of a Hugging Face tokenizer.json that a BPE tokenizer needs, as plain structs. Parsed and
// written by tokenizer-json.*, built by the vocab.json/merges.txt loader, the SentencePiece converter and
// the BPE trainer, and run by BpeTokenizer.
#include <cstdint>
#include <string>
#include <vector>

#include "core/tokenizer/bpe-model.h"
#include "core/tokenizer/pre-tokenizer-regex.h"
#include "core/tokenizer/special-tokens.h"

namespace srllm::core {

inline constexpr const char* kMetaspace = "\xE2\x96\x81";  // "▁" U+2581, SentencePiece's space

// How far past the vocabulary's entries an id may lie (added tokens fill such holes). Ids index dense
// tables, so a stray id of 4e9 would otherwise demand gigabytes (#12); real files have no holes at all.
inline constexpr int64_t kMaxVocabularyGap = 1 << 20;

struct AddedToken {
    int64_t id = 0;
    std::string content;
    bool special = true;      // skipped by decode(skipSpecial=true)
    bool lstrip = false;      // swallows whitespace on its left
    bool rstrip = false;      // swallows whitespace on its right
    bool normalized = false;  // NOTE: matched on the raw text either way (no model we load needs otherwise)
    bool singleWord = false;  // only matched when not inside a word
};

struct NormalizerStep {
    enum class Kind { Nfc, Nfkc, Nfd, Nfkd, Lowercase, Prepend, Replace };
    Kind kind = Kind::Nfc;
    std::string pattern;  // Replace: the literal to find; Prepend: the prefix
    std::string content;  // Replace: the replacement
};

enum class PrependScheme { Always, First, Never };

struct PreTokenizerStep {
    enum class Kind { Split, ByteLevel, Metaspace, Digits };
    Kind kind = Kind::ByteLevel;
    SplitPattern pattern = SplitPattern::Gpt2;  // Split
    bool addPrefixSpace = false;                // ByteLevel
    bool useRegex = true;                       // ByteLevel: split with the GPT-2 regex first
    std::string replacement = kMetaspace;       // Metaspace
    PrependScheme prepend = PrependScheme::Always;  // Metaspace
    bool split = true;                          // Metaspace: one word per "▁"
    bool individualDigits = false;              // Digits
};

struct DecoderStep {
    enum class Kind { ByteLevel, Replace, ByteFallback, Fuse, Strip, Metaspace };
    Kind kind = Kind::ByteLevel;
    std::string pattern;  // Replace: literal to find; Strip: the character stripped; Metaspace: replacement
    std::string content;  // Replace: the replacement
    int start = 0;        // Strip: how many leading characters to strip
    int stop = 0;         // Strip: how many trailing characters to strip
    PrependScheme prepend = PrependScheme::Always;  // Metaspace
};

struct BpeTokenizerSpec {
    BpeModelSpec model;
    std::vector<AddedToken> addedTokens;
    std::vector<NormalizerStep> normalizer;
    std::vector<PreTokenizerStep> preTokenizer;
    std::vector<DecoderStep> decoder;  // empty: tokens are joined with spaces, as Hugging Face does
    SpecialTokens specials;            // prefix/suffix come from the post-processor
};

}  // namespace srllm::core
