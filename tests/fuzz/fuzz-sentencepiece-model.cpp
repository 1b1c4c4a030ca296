// Fuzz target: a SentencePiece tokenizer.model, read by our own protobuf reader and converted to BPE (the
// only tokenizer file of a Llama 2 / Mistral folder), then used.
#include <filesystem>

#include "core/tokenizer/tokenizer-loader.h"
#include "fuzz/fuzz-support.h"
#include "fuzz/tokenizer-exercise.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    namespace fs = std::filesystem;
    const fs::path dir = srllm::fuzz::scratchDir() / "model";
    fs::create_directories(dir);
    srllm::fuzz::writeInput("model/tokenizer.model", {reinterpret_cast<const char*>(data), size});
    srllm::fuzz::expectInputErrors(dir.string(), [&] {
        srllm::fuzz::exerciseTokenizer(*srllm::core::loadTokenizer(dir));
    });
    return 0;
}
