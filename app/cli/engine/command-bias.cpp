// `srllm bias (--model DIR [--adapter DIR] | --run JOBDIR) [--stereoset DIR] [--crows FILE] [--limit N]
// [--json]`: StereoSet intrasentence LMS, SS and ICAT and the CrowS-Pairs metric by the model's sentence
// log-likelihood (core/eval/bias-benchmarks.h), with n. A benchmark whose data is absent is skipped
// with a message naming the missing path.
#include <cstdio>
#include <filesystem>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "app/cli/command-registry.h"
#include "app/cli/warnings.h"
#include "core/eval/bias-benchmarks.h"
#include "core/generate/generation-model.h"
#include "core/generate/sequence-likelihood.h"
#include "core/job/base-model-hash.h"
#include "core/model/engine-runtime.h"
#include "core/train/train-device.h"

namespace srllm::cli {

namespace {

struct BiasOptions {
    core::ModelChoice model;
    std::string stereoset, crows, device = "auto";
    int64_t limit = 0;
    bool json = false;
};

template <typename T>
void truncate(std::vector<T>& items, int64_t limit) {
    if (limit > 0 && static_cast<int64_t>(items.size()) > limit) items.resize(static_cast<size_t>(limit));
}

std::vector<double> logLikelihoods(core::GenerationModel& m, const std::vector<std::string>& texts) {
    std::vector<double> out;
    for (const auto& s : core::sequenceLikelihoods(*m.model, *m.tokenizer, texts)) out.push_back(s.logLikelihood);
    return out;
}

bool present(const std::string& path, const char* name, nlohmann::json& result) {
    if (path.empty()) return false;
    if (std::filesystem::exists(path)) return true;
    result[name] = {{"skipped", "data absent: " + path}};
    std::fprintf(stderr, "srllm: %s skipped: %s does not exist (see ../shared/data/README.md)\n", name, path.c_str());
    return false;
}

void runBias(const BiasOptions& o) {
    if (o.stereoset.empty() && o.crows.empty())
        throw core::InputError("", 0, "--stereoset", "give --stereoset DIR and/or --crows FILE");
    core::configureEngineRuntime();
    auto model = core::openGenerationModel(o.model, core::defaultModelHashCache());
    printWarnings(model.warnings);
    model.model->to(core::resolveTrainDevice(o.device));
    nlohmann::json result = {{"model_hash", model.modelHash}};
    if (present(o.stereoset, "stereoset", result)) {
        auto triples = core::readStereoSet(o.stereoset);
        truncate(triples, o.limit);
        std::vector<std::string> texts;
        for (const auto& t : triples) texts.insert(texts.end(), {t.stereotype, t.antiStereotype, t.unrelated});
        const auto ll = logLikelihoods(model, texts);
        std::vector<std::array<double, 3>> rows;
        for (size_t i = 0; i < triples.size(); ++i) rows.push_back({ll[3 * i], ll[3 * i + 1], ll[3 * i + 2]});
        const auto s = core::stereoSetScores(rows);
        result["stereoset"] = {{"n", s.n}, {"lms", s.lms}, {"ss", s.ss}, {"icat", s.icat}, {"method", core::toJson(core::kStereoSetMethod)}};
        if (!o.json) std::printf("StereoSet intrasentence (n = %lld): LMS %.2f  SS %.2f  ICAT %.2f\n",
                                 static_cast<long long>(s.n), s.lms, s.ss, s.icat);
    }
    if (present(o.crows, "crows_pairs", result)) {
        auto pairs = core::readCrowsPairs(o.crows);
        truncate(pairs, o.limit);
        std::vector<std::string> texts;
        for (const auto& p : pairs) texts.insert(texts.end(), {p.more, p.less});
        const auto ll = logLikelihoods(model, texts);
        std::vector<std::array<double, 2>> rows;
        for (size_t i = 0; i < pairs.size(); ++i) rows.push_back({ll[2 * i], ll[2 * i + 1]});
        const auto s = core::crowsPairsScores(pairs, rows);
        result["crows_pairs"] = {{"n", s.n}, {"metric", s.metric}, {"by_bias_type", s.byBiasType},
                                 {"method", core::toJson(core::kCrowsPairsMethod)}};
        if (!o.json) {
            std::printf("CrowS-Pairs (n = %lld): %.2f%% prefer the stereotyping sentence (50 = no preference)\n",
                        static_cast<long long>(s.n), s.metric);
            for (const auto& [type, v] : s.byBiasType.items())
                std::printf("  %-22s %6.2f  (n = %lld)\n", type.c_str(), v["metric"].get<double>(),
                            static_cast<long long>(v["n"].get<int64_t>()));
        }
    }
    if (o.json) std::printf("%s\n", result.dump().c_str());
}

const RegisterCommand kRegister("bias", [](CLI::App& root) {
    auto* cmd = root.add_subcommand("bias", "StereoSet LMS/SS/ICAT and CrowS-Pairs by model likelihood");
    auto o = std::make_shared<BiasOptions>();
    cmd->add_option("--run", o->model.run, "a job folder: its base model, adapter and tokenizer")->check(CLI::ExistingDirectory);
    cmd->add_flag("--best", o->model.best, "with --run: the weights of the lowest eval loss");
    cmd->add_option("--model", o->model.model, "Hugging Face model folder (without --run)")->check(CLI::ExistingDirectory);
    cmd->add_option("--adapter", o->model.adapter, "PEFT LoRA adapter folder (without --run)")->check(CLI::ExistingDirectory);
    cmd->add_option("--stereoset", o->stereoset, "folder with pro/anti/unrelated_stereotyped.txt.dev (../shared/data/stereoset)");
    cmd->add_option("--crows", o->crows, "crows_pairs_anonymized.csv (../shared/data/crows_pairs)");
    cmd->add_option("--limit", o->limit, "score only the first N triples / pairs (0 = all)");
    cmd->add_option("--device", o->device, "auto, cpu, cuda or cuda:N")->capture_default_str();
    cmd->add_flag("--json", o->json, "one JSON object");
    cmd->callback([o] { runBias(*o); });
});

}  // namespace
}  // namespace srllm::cli
