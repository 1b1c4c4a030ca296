#include "core/eval/vader-sentiment.h"

#include <cmath>
#include <fstream>
#include <unordered_set>

#include <utf8proc.h>

#include "core/common/diagnostics.h"
#include "core/text/utf8-code-points.h"

namespace srllm::core {

namespace {

// ---- VADER's constants (vaderSentiment / NLTK VaderConstants) ----
constexpr double kBoosterIncrease = 0.293;
constexpr double kBoosterDecrease = -0.293;
constexpr double kCapsIncrease = 0.733;
constexpr double kNegationScalar = -0.74;

const std::unordered_set<std::string> kNegations = {
    "aint", "arent", "cannot", "cant", "couldnt", "darent", "didnt", "doesnt", "ain't", "aren't", "can't",
    "couldn't", "daren't", "didn't", "doesn't", "dont", "hadnt", "hasnt", "havent", "isnt", "mightnt", "mustnt",
    "neither", "don't", "hadn't", "hasn't", "haven't", "isn't", "mightn't", "mustn't", "neednt", "needn't",
    "never", "none", "nope", "nor", "not", "nothing", "nowhere", "oughtnt", "shant", "shouldnt", "uhuh",
    "wasnt", "werent", "oughtn't", "shan't", "shouldn't", "uh-uh", "wasn't", "weren't", "without", "wont",
    "wouldnt", "won't", "wouldn't", "rarely", "seldom", "despite"};

const std::unordered_map<std::string, double> kBoosters = [] {
    std::unordered_map<std::string, double> b;
    for (const char* w : {"absolutely", "amazingly", "awfully", "completely", "considerably", "decidedly", "deeply",
                          "effing", "enormously", "entirely", "especially", "exceptionally", "extremely",
                          "fabulously", "flipping", "flippin", "fricking", "frickin", "frigging", "friggin", "fully",
                          "fucking", "greatly", "hella", "highly", "hugely", "incredibly", "intensely", "majorly",
                          "more", "most", "particularly", "purely", "quite", "really", "remarkably", "so",
                          "substantially", "thoroughly", "totally", "tremendously", "uber", "unbelievably",
                          "unusually", "utterly", "very"})
        b[w] = kBoosterIncrease;
    for (const char* w : {"almost", "barely", "hardly", "just enough", "kind of", "kinda", "kindof", "kind-of", "less",
                          "little", "marginally", "occasionally", "partly", "scarcely", "slightly", "somewhat",
                          "sort of", "sorta", "sortof", "sort-of"})
        b[w] = kBoosterDecrease;
    return b;
}();

const std::unordered_map<std::string, double> kIdioms = {
    {"the shit", 3},         {"the bomb", 3},         {"bad ass", 1.5},      {"yeah right", -2},
    {"cut the mustard", 2},  {"kiss of death", -1.5}, {"hand to mouth", -2}};

const std::unordered_set<std::string> kPunctuationList = {".",  "!",   "?",   ",",   ";",   ":",    "-",    "'",
                                                          "\"", "!!",  "!!!", "??",  "???", "?!?",  "!?!",  "?!?!",
                                                          "!?!?"};

bool isAsciiPunctuation(char32_t c) {  // Python's string.punctuation
    return (c >= U'!' && c <= U'/') || (c >= U':' && c <= U'@') || (c >= U'[' && c <= U'`') || (c >= U'{' && c <= U'~');
}

bool isUpper(const std::u32string& word) {  // Python's str.isupper()
    bool cased = false;
    for (char32_t c : word) {
        const auto category = utf8proc_category(static_cast<utf8proc_int32_t>(c));
        if (category == UTF8PROC_CATEGORY_LL || category == UTF8PROC_CATEGORY_LT) return false;
        if (category == UTF8PROC_CATEGORY_LU) cased = true;
    }
    return cased;
}

std::u32string lowercase(std::u32string word) {
    for (char32_t& c : word) c = static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(c)));
    return word;
}

bool hasPunctuation(std::u32string_view s) {
    for (char32_t c : s)
        if (isAsciiPunctuation(c)) return true;
    return false;
}

// NLTK's SentiText: whitespace tokens longer than one code point; one leading or trailing punctuation
// group from PUNC_LIST is dropped when what remains is a word of 2+ characters without punctuation.
std::vector<std::u32string> wordsAndEmoticons(std::u32string_view text) {
    std::vector<std::u32string> out;
    size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && isPythonWhitespace(text[i])) ++i;
        size_t j = i;
        while (j < text.size() && !isPythonWhitespace(text[j])) ++j;
        std::u32string_view token = text.substr(i, j - i);
        i = j;
        if (token.size() <= 1) continue;
        size_t lead = 0;
        while (lead < token.size() && isAsciiPunctuation(token[lead])) ++lead;
        size_t trail = 0;
        while (trail < token.size() && isAsciiPunctuation(token[token.size() - 1 - trail])) ++trail;
        auto strip = [&](std::u32string_view punctuation, std::u32string_view rest) {
            return !rest.empty() && rest.size() > 1 && !hasPunctuation(rest) &&
                   kPunctuationList.count(encodeUtf8(punctuation)) != 0;
        };
        if (lead > 0 && lead < token.size() && strip(token.substr(0, lead), token.substr(lead)))
            token = token.substr(lead);
        else if (trail > 0 && trail < token.size() &&
                 strip(token.substr(token.size() - trail), token.substr(0, token.size() - trail)))
            token = token.substr(0, token.size() - trail);
        out.emplace_back(token);
    }
    return out;
}

