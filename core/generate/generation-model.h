#pragma once
// The model a generation run (or `srllm generate`) prompts: a run folder (its base model, adapter,
// tokenizer and template, read from job.json), or a model folder with an optional adapter and template,
// and its hash for provenance. generateTexts() is the one place that renders, encodes and generates a
// batch of texts, so a faster batched decoder replaces it in one place.
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/common/diagnostics.h"
#include "core/common/progress.h"
#include "core/data/instruction-template.h"
#include "core/generate/generator.h"
#include "core/model/causal-lm.h"
#include "core/tokenizer/tokenizer.h"

namespace srllm::core {

struct ModelChoice {
    std::string run;           // a job folder; excludes the three below
    bool best = false;         // with run: best/ instead of the result
    std::string model;         // a Hugging Face model folder
    std::string adapter;       // a PEFT adapter folder over `model`
    std::string templateName;  // wrap each text in this template (repo, paper, alpaca, chat, custom)
    std::string customTemplate;  // for "custom": text with {text} (and {rewrite}), as `job new` takes it
};

struct GenerationModel {
    CausalLM model;  // in eval mode
    std::unique_ptr<Tokenizer> tokenizer;
    std::optional<InstructionTemplate> templ;
    std::string baseModel;                // absolute folder
    std::optional<std::string> adapter;   // the adapter or fine-tuned weights folder
    std::string modelHash;                // "sha256:..." over the base model's hash and the adapter's files
    Diagnostics warnings;
};

// Throws InputError naming the option at fault (--run with --model, a missing --model ...). Without a
// hash cache a model folder's hash is not computed (modelHash stays empty): hashing a 7B model the first
// time takes a minute, which `srllm generate` need not spend since it stores nothing.
GenerationModel openGenerationModel(const ModelChoice& choice,
                                    const std::optional<std::filesystem::path>& hashCache);

struct GeneratedText {
    std::string prompt;  // the text after the template
    std::string output;
    int64_t tokens = 0;
    std::string finishReason;
};

// Generates one output per source, `batchSize` prompts at a time. Throws InputError (field
// "--max-new-tokens") when a prompt plus maxNewTokens exceeds the model's positions, naming the item.
std::vector<GeneratedText> generateTexts(GenerationModel& model, const std::vector<std::string>& sources,
                                         GenerationOptions options, int64_t batchSize);

}  // namespace srllm::core
