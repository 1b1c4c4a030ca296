#include "app/cli/engine/decoding-options.h"

#include "core/common/diagnostics.h"

namespace srllm::cli {

void addDecodingOptions(CLI::App* cmd, core::GenerationOptions& options) {
    cmd->add_option("--max-new-tokens", options.maxNewTokens, "tokens to generate at most")->capture_default_str();
    cmd->add_option("--temperature", options.sampling.temperature, "0 = greedy")->capture_default_str();
    cmd->add_option("--top-k", options.sampling.topK, "0 = off")->capture_default_str();
    cmd->add_option("--top-p", options.sampling.topP, "1 = off")->capture_default_str();
    cmd->add_option("--repetition-penalty", options.sampling.repetitionPenalty, "1 = off")->capture_default_str();
    cmd->add_option("--seed", options.seed, "sampling seed (reproducible output)");
    cmd->add_option("--stop", options.stopStrings, "stop when the output contains this string (repeatable)");
}

void validateDecoding(const core::GenerationOptions& options) {
    if (options.maxNewTokens <= 0) throw core::InputError("", 0, "--max-new-tokens", "must be positive");
    options.sampling.validate();
}

}  // namespace srllm::cli
