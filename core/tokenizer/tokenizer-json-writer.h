#pragma once
// Writes a BpeTokenizerSpec as a Hugging Face tokenizer.json (the inverse of tokenizer-json.*), used by the
// BPE trainer and the SentencePiece converter.
#include <filesystem>

#include <nlohmann/json.hpp>

#include "core/tokenizer/bpe-tokenizer-spec.h"

namespace srllm::core {

// The document, loadable by Hugging Face tokenizers and by parseTokenizerJson.
nlohmann::json tokenizerJsonFromSpec(const BpeTokenizerSpec& spec);

// Writes tokenizerJsonFromSpec(spec) to file (atomically, 2-space indent).
void writeTokenizerJson(const BpeTokenizerSpec& spec, const std::filesystem::path& file);

}  // namespace srllm::core
