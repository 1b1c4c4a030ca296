#pragma once
// The BPE model proper: a vocabulary, ranked merges, and the merge loop applied to one pre-tokenized word.
// Shared by every BPE flavour (byte-level, metaspace with byte fallback). Thread-safe after construction.
#include <array>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace srllm::core {

struct BpeModelSpec {
    std::vector<std::string> tokens;                          // id -> token (no gaps)
    std::vector<std::pair<int32_t, int32_t>> merges;          // by rank: ids of the left and right part
    std::optional<int32_t> unk;                               // id emitted for characters not in the vocab
    bool byteFallback = false;  // unknown characters become <0xNN> tokens (Llama 2, Mistral)
    bool fuseUnk = false;       // consecutive unknowns become one unk
    bool ignoreMerges = false;  // a word that is a whole vocab entry is emitted as is (Llama 3)
};

class BpeModel {
public:
    // Throws std::invalid_argument when a merge's result is not in the vocabulary (callers validate first
    // and name the file; this guards the invariant).
    explicit BpeModel(BpeModelSpec spec);

    // Appends the ids of one word (already normalized and, for byte-level, byte-mapped).
    void encodeWord(std::string_view word, std::vector<int64_t>& out) const;

    std::optional<int32_t> tokenToId(std::string_view token) const;
    const std::string& idToToken(int32_t id) const { return m_spec.tokens[static_cast<size_t>(id)]; }
    int64_t size() const { return static_cast<int64_t>(m_spec.tokens.size()); }
    // The id of the <0xNN> token for a byte, or -1.
    int32_t byteTokenId(unsigned char byte) const { return m_byteIds[byte]; }
    const BpeModelSpec& spec() const { return m_spec; }

private:
    struct StringHash {
        using is_transparent = void;
        size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    struct MergeTarget {
        int32_t rank;
        int32_t id;
    };
    void mergeSymbols(std::vector<int32_t>& ids) const;

    BpeModelSpec m_spec;
    std::unordered_map<std::string, int32_t, StringHash, std::equal_to<>> m_vocab;
    std::unordered_map<uint64_t, MergeTarget> m_merges;  // (left << 32 | right) -> rank, merged id
    std::array<int32_t, 256> m_byteIds{};

    mutable std::mutex m_cacheMutex;
    mutable std::unordered_map<std::string, std::vector<int32_t>, StringHash, std::equal_to<>> m_cache;
};

// "<0x41>" -> 0x41; nullopt when token is not a byte-fallback token.
std::optional<unsigned char> parseByteToken(std::string_view token);

}  // namespace srllm::core
