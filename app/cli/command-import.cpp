// `srllm import PROJECT FILE [--format ...] [--dataset NAME] [--map COLUMN=FIELD]...`: adds items (or
// annotations) from a file to a project in one transaction; prints counts and line-numbered warnings.
#include <cstdio>
#include <filesystem>
#include <memory>

#include <CLI/CLI.hpp>

#include "app/cli/command-registry.h"
#include "app/cli/progress-bar.h"
#include "core/data/annotation-jsonl.h"
#include "core/data/import-format.h"
#include "db/annotation-import.h"
#include "db/item-import.h"
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
    const auto reader = core::makeItemReader(format, options.file, mappings);
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

void runImport(const ImportOptions& options) {
    try {
        // Parse the options before touching the project, so a typo never opens (or migrates) it.
        const auto explicitFormat =
            options.format == "auto" ? std::nullopt : std::optional(core::parseImportFormat(options.format));
        auto project = db::Project::open(options.project);
        const auto format = explicitFormat ? *explicitFormat : core::detectImportFormat(options.file);
        if (format == core::ImportFormat::Annotations) {
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
    auto* command = root.add_subcommand("import", "Add items or annotations from a file to a project (all or nothing)");
    auto options = std::make_shared<ImportOptions>();
    command->add_option("PROJECT", options->project, "Path of the project file")->required();
    command->add_option("FILE", options->file, "File to import")->required();
    command->add_option("--format", options->format,
                        "auto|" + core::importFormatNames() +
                            " (auto: by extension and header; .jsonl with an \"annotator\" key = annotations)")
        ->capture_default_str();
    command->add_option("--dataset", options->dataset, "Dataset to add the items to (default: the file name)");
    command->add_option("--map", options->maps,
                        "For --format csv: COLUMN=FIELD, FIELD one of text|id|split|reference|metadata.NAME "
                        "(default text=text; other columns go to metadata)");
    command->callback([options] { runImport(*options); });
}};

}  // namespace

}  // namespace srllm::cli
