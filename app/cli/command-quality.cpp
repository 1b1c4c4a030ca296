// `srllm quality OUTPUTS --sources FILE [--references FILE]... [--scorer DIR] [--json]`: content
// preservation of rewrites (one text per line, aligned): chrF and BLEU (sacrebleu defaults) against the
// source and against reference rewrites, fluency (trigram-LM perplexity), and with a scorer ParaDetox's J.
#include <cmath>
#include <cstdio>
#include <memory>
#include <optional>

#include <CLI/CLI.hpp>

#include "app/cli/command-registry.h"
#include "app/cli/text-input.h"
#include "core/common/diagnostics.h"
#include "core/eval/bleu.h"
#include "core/eval/eval-resources.h"
#include "core/eval/language-model-perplexity.h"
#include "core/eval/paradetox-joint.h"
#include "core/eval/risk-scorer.h"
#include "core/text/chrf.h"
#include "core/stats/test-result.h"

namespace srllm::cli {

namespace {

struct QualityOptions {
    std::string outputs;
    std::string sources;
    std::vector<std::string> references;
    std::string scorer;
    bool json = false;
};

std::vector<std::string> alignedLines(const std::string& path, size_t expected, const char* option) {
    auto lines = readTextLines(path);
    if (lines.size() != expected)
        throw core::InputError(path, 0, option, std::to_string(lines.size()) + " lines, but the outputs have " +
                                                    std::to_string(expected) + " (hint: one text per line, aligned)");
    return lines;
}

void runQuality(const QualityOptions& o) {
    const auto outputs = readTextLines(o.outputs);
    const auto sources = alignedLines(o.sources, outputs.size(), "--sources");
    std::vector<std::vector<std::string>> references(outputs.size()), sourceRefs(outputs.size());
    for (const auto& file : o.references) {
        const auto lines = alignedLines(file, outputs.size(), "--references");
        for (size_t i = 0; i < lines.size(); ++i)
            if (!lines[i].empty()) references[i].push_back(lines[i]);
    }
    const core::TrigramLanguageModel lm(core::defaultEvalResources().languageModel);
    std::optional<core::RiskScorer> scorer;
    if (!o.scorer.empty()) scorer = core::RiskScorer::load(o.scorer);
    std::vector<core::JointParts> parts;
    for (size_t i = 0; i < outputs.size(); ++i) {
        sourceRefs[i] = {sources[i]};
        nlohmann::json line = {{"index", i}};
        line["chrf_source"] = core::chrf(outputs[i], sources[i]);
        line["bleu_source"] = core::sentenceBleu(outputs[i], sourceRefs[i]);
        if (!references[i].empty()) {
            line["chrf_reference"] = core::chrfScore(core::chrfStatistics(outputs[i], references[i]));
            line["bleu_reference"] = core::sentenceBleu(outputs[i], references[i]);
        }
        const double pplOut = lm.perplexity(outputs[i]).perplexity, pplSrc = lm.perplexity(sources[i]).perplexity;
        line["perplexity"] = core::jsonNumber(pplOut);
        line["perplexity_source"] = core::jsonNumber(pplSrc);
        if (scorer) {
            const double toxicity = scorer->score(outputs[i]).probability[0];
            parts.push_back(core::jointParts(toxicity, line["chrf_source"].get<double>(), pplOut, pplSrc));
            line["toxicity"] = toxicity;
            line["j"] = parts.back().sta * parts.back().sim * parts.back().fl;
        }
        if (o.json) std::printf("%s\n", line.dump().c_str());
    }
    nlohmann::json summary = {{"n", outputs.size()},
                              {"chrf_source", core::corpusChrf(outputs, sourceRefs)},
                              {"bleu_source", core::corpusBleu(outputs, sourceRefs)},
                              {"methods", {core::toJson(core::kBleuMethod), core::toJson(core::kPerplexityMethod)}}};
    bool allReferenced = !o.references.empty();
    for (const auto& r : references) allReferenced = allReferenced && !r.empty();
    if (allReferenced) {
        summary["chrf_reference"] = core::corpusChrf(outputs, references);
        summary["bleu_reference"] = core::corpusBleu(outputs, references);
    }
    if (scorer) {
        const auto j = core::paradetoxJoint(parts);
        summary["j"] = {{"sta", j.sta}, {"sim", j.sim}, {"fl", j.fl}, {"j", j.j}, {"n", j.n}};
        summary["methods"].push_back(core::toJson(core::kJointMethod));
        summary["scorer"] = scorer->provenance();
    }
    if (o.json) {
        std::printf("%s\n", nlohmann::json{{"summary", summary}}.dump().c_str());
        return;
    }
    std::printf("%zu outputs (corpus level; chrF: char 6-grams, beta 2; BLEU: 13a, exp smoothing)\n", outputs.size());
    std::printf("  chrF vs source      %7.2f\n  BLEU vs source      %7.2f\n", summary["chrf_source"].get<double>(),
                summary["bleu_source"].get<double>());
    if (allReferenced)
        std::printf("  chrF vs references  %7.2f\n  BLEU vs references  %7.2f\n", summary["chrf_reference"].get<double>(),
                    summary["bleu_reference"].get<double>());
    else if (!o.references.empty())
        std::printf("  (some outputs have no reference: reference chrF and BLEU left out; see --json per output)\n");
    if (scorer) {
        const auto& j = summary["j"];
        std::printf("  J = STA x SIM x FL  %7.4f  (STA %.4f, SIM %.4f, FL %.4f; scorer %s)\n", j["j"].get<double>(),
                    j["sta"].get<double>(), j["sim"].get<double>(), j["fl"].get<double>(), scorer->contentHash().substr(0, 12).c_str());
    }
}

const RegisterCommand kRegister{"quality", [](CLI::App& root) {
    auto* command = root.add_subcommand("quality", "Content preservation (chrF, BLEU), fluency and ParaDetox J of rewrites");
    auto options = std::make_shared<QualityOptions>();
    command->add_option("OUTPUTS", options->outputs, "Rewrites, one per line")->required();
    command->add_option("--sources", options->sources, "The original texts, aligned with OUTPUTS")->required();
    command->add_option("--references", options->references, "Reference rewrites, aligned (repeatable; empty lines skipped)");
    command->add_option("--scorer", options->scorer, "Scorer folder: adds STA and ParaDetox's J");
    command->add_flag("--json", options->json, "One JSON object per output, then a summary object");
    command->callback([options] { runQuality(*options); });
}};

}  // namespace

}  // namespace srllm::cli
