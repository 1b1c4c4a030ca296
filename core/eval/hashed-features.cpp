#include "core/eval/hashed-features.h"

#include <algorithm>
#include <cmath>

#include <utf8proc.h>

#include "core/common/diagnostics.h"
#include "core/text/utf8-code-points.h"

namespace srllm::core {

namespace {

constexpr size_t kMaxTokenForCharGrams = 40;  // URLs and keyboard mashing add nothing past this
constexpr uint64_t kWordSeed = 0x9E3779B97F4A7C15ULL, kCharSeed = 0xC2B2AE3D27D4EB4FULL;

bool isWordChar(char32_t c) {
    const auto category = utf8proc_category(static_cast<utf8proc_int32_t>(c));
    return (category >= UTF8PROC_CATEGORY_LU && category <= UTF8PROC_CATEGORY_NO) || c == U'\'';
}

// FNV-1a over code points, then a murmur3 finaliser so the top bits are well mixed.
uint64_t hashCodes(uint64_t seed, const char32_t* codes, size_t n, uint64_t extra = 0) {
    uint64_t h = 0xCBF29CE484222325ULL ^ seed;
    for (size_t i = 0; i < n; ++i) h = (h ^ codes[i]) * 0x100000001B3ULL;
    h ^= extra;
    h ^= h >> 33;
    h *= 0xFF51AFD7ED558CCDULL;
    h ^= h >> 33;
    h *= 0xC4CEB9FE1A85EC53ULL;
    return h ^ (h >> 33);
}

bool startsWith(const std::u32string& s, size_t i, std::u32string_view prefix) {
    return s.compare(i, prefix.size(), prefix) == 0;
}

}  // namespace

nlohmann::json toJson(const FeatureOptions& o) {
    return {{"hash_bits", o.hashBits}, {"word_ngrams", o.wordNgrams}, {"char_min", o.charMin}, {"char_max", o.charMax}};
}

FeatureOptions featureOptionsFromJson(const nlohmann::json& json, const std::string& file) {
    FeatureOptions o;
    auto read = [&](const char* key, int& target, int lo, int hi) {
        // Compared as int64: get<int> wrapped 2^32 + 10 to 10, which passed (#12). Past int64 the value wraps
        // negative, which fails too.
        if (!json.contains(key) || !json[key].is_number_integer() || json[key].get<int64_t>() < lo ||
            json[key].get<int64_t>() > hi)
            throw InputError(file, 0, std::string("features.") + key,
                             "expected an integer in [" + std::to_string(lo) + ", " + std::to_string(hi) + "]");
        target = static_cast<int>(json[key].get<int64_t>());
    };
    read("hash_bits", o.hashBits, 10, 26);
    read("word_ngrams", o.wordNgrams, 1, 3);
    read("char_min", o.charMin, 1, 8);
    read("char_max", o.charMax, o.charMin, 8);
    return o;
}

std::u32string normalizeForScoring(std::string_view text) {
    const std::u32string codes = decodeUtf8(text);
    std::u32string out;
    out.reserve(codes.size());
    for (size_t i = 0; i < codes.size();) {
        const bool tokenStart = i == 0 || isPythonWhitespace(codes[i - 1]);
        if (tokenStart && (startsWith(codes, i, U"http://") || startsWith(codes, i, U"https://") ||
                           startsWith(codes, i, U"www."))) {
            out += U"http";
            while (i < codes.size() && !isPythonWhitespace(codes[i])) ++i;
            continue;
        }
        if (codes[i] == U'@' && i + 1 < codes.size() && isWordChar(codes[i + 1])) {
            out += U"@user";
            for (++i; i < codes.size() && (isWordChar(codes[i]) || codes[i] == U'_'); ++i) {}
            continue;
        }
        if (codes[i] == U'&') {  // &amp; &lt; &gt; &quot; and numeric entities (tweets carry them)
            const size_t semicolon = codes.find(U';', i);
            if (semicolon != std::u32string::npos && semicolon - i <= 8) {
                const std::u32string entity = codes.substr(i, semicolon - i + 1);
                if (entity == U"&amp;") out += U'&';
                else if (entity == U"&lt;") out += U'<';
                else if (entity == U"&gt;") out += U'>';
                else if (entity == U"&quot;") out += U'"';
                else if (entity.size() > 2 && entity[1] == U'#') out += U' ';
                else out += entity;
                i = semicolon + 1;
                continue;
            }
        }
        const auto lower = static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(codes[i])));
        if (!(out.size() >= 2 && out[out.size() - 1] == lower && out[out.size() - 2] == lower)) out += lower;
        ++i;
    }
    return out;
}

void hashedFeatures(std::string_view text, const FeatureOptions& options, SparseFeatures& out) {
    const std::u32string norm = normalizeForScoring(text);
    const int shift = 64 - options.hashBits;
    std::vector<uint32_t>& idx = out.index;
    idx.clear();
    std::vector<uint64_t> wordHashes;
    std::u32string padded;
    for (size_t i = 0; i < norm.size();) {
        while (i < norm.size() && isPythonWhitespace(norm[i])) ++i;
        size_t j = i;
        while (j < norm.size() && !isPythonWhitespace(norm[j])) ++j;
        if (j == i) break;
        padded.assign(1, U'<');
        padded.append(norm, i, std::min(j - i, kMaxTokenForCharGrams));
        padded += U'>';
        for (int n = options.charMin; n <= options.charMax; ++n)
            for (size_t k = 0; k + static_cast<size_t>(n) <= padded.size(); ++k)
                idx.push_back(static_cast<uint32_t>(hashCodes(kCharSeed, padded.data() + k, static_cast<size_t>(n)) >> shift));
        for (size_t a = i; a < j;) {  // words inside the token: runs of letters, digits and apostrophes
            while (a < j && !isWordChar(norm[a])) ++a;
            size_t b = a;
            while (b < j && isWordChar(norm[b])) ++b;
            if (b > a) wordHashes.push_back(hashCodes(kWordSeed, norm.data() + a, b - a));
            a = b;
        }
        i = j;
    }
    for (size_t w = 0; w < wordHashes.size(); ++w) {
        uint64_t h = wordHashes[w];
        idx.push_back(static_cast<uint32_t>(h >> shift));
        for (int n = 2; n <= options.wordNgrams && w + static_cast<size_t>(n) <= wordHashes.size(); ++n) {
            h = hashCodes(kWordSeed + static_cast<uint64_t>(n), nullptr, 0, h * 31 + wordHashes[w + static_cast<size_t>(n) - 1]);
            idx.push_back(static_cast<uint32_t>(h >> shift));
        }
    }
    std::sort(idx.begin(), idx.end());
    out.value.clear();
    size_t unique = 0;
    for (size_t k = 0; k < idx.size();) {
        size_t m = k;
        while (m < idx.size() && idx[m] == idx[k]) ++m;
        idx[unique++] = idx[k];
        out.value.push_back(static_cast<float>(m - k));
        k = m;
    }
    idx.resize(unique);
    double norm2 = 0;
    for (float v : out.value) norm2 += static_cast<double>(v) * v;
    const auto scale = static_cast<float>(1.0 / std::sqrt(std::max(norm2, 1e-12)));
    for (float& v : out.value) v *= scale;
}

}  // namespace srllm::core
