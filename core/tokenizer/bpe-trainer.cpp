#include "core/tokenizer/bpe-trainer.h"

#include <algorithm>
#include <queue>
#include <unordered_set>

#include "core/common/diagnostics.h"
#include "core/tokenizer/byte-level.h"
#include "core/common/durable-file.h"
#include "core/tokenizer/tokenizer-files.h"
#include "core/tokenizer/tokenizer-json-writer.h"

namespace srllm::core {
namespace {

using Pair = std::pair<int32_t, int32_t>;

uint64_t key(int32_t l, int32_t r) { return (static_cast<uint64_t>(static_cast<uint32_t>(l)) << 32) | static_cast<uint32_t>(r); }
Pair unkey(uint64_t k) { return {static_cast<int32_t>(k >> 32), static_cast<int32_t>(k & 0xFFFFFFFFu)}; }

struct Candidate {
    int64_t count;
    Pair pair;
    // Max-heap order: higher count first; on ties the smaller pair of ids first (as Hugging Face).
    bool operator<(const Candidate& o) const { return count != o.count ? count < o.count : pair > o.pair; }
};

struct Word {
    std::vector<int32_t> symbols;
    int64_t count;
};

// Replaces every (a, b) in w by merged, left to right, reporting each pair-count change to delta.
template <typename F>
void mergeWord(Word& w, int32_t a, int32_t b, int32_t merged, F delta) {
    auto& s = w.symbols;
    for (size_t i = 0; i + 1 < s.size(); ++i) {
        if (s[i] != a || s[i + 1] != b) continue;
        if (i > 0) {
            delta(s[i - 1], a, -w.count);
            delta(s[i - 1], merged, w.count);
        }
        delta(a, b, -w.count);
        if (i + 2 < s.size()) {
            delta(b, s[i + 2], -w.count);
            delta(merged, s[i + 2], w.count);
        }
        s[i] = merged;
        s.erase(s.begin() + static_cast<std::ptrdiff_t>(i) + 1);
    }
}

}  // namespace

BpeTrainer::BpeTrainer(BpeTrainerOptions options) : m_options(std::move(options)) {
    const auto minimum = static_cast<int64_t>(m_options.specialTokens.size()) + 256;
    if (m_options.vocabSize < minimum) {
        throw InputError("", 0, "vocab-size", std::to_string(m_options.vocabSize) + " is below the minimum " +
                                                  std::to_string(minimum) + " (special tokens + 256 byte symbols)");
    }
    if (m_options.minFrequency < 1) throw InputError("", 0, "min-frequency", "must be at least 1");
    for (const auto& t : m_options.specialTokens) {
        if (t.empty()) throw InputError("", 0, "special", "a special token cannot be empty");
    }
}

void BpeTrainer::addText(std::string_view text) {
    std::vector<std::string_view> pieces;
    splitByPattern(text, m_options.pattern, pieces);
    std::string mapped;
    for (auto piece : pieces) {
        mapped.clear();
        appendByteLevel(piece, mapped);
        ++m_wordCounts[mapped];
    }
}

int64_t BpeTrainer::addLines(std::istream& in) {
    int64_t lines = 0;
    for (std::string line; std::getline(in, line); ++lines) {
        if (!in.eof()) line += '\n';
        addText(line);
    }
    return lines;
}

std::optional<BpeTokenizerSpec> BpeTrainer::train(const ProgressCallback& progress) const {
    BpeTokenizerSpec spec;
    auto& tokens = spec.model.tokens;
    std::unordered_map<std::string, int32_t> ids;
    auto addToken = [&](const std::string& t) {
        const auto [it, added] = ids.emplace(t, static_cast<int32_t>(tokens.size()));
        if (added) tokens.push_back(t);
        return it->second;
    };
    for (const auto& t : m_options.specialTokens) {
        const int32_t id = addToken(t);
        AddedToken special;
        special.id = id;
        special.content = t;
        spec.addedTokens.push_back(special);
    }
    // The whole byte alphabet, sorted by character, so any input can be encoded.
    std::vector<std::string> alphabet(byteToUnicode().begin(), byteToUnicode().end());
    std::sort(alphabet.begin(), alphabet.end());  // UTF-8 byte order is code point order
    for (const auto& ch : alphabet) addToken(ch);

    // Words as symbol ids, in a fixed order so training is deterministic.
    std::vector<std::pair<std::string, int64_t>> sorted(m_wordCounts.begin(), m_wordCounts.end());
    std::sort(sorted.begin(), sorted.end());
    std::vector<Word> words;
    words.reserve(sorted.size());
    for (const auto& [text, count] : sorted) {
        Word w{{}, count};
        for (size_t i = 0; i < text.size(); i += utf8CharLength(static_cast<unsigned char>(text[i])))
            w.symbols.push_back(ids.at(text.substr(i, utf8CharLength(static_cast<unsigned char>(text[i])))));
        words.push_back(std::move(w));
    }

    std::unordered_map<uint64_t, int64_t> pairCounts;
    std::unordered_map<uint64_t, std::vector<uint32_t>> where;  // pair -> words holding it (may be stale)
    for (uint32_t wi = 0; wi < words.size(); ++wi) {
        const auto& s = words[wi].symbols;
        for (size_t i = 0; i + 1 < s.size(); ++i) {
            pairCounts[key(s[i], s[i + 1])] += words[wi].count;
            where[key(s[i], s[i + 1])].push_back(wi);
        }
    }
    std::priority_queue<Candidate> queue;
    for (const auto& [k, count] : pairCounts) queue.push({count, unkey(k)});

    const auto target = m_options.vocabSize;
    while (static_cast<int64_t>(tokens.size()) < target && !queue.empty()) {
        Candidate top = queue.top();
        queue.pop();
        const uint64_t topKey = key(top.pair.first, top.pair.second);
        const int64_t current = pairCounts[topKey];
        if (current != top.count) {  // stale: its count dropped since it was pushed
            if (current > 0) queue.push({current, top.pair});
            continue;
        }
        if (current < m_options.minFrequency || current <= 0) break;
        const auto [a, b] = top.pair;
        const int32_t merged = addToken(tokens[static_cast<size_t>(a)] + tokens[static_cast<size_t>(b)]);
        spec.model.merges.push_back(top.pair);

        auto& holders = where[topKey];
        std::sort(holders.begin(), holders.end());
        holders.erase(std::unique(holders.begin(), holders.end()), holders.end());
        std::unordered_set<uint64_t> grown;
        for (uint32_t wi : std::vector<uint32_t>(std::move(holders))) {
            mergeWord(words[wi], a, b, merged, [&](int32_t l, int32_t r, int64_t d) {
                pairCounts[key(l, r)] += d;
                if (d > 0) {
                    where[key(l, r)].push_back(wi);
                    grown.insert(key(l, r));
                }
            });
        }
        where.erase(topKey);
        for (uint64_t k : grown) {
            if (pairCounts[k] > 0) queue.push({pairCounts[k], unkey(k)});
        }
        if (progress && !progress(static_cast<int64_t>(tokens.size()), target)) return std::nullopt;
    }

    PreTokenizerStep split;
    split.kind = PreTokenizerStep::Kind::Split;
    split.pattern = m_options.pattern;
    PreTokenizerStep byteLevel;
    byteLevel.kind = PreTokenizerStep::Kind::ByteLevel;
    byteLevel.useRegex = m_options.pattern == SplitPattern::Gpt2;  // the ByteLevel regex is GPT-2's
    if (!byteLevel.useRegex) spec.preTokenizer.push_back(split);
    spec.preTokenizer.push_back(byteLevel);
    DecoderStep decoder;
    decoder.kind = DecoderStep::Kind::ByteLevel;
    spec.decoder.push_back(decoder);
    if (!m_options.specialTokens.empty()) {
        spec.specials.bos = spec.specials.eos = spec.addedTokens.front().id;
        if (const auto pad = ids.find("<pad>"); pad != ids.end()) spec.specials.pad = pad->second;
    }
    return spec;
}

void saveTrainedTokenizer(const BpeTokenizerSpec& spec, const std::filesystem::path& dir) {
    std::filesystem::create_directories(dir);
    writeTokenizerJson(spec, dir / kTokenizerJson);
    auto tokenOf = [&](const std::optional<int64_t>& id) {
        return id ? nlohmann::json(spec.model.tokens.at(static_cast<size_t>(*id))) : nlohmann::json(nullptr);
    };
    const nlohmann::json config = {{"tokenizer_class", "PreTrainedTokenizerFast"},
                                   {"bos_token", tokenOf(spec.specials.bos)},
                                   {"eos_token", tokenOf(spec.specials.eos)},
                                   {"pad_token", tokenOf(spec.specials.pad)},
                                   {"add_bos_token", false},
                                   {"add_eos_token", false}};
    writeFileDurable(dir / kTokenizerConfigJson, config.dump(2) + "\n");
}

}  // namespace srllm::core
