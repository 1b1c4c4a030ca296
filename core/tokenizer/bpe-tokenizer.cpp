#include "core/tokenizer/bpe-tokenizer.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>

#include <utf8proc.h>

#include "core/common/diagnostics.h"
#include "core/tokenizer/byte-level.h"

namespace srllm::core {
namespace {

bool isAsciiSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool isWordByte(char c) {
    const auto u = static_cast<unsigned char>(c);
    return u >= 0x80 || std::isalnum(u) || c == '_';
}

void replaceAll(std::string& text, std::string_view from, std::string_view to) {
    if (from.empty()) return;
    std::string out;
    out.reserve(text.size());
    size_t pos = 0;
    for (size_t hit; (hit = text.find(from, pos)) != std::string::npos; pos = hit + from.size()) {
        out.append(text, pos, hit - pos);
        out.append(to);
    }
    out.append(text, pos, std::string::npos);
    text = std::move(out);
}

std::string utf8procMap(std::string_view text, int options) {
    utf8proc_uint8_t* result = nullptr;
    const auto len = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                                  static_cast<utf8proc_ssize_t>(text.size()), &result,
                                  static_cast<utf8proc_option_t>(options));
    if (len < 0) return std::string(text);  // invalid UTF-8: left as is, the byte-level path still copes
    std::string out(reinterpret_cast<const char*>(result), static_cast<size_t>(len));
    std::free(result);
    return out;
}

// Splits before every occurrence of sep (Hugging Face "MergedWithNext"): "▁a▁b" -> "▁a", "▁b".
void splitBefore(const std::string& text, std::string_view sep, std::vector<std::string>& out) {
    size_t start = 0;
    for (size_t hit = text.find(sep, 1); hit != std::string::npos; hit = text.find(sep, hit + sep.size())) {
        out.push_back(text.substr(start, hit - start));
        start = hit;
    }
    if (start < text.size()) out.push_back(text.substr(start));
}

void splitDigits(const std::string& text, bool individual, std::vector<std::string>& out) {
    size_t i = 0;
    size_t start = 0;
    bool inDigits = false;
    while (i < text.size()) {
        const size_t len = std::min(utf8CharLength(static_cast<unsigned char>(text[i])), text.size() - i);
        utf8proc_int32_t cp = 0;
        utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + i),
                         static_cast<utf8proc_ssize_t>(len), &cp);
        const bool digit = cp >= 0 && isUnicodeNumber(static_cast<char32_t>(cp));
        if (i > start && (digit != inDigits || (digit && individual))) {
            out.push_back(text.substr(start, i - start));
            start = i;
        }
        inDigits = digit;
        i += len;
    }
    if (start < text.size()) out.push_back(text.substr(start));
}

}  // namespace

BpeTokenizer::BpeTokenizer(BpeTokenizerSpec spec)
    : m_spec(std::move(spec)), m_model(std::move(m_spec.model)), m_addedByFirstByte(256) {
    m_spec.model = {};
    m_vocabSize = m_model.size();
    for (size_t k = 0; k < m_spec.addedTokens.size(); ++k) {
        const AddedToken& t = m_spec.addedTokens[k];
        if (t.content.empty() || t.id < 0) {
            throw InputError("", 0, "added_tokens[" + std::to_string(k) + "]", "empty content or negative id");
        }
        if (t.id >= m_model.size() + static_cast<int64_t>(m_spec.addedTokens.size()) + kMaxVocabularyGap) {
            throw InputError("", 0, "added_tokens[" + std::to_string(k) + "]",
                             "id " + std::to_string(t.id) + " lies far beyond the " + std::to_string(m_model.size()) +
                                 " tokens of the vocabulary (hint: ids run from 0 without large gaps)");
        }
        if (t.id < m_model.size() && m_model.idToToken(static_cast<int32_t>(t.id)) != t.content &&
            !m_model.idToToken(static_cast<int32_t>(t.id)).empty()) {
            throw InputError("", 0, "added_tokens[" + std::to_string(k) + "]",
                             "id " + std::to_string(t.id) + " is '" + m_model.idToToken(static_cast<int32_t>(t.id)) +
                                 "' in the vocabulary but '" + t.content + "' here");
        }
        m_addedById[t.id] = k;
        m_vocabSize = std::max(m_vocabSize, t.id + 1);
        m_addedByFirstByte[static_cast<unsigned char>(t.content[0])].push_back(k);
    }
    for (auto& list : m_addedByFirstByte) {
        std::stable_sort(list.begin(), list.end(), [&](size_t a, size_t b) {
            return m_spec.addedTokens[a].content.size() > m_spec.addedTokens[b].content.size();
        });
    }
}

