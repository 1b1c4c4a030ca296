// BpeTokenizer's file loaders: tokenizer.json, and GPT-2's vocab.json + merges.txt.
#include <sstream>

#include "core/common/diagnostics.h"
#include "core/common/input-file.h"
#include "core/tokenizer/bpe-tokenizer.h"
#include "core/tokenizer/tokenizer-files.h"
#include "core/tokenizer/tokenizer-json.h"

namespace srllm::core {
namespace {

constexpr const char* kGpt2EndOfText = "<|endoftext|>";

}  // namespace

// Errors from the spec itself (added-token clashes) carry no file; give them the file they came from.
std::unique_ptr<BpeTokenizer> BpeTokenizer::fromSpec(BpeTokenizerSpec spec, const std::filesystem::path& file) {
    try {
        return std::make_unique<BpeTokenizer>(std::move(spec));
    } catch (const InputError& e) {
        Diagnostic d = e.diagnostic();
        d.file = file.string();
        throw InputError(d);
    }
}

std::unique_ptr<BpeTokenizer> BpeTokenizer::fromTokenizerJson(const std::filesystem::path& file) {
    return fromSpec(parseTokenizerJson(readJsonFile(file), file.string()), file);
}

std::unique_ptr<BpeTokenizer> BpeTokenizer::fromVocabMerges(const std::filesystem::path& vocabFile,
                                                           const std::filesystem::path& mergesFile) {
    const nlohmann::json vocab = readJsonFile(vocabFile);
    if (!vocab.is_object()) throw InputError(vocabFile.string(), 0, "", "expected a JSON object {token: id}");
    BpeTokenizerSpec spec;
    auto& tokens = spec.model.tokens;
    tokens = vocabularyFromJson(vocab, vocabFile.string(), "");

    std::istringstream lines(readTextFile(mergesFile));
    std::vector<std::pair<std::string, std::string>> merges;
    std::string line;
    int64_t lineNo = 0;
    int64_t firstLine = 0;
    while (std::getline(lines, line)) {
        ++lineNo;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || (lineNo == 1 && line.starts_with("#version"))) continue;
        const size_t space = line.find(' ');
        if (space == std::string::npos || space == 0 || space + 1 >= line.size() ||
            line.find(' ', space + 1) != std::string::npos) {
            throw InputError(mergesFile.string(), lineNo, "", "expected two tokens separated by one space, got '" + line + "'");
        }
        if (firstLine == 0) firstLine = lineNo;
        if (lineNo - firstLine != static_cast<int64_t>(merges.size()))
            throw InputError(mergesFile.string(), lineNo, "", "blank line inside the merges (hint: remove it)");
        merges.emplace_back(line.substr(0, space), line.substr(space + 1));
    }
    spec.model.merges = resolveMerges(tokens, merges, mergesFile.string(), firstLine);

    PreTokenizerStep pre;
    pre.kind = PreTokenizerStep::Kind::ByteLevel;
    spec.preTokenizer.push_back(pre);
    DecoderStep decoder;
    decoder.kind = DecoderStep::Kind::ByteLevel;
    spec.decoder.push_back(decoder);
    if (vocab.contains(kGpt2EndOfText)) {
        AddedToken endOfText;
        endOfText.id = vocab[kGpt2EndOfText].get<int64_t>();
        endOfText.content = kGpt2EndOfText;
        spec.addedTokens.push_back(endOfText);
    }
    return fromSpec(std::move(spec), vocabFile);
}

}  // namespace srllm::core
