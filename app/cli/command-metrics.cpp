// `srllm metrics [--json] TEXT...|-`: every single-text metric per text: VADER sentiment, CLEN, the six
// readability scores (syllables from the CMU dictionary, else hyphenation) and trigram-LM perplexity,
// each named with its method and version; then the shares of negative, neutral and positive texts.
#include <cmath>
#include <cstdio>
#include <memory>

#include <CLI/CLI.hpp>

#include "app/cli/command-registry.h"
#include "app/cli/text-input.h"
#include "core/eval/text-metrics.h"

namespace srllm::cli {

namespace {

struct MetricsOptions {
    std::vector<std::string> texts;
    std::string lexicon;
    bool json = false;
};

void runMetrics(const MetricsOptions& o) {
    const std::vector<std::string> texts = readTexts(o.texts);
    auto resources = core::defaultEvalResources();
    if (!o.lexicon.empty()) resources.vaderLexicon = o.lexicon;
    const core::TextMetricsEngine engine(resources);
    const nlohmann::json methods = core::TextMetricsEngine::methods();
    if (!o.json) {
        std::printf("methods:\n");
        for (const auto& [id, m] : methods.items())
            std::printf("  %-14s v%d  %s\n", id.c_str(), m["version"].get<int>(), m["method"].get<std::string>().c_str());
    }
    std::vector<double> compounds;
    for (size_t i = 0; i < texts.size(); ++i) {
        const auto metrics = engine.compute(texts[i]);
        compounds.push_back(metrics.sentiment.compound);
        nlohmann::json values = core::TextMetricsEngine::toJson(metrics);
        if (o.json) {
            values["index"] = i;
            values["methods"] = methods;
            std::printf("%s\n", values.dump().c_str());
            continue;
        }
        std::printf("[%zu] %s\n", i + 1, texts[i].substr(0, 70).c_str());
        for (const auto& [key, value] : values.items()) {
            if (value.is_number_float()) std::printf("  %-28s %.4f\n", key.c_str(), value.get<double>());
            else std::printf("  %-28s %s\n", key.c_str(), value.is_null() ? "-" : value.dump().c_str());
        }
    }
    const auto shares = core::sentimentShares(compounds);
    if (o.json) {
        std::printf("%s\n", nlohmann::json{{"summary", {{"n", shares.n}, {"negative", shares.negative},
                                                        {"neutral", shares.neutral}, {"positive", shares.positive}}}}
                                .dump()
                                .c_str());
        return;
    }
    std::printf("sentiment shares over %lld texts: negative %.1f%%, neutral %.1f%%, positive %.1f%%\n",
                static_cast<long long>(shares.n), 100 * shares.negative, 100 * shares.neutral, 100 * shares.positive);
}

const RegisterCommand kRegister{"metrics", [](CLI::App& root) {
    auto* command = root.add_subcommand("metrics", "Sentiment, length entropy, readability and fluency of texts");
    auto options = std::make_shared<MetricsOptions>();
    command->add_flag("--json", options->json, "One JSON object per text, then a summary object");
    command->add_option("--lexicon", options->lexicon, "VADER lexicon (vader_lexicon.txt); default SRLLM_VADER_LEXICON");
    command->add_option("TEXT", options->texts, "Texts, or - to read one per line from stdin")->required();
    command->callback([options] { runMetrics(*options); });
}};

}  // namespace

}  // namespace srllm::cli
