// `srllm suggest PROJECT --lexicon FILE [--max-valence V] [--dataset D]` stores candidate biased words from a
// word list as suggestions; `srllm suggest PROJECT --from FILE.jsonl` stores suggestions made elsewhere (a
// model's labels and rewrites, format "suggestions": the annotations format with "source"). Suggestions are
// shown to annotators as such, never saved as their labels (db/suggestions.h).
#include <cstdio>
#include <memory>
#include <optional>
#include <string>

#include <CLI/CLI.hpp>

#include "app/cli/command-registry.h"
#include "app/cli/progress-bar.h"
#include "app/cli/warnings.h"
#include "core/data/annotation-jsonl.h"
#include "core/data/lexicon-suggester.h"
#include "db/annotation-import.h"
#include "db/item-browse-query.h"
#include "db/items.h"
#include "db/project.h"
#include "db/suggestions.h"

namespace srllm::cli {

namespace {

struct SuggestArgs {
    std::string project, lexicon, from, dataset;
    std::optional<double> maxValence;
};

void runSuggest(const SuggestArgs& args) {
    if (args.lexicon.empty() == args.from.empty())
        throw core::InputError("", 0, "--lexicon", "give either --lexicon FILE or --from FILE.jsonl");
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
    core::LexiconSuggester lexicon(args.lexicon, args.maxValence);
    db::BrowseFilter filter;
    if (!args.dataset.empty()) {
        filter.datasetId = db::datasetByName(db, args.dataset);
        if (!filter.datasetId) throw core::InputError("", 0, "--dataset", "no dataset named '" + args.dataset + "'");
    }
    const auto items = db::browseItemIds(db, filter);
    int64_t stored = 0;
    {
        ProgressBar bar("suggest");
        stored = db::suggestForItems(db, lexicon, items, bar.callback());
    }
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
    command->add_option("--dataset", args->dataset, "Only items of this dataset");
    command->add_option("--from", args->from,
                        "JSONL of {\"item\", \"source\", \"labels\", \"spans\", \"rewrite\"}, e.g. a model's output")
        ->check(CLI::ExistingFile);
    command->callback([args] { runSuggest(*args); });
}};

}  // namespace

}  // namespace srllm::cli
