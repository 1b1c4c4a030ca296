#include "core/tokenizer/tokenizer-config.h"

#include "core/common/diagnostics.h"
#include "core/common/folder-file.h"
#include "core/common/input-file.h"
#include "core/tokenizer/tokenizer-files.h"

namespace srllm::core {
namespace {

using nlohmann::json;

// A token field: "text", {"content": "text", ...} or null.
void readToken(const json& doc, const char* key, const std::string& file, std::optional<ConfigValue>& out) {
    if (out || !doc.contains(key) || doc[key].is_null()) return;
    const json& v = doc[key];
    if (v.is_string()) out = ConfigValue{v.get<std::string>(), file};
    else if (v.is_object() && v.contains("content") && v["content"].is_string())
        out = ConfigValue{v["content"].get<std::string>(), file};
    else throw InputError(file, 0, key, "expected a token string or {\"content\": …}");
}

void readBool(const json& doc, const char* key, const std::string& file, std::optional<bool>& out) {
    if (!doc.contains(key) || doc[key].is_null()) return;
    if (!doc[key].is_boolean()) throw InputError(file, 0, key, "expected true or false");
    out = doc[key].get<bool>();
}

// An id field: n or [n, ...] (several EOS ids: the first is the one a sequence ends with).
void readId(const json& doc, const char* key, const std::string& file, std::optional<int64_t>& out) {
    if (!doc.contains(key) || doc[key].is_null()) return;
    const json& v = doc[key].is_array() && !doc[key].empty() ? doc[key][0] : doc[key];
    if (!v.is_number_integer()) throw InputError(file, 0, key, "expected an integer id or a list of them");
    out = jsonInteger<int64_t>(v, file, key);
}

std::optional<int64_t> firstKnown(const Tokenizer& tok, std::initializer_list<const char*> names) {
    for (const char* name : names) {
        if (auto id = tok.tokenToId(name)) return id;
    }
    return std::nullopt;
}

void resolve(std::optional<int64_t>& slot, const std::optional<ConfigValue>& token, std::optional<int64_t> genId,
             const Tokenizer& tok, const char* field, const std::string& genFile) {
    if (token) {
        const auto id = tok.tokenToId(token->value);
        if (!id) throw InputError(token->file, 0, field, "token '" + token->value + "' is not in the vocabulary");
        slot = id;
    } else if (genId) {
        if (*genId < 0 || *genId >= tok.vocabSize())
            throw InputError(genFile, 0, field,
                             std::to_string(*genId) + " is outside the vocabulary of " + std::to_string(tok.vocabSize()));
        slot = genId;
    }
}

}  // namespace

TokenizerConfig readTokenizerConfig(const std::filesystem::path& dir) {
    TokenizerConfig config;
    config.dir = dir;
    for (const char* name : {kTokenizerConfigJson, kSpecialTokensMapJson}) {
        const auto file = dir / name;
        if (!folderHas(dir, name)) continue;
        const json doc = readJsonFile(file);
        if (!doc.is_object()) throw InputError(file.string(), 0, "", "expected a JSON object");
        readToken(doc, "bos_token", file.string(), config.bosToken);
        readToken(doc, "eos_token", file.string(), config.eosToken);
        readToken(doc, "pad_token", file.string(), config.padToken);
        readToken(doc, "unk_token", file.string(), config.unkToken);
        if (!config.addBos) readBool(doc, "add_bos_token", file.string(), config.addBos);
        if (!config.addEos) readBool(doc, "add_eos_token", file.string(), config.addEos);
    }
    const auto gen = dir / kGenerationConfigJson;
    if (folderHas(dir, kGenerationConfigJson)) {
        const json doc = readJsonFile(gen);
        if (!doc.is_object()) throw InputError(gen.string(), 0, "", "expected a JSON object");
        readId(doc, "bos_token_id", gen.string(), config.bosId);
        readId(doc, "eos_token_id", gen.string(), config.eosId);
        readId(doc, "pad_token_id", gen.string(), config.padId);
    }
    return config;
}

void applyTokenizerConfig(const TokenizerConfig& config, const Tokenizer& tok, SpecialTokens& specials) {
    // #12: errors named the bare file name, not the model folder it is in.
    const std::string genFile = (config.dir / kGenerationConfigJson).string();
    resolve(specials.bos, config.bosToken, config.bosId, tok, "bos_token", genFile);
    resolve(specials.eos, config.eosToken, config.eosId, tok, "eos_token", genFile);
    resolve(specials.pad, config.padToken, config.padId, tok, "pad_token", genFile);
    resolve(specials.unk, config.unkToken, std::nullopt, tok, "unk_token", genFile);
    if (!specials.bos && !specials.prefix.empty()) specials.bos = specials.prefix.front();
    if (!specials.eos && !specials.suffix.empty()) specials.eos = specials.suffix.back();
    if (!specials.bos) specials.bos = firstKnown(tok, {"<s>", "<|begin_of_text|>", "<|startoftext|>", "<bos>", "<|endoftext|>"});
    if (!specials.eos) specials.eos = firstKnown(tok, {"</s>", "<|end_of_text|>", "<|endoftext|>", "<eos>"});
    if (!specials.pad) specials.pad = firstKnown(tok, {"<pad>", "<|pad|>", "[PAD]", "<|padding|>"});
    if (!specials.unk) specials.unk = firstKnown(tok, {"<unk>", "[UNK]", "<|unk|>"});
    auto setEdge = [&](std::optional<bool> add, std::optional<int64_t> id, std::vector<int64_t>& edge, const char* field) {
        if (!add) return;
        if (*add && !id)
            throw InputError((config.dir / kTokenizerConfigJson).string(), 0, field,
                             "is true but the tokenizer has no such token");
        edge = *add ? std::vector<int64_t>{*id} : std::vector<int64_t>{};
    };
    setEdge(config.addBos, specials.bos, specials.prefix, "add_bos_token");
    setEdge(config.addEos, specials.eos, specials.suffix, "add_eos_token");
}

}  // namespace srllm::core