bool negated(const std::string& lowerWord) {
    return kNegations.count(lowerWord) != 0 || lowerWord.find("n't") != std::string::npos;
}

double boosterScalar(const std::string& word, const std::string& lowerWord, bool wordIsUpper, double valence,
                     bool capDifferential) {
    const auto it = kBoosters.find(lowerWord);
    if (it == kBoosters.end()) return 0.0;
    double scalar = valence < 0 ? -it->second : it->second;
    if (wordIsUpper && capDifferential) scalar += valence > 0 ? kCapsIncrease : -kCapsIncrease;
    return scalar;
}

}  // namespace

SentimentClass sentimentClass(double compound) {
    if (compound >= 0.05) return SentimentClass::Positive;
    if (compound <= -0.05) return SentimentClass::Negative;
    return SentimentClass::Neutral;
}

const char* sentimentClassName(SentimentClass c) {
    switch (c) {
    case SentimentClass::Negative: return "negative";
    case SentimentClass::Neutral: return "neutral";
    case SentimentClass::Positive: return "positive";
    }
    return "neutral";
}

SentimentShares sentimentShares(const std::vector<double>& compounds) {
    SentimentShares s;
    s.n = static_cast<int64_t>(compounds.size());
    if (compounds.empty()) {
        s.negative = s.neutral = s.positive = std::nan("");
        return s;
    }
    for (double c : compounds) {
        const SentimentClass k = sentimentClass(c);
        (k == SentimentClass::Negative ? s.negative : k == SentimentClass::Neutral ? s.neutral : s.positive) += 1;
    }
    const double n = static_cast<double>(compounds.size());
    s.negative /= n;
    s.neutral /= n;
    s.positive /= n;
    return s;
}

VaderSentiment::VaderSentiment(const std::string& lexiconPath) {
    std::ifstream in(lexiconPath);
    if (!in) throw InputError(lexiconPath, 0, "", "cannot read the VADER lexicon (hint: --lexicon or SRLLM_VADER_LEXICON)");
    std::string line;
    int64_t number = 0;
    while (std::getline(in, line)) {
        ++number;
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        const size_t tab = line.find('\t');
        if (tab == std::string::npos) throw InputError(lexiconPath, number, "valence", "no tab after the token");
        try {
            m_lexicon[line.substr(0, tab)] = std::stod(line.substr(tab + 1));
        } catch (const std::exception&) {
            throw InputError(lexiconPath, number, "valence", "not a number");
        }
    }
    if (m_lexicon.empty()) throw InputError(lexiconPath, 0, "", "the VADER lexicon is empty");
}

