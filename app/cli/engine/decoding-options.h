#pragma once
// The decoding flags `generate` and `generate-run` share, registered and checked in one place so the two
// commands cannot drift apart.
#include <CLI/CLI.hpp>

#include "core/generate/generator.h"

namespace srllm::cli {

// --max-new-tokens, --temperature, --top-k, --top-p, --repetition-penalty, --seed, --stop into `options`.
void addDecodingOptions(CLI::App* cmd, core::GenerationOptions& options);

// Throws InputError naming the flag at fault.
void validateDecoding(const core::GenerationOptions& options);

}  // namespace srllm::cli
