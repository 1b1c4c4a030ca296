#pragma once
// Instruction records tokenized under the job's one BOS/EOS policy ("tokenizer-bos-eos"): the prompt
// with the tokenizer's special tokens, the response without, then the tokenizer's EOS id; the loss is
// masked to the response. Torch-free, so the estimate and the GUI count the same tokens the trainer sees.
#include <cstdint>
#include <string>
#include <vector>

#include "core/common/diagnostics.h"
#include "core/data/instruction-record.h"
#include "core/tokenizer/tokenizer.h"

namespace srllm::core {

inline constexpr int64_t kIgnoreLabel = -100;  // PyTorch/HF ignore_index: no loss on this position

struct TokenizedExample {
    std::vector<int64_t> ids;     // prompt tokens, response tokens, EOS
    std::vector<int64_t> labels;  // kIgnoreLabel on the prompt, the ids on the response and EOS
    bool truncated = false;       // cut to max length (the EOS may be gone)
};

// NOTE: the one place the EOS is decided; generation encodes prompts the same way (encode(prompt, true)).
TokenizedExample tokenizeExample(const Tokenizer& tokenizer, const std::string& prompt, const std::string& response,
                                 int64_t maxLength);

struct TokenizedExamples {
    std::vector<TokenizedExample> examples;
    Diagnostics truncated;  // one per record cut to max length (it may lose its EOS)
    Diagnostics skipped;    // one per record whose prompt alone fills max length
    double meanTokens() const;
};

// Tokenizes every record; `file` names the source in the diagnostics (line = the record's line).
TokenizedExamples tokenizeRecords(const Tokenizer& tokenizer, const std::vector<InstructionRecord>& records,
                                  int64_t maxLength, const std::string& file);

}  // namespace srllm::core
