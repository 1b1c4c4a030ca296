#pragma once
// Finds and loads the tokenizer of a model folder (Hugging Face layout), and places tokenizer files in one.
#include <filesystem>
#include <memory>
#include <vector>

#include "core/tokenizer/tokenizer.h"

namespace srllm::core {

// Loads, in order of preference, tokenizer.json, else vocab.json + merges.txt (or the same files under
// OpenAI's names, encoder.json + vocab.bpe), else tokenizer.model.
// Special ids (bos/eos/pad) and add_bos_token/add_eos_token are read from tokenizer_config.json,
// special_tokens_map.json and generation_config.json when present. Throws InputError naming the folder
// and the files looked for when none is there, or naming the file and entry when one is malformed.
std::unique_ptr<Tokenizer> loadTokenizer(const std::filesystem::path& modelDir);

// The tokenizer files present in modelDir (tokenizer.json, vocab.json, merges.txt, encoder.json, vocab.bpe,
// tokenizer.model and the config files above); empty when the folder holds none.
std::vector<std::filesystem::path> tokenizerFiles(const std::filesystem::path& modelDir);

// Copies the tokenizer files of sourceDir into targetDir (created if needed), overwriting same-named
// files, so `srllm model new` can give a fresh model a tokenizer. Throws InputError when sourceDir
// holds no tokenizer. Returns the files written.
std::vector<std::filesystem::path> copyTokenizerFiles(const std::filesystem::path& sourceDir,
                                                      const std::filesystem::path& targetDir);

}  // namespace srllm::core
