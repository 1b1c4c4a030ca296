#include "core/tokenizer/tokenizer-json.h"

#include <type_traits>
#include <unordered_map>

#include "core/common/diagnostics.h"
#include "core/common/input-file.h"

namespace srllm::core {
namespace {

using nlohmann::json;

[[noreturn]] void fail(const std::string& file, const std::string& field, const std::string& message) {
    throw InputError(file, 0, field, message);
}

// Reads obj[key] as T, or fallback when absent or null; a value of the wrong type is an error.
template <typename T>
T get(const json& obj, const char* key, const T& fallback, const std::string& file, const std::string& path) {
    const auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) return fallback;
    // #12: get<int> turned a Strip decoder's "start": 2.5 into 2 and an added token's "id": 1e300 into
    // undefined behaviour.
    if constexpr (std::is_integral_v<T> && !std::is_same_v<T, bool>) return jsonInteger<T>(*it, file, path + "." + key);
    try {
        return it->get<T>();
    } catch (const json::exception&) {
        fail(file, path + "." + key, "has the wrong type (" + std::string(it->type_name()) + ")");
    }
}

std::string typeOf(const json& obj, const std::string& file, const std::string& path) {
    if (!obj.is_object()) fail(file, path, "expected an object");
    const std::string type = get<std::string>(obj, "type", "", file, path);
    if (type.empty()) fail(file, path + ".type", "missing");
    return type;
}

// A Replace/Split "pattern": {"String": s} or {"Regex": r}; returns (isRegex, text).
std::pair<bool, std::string> patternOf(const json& obj, const std::string& file, const std::string& path) {
    const auto it = obj.find("pattern");
    if (it == obj.end() || !it->is_object()) fail(file, path + ".pattern", "expected {\"String\": …} or {\"Regex\": …}");
    if (it->contains("Regex")) return {true, get<std::string>(*it, "Regex", "", file, path + ".pattern")};
    return {false, get<std::string>(*it, "String", "", file, path + ".pattern")};
}

PrependScheme prependOf(const json& obj, const std::string& file, const std::string& path) {
    if (obj.contains("prepend_scheme")) {
        const std::string s = get<std::string>(obj, "prepend_scheme", "always", file, path);
        if (s == "always") return PrependScheme::Always;
        if (s == "first") return PrependScheme::First;
        if (s == "never") return PrependScheme::Never;
        fail(file, path + ".prepend_scheme", "unknown value '" + s + "' (expected always, first or never)");
    }
    return get<bool>(obj, "add_prefix_space", true, file, path) ? PrependScheme::Always : PrependScheme::Never;
}

// Walks a component that may be a "Sequence" of components, calling one(step, path) on each leaf.
template <typename F>
void forEachStep(const json& node, const char* listKey, const std::string& file, const std::string& path, F one) {
    if (node.is_null()) return;
    if (typeOf(node, file, path) != "Sequence") return one(node, path);
    const auto it = node.find(listKey);
    if (it == node.end() || !it->is_array()) fail(file, path + "." + listKey, "expected an array");
    for (size_t k = 0; k < it->size(); ++k) {
        forEachStep((*it)[k], listKey, file, path + "." + listKey + "[" + std::to_string(k) + "]", one);
    }
}

void parseNormalizer(const json& node, const std::string& file, BpeTokenizerSpec& spec) {
    forEachStep(node, "normalizers", file, "normalizer", [&](const json& n, const std::string& path) {
        const std::string type = typeOf(n, file, path);
        NormalizerStep step;
        using K = NormalizerStep::Kind;
        if (type == "NFC") step.kind = K::Nfc;
        else if (type == "NFKC") step.kind = K::Nfkc;
        else if (type == "NFD") step.kind = K::Nfd;
        else if (type == "NFKD") step.kind = K::Nfkd;
        else if (type == "Lowercase") step.kind = K::Lowercase;
        else if (type == "Prepend") {
            step.kind = K::Prepend;
            step.pattern = get<std::string>(n, "prepend", "", file, path);
        } else if (type == "Replace") {
            step.kind = K::Replace;
            auto [isRegex, text] = patternOf(n, file, path);
            if (isRegex) fail(file, path + ".pattern", "regex Replace normalizers are not supported");
            step.pattern = text;
            step.content = get<std::string>(n, "content", "", file, path);
        } else {
            fail(file, path + ".type", "unsupported normalizer '" + type +
                                           "' (supported: Sequence, NFC, NFKC, NFD, NFKD, Lowercase, Prepend, Replace)");
        }
        spec.normalizer.push_back(step);
    });
}

void parsePreTokenizer(const json& node, const std::string& file, BpeTokenizerSpec& spec) {
    forEachStep(node, "pretokenizers", file, "pre_tokenizer", [&](const json& n, const std::string& path) {
        const std::string type = typeOf(n, file, path);
        PreTokenizerStep step;
        using K = PreTokenizerStep::Kind;
        if (type == "ByteLevel") {
            step.kind = K::ByteLevel;
            step.addPrefixSpace = get<bool>(n, "add_prefix_space", false, file, path);
            step.useRegex = get<bool>(n, "use_regex", true, file, path);
        } else if (type == "Split") {
            step.kind = K::Split;
            auto [isRegex, text] = patternOf(n, file, path);
            const auto pattern = splitPatternFromRegex(text);
            if (!isRegex || !pattern) {
                fail(file, path + ".pattern", "unsupported split pattern '" + text +
                                                  "' (hint: supported are the GPT-2, Llama 3 and Qwen2 regexes)");
            }
            step.pattern = *pattern;
            if (get<std::string>(n, "behavior", "Isolated", file, path) != "Isolated" ||
                get<bool>(n, "invert", false, file, path)) {
                fail(file, path + ".behavior", "only behavior Isolated without invert is supported");
            }
        } else if (type == "Metaspace") {
            step.kind = K::Metaspace;
            step.replacement = get<std::string>(n, "replacement", kMetaspace, file, path);
            step.prepend = prependOf(n, file, path);
            step.split = get<bool>(n, "split", true, file, path);
        } else if (type == "Digits") {
            step.kind = K::Digits;
            step.individualDigits = get<bool>(n, "individual_digits", false, file, path);
        } else {
            fail(file, path + ".type", "unsupported pre-tokenizer '" + type +
                                           "' (supported: Sequence, ByteLevel, Split, Metaspace, Digits)");
        }
        spec.preTokenizer.push_back(step);
    });
}

void parseDecoder(const json& node, const std::string& file, BpeTokenizerSpec& spec) {
    forEachStep(node, "decoders", file, "decoder", [&](const json& n, const std::string& path) {
        const std::string type = typeOf(n, file, path);
        DecoderStep step;
        using K = DecoderStep::Kind;
        if (type == "ByteLevel") step.kind = K::ByteLevel;
        else if (type == "ByteFallback") step.kind = K::ByteFallback;
        else if (type == "Fuse") step.kind = K::Fuse;
        else if (type == "Replace") {
            step.kind = K::Replace;
            auto [isRegex, text] = patternOf(n, file, path);
            if (isRegex) fail(file, path + ".pattern", "regex Replace decoders are not supported");
            step.pattern = text;
            step.content = get<std::string>(n, "content", "", file, path);
        } else if (type == "Strip") {
            step.kind = K::Strip;
            step.pattern = get<std::string>(n, "content", " ", file, path);
            step.start = get<int>(n, "start", 0, file, path);
            step.stop = get<int>(n, "stop", 0, file, path);
        } else if (type == "Metaspace") {
            step.kind = K::Metaspace;
            step.pattern = get<std::string>(n, "replacement", kMetaspace, file, path);
            step.prepend = prependOf(n, file, path);
        } else {
            fail(file, path + ".type", "unsupported decoder '" + type +
                                           "' (supported: Sequence, ByteLevel, ByteFallback, Fuse, Replace, Strip, Metaspace)");
        }
        spec.decoder.push_back(step);
    });
}

// node[key] when it is present and of the expected kind, else `fallback`; a present value of another kind
// is an error (#12: indexing a string as an array threw nlohmann's type_error instead of naming the entry).
const json& member(const json& node, const char* key, json::value_t kind, const json& fallback, const std::string& file,
                   const std::string& path) {
    const auto it = node.find(key);
    if (it == node.end() || it->is_null()) return fallback;
    if (it->type() != kind)
        fail(file, path + "." + key, std::string("expected ") + (kind == json::value_t::array ? "an array" : "an object"));
    return *it;
}

// The ids a post-processor puts before and after a single sequence.
void parsePostProcessor(const json& node, const std::string& file, const std::string& path, BpeTokenizerSpec& spec) {
    if (node.is_null()) return;
    const std::string type = typeOf(node, file, path);
    if (type == "ByteLevel") return;
    if (type == "Sequence") {
        static const json kNone = json::array();
        const json& list = member(node, "processors", json::value_t::array, kNone, file, path);
        for (size_t k = 0; k < list.size(); ++k) {
            parsePostProcessor(list[k], file, path + ".processors[" + std::to_string(k) + "]", spec);
        }
        return;
    }
    auto pairId = [&](const char* key) {
        const auto it = node.find(key);
        if (it == node.end() || !it->is_array() || it->size() != 2 || !(*it)[1].is_number_integer())
            fail(file, path + "." + key, "expected [token, id]");
        return (*it)[1].get<int64_t>();
    };
    if (type == "BertProcessing" || type == "RobertaProcessing") {
        spec.specials.prefix = {pairId("cls")};
        spec.specials.suffix = {pairId("sep")};
        return;
    }
    if (type != "TemplateProcessing") {
        fail(file, path + ".type", "unsupported post-processor '" + type +
                                       "' (supported: TemplateProcessing, ByteLevel, BertProcessing, RobertaProcessing, Sequence)");
    }
    static const json kNoItems = json::array(), kNoSpecials = json::object();
    const json& single = member(node, "single", json::value_t::array, kNoItems, file, path);
    const json& specials = member(node, "special_tokens", json::value_t::object, kNoSpecials, file, path);
    bool afterSequence = false;
    spec.specials.prefix.clear();
    spec.specials.suffix.clear();
    for (size_t k = 0; k < single.size(); ++k) {
        const std::string itemPath = path + ".single[" + std::to_string(k) + "]";
        if (!single[k].is_object()) fail(file, itemPath, "expected {\"SpecialToken\": …} or {\"Sequence\": …}");
        if (single[k].contains("Sequence")) {
            afterSequence = true;
            continue;
        }
        const std::string name = single[k].contains("SpecialToken")
                                     ? get<std::string>(single[k]["SpecialToken"], "id", "", file, itemPath)
                                     : "";
        if (!specials.contains(name)) fail(file, itemPath, "special token '" + name + "' is not in special_tokens");
        const auto ids = get<std::vector<int64_t>>(specials[name], "ids", {}, file, path + ".special_tokens." + name);
        auto& target = afterSequence ? spec.specials.suffix : spec.specials.prefix;
        target.insert(target.end(), ids.begin(), ids.end());
    }
}

void parseAddedTokens(const json& doc, const std::string& file, BpeTokenizerSpec& spec) {
    const auto it = doc.find("added_tokens");
    if (it == doc.end() || it->is_null()) return;
    if (!it->is_array()) fail(file, "added_tokens", "expected an array");
    for (size_t k = 0; k < it->size(); ++k) {
        const json& t = (*it)[k];
        const std::string path = "added_tokens[" + std::to_string(k) + "]";
        if (!t.is_object() || !t.contains("id") || !t.contains("content"))
            fail(file, path, "expected an object with id and content");
        AddedToken a;
        a.id = get<int64_t>(t, "id", -1, file, path);
        a.content = get<std::string>(t, "content", "", file, path);
        a.special = get<bool>(t, "special", false, file, path);
        a.lstrip = get<bool>(t, "lstrip", false, file, path);
        a.rstrip = get<bool>(t, "rstrip", false, file, path);
        a.normalized = get<bool>(t, "normalized", false, file, path);
        a.singleWord = get<bool>(t, "single_word", false, file, path);
        if (a.id < 0 || a.content.empty()) fail(file, path, "needs a non-negative id and a non-empty content");
        spec.addedTokens.push_back(std::move(a));
    }
}

void parseModel(const json& model, const std::string& file, BpeTokenizerSpec& spec) {
    if (!model.is_object()) fail(file, "model", "missing or not an object");
    const std::string type = get<std::string>(model, "type", "BPE", file, "model");
    if (type != "BPE") {
        fail(file, "model.type", "unsupported model type '" + type +
                                     "' (hint: only BPE tokenizer.json is supported; a SentencePiece model loads from "
                                     "tokenizer.model)");
    }
    for (const char* key : {"continuing_subword_prefix", "end_of_word_suffix"}) {
        if (!get<std::string>(model, key, "", file, "model").empty())
            fail(file, std::string("model.") + key, "is not supported (byte-level and metaspace BPE do not use it)");
    }
    const auto vocab = model.find("vocab");
    if (vocab == model.end() || !vocab->is_object()) fail(file, "model.vocab", "missing or not an object");
    auto& tokens = spec.model.tokens;
    tokens = vocabularyFromJson(*vocab, file, "model.vocab.");
    const auto mergesIt = model.find("merges");
    if (mergesIt == model.end() || !mergesIt->is_array()) fail(file, "model.merges", "missing or not an array");
    std::vector<std::pair<std::string, std::string>> merges;
    merges.reserve(mergesIt->size());
    for (size_t k = 0; k < mergesIt->size(); ++k) {
        const json& m = (*mergesIt)[k];
        const std::string path = "model.merges[" + std::to_string(k) + "]";
        if (m.is_array() && m.size() == 2 && m[0].is_string() && m[1].is_string()) {
            merges.emplace_back(m[0].get<std::string>(), m[1].get<std::string>());
            continue;
        }
        const std::string s = m.is_string() ? m.get<std::string>() : std::string();
        const size_t space = s.find(' ');
        if (space == std::string::npos || space == 0 || space + 1 >= s.size() || s.find(' ', space + 1) != std::string::npos)
            fail(file, path, "expected \"left right\" or [left, right], got " + m.dump());
        merges.emplace_back(s.substr(0, space), s.substr(space + 1));
    }
    spec.model.merges = resolveMerges(tokens, merges, file, 0);
    spec.model.byteFallback = get<bool>(model, "byte_fallback", false, file, "model");
    spec.model.fuseUnk = get<bool>(model, "fuse_unk", false, file, "model");
    spec.model.ignoreMerges = get<bool>(model, "ignore_merges", false, file, "model");
    const std::string unk = get<std::string>(model, "unk_token", "", file, "model");
    if (!unk.empty()) {
        const auto it = std::find(tokens.begin(), tokens.end(), unk);
        if (it == tokens.end()) fail(file, "model.unk_token", "'" + unk + "' is not in model.vocab");
        spec.model.unk = static_cast<int32_t>(it - tokens.begin());
        spec.specials.unk = *spec.model.unk;
    }
}

}  // namespace

