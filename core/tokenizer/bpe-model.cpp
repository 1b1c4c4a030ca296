#include "core/tokenizer/bpe-model.h"

#include <cstdio>
#include <queue>
#include <stdexcept>

#include "core/tokenizer/byte-level.h"

namespace srllm::core {
namespace {

constexpr size_t kCacheMaxWordBytes = 64;   // longer words are rare; caching them only costs memory
constexpr size_t kCacheMaxEntries = 200000; // bounded so a huge corpus cannot grow the cache forever

uint64_t pairKey(int32_t left, int32_t right) {
    return (static_cast<uint64_t>(static_cast<uint32_t>(left)) << 32) | static_cast<uint32_t>(right);
}

}  // namespace

std::optional<unsigned char> parseByteToken(std::string_view token) {
    if (token.size() != 6 || token.substr(0, 3) != "<0x" || token[5] != '>') return std::nullopt;
    auto hex = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        return -1;
    };
    const int hi = hex(token[3]);
    const int lo = hex(token[4]);
    if (hi < 0 || lo < 0) return std::nullopt;
    return static_cast<unsigned char>(hi * 16 + lo);
}

BpeModel::BpeModel(BpeModelSpec spec) : m_spec(std::move(spec)) {
    m_vocab.reserve(m_spec.tokens.size());
    m_byteIds.fill(-1);
    for (size_t id = 0; id < m_spec.tokens.size(); ++id) {
        m_vocab.emplace(m_spec.tokens[id], static_cast<int32_t>(id));
        if (auto byte = parseByteToken(m_spec.tokens[id])) m_byteIds[*byte] = static_cast<int32_t>(id);
    }
    m_merges.reserve(m_spec.merges.size());
    for (size_t rank = 0; rank < m_spec.merges.size(); ++rank) {
        const auto [left, right] = m_spec.merges[rank];
        const auto merged = tokenToId(m_spec.tokens.at(static_cast<size_t>(left)) +
                                      m_spec.tokens.at(static_cast<size_t>(right)));
        if (!merged) throw std::invalid_argument("BPE merge result not in vocabulary");
        // A repeated merge keeps its first (best) rank, as Hugging Face does.
        m_merges.emplace(pairKey(left, right), MergeTarget{static_cast<int32_t>(rank), *merged});
    }
}

std::optional<int32_t> BpeModel::tokenToId(std::string_view token) const {
    const auto it = m_vocab.find(token);
    if (it == m_vocab.end()) return std::nullopt;
    return it->second;
}

void BpeModel::encodeWord(std::string_view word, std::vector<int64_t>& out) const {
    if (word.empty()) return;
    if (m_spec.ignoreMerges) {
        if (auto id = tokenToId(word)) {
            out.push_back(*id);
            return;
        }
    }
    const bool cacheable = word.size() <= kCacheMaxWordBytes;
    if (cacheable) {
        std::lock_guard lock(m_cacheMutex);
        const auto it = m_cache.find(word);
        if (it != m_cache.end()) {
            out.insert(out.end(), it->second.begin(), it->second.end());
            return;
        }
    }
    // Initial symbols: one per character, or its bytes (byte fallback), or unk.
    std::vector<int32_t> ids;
    ids.reserve(word.size());
    size_t i = 0;
    while (i < word.size()) {
        const size_t len = std::min(utf8CharLength(static_cast<unsigned char>(word[i])), word.size() - i);
        const std::string_view ch = word.substr(i, len);
        i += len;
        if (auto id = tokenToId(ch)) {
            ids.push_back(*id);
            continue;
        }
        bool allBytes = m_spec.byteFallback;
        for (char b : ch) allBytes = allBytes && m_byteIds[static_cast<unsigned char>(b)] >= 0;
        if (allBytes) {
            for (char b : ch) ids.push_back(m_byteIds[static_cast<unsigned char>(b)]);
        } else if (m_spec.unk) {
            if (!(m_spec.fuseUnk && !ids.empty() && ids.back() == *m_spec.unk)) ids.push_back(*m_spec.unk);
        }
        // Without unk or byte fallback the character is dropped, as Hugging Face does.
    }
    mergeSymbols(ids);
    out.insert(out.end(), ids.begin(), ids.end());
    if (cacheable) {
        std::lock_guard lock(m_cacheMutex);
        if (m_cache.size() >= kCacheMaxEntries) m_cache.clear();
        m_cache.emplace(std::string(word), std::move(ids));
    }
}

// Repeatedly merges the adjacent pair of lowest rank (leftmost on ties) over a linked list of symbols,
// with a heap of candidate pairs whose stale entries are skipped: O(n log n) even for a whole paragraph.
void BpeModel::mergeSymbols(std::vector<int32_t>& ids) const {
    const auto n = static_cast<int32_t>(ids.size());
    if (n < 2) return;
    std::vector<int32_t> next(static_cast<size_t>(n));
    std::vector<int32_t> prev(static_cast<size_t>(n));
    for (int32_t k = 0; k < n; ++k) {
        next[k] = k + 1 < n ? k + 1 : -1;
        prev[k] = k - 1;
    }
    struct Candidate {
        int32_t rank, pos, left, right, merged;
        bool operator>(const Candidate& o) const { return rank != o.rank ? rank > o.rank : pos > o.pos; }
    };
    std::priority_queue<Candidate, std::vector<Candidate>, std::greater<>> heap;
    auto push = [&](int32_t pos) {
        if (pos < 0 || next[pos] < 0) return;
        const auto it = m_merges.find(pairKey(ids[pos], ids[next[pos]]));
        if (it != m_merges.end()) heap.push({it->second.rank, pos, ids[pos], ids[next[pos]], it->second.id});
    };
    for (int32_t k = 0; k + 1 < n; ++k) push(k);
    while (!heap.empty()) {
        const Candidate c = heap.top();
        heap.pop();
        const int32_t right = next[c.pos];
        if (ids[c.pos] != c.left || right < 0 || ids[right] != c.right) continue;  // stale
        ids[c.pos] = c.merged;
        ids[right] = -1;
        next[c.pos] = next[right];
        if (next[right] >= 0) prev[next[right]] = c.pos;
        push(prev[c.pos]);
        push(c.pos);
    }
    size_t w = 0;
    for (int32_t k = 0; k >= 0 && k < n; k = next[k]) ids[w++] = ids[k];
    ids.resize(w);
}

}  // namespace srllm::core