std::optional<int64_t> BpeTokenizer::tokenToId(std::string_view token) const {
    for (size_t k : m_addedByFirstByte[token.empty() ? 0 : static_cast<unsigned char>(token[0])]) {
        if (m_spec.addedTokens[k].content == token) return m_spec.addedTokens[k].id;
    }
    if (auto id = m_model.tokenToId(token)) return *id;
    return std::nullopt;
}

std::string BpeTokenizer::idToToken(int64_t id) const {
    if (const auto it = m_addedById.find(id); it != m_addedById.end()) return m_spec.addedTokens[it->second].content;
    if (id >= 0 && id < m_model.size()) return m_model.idToToken(static_cast<int32_t>(id));
    return {};
}

// Leftmost, then longest, match of the added tokens; lstrip/rstrip swallow the whitespace beside a match
// (ASCII whitespace only, which covers every tokenizer we know of).
std::vector<BpeTokenizer::Segment> BpeTokenizer::splitAddedTokens(std::string_view text) const {
    std::vector<Segment> segments;
    size_t start = 0;
    size_t i = 0;
    while (i < text.size()) {
        const AddedToken* match = nullptr;
        for (size_t k : m_addedByFirstByte[static_cast<unsigned char>(text[i])]) {
            const AddedToken& t = m_spec.addedTokens[k];
            if (text.compare(i, t.content.size(), t.content) != 0) continue;
            const size_t end = i + t.content.size();
            if (t.singleWord && ((i > 0 && isWordByte(text[i - 1])) || (end < text.size() && isWordByte(text[end]))))
                continue;
            match = &t;
            break;
        }
        if (!match) {
            ++i;
            continue;
        }
        size_t before = i;
        if (match->lstrip) {
            while (before > start && isAsciiSpace(text[before - 1])) --before;
        }
        if (before > start) segments.push_back({text.substr(start, before - start), -1});
        segments.push_back({text.substr(i, match->content.size()), match->id});
        i += match->content.size();
        if (match->rstrip) {
            while (i < text.size() && isAsciiSpace(text[i])) ++i;
        }
        start = i;
    }
    if (start < text.size()) segments.push_back({text.substr(start), -1});
    return segments;
}

std::vector<int64_t> BpeTokenizer::encode(std::string_view text, bool addSpecial) const {
    std::vector<int64_t> ids;
    ids.reserve(text.size() / 3 + 4);
    if (addSpecial) ids = m_spec.specials.prefix;
    for (const Segment& seg : splitAddedTokens(text)) {
        if (seg.addedId >= 0) {
            ids.push_back(seg.addedId);
        } else {
            encodeSegment(seg.text, seg.text.data() == text.data(), ids);
        }
    }
    if (addSpecial) ids.insert(ids.end(), m_spec.specials.suffix.begin(), m_spec.specials.suffix.end());
    return ids;
}

void BpeTokenizer::encodeSegment(std::string_view text, bool first, std::vector<int64_t>& out) const {
    for (const std::string& word : preTokenize(normalize(text), first)) m_model.encodeWord(word, out);
}

std::string BpeTokenizer::normalize(std::string_view text) const {
    std::string s(text);
    for (const NormalizerStep& step : m_spec.normalizer) {
        switch (step.kind) {
        case NormalizerStep::Kind::Nfc: s = utf8procMap(s, UTF8PROC_STABLE | UTF8PROC_COMPOSE); break;
        case NormalizerStep::Kind::Nfkc:
            s = utf8procMap(s, UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT);
            break;
        case NormalizerStep::Kind::Nfd: s = utf8procMap(s, UTF8PROC_STABLE | UTF8PROC_DECOMPOSE); break;
        case NormalizerStep::Kind::Nfkd:
            s = utf8procMap(s, UTF8PROC_STABLE | UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT);
            break;
        case NormalizerStep::Kind::Lowercase: s = utf8procMap(s, UTF8PROC_STABLE | UTF8PROC_CASEFOLD); break;
        case NormalizerStep::Kind::Prepend:
            if (!s.empty()) s.insert(0, step.pattern);
            break;
        case NormalizerStep::Kind::Replace: replaceAll(s, step.pattern, step.content); break;
        }
    }
    return s;
}

