// `srllm suggest PROJECT --lexicon FILE [--max-valence V] [--dataset D]` stores candidate biased words from a
// word list as suggestions; `srllm suggest PROJECT --scorer DIR [--dataset D]` stores a risk scorer's suggested
// labels and makes DIR the project's scorer (the Annotate view scores new items with it too); `srllm suggest
// PROJECT --from FILE.jsonl` stores suggestions made elsewhere (a model's labels and rewrites, format
// "suggestions": the annotations format with "source"). Suggestions are shown to annotators as such, never
// saved as their labels (db/suggestions.h).
#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "app/cli/command-registry.h"
#include "app/cli/progress-bar.h"
#include "app/cli/warnings.h"
#include "core/data/annotation-jsonl.h"
#include "core/data/lexicon-suggester.h"
#include "core/eval/scorer-suggester.h"
#include "db/annotation-import.h"
#include "db/item-browse-query.h"
#include "db/items.h"
#include "db/project.h"
#include "db/suggestions.h"

namespace srllm::cli {

namespace {

struct SuggestArgs {
    std::string project, lexicon, from, scorer, dataset;
    std::optional<double> maxValence;
};

// The items to run a suggester over: all, or those of --dataset.
std::vector<int64_t> chosenItems(db::Database& db, const std::string& dataset) {
    db::BrowseFilter filter;
    if (!dataset.empty()) {
        filter.datasetId = db::datasetByName(db, dataset);
        if (!filter.datasetId) throw core::InputError("", 0, "--dataset", "no dataset named '" + dataset + "'");
    }
    return db::browseItemIds(db, filter);
}

int64_t runOver(db::Database& db, core::Suggester& suggester, const std::vector<int64_t>& items) {
    ProgressBar bar("suggest");
    return db::suggestForItems(db, suggester, items, bar.callback());
}

void runSuggest(const SuggestArgs& args) {
    if (!args.lexicon.empty() + !args.from.empty() + !args.scorer.empty() != 1)
        throw core::InputError("", 0, "--lexicon", "give one of --lexicon FILE, --scorer DIR or --from FILE.jsonl");
    auto project = db::Project::open(args.project);
    db::Database& db = project->db();
    if (!args.from.empty()) {
        core::AnnotationJsonlReader reader(args.from, core::kSuggestionSourceKey);
        ProgressBar bar("suggest");
        const auto report = db::importSuggestions(*project, reader, bar.callback());
        std::printf("stored %lld suggestions from %s\n", static_cast<long long>(report.suggestions), args.from.c_str());
        printWarnings(report.warnings);
        return;
    }
    const auto items = chosenItems(db, args.dataset);
    if (!args.scorer.empty()) {
        const std::string folder = std::filesystem::absolute(args.scorer).lexically_normal().string();
        core::ScorerSuggester suggester(std::make_shared<const core::RiskScorer>(core::RiskScorer::load(folder)));
        const int64_t stored = runOver(db, suggester, items);
        db::setSuggestionScorerFolder(db, folder);  // only once it has loaded and run
        std::printf("%s: suggested risk labels for %lld of %zu items; the Annotate view shows them\n",
                    suggester.source().c_str(), static_cast<long long>(stored), items.size());
        return;
    }
    core::LexiconSuggester lexicon(args.lexicon, args.maxValence);
    const int64_t stored = runOver(db, lexicon, items);
    std::printf("%s (%zu entries): candidate words in %lld of %zu items\n", lexicon.source().c_str(),
                lexicon.entries(), static_cast<long long>(stored), items.size());
}

const RegisterCommand kRegister{"suggest", [](CLI::App& root) {
    auto* command = root.add_subcommand("suggest", "Store suggestions (pre-annotations) that annotators see as such");
    auto args = std::make_shared<SuggestArgs>();
    command->add_option("PROJECT", args->project, "Project file")->required()->check(CLI::ExistingFile);
    command->add_option("--lexicon", args->lexicon, "Word list: one word or phrase per line (candidate biased words)")
        ->check(CLI::ExistingFile);
    command->add_option("--max-valence", args->maxValence,
                        "For a TSV lexicon with a valence column (VADER): keep entries at or below this value");
    command->add_option("--scorer", args->scorer,
                        "Risk scorer folder (srllm scorer train): suggested risk labels, and the project's scorer from now on")
        ->check(CLI::ExistingDirectory);
    command->add_option("--dataset", args->dataset, "Only items of this dataset");
    command->add_option("--from", args->from,
                        "JSONL of {\"item\", \"source\", \"labels\", \"spans\", \"rewrite\"}, e.g. a model's output")
        ->check(CLI::ExistingFile);
    command->callback([args] { runSuggest(*args); });
}};

}  // namespace

}  // namespace srllm::cli
