#pragma once
// Reads the Hugging Face tokenizer.json format (BPE models only) into a BpeTokenizerSpec;
// tokenizer-json-writer.* writes it back.
#include <string>

#include <nlohmann/json.hpp>

#include "core/tokenizer/bpe-tokenizer-spec.h"

namespace srllm::core {

// Parses a tokenizer.json document. Throws InputError naming file and the JSON path of the bad entry
// (e.g. "model.merges[12]") for unknown model types, unsupported normalizers/pre-tokenizers/decoders,
// and merges that reference tokens missing from the vocabulary.
BpeTokenizerSpec parseTokenizerJson(const nlohmann::json& doc, const std::string& file);

// The tokens of a {token: id} object (model.vocab, vocab.json) by id; `fieldPrefix` ("model.vocab.") and the
// token name the field in errors. Throws InputError for a non-integer or negative id, an id used twice, or
// an id more than kMaxVocabularyGap past the number of entries.
std::vector<std::string> vocabularyFromJson(const nlohmann::json& vocab, const std::string& file,
                                            const std::string& fieldPrefix);

// Resolves "a b" merge strings against a vocabulary into id pairs; problems are reported against
// file with line = firstLine + index (merges.txt) or field "model.merges[index]" (firstLine = 0).
std::vector<std::pair<int32_t, int32_t>> resolveMerges(const std::vector<std::string>& tokens,
                                                       const std::vector<std::pair<std::string, std::string>>& merges,
                                                       const std::string& file, int64_t firstLine);

}  // namespace srllm::core
