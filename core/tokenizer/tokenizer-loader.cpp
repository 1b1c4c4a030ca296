#include "core/tokenizer/tokenizer-loader.h"

#include "core/common/diagnostics.h"
#include "core/common/durable-file.h"
#include "core/tokenizer/bpe-tokenizer.h"
#include "core/tokenizer/sentencepiece-to-bpe.h"
#include "core/tokenizer/tokenizer-config.h"
#include "core/tokenizer/tokenizer-files.h"

namespace srllm::core {
namespace {

namespace fs = std::filesystem;

template <typename T>
std::unique_ptr<Tokenizer> withConfig(std::unique_ptr<T> tokenizer, const fs::path& dir) {
    applyTokenizerConfig(readTokenizerConfig(dir), *tokenizer, tokenizer->specials());
    return tokenizer;
}

}  // namespace

std::unique_ptr<Tokenizer> loadTokenizer(const fs::path& modelDir) {
    if (!fs::is_directory(modelDir))
        throw InputError(modelDir.string(), 0, "", "not a folder (hint: pass the model folder that holds the tokenizer)");
    if (fs::exists(modelDir / kTokenizerJson))
        return withConfig(BpeTokenizer::fromTokenizerJson(modelDir / kTokenizerJson), modelDir);
    if (fs::exists(modelDir / kVocabJson) && fs::exists(modelDir / kMergesTxt))
        return withConfig(BpeTokenizer::fromVocabMerges(modelDir / kVocabJson, modelDir / kMergesTxt), modelDir);
    if (fs::exists(modelDir / kOpenAiEncoderJson) && fs::exists(modelDir / kOpenAiVocabBpe))
        return withConfig(BpeTokenizer::fromVocabMerges(modelDir / kOpenAiEncoderJson, modelDir / kOpenAiVocabBpe),
                          modelDir);
    if (fs::exists(modelDir / kTokenizerModel))
        return withConfig(std::make_unique<BpeTokenizer>(convertSentencePieceToBpe(modelDir / kTokenizerModel).spec),
                          modelDir);
    throw InputError(modelDir.string(), 0, "",
                     "no tokenizer found: looked for tokenizer.json, vocab.json + merges.txt (or OpenAI's encoder.json "
                     "+ vocab.bpe) and tokenizer.model "
                     "(hint: copy the tokenizer files of the base model here, or train one with `srllm tokenizer train`)");
}

std::vector<fs::path> tokenizerFiles(const fs::path& modelDir) {
    std::vector<fs::path> files;
    for (const char* name : {kTokenizerJson, kVocabJson, kMergesTxt, kOpenAiEncoderJson, kOpenAiVocabBpe, kTokenizerModel,
                             kTokenizerConfigJson, kSpecialTokensMapJson, kGenerationConfigJson}) {
        if (fs::is_regular_file(modelDir / name)) files.push_back(modelDir / name);
    }
    return files;
}

std::vector<fs::path> copyTokenizerFiles(const fs::path& sourceDir, const fs::path& targetDir) {
    // Loading first proves the source is usable, so a model never gets a broken tokenizer.
    loadTokenizer(sourceDir);
    fs::create_directories(targetDir);
    std::vector<fs::path> written;
    for (const fs::path& file : tokenizerFiles(sourceDir)) {
        const fs::path target = targetDir / file.filename();
        writeFileDurable(target, readTextFile(file));
        written.push_back(target);
    }
    return written;
}

}  // namespace srllm::core