std::vector<std::string> BpeTokenizer::preTokenize(std::string text, bool first) const {
    std::vector<std::string> pieces;
    if (text.empty()) return pieces;
    pieces.push_back(std::move(text));
    std::vector<std::string> next;
    std::vector<std::string_view> views;
    for (const PreTokenizerStep& step : m_spec.preTokenizer) {
        next.clear();
        for (std::string& piece : pieces) {
            switch (step.kind) {
            case PreTokenizerStep::Kind::Split:
                views.clear();
                splitByPattern(piece, step.pattern, views);
                for (auto v : views) next.emplace_back(v);
                break;
            case PreTokenizerStep::Kind::ByteLevel: {
                if (step.addPrefixSpace && piece[0] != ' ') piece.insert(0, " ");
                views.clear();
                if (step.useRegex) {
                    splitByPattern(piece, SplitPattern::Gpt2, views);
                } else {
                    views.push_back(piece);
                }
                for (auto v : views) {
                    std::string mapped;
                    mapped.reserve(v.size() * 2);
                    appendByteLevel(v, mapped);
                    next.push_back(std::move(mapped));
                }
                break;
            }
            case PreTokenizerStep::Kind::Metaspace: {
                replaceAll(piece, " ", step.replacement);
                const bool prepend = step.prepend == PrependScheme::Always ||
                                     (step.prepend == PrependScheme::First && first);
                if (prepend && !piece.starts_with(step.replacement)) {
                    piece.insert(0, step.replacement);
                }
                if (step.split) {
                    splitBefore(piece, step.replacement, next);
                } else {
                    next.push_back(std::move(piece));
                }
                break;
            }
            case PreTokenizerStep::Kind::Digits: splitDigits(piece, step.individualDigits, next); break;
            }
        }
        pieces.swap(next);
    }
    return pieces;
}

std::string BpeTokenizer::decode(const std::vector<int64_t>& ids, bool skipSpecial) const {
    const SpecialTokens& sp = m_spec.specials;
    std::vector<std::string> tokens;
    tokens.reserve(ids.size());
    for (int64_t id : ids) {
        const auto added = m_addedById.find(id);
        const bool special = (added != m_addedById.end() && m_spec.addedTokens[added->second].special) ||
                             id == sp.bos || id == sp.eos || id == sp.pad;
        if (skipSpecial && special) continue;
        // Ids past the vocabulary (a model's padded embedding rows) decode to nothing.
        std::string token = idToToken(id);
        if (!token.empty()) tokens.push_back(std::move(token));
    }
    return runDecoder(std::move(tokens));
}

std::string BpeTokenizer::runDecoder(std::vector<std::string> tokens) const {
    auto join = [](const std::vector<std::string>& parts, std::string_view sep) {
        std::string out;
        for (size_t k = 0; k < parts.size(); ++k) out.append(k ? sep : std::string_view()).append(parts[k]);
        return out;
    };
    if (m_spec.decoder.empty()) return join(tokens, " ");
    for (const DecoderStep& step : m_spec.decoder) {
        switch (step.kind) {
        case DecoderStep::Kind::ByteLevel: tokens = {utf8Lossy(byteLevelDecode(join(tokens, "")))}; break;
        case DecoderStep::Kind::Replace:
            for (auto& t : tokens) replaceAll(t, step.pattern, step.content);
            break;
        case DecoderStep::Kind::ByteFallback: {
            std::vector<std::string> out;
            std::string bytes;
            auto flush = [&] {
                if (bytes.empty()) return;
                // Valid UTF-8 passes through; each byte of an invalid sequence becomes U+FFFD (as Hugging Face).
                if (utf8Lossy(bytes) == bytes) {
                    out.push_back(bytes);
                } else {
                    for (size_t k = 0; k < bytes.size(); ++k) out.emplace_back("\xEF\xBF\xBD");
                }
                bytes.clear();
            };
            for (auto& t : tokens) {
                if (auto byte = parseByteToken(t)) {
                    bytes += static_cast<char>(*byte);
                } else {
                    flush();
                    out.push_back(std::move(t));
                }
            }
            flush();
            tokens = std::move(out);
            break;
        }
        case DecoderStep::Kind::Fuse: tokens = {join(tokens, "")}; break;
        case DecoderStep::Kind::Strip:
            for (auto& t : tokens) {
                int n = 0;
                while (n < step.start && t.starts_with(step.pattern)) t.erase(0, step.pattern.size()), ++n;
                n = 0;
                while (n < step.stop && t.ends_with(step.pattern)) t.erase(t.size() - step.pattern.size()), ++n;
            }
            break;
        case DecoderStep::Kind::Metaspace:
            for (size_t k = 0; k < tokens.size(); ++k) {
                replaceAll(tokens[k], step.pattern, " ");
                if (k == 0 && step.prepend != PrependScheme::Never && tokens[k].starts_with(' ')) tokens[k].erase(0, 1);
            }
            break;
        }
    }
    return join(tokens, "");
}

}  // namespace srllm::core
