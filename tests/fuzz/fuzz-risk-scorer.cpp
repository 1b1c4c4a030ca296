// Fuzz target: a risk scorer folder (#9) as `srllm score --scorer DIR` and the evaluation load it: scorer.json,
// then weights.bin after the first NUL byte of the input; a scorer that loads then scores a text. Seeds are
// made by LLVMFuzzerInitialize into $SRLLM_FUZZ_SEED_DIR from a small untrained scorer.
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "core/eval/risk-scorer.h"
#include "fuzz/fuzz-support.h"

using namespace srllm;
namespace fs = std::filesystem;

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    const char* seeds = std::getenv("SRLLM_FUZZ_SEED_DIR");
    if (!seeds) return 0;
    core::FeatureOptions features;
    features.hashBits = 10;  // the smallest allowed: 16 KiB of weights
    core::LinearRiskModel model;
    model.hashBits = features.hashBits;
    model.weights.assign((size_t{1} << features.hashBits) * core::kRiskCount, 0.25f);
    model.trainedOn = {10, 10, 0, 10};
    const fs::path folder = fuzz::scratchDir() / "seed-scorer";
    fs::remove_all(folder);
    core::RiskScorer(features, model, {}, {{"note", "fuzz seed"}}).save(folder);
    std::ifstream config(folder / "scorer.json", std::ios::binary), weights(folder / "weights.bin", std::ios::binary);
    fs::create_directories(seeds);
    std::ofstream(fs::path(seeds) / "scorer.bin", std::ios::binary) << config.rdbuf() << '\0' << weights.rdbuf();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const size_t cut = std::min(input.find('\0'), input.size());
    const fs::path dir = fuzz::scratchDir() / "scorer";
    fs::create_directories(dir);
    fuzz::writeInput("scorer/scorer.json", input.substr(0, cut));
    fuzz::writeInput("scorer/weights.bin", input.substr(std::min(cut + 1, input.size())));
    fuzz::expectInputErrors(dir.string(), [&] { core::RiskScorer::load(dir).score("You are all idiots, honestly."); });
    return 0;
}
