// Tokenizer speed: encodes (and decodes) about N MB of text line by line with a model folder's tokenizer,
// cold (empty word cache) and warm, then optionally trains a byte-level BPE on the same text.
// Usage: bench-tokenizer MODEL_DIR TEXT_FILE [MB=1] [TRAIN_VOCAB=0]
// Results go to docs/BENCHMARKS.md, section "Tokenizer (issue #4)".
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "core/tokenizer/bpe-trainer.h"
#include "core/tokenizer/tokenizer-loader.h"

namespace {

double secondsSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Lines of the file, repeated until they hold at least bytes bytes.
std::vector<std::string> readLines(const char* file, size_t bytes, size_t& total) {
    std::vector<std::string> lines;
    total = 0;
    while (total < bytes) {
        std::ifstream in(file, std::ios::binary);
        if (!in) return {};
        size_t before = total;
        for (std::string line; total < bytes && std::getline(in, line);) {
            line += '\n';
            total += line.size();
            lines.push_back(std::move(line));
        }
        if (total == before) break;  // empty file
    }
    return lines;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: %s MODEL_DIR TEXT_FILE [MB=1] [TRAIN_VOCAB=0]\n", argv[0]);
        return 2;
    }
    const double mb = argc > 3 ? std::stod(argv[3]) : 1.0;
    const long trainVocab = argc > 4 ? std::stol(argv[4]) : 0;
    try {
        auto start = std::chrono::steady_clock::now();
        const auto tokenizer = srllm::core::loadTokenizer(argv[1]);
        std::printf("load       %8.3f s  (vocab %lld)\n", secondsSince(start), static_cast<long long>(tokenizer->vocabSize()));
        size_t bytes = 0;
        const auto lines = readLines(argv[2], static_cast<size_t>(mb * 1e6), bytes);
        if (lines.empty()) throw std::runtime_error(std::string("no text in ") + argv[2]);
        std::vector<std::vector<int64_t>> encoded(lines.size());
        for (const char* pass : {"encode-cold", "encode-warm"}) {
            start = std::chrono::steady_clock::now();
            size_t tokens = 0;
            for (size_t k = 0; k < lines.size(); ++k) {
                encoded[k] = tokenizer->encode(lines[k], false);
                tokens += encoded[k].size();
            }
            const double s = secondsSince(start);
            std::printf("%-11s%8.3f s  %7.2f MB/s  %9.0f tokens/s  (%zu bytes, %zu tokens)\n", pass, s, bytes / s / 1e6,
                        tokens / s, bytes, tokens);
        }
        start = std::chrono::steady_clock::now();
        size_t decodedBytes = 0;
        for (const auto& ids : encoded) decodedBytes += tokenizer->decode(ids).size();
        const double s = secondsSince(start);
        std::printf("decode     %8.3f s  %7.2f MB/s\n", s, decodedBytes / s / 1e6);
        if (trainVocab > 0) {
            srllm::core::BpeTrainerOptions options;
            options.vocabSize = trainVocab;
            srllm::core::BpeTrainer trainer(options);
            start = std::chrono::steady_clock::now();
            for (const auto& line : lines) trainer.addText(line);
            const double countSeconds = secondsSince(start);
            const auto spec = trainer.train();
            std::printf("train      %8.3f s  (word counting %.3f s, %zu merges to vocab %ld)\n", secondsSince(start),
                        countSeconds, spec->model.merges.size(), trainVocab);
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench-tokenizer: %s\n", e.what());
        return 1;
    }
    return 0;
}
