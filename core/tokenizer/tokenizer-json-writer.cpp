#include "core/tokenizer/tokenizer-json-writer.h"

#include "core/common/durable-file.h"
#include "core/tokenizer/tokenizer-files.h"

namespace srllm::core {
namespace {

using nlohmann::json;

const char* prependName(PrependScheme p) {
    switch (p) {
    case PrependScheme::Always: return "always";
    case PrependScheme::First: return "first";
    case PrependScheme::Never: return "never";
    }
    return "always";
}

// One component, or a Sequence of them, or null: the shapes Hugging Face accepts.
json wrap(std::vector<json> steps, const char* listKey) {
    if (steps.empty()) return nullptr;
    if (steps.size() == 1) return steps[0];
    return {{"type", "Sequence"}, {listKey, steps}};
}

json normalizerJson(const NormalizerStep& s) {
    using K = NormalizerStep::Kind;
    switch (s.kind) {
    case K::Nfc: return {{"type", "NFC"}};
    case K::Nfkc: return {{"type", "NFKC"}};
    case K::Nfd: return {{"type", "NFD"}};
    case K::Nfkd: return {{"type", "NFKD"}};
    case K::Lowercase: return {{"type", "Lowercase"}};
    case K::Prepend: return {{"type", "Prepend"}, {"prepend", s.pattern}};
    case K::Replace: return {{"type", "Replace"}, {"pattern", {{"String", s.pattern}}}, {"content", s.content}};
    }
    return nullptr;
}

json preTokenizerJson(const PreTokenizerStep& s) {
    using K = PreTokenizerStep::Kind;
    switch (s.kind) {
    case K::ByteLevel:
        return {{"type", "ByteLevel"}, {"add_prefix_space", s.addPrefixSpace}, {"trim_offsets", true},
                {"use_regex", s.useRegex}};
    case K::Split:
        return {{"type", "Split"}, {"pattern", {{"Regex", std::string(splitPatternRegex(s.pattern))}}},
                {"behavior", "Isolated"}, {"invert", false}};
    case K::Metaspace:
        return {{"type", "Metaspace"}, {"replacement", s.replacement}, {"prepend_scheme", prependName(s.prepend)},
                {"split", s.split}};
    case K::Digits: return {{"type", "Digits"}, {"individual_digits", s.individualDigits}};
    }
    return nullptr;
}

json decoderJson(const DecoderStep& s) {
    using K = DecoderStep::Kind;
    switch (s.kind) {
    case K::ByteLevel:
        return {{"type", "ByteLevel"}, {"add_prefix_space", true}, {"trim_offsets", true}, {"use_regex", true}};
    case K::Replace: return {{"type", "Replace"}, {"pattern", {{"String", s.pattern}}}, {"content", s.content}};
    case K::ByteFallback: return {{"type", "ByteFallback"}};
    case K::Fuse: return {{"type", "Fuse"}};
    case K::Strip: return {{"type", "Strip"}, {"content", s.pattern}, {"start", s.start}, {"stop", s.stop}};
    case K::Metaspace:
        return {{"type", "Metaspace"}, {"replacement", s.pattern}, {"prepend_scheme", prependName(s.prepend)},
                {"split", true}};
    }
    return nullptr;
}

std::string tokenOf(const BpeTokenizerSpec& spec, int64_t id) {
    for (const auto& t : spec.addedTokens) {
        if (t.id == id) return t.content;
    }
    return spec.model.tokens.at(static_cast<size_t>(id));
}

// TemplateProcessing for the prefix/suffix ids, with the pair template Hugging Face requires.
json postProcessorJson(const BpeTokenizerSpec& spec) {
    const SpecialTokens& sp = spec.specials;
    if (sp.prefix.empty() && sp.suffix.empty()) return nullptr;
    json specials = json::object();
    // One sequence with its special tokens around it: prefix, A (or B), suffix.
    auto sequence = [&](const char* name, int typeId) {
        json items = json::array();
        auto addSpecials = [&](const std::vector<int64_t>& ids) {
            for (int64_t id : ids) {
                const std::string token = tokenOf(spec, id);
                items.push_back({{"SpecialToken", {{"id", token}, {"type_id", typeId}}}});
                specials[token] = {{"id", token}, {"ids", {id}}, {"tokens", {token}}};
            }
        };
        addSpecials(sp.prefix);
        items.push_back({{"Sequence", {{"id", name}, {"type_id", typeId}}}});
        addSpecials(sp.suffix);
        return items;
    };
    const json single = sequence("A", 0);
    json pair = single;
    for (const auto& item : sequence("B", 1)) pair.push_back(item);
    return {{"type", "TemplateProcessing"}, {"single", single}, {"pair", pair}, {"special_tokens", specials}};
}

}  // namespace

nlohmann::json tokenizerJsonFromSpec(const BpeTokenizerSpec& spec) {
    json added = json::array();
    for (const auto& t : spec.addedTokens) {
        added.push_back({{"id", t.id}, {"content", t.content}, {"single_word", t.singleWord}, {"lstrip", t.lstrip},
                         {"rstrip", t.rstrip}, {"normalized", t.normalized}, {"special", t.special}});
    }
    std::vector<json> normalizers, preTokenizers, decoders;
    for (const auto& s : spec.normalizer) normalizers.push_back(normalizerJson(s));
    for (const auto& s : spec.preTokenizer) preTokenizers.push_back(preTokenizerJson(s));
    for (const auto& s : spec.decoder) decoders.push_back(decoderJson(s));

    const auto& tokens = spec.model.tokens;
    json vocab = json::object();
    bool spaceInToken = false;
    for (size_t id = 0; id < tokens.size(); ++id) {
        if (tokens[id].empty()) continue;
        vocab[tokens[id]] = id;
        spaceInToken = spaceInToken || tokens[id].find(' ') != std::string::npos;
    }
    // "left right" strings are read by every tokenizers version; pairs only when a token holds a space.
    json merges = json::array();
    for (const auto& [l, r] : spec.model.merges) {
        const std::string& left = tokens.at(static_cast<size_t>(l));
        const std::string& right = tokens.at(static_cast<size_t>(r));
        if (spaceInToken) merges.push_back({left, right});
        else merges.push_back(left + " " + right);
    }
    const json unk = spec.model.unk ? json(tokens.at(static_cast<size_t>(*spec.model.unk))) : json(nullptr);
    json model = {{"type", "BPE"}, {"dropout", nullptr}, {"unk_token", unk}, {"continuing_subword_prefix", nullptr},
                  {"end_of_word_suffix", nullptr}, {"fuse_unk", spec.model.fuseUnk},
                  {"byte_fallback", spec.model.byteFallback}, {"ignore_merges", spec.model.ignoreMerges},
                  {"vocab", vocab}, {"merges", merges}};
    return {{"version", "1.0"},
            {"truncation", nullptr},
            {"padding", nullptr},
            {"added_tokens", added},
            {"normalizer", wrap(normalizers, "normalizers")},
            {"pre_tokenizer", wrap(preTokenizers, "pretokenizers")},
            {"post_processor", postProcessorJson(spec)},
            {"decoder", wrap(decoders, "decoders")},
            {"model", model}};
}

void writeTokenizerJson(const BpeTokenizerSpec& spec, const std::filesystem::path& file) {
    writeFileDurable(file, tokenizerJsonFromSpec(spec).dump(2) + "\n");
}

}  // namespace srllm::core
