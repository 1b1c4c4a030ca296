#pragma once
// Safety during training (docs/JOBS.md): at each evaluation the model being trained answers a fixed sample
// of validation prompts greedily (core::generateTexts), the job's risk scorer scores the outputs, and the
// share at toxicity >= 0.5 is logged as toxic_percent. The sample is drawn once from (seed), so a resumed
// run scores the same prompts; greedy decoding draws no random numbers.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/eval/risk-scorer.h"
#include "core/generate/generation-model.h"
#include "core/job/job-spec.h"

namespace srllm::core {

class ToxicityProbe {
public:
    // Loads the scorer of `scorer` (throws InputError when it does not load or its content hash is not the
    // one job.json records) and draws min(sampleSize, texts) of `valTexts` with `seed`.
    ToxicityProbe(const JobScorer& scorer, const JobTemplate& templ, std::unique_ptr<Tokenizer> tokenizer,
                  const std::vector<std::string>& valTexts, uint64_t seed);

    // Generates with `model` (in eval mode, no grad: the caller's business), scores, writes
    // jobDir/eval-generations/step-N.jsonl, and returns the toxic % at 0.5.
    double measure(CausalLM model, int64_t step, const std::filesystem::path& jobDir);

    const std::vector<std::string>& sample() const { return m_sample; }

private:
    RiskScorer m_scorer;
    GenerationModel m_generation;
    int64_t m_maxNewTokens;
    std::vector<std::string> m_sample;
};

}  // namespace srllm::core
