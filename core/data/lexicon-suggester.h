#pragma once
// Candidate biased words from a word list: every whole-word, case-insensitive occurrence of a listed word
// or phrase becomes a suggested span. Reads one entry per line (ldnoobw style); in a tab-separated list
// with a number in the second column (VADER's valence) only entries at or below maxValence are kept.
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_set>

#include "core/data/suggester.h"

namespace srllm::core {

class LexiconSuggester : public Suggester {
public:
    // Throws InputError naming the file when it cannot be read or holds no entry.
    explicit LexiconSuggester(const std::string& path, std::optional<double> maxValence = std::nullopt);

    std::string source() const override { return m_source; }
    Suggestion suggest(std::string_view text) override;
    size_t entries() const { return m_phrases.size(); }

private:
    std::string m_source;
    std::unordered_set<std::u32string> m_phrases;  // lower-cased, words joined by one space
    int m_maxWords = 1;
};

}  // namespace srllm::core
