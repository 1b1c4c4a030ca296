#pragma once
// The special-token settings of a Hugging Face model folder: tokenizer_config.json, special_tokens_map.json
// and generation_config.json, applied on top of what the tokenizer file itself says.
#include <filesystem>
#include <optional>
#include <string>

#include "core/tokenizer/special-tokens.h"
#include "core/tokenizer/tokenizer.h"

namespace srllm::core {

struct ConfigValue {
    std::string value;
    std::string file;  // where it came from, for error messages
};

struct TokenizerConfig {
    std::optional<ConfigValue> bosToken, eosToken, padToken, unkToken;  // token strings
    std::optional<int64_t> bosId, eosId, padId;                          // generation_config.json
    std::optional<bool> addBos, addEos;                                  // add_bos_token / add_eos_token
    std::filesystem::path dir;  // the folder the files were read from, named in errors
};

// Reads the config files present in dir (tokenizer_config.json wins over special_tokens_map.json);
// throws InputError for malformed JSON or a field of the wrong type.
TokenizerConfig readTokenizerConfig(const std::filesystem::path& dir);

// Sets bos/eos/pad/unk and the prefix/suffix ids from config, then fills still-missing ids from well-known
// token names (<s>, </s>, <|endoftext|>, <pad>, <unk>, ...). Throws InputError when a configured token is not
// in the vocabulary or add_bos_token is set without a BOS token.
void applyTokenizerConfig(const TokenizerConfig& config, const Tokenizer& tokenizer, SpecialTokens& specials);

}  // namespace srllm::core
