#pragma once
// Plain-text corpora for pretraining jobs (data.kind "corpus", docs/JOBS.md): one document per non-empty
// line, each encoded with the tokenizer's special tokens and closed with EOS, concatenated and cut into
// blocks of max_length tokens that all carry a loss (HF run_clm's group_texts; the short tail is dropped).
// Torch-free, so the estimate and the GUI count the blocks the trainer sees.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "core/job/job-examples.h"
#include "core/tokenizer/tokenizer.h"

namespace srllm::core {

// The documents of a UTF-8 text file (blank lines skipped, "\r\n" accepted). Throws InputError naming the
// file (and line for invalid UTF-8 or a NUL byte) when it is missing, unreadable or holds no text.
std::vector<std::string> readCorpusDocuments(const std::filesystem::path& file);

// Packs the documents into blocks of `blockSize` tokens (labels = ids). Throws InputError naming `file`
// when the corpus is shorter than one block.
std::vector<TokenizedExample> packCorpus(const Tokenizer& tokenizer, const std::vector<std::string>& documents,
                                         int64_t blockSize, const std::string& file);

// Splits documents into train and validation: every `every`-th document (the 1st, (every+1)th, ...) goes
// to validation; every = 0 keeps them all for training. Deterministic, so a job folder is reproducible.
void splitCorpus(const std::vector<std::string>& documents, int64_t every, std::vector<std::string>& train,
                 std::vector<std::string>& val);

// Writes documents one per line (durable); returns the "sha256:..." of the bytes written.
std::string writeCorpusDocuments(const std::filesystem::path& file, const std::vector<std::string>& documents);

}  // namespace srllm::core
