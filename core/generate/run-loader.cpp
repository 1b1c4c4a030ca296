#include "core/generate/run-loader.h"

#include "core/io/peft-format.h"
#include "core/job/job-layout.h"
#include "core/tokenizer/tokenizer-loader.h"

namespace srllm::core {

std::filesystem::path runWeightsFolder(const std::filesystem::path& jobDir, const JobSpec& spec, RunWeights which) {
    if (which == RunWeights::Best) return jobDir / kBestFolder;
    return jobDir / (spec.train.method == TrainMethod::Full ? kModelFolder : kAdapterFolder);
}

LoadedRun loadRun(const std::filesystem::path& jobDir, RunWeights which) {
    LoadedRun run;
    auto parsed = readJobSpec(jobDir);
    run.spec = std::move(parsed.spec);
    run.warnings = std::move(parsed.warnings);
    const auto& t = run.spec.data.templ;
    run.templ = InstructionTemplate::fromParts(t.name, t.prompt, t.response);
    run.weights = runWeightsFolder(jobDir, run.spec, which);
    if (!std::filesystem::is_directory(run.weights))
        throw InputError(run.weights.string(), 0, "",
                         which == RunWeights::Best ? "no best weights yet: they appear with the first evaluation (hint: the "
                                                     "job needs val records, or use the final result)"
                                                   : "no result yet: the run has not finished (hint: `srllm train JOBDIR "
                                                     "--resume`, or use --best)");
    const bool full = run.spec.train.method == TrainMethod::Full;
    // A full fine-tune's folder is a whole model with the tokenizer; adapters sit on the job's base model.
    const std::filesystem::path modelDir = full ? run.weights : std::filesystem::path(run.spec.baseModel.path);
    run.tokenizer = loadTokenizer(modelDir);
    auto loaded = loadModel(modelDir);
    run.warnings.insert(run.warnings.end(), loaded.warnings.begin(), loaded.warnings.end());
    run.model = loaded.model;
    if (!full) {
        const auto adapter = loadAdapter(*run.model, run.weights, run.spec.train.method == TrainMethod::Qlora);
        run.warnings.insert(run.warnings.end(), adapter.warnings.begin(), adapter.warnings.end());
    }
    run.model->eval();
    return run;
}

}  // namespace srllm::core
