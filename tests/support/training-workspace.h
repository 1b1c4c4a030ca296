#pragma once
// A project ready to train from, as a person builds it with the CLI: a tiny Llama with its own tokenizer,
// twelve items (ten train, two val) with gold rewrites from two annotators, and the snapshot "gold-1".
// Used by the CLI job tests and the crash-safety test's training scenario.
#include <filesystem>
#include <string>

namespace srllm::test {

// Builds it in `dir`: dir/study.srllm, dir/base (the model); throws std::runtime_error with the CLI's output
// when a step fails.
void makeTrainingWorkspace(const std::filesystem::path& dir);

// `srllm job new` for that workspace: the job folder `jobDir`, the custom template, then `batching` (the
// settings a test may want other values of) and `options` (CLI11 refuses an option given twice).
std::string jobNewCommand(const std::filesystem::path& workspace, const std::filesystem::path& jobDir,
                          const std::string& options,
                          const std::string& batching = "--lora-dropout 0.1 --batch-size 2 --grad-accum 2 ");

}  // namespace srllm::test
