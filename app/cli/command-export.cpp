// `srllm export PROJECT OUT --format srllm-csv|jsonl|instructions [...]`: writes a project's items (with
// their references and metadata) or instruction-tuning examples. The file appears complete or not at all.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>

#include <CLI/CLI.hpp>

#include "app/cli/command-registry.h"
#include "app/cli/progress-bar.h"
#include "core/data/instruction-record.h"
#include "core/data/instruction-template.h"
#include "core/data/jsonl-items.h"
#include "core/data/split.h"
#include "core/data/srllm-csv.h"
#include "db/gold.h"
#include "db/instruction-data.h"
#include "db/items.h"
#include "db/project.h"
#include "db/references.h"

namespace srllm::cli {

namespace {

constexpr int64_t kPageSize = 1000;  // items read per query; bounds memory on large projects

struct ExportOptions {
    std::string project;
    std::string out;
    std::string format;
    std::string templateName = "paper";
    std::string customTemplate;
    std::string split = "all";
    std::string dataset;
    uint64_t seed = core::kProjectSplitSeed;
};

// Removes the half-written file unless the export got to the end.
class PartFile {
public:
    explicit PartFile(std::string path) : m_path(std::move(path)) {}
    ~PartFile() {
        std::error_code ignored;
        if (!m_kept) std::filesystem::remove(m_path, ignored);
    }
    PartFile(const PartFile&) = delete;
    PartFile& operator=(const PartFile&) = delete;
    const std::string& path() const { return m_path; }
    void moveTo(const std::string& target) {
        std::filesystem::rename(m_path, target);
        m_kept = true;
    }

private:
    std::string m_path;
    bool m_kept = false;
};

struct Counts {
    int64_t written = 0, fromGold = 0, fromReference = 0, skipped = 0;
};

core::ItemImportRecord toRecord(db::Database& db, const db::ItemRow& row) {
    core::ItemImportRecord record;
    record.text = row.text;
    record.externalId = row.externalId;
    record.metadata = row.metadata;
    record.split = row.split;
    record.references = db::referencesFor(db, row.id);
    record.spans = row.spans;
    return record;
}

// The project's one response rule (db/instruction-data.h) on the item's live gold and references.
std::optional<db::ChosenResponse> trainingResponse(db::Database& db, const core::ItemImportRecord& record, int64_t itemId,
                                                   Counts& counts) {
    const auto gold = db::goldFor(db, itemId);
    auto chosen = db::chooseResponse(gold ? &gold->labels : nullptr, gold ? gold->rewrite : std::nullopt, record.references);
    if (!chosen) ++counts.skipped;
    else ++(chosen->source == std::string(core::kResponseSourceGold) ? counts.fromGold : counts.fromReference);
    return chosen;
}

void runExport(const ExportOptions& options) {
    if (options.split != "all" && options.split != "train" && options.split != "val" && options.split != "test")
        throw core::InputError("", 0, "--split", "'" + options.split + "' is not train, val, test or all");
    std::optional<core::InstructionTemplate> instructions;
    if (options.format == "instructions")
        instructions = core::InstructionTemplate::named(options.templateName, options.customTemplate);
    else if (options.format != "srllm-csv" && options.format != "jsonl")
        throw core::InputError("", 0, "--format",
                               "unknown export format '" + options.format + "' (valid: srllm-csv|jsonl|instructions)");

    auto project = db::Project::open(options.project);
    db::Database& db = project->db();
    db::ItemQuery query;
    query.limit = kPageSize;
    if (!options.dataset.empty()) {
        query.datasetId = db::datasetByName(db, options.dataset);
        if (!query.datasetId) throw core::InputError("", 0, "--dataset", "no dataset named '" + options.dataset + "'");
    }
    const int64_t total = db::countItems(db, query);

    PartFile part(options.out + ".part");
    std::ofstream out(part.path(), std::ios::binary | std::ios::trunc);
    if (!out) throw core::InputError(options.out, 0, "", "cannot write the file (hint: does the folder exist?)");
    std::unique_ptr<core::SrllmCsvWriter> csv;
    Counts counts;
    ProgressBar bar("export");
    for (int64_t done = 0; done < total; done += kPageSize) {
        query.offset = done;
        for (const auto& row : db::queryItems(db, query)) {
            const std::string split = core::itemSplit(row.split, row.uid, options.seed);
            if (options.split != "all" && split != options.split) continue;
            const auto record = toRecord(db, row);
            if (options.format == "jsonl") {
                core::writeJsonLine(out, core::itemToJson(record, row.uid));
            } else if (options.format == "srllm-csv") {
                if (!csv) csv = std::make_unique<core::SrllmCsvWriter>(out, core::srllmCsvLineEnding(record.metadata));
                csv->write(record);
            } else if (const auto response = trainingResponse(db, record, row.id, counts)) {
                const auto example = instructions->render(record.text, response->text);
                core::writeInstructionRecord(out, {0, example.prompt, example.response, row.uid, record.text, split,
                                                   response->source});
            } else {
                continue;
            }
            ++counts.written;
        }
        bar.update(std::min(done + kPageSize, total), total);
    }
    if (options.format == "srllm-csv" && !csv) core::SrllmCsvWriter(out, "\n");  // header only
    out.close();
    if (!out) throw core::InputError(options.out, 0, "", "write failed (hint: is the disk full?)");
    part.moveTo(options.out);
    std::printf("wrote %lld %s to %s", static_cast<long long>(counts.written),
                instructions ? "examples" : "items", options.out.c_str());
    if (instructions)
        std::printf(" (%lld gold rewrites, %lld reference rewrites; %lld items without a rewrite skipped)",
                    static_cast<long long>(counts.fromGold), static_cast<long long>(counts.fromReference),
                    static_cast<long long>(counts.skipped));
    std::printf("\n");
}

const RegisterCommand kRegister{"export", [](CLI::App& root) {
    auto* command = root.add_subcommand(
        "export",
        "Write a project's items as srllm-csv or jsonl, or instruction-tuning examples.\n"
        "instructions: the JSONL records `srllm train` reads (prompt, response, item_uid, text, split, source); the "
        "response is the gold rewrite when the item's gold annotation is Unsafe and has one, else the item's first "
        "reference rewrite (rule gold-rewrite-else-reference); items with neither are skipped. No EOS text: the "
        "trainer appends the tokenizer's EOS id.\nSplits: an item keeps the split it was imported with; others get a "
        "deterministic 80/10/10 split from --seed and the item uid.");
    auto options = std::make_shared<ExportOptions>();
    command->add_option("PROJECT", options->project, "Path of the project file")->required();
    command->add_option("OUT", options->out, "File to write (replaced only when complete)")->required();
    command->add_option("--format", options->format, "srllm-csv|jsonl|instructions")->required();
    command->add_option("--template", options->templateName, "For instructions: paper|repo|alpaca|chat|custom")
        ->capture_default_str();
    command->add_option("--custom-template", options->customTemplate,
                        "For --template custom: text with {text}, optionally {rewrite} (where the response "
                        "starts); no <s>/</s>: the tokenizer adds BOS and the trainer the EOS id");
    command->add_option("--split", options->split, "train|val|test|all")->capture_default_str();
    command->add_option("--seed", options->seed, "Seed of the split for items without one")->capture_default_str();
    command->add_option("--dataset", options->dataset, "Only items of this dataset");
    command->callback([options] { runExport(*options); });
}};

}  // namespace

}  // namespace srllm::cli
