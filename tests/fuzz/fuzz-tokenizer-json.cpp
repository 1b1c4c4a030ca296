// Fuzz target: a model folder's tokenizer files, loaded as `srllm generate` and training load them. The first
// byte picks what the input is: tokenizer.json; vocab.json and merges.txt (split at the first NUL byte); or
// tokenizer_config.json / generation_config.json beside a small valid tokenizer.json.
#include <filesystem>

#include "core/tokenizer/tokenizer-loader.h"
#include "fuzz/fuzz-support.h"
#include "fuzz/tokenizer-exercise.h"

namespace {

// A byte-level BPE over a few tokens, with <s> and </s> as added special tokens.
constexpr std::string_view kSmallTokenizer = R"({"version":"1.0","added_tokens":[
{"id":5,"content":"<s>","special":true},{"id":6,"content":"</s>","special":true}],
"normalizer":null,"pre_tokenizer":{"type":"ByteLevel","add_prefix_space":false,"use_regex":true},
"post_processor":null,"decoder":{"type":"ByteLevel"},
"model":{"type":"BPE","vocab":{"H":0,"e":1,"l":2,"o":3,"He":4,"<s>":5,"</s>":6},"merges":["H e"]}})";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    namespace fs = std::filesystem;
    const auto [selector, rest] = srllm::fuzz::select(data, size);
    const fs::path dir = srllm::fuzz::scratchDir() / "model";
    fs::remove_all(dir);
    fs::create_directories(dir);
    switch (selector % 4) {
        case 0: srllm::fuzz::writeInput("model/tokenizer.json", rest); break;
        case 1: {
            const size_t cut = std::min(rest.find('\0'), rest.size());
            srllm::fuzz::writeInput("model/vocab.json", rest.substr(0, cut));
            srllm::fuzz::writeInput("model/merges.txt", rest.substr(std::min(cut + 1, rest.size())));
            break;
        }
        default:
            srllm::fuzz::writeInput("model/tokenizer.json", kSmallTokenizer);
            srllm::fuzz::writeInput(selector % 4 == 2 ? "model/tokenizer_config.json" : "model/generation_config.json",
                                    rest);
    }
    srllm::fuzz::expectInputErrors(dir.string(), [&] {
        srllm::fuzz::exerciseTokenizer(*srllm::core::loadTokenizer(dir));
    });
    return 0;
}
