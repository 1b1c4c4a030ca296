#pragma once
// A finished (or best-so-far) run, loaded from its job folder: the base model the job names, its adapter
// (over an NF4 base for QLoRA, as trained) or its fully fine-tuned weights, the tokenizer, and the
// template the data was made with. `srllm generate --run`, `adapter merge --run` and evaluation read runs
// only through here, so nothing about a run is re-decided by a flag.
#include <filesystem>
#include <memory>

#include "core/common/diagnostics.h"
#include "core/data/instruction-template.h"
#include "core/job/job-spec.h"
#include "core/model/model-loader.h"
#include "core/tokenizer/tokenizer.h"

namespace srllm::core {

enum class RunWeights { Result, Best };  // adapter/ or model/, or best/

struct LoadedRun {
    JobSpec spec;
    InstructionTemplate templ = InstructionTemplate::builtin("paper");
    std::unique_ptr<Tokenizer> tokenizer;
    CausalLM model;                  // in eval mode; LoRA layers wrapped (not merged)
    std::filesystem::path weights;   // the folder the trained weights came from
    Diagnostics warnings;
};

// Throws InputError naming the folder when the run has no such weights yet (with a hint: train it, or
// use the other kind).
LoadedRun loadRun(const std::filesystem::path& jobDir, RunWeights which = RunWeights::Result);

// The folder of `which` weights for the run's method (jobDir/adapter, jobDir/model or jobDir/best).
std::filesystem::path runWeightsFolder(const std::filesystem::path& jobDir, const JobSpec& spec, RunWeights which);

}  // namespace srllm::core
