#pragma once
// File names of the Hugging Face tokenizer layout and the JSON reader shared by the tokenizer loaders.
#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

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

// Reads a whole file; throws InputError naming it when it cannot be opened.
std::string readTextFile(const std::filesystem::path& file);

// Parses a JSON file; throws InputError with the file and the line of the syntax error.
nlohmann::json readJsonFile(const std::filesystem::path& file);

}  // namespace srllm::core
