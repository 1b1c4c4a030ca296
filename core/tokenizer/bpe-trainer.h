#pragma once
// Trains a byte-level BPE tokenizer (GPT-2 style) from a project's own text, so a model can be trained
// from scratch. Pair counts are updated incrementally after each merge (a max-heap with lazy re-checks and
// a pair -> words index), as Hugging Face's BpeTrainer does, instead of recounting the corpus per merge.
#include <cstdint>
#include <filesystem>
#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/common/progress.h"
#include "core/tokenizer/bpe-tokenizer-spec.h"

namespace srllm::core {

struct BpeTrainerOptions {
    int64_t vocabSize = 8000;  // specials + 256 byte symbols + merges; small enough for a corpus of a few MB
    int64_t minFrequency = 2;  // a pair seen once is noise, not a word piece
    std::vector<std::string> specialTokens = {"<|endoftext|>"};  // ids 0.. in this order; the first is BOS/EOS
    SplitPattern pattern = SplitPattern::Gpt2;  // pre-tokenizer regex: words never merge across it
};

class BpeTrainer {
public:
    // Throws InputError (field "vocab-size") when vocabSize cannot hold the specials and 256 bytes.
    explicit BpeTrainer(BpeTrainerOptions options);

    // Counts the words of one text (a document or a line). Not thread-safe.
    void addText(std::string_view text);
    // Counts every line of a stream, each with its newline. Returns the number of lines read.
    int64_t addLines(std::istream& in);

    // Learns merges until vocabSize is reached or no pair occurs minFrequency times. progress gets
    // (vocabulary size so far, target size); returning false cancels and train() returns nullopt.
    std::optional<BpeTokenizerSpec> train(const ProgressCallback& progress = {}) const;

private:
    BpeTrainerOptions m_options;
    std::unordered_map<std::string, int64_t> m_wordCounts;  // byte-mapped word -> occurrences
};

// Writes tokenizer.json and a tokenizer_config.json naming bos/eos/pad into dir (created if needed).
void saveTrainedTokenizer(const BpeTokenizerSpec& spec, const std::filesystem::path& dir);

}  // namespace srllm::core
