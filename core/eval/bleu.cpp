#include "core/eval/bleu.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <unordered_map>

#include <utf8proc.h>

#include "core/text/utf8-code-points.h"

namespace srllm::core {

namespace {

constexpr int kMaxOrder = 4;

void replaceAll(std::string& s, std::string_view from, std::string_view to) {
    for (size_t pos = s.find(from); pos != std::string::npos; pos = s.find(from, pos + to.size()))
        s.replace(pos, from.size(), to);
}

bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isPeriodOrComma(char c) { return c == '.' || c == ','; }

// The character class of 13a's first rule: { | } ~ [ \ ] ^ _ ` space ! " # $ % & ( ) * + : ; < = > ? @ /
bool isSplitSymbol(char c) {
    return (c >= '{' && c <= '~') || (c >= '[' && c <= '`') || (c >= ' ' && c <= '&') || (c >= '(' && c <= '+') ||
           (c >= ':' && c <= '@') || c == '/';
}

// Python's str.split() on the result, joined with single spaces. Works on UTF-8 bytes: every pattern
// above matches ASCII only, and no UTF-8 continuation byte is ASCII.
std::vector<std::string> splitWhitespace(std::string_view text) {
    std::vector<std::string> tokens;
    const std::u32string codes = decodeUtf8(text);
    size_t i = 0;
    while (i < codes.size()) {
        while (i < codes.size() && isPythonWhitespace(codes[i])) ++i;
        size_t j = i;
        while (j < codes.size() && !isPythonWhitespace(codes[j])) ++j;
        if (j > i) tokens.push_back(encodeUtf8(std::u32string_view(codes).substr(i, j - i)));
        i = j;
    }
    return tokens;
}

std::string pad13a(std::string_view input) {
    std::string line(input);
    replaceAll(line, "<skipped>", "");
    replaceAll(line, "-\n", "");
    std::replace(line.begin(), line.end(), '\n', ' ');
    if (line.find('&') != std::string::npos) {
        replaceAll(line, "&quot;", "\"");
        replaceAll(line, "&amp;", "&");
        replaceAll(line, "&lt;", "<");
        replaceAll(line, "&gt;", ">");
    }
    const std::string padded = " " + line + " ";
    std::string a;  // rule 1: space around symbols
    for (char c : padded) {
        if (isSplitSymbol(c)) (a += ' ') += c, a += ' ';
        else a += c;
    }
    std::string b;  // rule 2: ([^0-9])([.,]) -> "\1 \2 ", matches left to right without overlap
    for (size_t p = 0; p < a.size(); ++p) {
        if (p + 1 < a.size() && !isDigit(a[p]) && isPeriodOrComma(a[p + 1])) {
            (b += a[p]) += ' ';
            (b += a[p + 1]) += ' ';
            ++p;
        } else {
            b += a[p];
        }
    }
    std::string c;  // rule 3: ([.,])([^0-9]) -> " \1 \2"
    for (size_t p = 0; p < b.size(); ++p) {
        if (p + 1 < b.size() && isPeriodOrComma(b[p]) && !isDigit(b[p + 1])) {
            ((c += ' ') += b[p]) += ' ';
            c += b[p + 1];
            ++p;
        } else {
            c += b[p];
        }
    }
    std::string d;  // rule 4: ([0-9])(-) -> "\1 \2 "
    for (size_t p = 0; p < c.size(); ++p) {
        if (p + 1 < c.size() && isDigit(c[p]) && c[p + 1] == '-') {
            (d += c[p]) += " - ";
            ++p;
        } else {
            d += c[p];
        }
    }
    return d;
}

using Gram = std::array<int32_t, kMaxOrder>;  // token ids, unused places -1

// Sorted n-grams of one order over interned token ids.
std::vector<Gram> grams(const std::vector<int32_t>& ids, int n) {
    std::vector<Gram> out;
    if (static_cast<int>(ids.size()) < n) return out;
    out.reserve(ids.size() - static_cast<size_t>(n) + 1);
    for (size_t i = 0; i + static_cast<size_t>(n) <= ids.size(); ++i) {
        Gram g;
        g.fill(-1);
        for (int k = 0; k < n; ++k) g[static_cast<size_t>(k)] = ids[i + static_cast<size_t>(k)];
        out.push_back(g);
    }
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

BleuStatistics& BleuStatistics::operator+=(const BleuStatistics& other) {
    for (int n = 0; n < kMaxOrder; ++n) {
        correct[static_cast<size_t>(n)] += other.correct[static_cast<size_t>(n)];
        total[static_cast<size_t>(n)] += other.total[static_cast<size_t>(n)];
    }
    hypothesisLength += other.hypothesisLength;
    referenceLength += other.referenceLength;
    return *this;
}

std::string tokenize13a(std::string_view line) {
    std::string joined;
    for (const auto& token : splitWhitespace(pad13a(line))) {
        if (!joined.empty()) joined += ' ';
        joined += token;
    }
    return joined;
}

BleuStatistics bleuStatistics(std::string_view hypothesis, const std::vector<std::string>& references) {
    if (references.empty()) throw std::invalid_argument("BLEU: a hypothesis needs at least one reference");
    std::unordered_map<std::string, int32_t> vocabulary;
    auto intern = [&](std::string_view text) {
        std::vector<int32_t> ids;
        for (auto& token : splitWhitespace(pad13a(text)))
            ids.push_back(vocabulary.emplace(std::move(token), static_cast<int32_t>(vocabulary.size())).first->second);
        return ids;
    };
    const std::vector<int32_t> hyp = intern(hypothesis);
    std::vector<std::vector<int32_t>> refs;
    for (const auto& r : references) refs.push_back(intern(r));
    BleuStatistics s;
    s.hypothesisLength = static_cast<int64_t>(hyp.size());
    int64_t closestDiff = -1;
    for (const auto& r : refs) {
        const auto length = static_cast<int64_t>(r.size());
        const int64_t diff = std::llabs(s.hypothesisLength - length);
        if (closestDiff < 0 || diff < closestDiff || (diff == closestDiff && length < s.referenceLength)) {
            closestDiff = diff;
            s.referenceLength = length;
        }
    }
    for (int n = 1; n <= kMaxOrder; ++n) {
        const auto hypGrams = grams(hyp, n);
        std::vector<std::vector<Gram>> refGrams;
        for (const auto& r : refs) refGrams.push_back(grams(r, n));
        int64_t matches = 0;
        for (size_t i = 0; i < hypGrams.size();) {
            size_t j = i;
            while (j < hypGrams.size() && hypGrams[j] == hypGrams[i]) ++j;
            int64_t maxRef = 0;
            for (const auto& rg : refGrams) {
                const auto range = std::equal_range(rg.begin(), rg.end(), hypGrams[i]);
                maxRef = std::max<int64_t>(maxRef, range.second - range.first);
            }
            matches += std::min<int64_t>(static_cast<int64_t>(j - i), maxRef);
            i = j;
        }
        s.correct[static_cast<size_t>(n - 1)] = matches;
        s.total[static_cast<size_t>(n - 1)] = static_cast<int64_t>(hypGrams.size());
    }
    return s;
}

double bleuScore(const BleuStatistics& s, bool effectiveOrder) {
    const double hypLength = static_cast<double>(s.hypothesisLength);
    const double refLength = static_cast<double>(s.referenceLength);
    double brevity = 1.0;
    if (s.hypothesisLength < s.referenceLength) brevity = s.hypothesisLength > 0 ? std::exp(1 - refLength / hypLength) : 0.0;
    if (std::all_of(s.correct.begin(), s.correct.end(), [](int64_t c) { return c == 0; })) return 0.0;
    std::array<double, kMaxOrder> precisions{};
    double smooth = 1.0;
    int order = kMaxOrder;
    for (int n = 1; n <= kMaxOrder; ++n) {
        const auto k = static_cast<size_t>(n - 1);
        if (s.total[k] == 0) break;
        if (effectiveOrder) order = n;
        if (s.correct[k] == 0) {
            smooth *= 2;
            precisions[k] = 100.0 / (smooth * static_cast<double>(s.total[k]));
        } else {
            precisions[k] = 100.0 * static_cast<double>(s.correct[k]) / static_cast<double>(s.total[k]);
        }
    }
    double logSum = 0;
    for (int n = 0; n < order; ++n) {
        const double p = precisions[static_cast<size_t>(n)];
        logSum += p == 0 ? -9999999999.0 : std::log(p);  // sacrebleu's my_log
    }
    return brevity * std::exp(logSum / order);
}

double sentenceBleu(std::string_view hypothesis, const std::vector<std::string>& references) {
    return bleuScore(bleuStatistics(hypothesis, references), true);
}

double corpusBleu(const std::vector<std::string>& hypotheses, const std::vector<std::vector<std::string>>& references) {
    if (hypotheses.size() != references.size())
        throw std::invalid_argument("BLEU: " + std::to_string(hypotheses.size()) + " hypotheses but " +
                                    std::to_string(references.size()) + " reference sets");
    BleuStatistics total;
    for (size_t i = 0; i < hypotheses.size(); ++i) total += bleuStatistics(hypotheses[i], references[i]);
    return bleuScore(total, false);
}

}  // namespace srllm::core
