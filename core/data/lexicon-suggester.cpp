#include "core/data/lexicon-suggester.h"

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "core/common/diagnostics.h"
#include "core/data/word-spans.h"

namespace srllm::core {

namespace {

struct Word {
    size_t start = 0, end = 0;  // code points
};

std::vector<Word> words(const std::u32string& text) {
    std::vector<Word> out;
    for (size_t i = 0; i < text.size();) {
        if (!isWordChar(text[i])) {
            ++i;
            continue;
        }
        Word w{i, i};
        while (w.end < text.size() && isWordChar(text[w.end])) ++w.end;
        out.push_back(w);
        i = w.end;
    }
    return out;
}

// The entry's words joined by single spaces (punctuation between words is dropped, as in the text).
std::u32string phraseKey(const std::u32string& lower, const std::vector<Word>& ws, size_t first, size_t last) {
    std::u32string key;
    for (size_t i = first; i <= last; ++i) {
        if (i > first) key += U' ';
        key.append(lower, ws[i].start, ws[i].end - ws[i].start);
    }
    return key;
}

}  // namespace

LexiconSuggester::LexiconSuggester(const std::string& path, std::optional<double> maxValence)
    : m_source("lexicon:" + std::filesystem::path(path).filename().string()) {
    std::ifstream in(path);
    if (!in) throw InputError(path, 0, "", "cannot read the lexicon (hint: one word or phrase per line)");
    std::string line;
    for (int64_t number = 1; std::getline(in, line); ++number) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line.front() == '#') continue;
        const size_t tab = line.find('\t');
        if (maxValence && tab != std::string::npos) {
            try {
                if (std::stod(line.substr(tab + 1)) > *maxValence) continue;
            } catch (const std::exception&) {
                throw InputError(path, number, "valence", "not a number in the second column");
            }
        }
        const std::u32string lower = lowerCodePoints(line.substr(0, tab));
        const auto ws = words(lower);
        if (ws.empty()) continue;  // punctuation-only entries (emoticons) never match whole words
        m_phrases.insert(phraseKey(lower, ws, 0, ws.size() - 1));
        m_maxWords = std::max(m_maxWords, static_cast<int>(ws.size()));
    }
    if (m_phrases.empty()) throw InputError(path, 0, "", "the lexicon has no usable entry");
}

Suggestion LexiconSuggester::suggest(std::string_view text) {
    Suggestion out;
    const std::u32string lower = lowerCodePoints(text);
    const auto ws = words(lower);
    for (size_t first = 0; first < ws.size(); ++first) {
        // The longest phrase starting here wins, and the scan resumes after it, so spans never overlap.
        for (size_t last = std::min(ws.size(), first + static_cast<size_t>(m_maxWords)); last-- > first;) {
            if (!m_phrases.count(phraseKey(lower, ws, first, last))) continue;
            out.spans.push_back({static_cast<int64_t>(ws[first].start), static_cast<int64_t>(ws[last].end)});
            first = last;
            break;
        }
    }
    return out;
}

}  // namespace srllm::core
