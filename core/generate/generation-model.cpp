#include "core/generate/generation-model.h"

#include <algorithm>

#include "core/common/sha256.h"
#include "core/generate/run-loader.h"
#include "core/io/peft-format.h"
#include "core/job/base-model-hash.h"
#include "core/model/model-loader.h"
#include "core/tokenizer/tokenizer-loader.h"

namespace srllm::core {

namespace {

// SHA-256 over the base model's hash, then each weights file of the adapter folder ("name hash\n", in
// name order), so the same base with another adapter gets another hash.
std::string combinedHash(const std::string& baseHash, const std::optional<std::string>& adapter) {
    if (!adapter) return baseHash;
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(*adapter))
        if (entry.is_regular_file()) files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    Sha256 digest;
    digest.update(baseHash + "\n");
    for (const auto& file : files) digest.update(file.filename().string() + " " + fileSha256(file) + "\n");
    return "sha256:" + digest.finishHex();
}

}  // namespace

GenerationModel openGenerationModel(const ModelChoice& choice,
                                    const std::optional<std::filesystem::path>& hashCache) {
    GenerationModel out;
    if (!choice.run.empty()) {
        if (!choice.model.empty() || !choice.adapter.empty() || !choice.templateName.empty() || !choice.customTemplate.empty())
            throw InputError("", 0, "--run", "takes the model, adapter and template from the run's job.json "
                                             "(hint: leave out --model, --adapter and --template)");
        auto run = loadRun(choice.run, choice.best ? RunWeights::Best : RunWeights::Result);
        out.model = run.model;
        out.tokenizer = std::move(run.tokenizer);
        out.templ = run.templ;
        out.baseModel = run.spec.baseModel.path;
        out.adapter = std::filesystem::absolute(run.weights).string();
        out.modelHash = combinedHash(run.spec.baseModel.hash, out.adapter);
        out.warnings = std::move(run.warnings);
        return out;
    }
    if (choice.model.empty()) throw InputError("", 0, "--model", "is required without --run");
    if (choice.best) throw InputError("", 0, "--best", "applies to --run only");
    out.baseModel = std::filesystem::absolute(choice.model).string();
    out.tokenizer = loadTokenizer(choice.model);
    auto loaded = loadModel(choice.model);
    out.warnings = loaded.warnings;
    if (!choice.adapter.empty()) {
        const auto adapterWarnings = loadAdapter(*loaded.model, choice.adapter).warnings;
        out.warnings.insert(out.warnings.end(), adapterWarnings.begin(), adapterWarnings.end());
        out.adapter = std::filesystem::absolute(choice.adapter).string();
    }
    loaded.model->eval();
    out.model = loaded.model;
    if (!choice.templateName.empty()) out.templ = InstructionTemplate::named(choice.templateName, choice.customTemplate);
    if (hashCache) out.modelHash = combinedHash(baseModelHash(choice.model, *hashCache), out.adapter);
    return out;
}

std::vector<GeneratedText> generateTexts(GenerationModel& model, const std::vector<std::string>& sources,
                                         GenerationOptions options, int64_t batchSize) {
    const int64_t limit = model.model->config().maxPositions;
    options.eosTokenIds = model.model->config().eosTokenIds;
    if (options.eosTokenIds.empty() && model.tokenizer->eosId()) options.eosTokenIds = {*model.tokenizer->eosId()};
    options.padTokenId = model.tokenizer->padId().value_or(0);
    Generator generator(*model.model, [&](const std::vector<int64_t>& t) { return model.tokenizer->decode(t); });
    std::vector<GeneratedText> out;
    for (size_t first = 0; first < sources.size(); first += static_cast<size_t>(batchSize)) {
        const size_t last = std::min(sources.size(), first + static_cast<size_t>(batchSize));
        std::vector<std::vector<int64_t>> prompts;
        for (size_t i = first; i < last; ++i) {
            GeneratedText text;
            text.prompt = model.templ ? model.templ->renderPrompt(sources[i]) : sources[i];
            // NOTE: encoded as core/job/job-examples.cpp encodes prompts, so an adapter sees what it learned.
            prompts.push_back(model.tokenizer->encode(text.prompt, true));
            if (static_cast<int64_t>(prompts.back().size()) + options.maxNewTokens > limit)
                throw InputError("", 0, "--max-new-tokens",
                                 "text " + std::to_string(i + 1) + ": prompt (" + std::to_string(prompts.back().size()) +
                                     " tokens) plus " + std::to_string(options.maxNewTokens) +
                                     " new tokens exceeds the model's " + std::to_string(limit) + " positions");
            out.push_back(std::move(text));
        }
        const auto result = generator.generate(prompts, options);
        for (size_t k = 0; k < prompts.size(); ++k) {
            auto& text = out[first + k];
            text.output = result.texts[k];
            text.tokens = static_cast<int64_t>(result.tokens[k].size());
            text.finishReason = finishReasonName(result.finishReasons[k]);
        }
    }
    return out;
}

}  // namespace srllm::core
