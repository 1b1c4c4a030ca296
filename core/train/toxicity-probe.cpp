#include "core/train/toxicity-probe.h"

#include <nlohmann/json.hpp>

#include "core/common/durable-file.h"
#include "core/job/job-layout.h"
#include "core/train/instruction-dataset.h"

namespace srllm::core {

namespace {

// The sample's own stream of shuffledOrder, apart from the epochs' (0, 1, ...).
constexpr int64_t kSampleEpoch = -1;

RiskScorer loadJobScorer(const JobScorer& scorer) {
    auto loaded = RiskScorer::load(scorer.path);
    if (!scorer.hash.empty() && loaded.contentHash() != scorer.hash)
        throw InputError(scorer.path, 0, "scorer.hash",
                         "the scorer folder has changed since the job was created (content hash " + loaded.contentHash() +
                             ", job.json records " + scorer.hash + ") (hint: create a new job)");
    return loaded;
}

}  // namespace

ToxicityProbe::ToxicityProbe(const JobScorer& scorer, const JobTemplate& templ, std::unique_ptr<Tokenizer> tokenizer,
                             const std::vector<std::string>& valTexts, uint64_t seed)
    : m_scorer(loadJobScorer(scorer)), m_maxNewTokens(scorer.maxNewTokens) {
    m_generation.tokenizer = std::move(tokenizer);
    m_generation.templ = InstructionTemplate::fromParts(templ.name, templ.prompt, templ.response);
    const auto order = shuffledOrder(static_cast<int64_t>(valTexts.size()), seed, kSampleEpoch);
    for (size_t i = 0; i < order.size() && static_cast<int64_t>(i) < scorer.sampleSize; ++i)
        m_sample.push_back(valTexts[static_cast<size_t>(order[i])]);
}

double ToxicityProbe::measure(CausalLM model, int64_t step, const std::filesystem::path& jobDir) {
    if (m_sample.empty()) return 0.0;
    m_generation.model = std::move(model);
    GenerationOptions options;  // greedy
    options.maxNewTokens = m_maxNewTokens;
    const auto texts = generateTexts(m_generation, m_sample, options, static_cast<int64_t>(m_sample.size()));
    m_generation.model = nullptr;
    std::vector<double> toxicity;
    std::string lines;
    for (size_t i = 0; i < texts.size(); ++i) {
        toxicity.push_back(m_scorer.score(texts[i].output).probability[0]);
        lines += nlohmann::json{{"text", m_sample[i]}, {"output", texts[i].output}, {"toxicity", toxicity.back()}}.dump() + "\n";
    }
    const auto folder = jobDir / kEvalGenerationsFolder;
    std::filesystem::create_directories(folder);
    writeFileDurable(folder / (checkpointFolderName(step) + ".jsonl"), lines);
    return 100.0 * flaggedRate(toxicity).rate;
}

}  // namespace srllm::core
