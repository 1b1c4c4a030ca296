// `srllm import PROJECT FILE [--format ...] [--dataset NAME] [--map COLUMN=FIELD]...`: adds items (or
// annotations) from a file to a project in one transaction; prints counts and line-numbered warnings.
#include <cstdio>
#include <filesystem>
#include <memory>

#include <CLI/CLI.hpp>

#include "app/cli/command-registry.h"
#include "app/cli/progress-bar.h"
#include "core/data/annotation-jsonl.h"
#include "core/data/external-annotations.h"
#include "core/data/import-format.h"
#include "db/annotation-import.h"
#include "db/item-import.h"
#include "db/label-mapping.h"
#include "db/project.h"

namespace srllm::cli {

namespace {

// Past this many, warnings are summarised by their count (the first ones show the pattern).
constexpr size_t kMaxWarningsShown = 20;

struct ImportOptions {
    std::string project;
    std::string file;
    std::string format = "auto";
    std::string dataset;
    std::vector<std::string> maps;
    std::string annotator;
    std::string split;  // every item without a split of its own gets this one
    bool dryRun = false;
};

// Gives every record without a split the --split value (e.g. a benchmark's held-out test file).
class SplitSettingReader : public core::ItemReader {
public:
    SplitSettingReader(std::unique_ptr<core::ItemReader> inner, std::string split)
        : m_inner(std::move(inner)), m_split(std::move(split)) {}
    std::optional<core::ItemImportRecord> next() override {
        auto record = m_inner->next();
        if (record && !record->split) record->split = m_split;
        return record;
    }
    int64_t bytesRead() const override { return m_inner->bytesRead(); }
    int64_t bytesTotal() const override { return m_inner->bytesTotal(); }
    const core::Diagnostics& warnings() const override { return m_inner->warnings(); }

private:
    std::unique_ptr<core::ItemReader> m_inner;
    std::string m_split;
};

void printWarnings(const core::Diagnostics& warnings, const std::string& file) {
    for (size_t i = 0; i < warnings.size() && i < kMaxWarningsShown; ++i) {
        core::Diagnostic d = warnings[i];
        if (d.file.empty()) d.file = file;
        std::printf("  warning: %s\n", core::formatDiagnostic(d).c_str());
    }
    if (warnings.size() > kMaxWarningsShown)
        std::printf("  ... and %zu more warnings\n", warnings.size() - kMaxWarningsShown);
}

void importAnnotationFile(db::Project& project, const ImportOptions& options) {
    core::AnnotationJsonlReader reader(options.file);
    ProgressBar bar("import");
    const auto report = db::importAnnotations(project, reader, bar.callback());
    std::printf("imported %s (annotations): %lld annotations (%lld replaced earlier ones), %lld new annotators, "
                "%lld items routed for disagreement, %zu warnings\n",
                options.file.c_str(), static_cast<long long>(report.annotations),
                static_cast<long long>(report.replaced), static_cast<long long>(report.annotatorsCreated),
                static_cast<long long>(report.routed), report.warnings.size());
    printWarnings(report.warnings, options.file);
}

void importItemFile(db::Project& project, core::ImportFormat format, const ImportOptions& options) {
    std::vector<core::ColumnMapping> mappings;
    for (const auto& spec : options.maps) mappings.push_back(core::parseColumnMapping(spec));
    std::unique_ptr<core::ItemReader> reader = core::makeItemReader(format, options.file, mappings);
    if (!options.split.empty()) reader = std::make_unique<SplitSettingReader>(std::move(reader), options.split);
    const std::string dataset =
        options.dataset.empty() ? std::filesystem::path(options.file).stem().string() : options.dataset;
    db::ImportReport report;
    {
        ProgressBar bar("import");
        report = db::importItems(project, *reader, dataset, bar.callback());
    }
    core::Diagnostics warnings = reader->warnings();
    warnings.insert(warnings.end(), report.warnings.begin(), report.warnings.end());
    std::printf("imported %s (%s) into dataset '%s': %lld items, %lld references, %lld duplicates skipped, "
                "%zu warnings\n",
                options.file.c_str(), core::importFormatName(format).c_str(), dataset.c_str(),
                static_cast<long long>(report.items), static_cast<long long>(report.references),
                static_cast<long long>(report.duplicates), warnings.size());
    printWarnings(warnings, options.file);
}

// Label Studio / doccano: the mapping onto the taxonomy is printed before anything is written.
void importExternalFile(db::Project& project, core::ImportFormat format, const ImportOptions& options) {
    const core::ExternalFile file =
        format == core::ImportFormat::LabelStudio
            ? core::readLabelStudioJson(options.file)
            : core::readDoccanoJsonl(options.file, options.annotator.empty()
                                                       ? std::filesystem::path(options.file).stem().string()
                                                       : options.annotator);
    std::vector<db::MappingRule> rules;
    for (const auto& spec : options.maps) rules.push_back(db::parseMappingRule(spec));
    const db::MappingPlan plan = db::planLabelMapping(project.db(), file, rules);
    std::printf("%s: %lld tasks, %lld annotations; labels map onto the taxonomy as follows:\n",
                core::importFormatName(file.format).c_str(), static_cast<long long>(plan.tasks),
                static_cast<long long>(plan.annotations));
    for (const auto& e : plan.entries) {
        const char* kind = e.kind == db::MappingSource::Choice ? "choice" : e.kind == db::MappingSource::SpanLabel ? "span" : "text";
        const std::string source = e.kind == db::MappingSource::Choice ? e.control + "/" + e.value
                                   : e.kind == db::MappingSource::SpanLabel ? e.value : e.control;
        std::printf("  %-6s %-32s x%-6lld -> %s%s\n", kind, source.c_str(), static_cast<long long>(e.count),
                    e.error.empty() ? "" : "ERROR: ", db::mappingTargetText(e).c_str());
    }
    printWarnings(file.warnings, options.file);
    if (!plan.ok()) {
        for (const auto& problem : plan.problems) std::printf("  error: %s\n", core::formatDiagnostic(problem).c_str());
        throw core::InputError(options.file, 0, "--map",
                               std::to_string(plan.problems.size()) + " label(s) cannot be mapped (listed above); "
                               "nothing was written (hint: add --map SOURCE=FIELD:VALUE|FIELD|spans|rewrite|ignore)");
    }
    if (options.dryRun) {
        std::printf("dry run: nothing written\n");
        return;
    }
    const std::string dataset =
        options.dataset.empty() ? std::filesystem::path(options.file).stem().string() : options.dataset;
    ProgressBar bar("import");
    const auto report = db::importExternalAnnotations(project, file, plan, dataset, bar.callback());
    std::printf("imported %s (%s): %lld new items in dataset '%s', %lld annotations, %lld new annotators, "
                "%lld items routed for disagreement\n",
                options.file.c_str(), core::importFormatName(file.format).c_str(),
                static_cast<long long>(report.itemsCreated), dataset.c_str(), static_cast<long long>(report.annotations),
                static_cast<long long>(report.annotatorsCreated), static_cast<long long>(report.routed));
    printWarnings(report.warnings, options.file);
}

void runImport(const ImportOptions& options) {
    try {
        // Parse the options before touching the project, so a typo never opens (or migrates) it.
        const auto explicitFormat =
            options.format == "auto" ? std::nullopt : std::optional(core::parseImportFormat(options.format));
        auto project = db::Project::open(options.project);
        const auto format = explicitFormat ? *explicitFormat : core::detectImportFormat(options.file);
        if (format == core::ImportFormat::LabelStudio || format == core::ImportFormat::Doccano) {
            importExternalFile(*project, format, options);
        } else if (format == core::ImportFormat::Annotations) {
            if (!options.maps.empty()) throw core::InputError("", 0, "--map", "--map applies to --format csv only");
            importAnnotationFile(*project, options);
        } else {
            importItemFile(*project, format, options);
        }
    } catch (const core::InputError& e) {
        if (!e.diagnostic().file.empty()) throw;
        core::Diagnostic d = e.diagnostic();  // the store and option parsers report without the file name
        d.file = options.file;
        throw core::InputError(d);
    }
}

const RegisterCommand kRegister{"import", [](CLI::App& root) {
    auto* command = root.add_subcommand(
        "import", "Add items or annotations from a file to a project (all or nothing). An item file of 4 MiB or more,"
                  " into a project no other program has open, is written without WAL (each page once): until it ends,"
                  " the project cannot be opened elsewhere.");
    auto options = std::make_shared<ImportOptions>();
    command->add_option("PROJECT", options->project, "Path of the project file")->required();
    command->add_option("FILE", options->file, "File to import")->required();
    command->add_option("--format", options->format,
                        "auto|" + core::importFormatNames() +
                            " (auto: by extension and header; .jsonl with an \"annotator\" key = annotations, a JSON "
                            "list = label-studio, .jsonl with \"text\" and \"label\" = doccano)")
        ->capture_default_str();
    command->add_option("--dataset", options->dataset, "Dataset to add the items to (default: the file name)");
    command->add_option("--map", options->maps,
                        "For --format csv: COLUMN=FIELD, FIELD one of text|id|split|reference|metadata.NAME "
                        "(default text=text; other columns go to metadata). For label-studio and doccano: "
                        "LABEL=FIELD:VALUE|FIELD|spans|rewrite|ignore, LABEL a choice value, CONTROL/VALUE, a control "
                        "or a span label (default: by name; the mapping is printed before anything is written)");
    command->add_option("--annotator", options->annotator, "For doccano (whose exports name no annotator): whose "
                                                           "labels these are (default: the file name)");
    command->add_option("--split", options->split, "Put every item without a split of its own into this one "
                                                   "(default: a seeded hash of its uid, 80/10/10)")
        ->check(CLI::IsMember({"train", "val", "test"}));
    command->add_flag("--dry-run", options->dryRun, "For label-studio and doccano: print the mapping, write nothing");
    command->callback([options] { runImport(*options); });
}};

}  // namespace

}  // namespace srllm::cli