std::vector<std::string> vocabularyFromJson(const nlohmann::json& vocab, const std::string& file,
                                            const std::string& fieldPrefix) {
    std::vector<std::string> tokens(vocab.size());
    const uint64_t limit = vocab.size() + kMaxVocabularyGap;
    for (const auto& [token, idJson] : vocab.items()) {
        if (!idJson.is_number_integer() || idJson.get<int64_t>() < 0)
            fail(file, fieldPrefix + token, "expected a non-negative integer id");
        const auto id = idJson.get<uint64_t>();
        if (id >= limit)
            fail(file, fieldPrefix + token,
                 "id " + std::to_string(id) + " lies far beyond the " + std::to_string(vocab.size()) +
                     " entries of the vocabulary (hint: ids run from 0 without large gaps)");
        if (id >= tokens.size()) tokens.resize(id + 1);
        if (!tokens[id].empty()) fail(file, fieldPrefix + token, "id " + std::to_string(id) + " is also '" + tokens[id] + "'");
        tokens[id] = token;
    }
    return tokens;
}

std::vector<std::pair<int32_t, int32_t>> resolveMerges(const std::vector<std::string>& tokens,
                                                       const std::vector<std::pair<std::string, std::string>>& merges,
                                                       const std::string& file, int64_t firstLine) {
    std::unordered_map<std::string_view, int32_t> ids;
    ids.reserve(tokens.size());
    for (size_t id = 0; id < tokens.size(); ++id) {
        if (!tokens[id].empty()) ids.emplace(tokens[id], static_cast<int32_t>(id));
    }
    std::vector<std::pair<int32_t, int32_t>> out;
    out.reserve(merges.size());
    for (size_t k = 0; k < merges.size(); ++k) {
        const std::string& left = merges[k].first;  // not a structured binding: clang 14 cannot capture those
        const std::string& right = merges[k].second;
        const int64_t line = firstLine > 0 ? firstLine + static_cast<int64_t>(k) : 0;
        const std::string field = firstLine > 0 ? "" : "model.merges[" + std::to_string(k) + "]";
        auto idOf = [&](const std::string& token, const char* what) {
            const auto it = ids.find(token);
            if (it == ids.end())
                throw InputError(file, line, field, "merge '" + left + " " + right + "': " + what + " '" + token +
                                                        "' is not in the vocabulary (hint: vocab and merges from different tokenizers?)");
            return it->second;
        };
        const int32_t l = idOf(left, "left part");
        const int32_t r = idOf(right, "right part");
        idOf(left + right, "merged token");
        out.emplace_back(l, r);
    }
    return out;
}

BpeTokenizerSpec parseTokenizerJson(const nlohmann::json& doc, const std::string& file) {
    if (!doc.is_object()) fail(file, "", "expected a JSON object (a Hugging Face tokenizer.json)");
    BpeTokenizerSpec spec;
    parseModel(doc.contains("model") ? doc["model"] : json(), file, spec);
    parseAddedTokens(doc, file, spec);
    parseNormalizer(doc.value("normalizer", json()), file, spec);
    parsePreTokenizer(doc.value("pre_tokenizer", json()), file, spec);
    parseDecoder(doc.value("decoder", json()), file, spec);
    parsePostProcessor(doc.value("post_processor", json()), file, "post_processor", spec);
    // What the post-processor adds around a sequence is the best evidence of BOS/EOS; config files may override.
    if (!spec.specials.prefix.empty()) spec.specials.bos = spec.specials.prefix.front();
    if (!spec.specials.suffix.empty()) spec.specials.eos = spec.specials.suffix.back();
    return spec;
}

}  // namespace srllm::core
