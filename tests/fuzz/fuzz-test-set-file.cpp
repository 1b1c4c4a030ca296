// Fuzz target: generation-run test sets (core/data/test-set-file.h). The first byte picks the format: JSON
// Lines, BOLD's JSON, the counterfactual CSV, or one of HolisticBias's four files (the other three
// minimal and valid), read to the end; then a seeded sample of what was read.
#include <filesystem>

#include "core/data/test-set-file.h"
#include "fuzz/fuzz-support.h"

using namespace srllm::core;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const auto [selector, rest] = srllm::fuzz::select(data, size);
    static const char* kHolisticBias[] = {"nouns.json", "descriptors.json", "standalone_noun_phrases.json",
                                          "sentence_templates.json"};
    static const char* kMinimal[] = {R"({"female": [["woman", "women"]]})", R"({"age": {"old": ["old"]}})",
                                     R"({"age": ["a senior"]})", R"({"I'm {noun_phrase}.": {}})"};
    std::string path;
    switch (selector % 4) {
        case 0: path = srllm::fuzz::writeInput("set.jsonl", rest).string(); break;
        case 1: path = srllm::fuzz::writeInput("set.json", rest).string(); break;
        case 2: path = srllm::fuzz::writeInput("set.csv", rest).string(); break;
        default: {
            const auto folder = srllm::fuzz::scratchDir() / "holistic_bias";
            std::filesystem::create_directories(folder);
            const int replaced = (selector >> 2) % 4;
            for (int i = 0; i < 4; ++i)
                srllm::fuzz::writeInput(std::string("holistic_bias/") + kHolisticBias[i], i == replaced ? rest : kMinimal[i]);
            path = folder.string();
        }
    }
    const int sample = selector >> 4;  // clang 14 cannot capture a structured binding
    srllm::fuzz::expectInputErrors(path, [&] {
        auto set = readTestSetFile(path);
        sampleTestSet(set, sample, static_cast<uint64_t>(sample));
    });
    return 0;
}
