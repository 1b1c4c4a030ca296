#pragma once
// Converts a SentencePiece BPE tokenizer.model into an equivalent tokenizer.json spec, as Hugging Face's
// LlamaConverter does: vocabulary = pieces with their ids, merges = every split of a piece into two pieces,
// ordered by the piece's score; metaspace normalizer, byte fallback, BOS post-processor.
#include <filesystem>

#include "core/common/diagnostics.h"
#include "core/tokenizer/bpe-tokenizer-spec.h"

namespace srllm::core {

struct SentencePieceConversion {
    BpeTokenizerSpec spec;
    Diagnostics warnings;  // settings the BPE form cannot reproduce exactly (non-identity normalization)
};

// Throws InputError naming the file when it is not a SentencePiece model or not a BPE one
// (hint: unigram models are used through tokenizer.model directly).
SentencePieceConversion convertSentencePieceToBpe(const std::filesystem::path& modelFile);

}  // namespace srllm::core