namespace {

struct Tokens {
    std::vector<std::string> words;  // as written (NLTK compares some of them case-sensitively)
    std::vector<std::string> lower;
    std::vector<bool> upper;
    bool capDifferential = false;  // some but not all words are ALL CAPS
};

Tokens tokenize(std::string_view text) {
    Tokens t;
    size_t upperCount = 0;
    for (const auto& word : wordsAndEmoticons(decodeUtf8(text))) {
        t.words.push_back(encodeUtf8(word));
        t.lower.push_back(encodeUtf8(lowercase(word)));
        t.upper.push_back(isUpper(word));
        upperCount += t.upper.back() ? 1 : 0;
    }
    t.capDifferential = upperCount > 0 && upperCount < t.words.size();
    return t;
}

bool isSoOrThis(const std::string& word) { return word == "so" || word == "this"; }

// NLTK's _never_check for the word `distance` places before position i.
double negationCheck(double valence, const Tokens& t, size_t distance, size_t i) {
    const auto& w = t.words;
    if (distance == 0 && negated(t.lower[i - 1])) return valence * kNegationScalar;
    if (distance == 1) {
        if (w[i - 2] == "never" && isSoOrThis(w[i - 1])) return valence * 1.5;
        if (negated(t.lower[i - 2])) return valence * kNegationScalar;
    }
    if (distance == 2) {
        if ((w[i - 3] == "never" && isSoOrThis(w[i - 2])) || isSoOrThis(w[i - 1])) return valence * 1.25;
        if (negated(t.lower[i - 3])) return valence * kNegationScalar;
    }
    return valence;
}

double idiomsCheck(double valence, const Tokens& t, size_t i) {
    const auto& w = t.words;
    const std::string twoOne = w[i - 2] + " " + w[i - 1];
    const std::string threeTwo = w[i - 3] + " " + w[i - 2];
    for (const std::string& sequence : {w[i - 1] + " " + w[i], twoOne + " " + w[i], twoOne, threeTwo + " " + w[i - 1],
                                        threeTwo}) {
        if (const auto it = kIdioms.find(sequence); it != kIdioms.end()) {
            valence = it->second;
            break;
        }
    }
    if (w.size() - 1 > i)
        if (const auto it = kIdioms.find(w[i] + " " + w[i + 1]); it != kIdioms.end()) valence = it->second;
    if (w.size() - 1 > i + 1)
        if (const auto it = kIdioms.find(w[i] + " " + w[i + 1] + " " + w[i + 2]); it != kIdioms.end()) valence = it->second;
    if (kBoosters.count(threeTwo) || kBoosters.count(twoOne)) valence += kBoosterDecrease;
    return valence;
}

double leastCheck(double valence, const Tokens& t, size_t i,
                  const std::unordered_map<std::string, double>& lexicon) {
    if (i > 0 && t.lower[i - 1] == "least" && !lexicon.count(t.lower[i - 1])) {
        if (i > 1) {
            if (t.lower[i - 2] != "at" && t.lower[i - 2] != "very") valence *= kNegationScalar;
        } else {
            valence *= kNegationScalar;
        }
    }
    return valence;
}

double valenceAt(const Tokens& t, size_t i, const std::unordered_map<std::string, double>& lexicon) {
    const auto it = lexicon.find(t.lower[i]);
    if (it == lexicon.end()) return 0.0;
    double valence = it->second;
    if (t.upper[i] && t.capDifferential) valence += valence > 0 ? kCapsIncrease : -kCapsIncrease;
    for (size_t distance = 0; distance < 3; ++distance) {
        if (i <= distance) break;
        const size_t j = i - distance - 1;
        if (lexicon.count(t.lower[j])) continue;
        double s = boosterScalar(t.words[j], t.lower[j], t.upper[j], valence, t.capDifferential);
        if (distance == 1) s *= 0.95;
        if (distance == 2) s *= 0.9;
        valence = negationCheck(valence + s, t, distance, i);
        if (distance == 2) valence = idiomsCheck(valence, t, i);
    }
    return leastCheck(valence, t, i, lexicon);
}

double punctuationEmphasis(std::string_view text) {
    int64_t exclamations = 0, questions = 0;
    for (char c : text) {
        exclamations += c == '!';
        questions += c == '?';
    }
    const double ep = static_cast<double>(std::min<int64_t>(exclamations, 4)) * 0.292;
    double qm = 0;
    if (questions > 1) qm = questions <= 3 ? static_cast<double>(questions) * 0.18 : 0.96;
    return ep + qm;
}

}  // namespace

VaderScores VaderSentiment::score(std::string_view text) const {
    const Tokens t = tokenize(text);
    std::vector<double> sentiments;
    sentiments.reserve(t.words.size());
    for (size_t i = 0; i < t.words.size(); ++i) {
        const bool kindOf = i + 1 < t.words.size() && t.lower[i] == "kind" && t.lower[i + 1] == "of";
        sentiments.push_back(kindOf || kBoosters.count(t.lower[i]) ? 0.0 : valenceAt(t, i, m_lexicon));
    }
    for (size_t b = 0; b < t.lower.size(); ++b) {  // "but": what follows counts more than what precedes
        if (t.lower[b] != "but") continue;
        for (size_t k = 0; k < sentiments.size(); ++k)
            if (k != b) sentiments[k] *= k < b ? 0.5 : 1.5;
        break;
    }
    VaderScores scores;
    if (sentiments.empty()) return scores;
    double sum = 0;
    for (double s : sentiments) sum += s;
    const double emphasis = punctuationEmphasis(text);
    if (sum > 0) sum += emphasis;
    if (sum < 0) sum -= emphasis;
    scores.compound = sum / std::sqrt(sum * sum + 15.0);
    double positive = 0, negative = 0, neutral = 0;
    for (double s : sentiments) {
        if (s > 0) positive += s + 1;  // +1 and -1 offset the neutral words' count of 1
        if (s < 0) negative += s - 1;
        if (s == 0) neutral += 1;
    }
    if (positive > std::fabs(negative)) positive += emphasis;
    else if (positive < std::fabs(negative)) negative -= emphasis;
    const double total = positive + std::fabs(negative) + neutral;
    scores.positive = std::fabs(positive / total);
    scores.negative = std::fabs(negative / total);
    scores.neutral = std::fabs(neutral / total);
    return scores;
}

}  // namespace srllm::core
