// Evaluation speed: texts per second for every single-text metric (VADER, CLEN, readability, trigram
// perplexity), for the risk scorer, and for both together, over N texts (one per line of TEXT_FILE,
// cycled), on T threads that each take every T-th text. Usage:
//   bench-eval SCORER_DIR TEXT_FILE [N=100000] [THREADS=2]
// Results go to docs/BENCHMARKS.md, section "Evaluation metrics and scorer (issue #9)".
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <string>
#include <thread>
#include <vector>

#include "core/eval/risk-scorer.h"
#include "core/eval/text-metrics.h"

namespace {

double secondsSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Runs work(i) for i = 0..n-1 split over threads; returns texts per second.
double rate(size_t n, int threads, const std::function<void(size_t)>& work) {
    const auto start = std::chrono::steady_clock::now();
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t)
        pool.emplace_back([&, t] {
            for (size_t i = static_cast<size_t>(t); i < n; i += static_cast<size_t>(threads)) work(i);
        });
    for (auto& thread : pool) thread.join();
    return static_cast<double>(n) / secondsSince(start);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: bench-eval SCORER_DIR TEXT_FILE [N=100000] [THREADS=2]\n");
        return 2;
    }
    const size_t n = argc > 3 ? std::strtoull(argv[3], nullptr, 10) : 100000;
    const int threads = argc > 4 ? std::atoi(argv[4]) : 2;
    std::vector<std::string> lines;
    {
        std::ifstream in(argv[2]);
        for (std::string line; std::getline(in, line);) lines.push_back(line);
    }
    if (lines.empty()) {
        std::fprintf(stderr, "no texts in %s\n", argv[2]);
        return 1;
    }
    std::vector<std::string> texts(n);
    size_t words = 0;
    for (size_t i = 0; i < n; ++i) {
        texts[i] = lines[i % lines.size()];
        for (size_t k = 0; k < texts[i].size(); ++k) words += texts[i][k] == ' ';
    }
    auto start = std::chrono::steady_clock::now();
    const srllm::core::TextMetricsEngine engine;
    const auto scorer = srllm::core::RiskScorer::load(argv[1]);
    std::printf("texts %zu (%.1f words on average), threads %d, load %.2f s\n", n,
                static_cast<double>(words + n) / static_cast<double>(n), threads, secondsSince(start));
    std::vector<double> sink(n);  // results land here so nothing is optimised away
    const srllm::core::VaderSentiment vader(srllm::core::defaultEvalResources().vaderLexicon);
    const double sentiment = rate(n, threads, [&](size_t i) { sink[i] = vader.score(texts[i]).compound; });
    const double metrics = rate(n, threads, [&](size_t i) { sink[i] = engine.compute(texts[i]).fluency.perplexity; });
    const double scoring = rate(n, threads, [&](size_t i) { sink[i] = scorer.score(texts[i]).probability[0]; });
    const double both = rate(n, threads, [&](size_t i) {
        sink[i] = engine.compute(texts[i]).sentiment.compound + scorer.score(texts[i]).probability[0];
    });
    std::printf("VADER only            %10.0f texts/s\n", sentiment);
    std::printf("text metrics          %10.0f texts/s\n", metrics);
    std::printf("risk scorer           %10.0f texts/s\n", scoring);
    std::printf("metrics + scorer      %10.0f texts/s\n", both);
    double check = 0;
    for (double v : sink) check += v == v ? v : 0;
    std::printf("(checksum %.3f)\n", check);
    return 0;
}
