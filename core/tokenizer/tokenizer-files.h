#pragma once
// File names of the Hugging Face tokenizer layout.
#include <filesystem>
#include <string>

namespace srllm::core {

inline constexpr const char* kTokenizerJson = "tokenizer.json";
inline constexpr const char* kVocabJson = "vocab.json";
inline constexpr const char* kMergesTxt = "merges.txt";
// The same two files under the names of OpenAI's GPT-2 release (openai/gpt-2 download_model.py).
inline constexpr const char* kOpenAiEncoderJson = "encoder.json";
inline constexpr const char* kOpenAiVocabBpe = "vocab.bpe";
inline constexpr const char* kTokenizerModel = "tokenizer.model";
inline constexpr const char* kTokenizerConfigJson = "tokenizer_config.json";
inline constexpr const char* kSpecialTokensMapJson = "special_tokens_map.json";
inline constexpr const char* kGenerationConfigJson = "generation_config.json";

}  // namespace srllm::core
