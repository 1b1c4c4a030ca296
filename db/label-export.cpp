#include "db/label-export.h"

#include <filesystem>
#include <fstream>
#include <map>
#include <memory>

#include "core/common/diagnostics.h"
#include "core/data/annotation-export.h"
#include "core/data/jsonl-items.h"
#include "db/annotations.h"
#include "db/annotators.h"
#include "db/gold.h"
#include "db/items.h"
#include "db/taxonomy-fields.h"
#include "db/taxonomy-store.h"

namespace srllm::db {

namespace {

constexpr int64_t kProgressEvery = 512;

core::LabelExportRow baseRow(Database& db, int64_t itemId, std::map<int64_t, core::LabelExportRow>& items) {
    auto it = items.find(itemId);
    if (it == items.end()) {
        core::LabelExportRow row;
        if (const auto item = itemById(db, itemId)) {
            row.itemUid = item->uid;
            row.item = item->externalId.value_or(item->text);
        }
        it = items.emplace(itemId, std::move(row)).first;
    }
    return it->second;
}

}  // namespace

int64_t exportLabels(Database& db, LabelTable table, LabelFileFormat format, std::ostream& out,
                     const core::ProgressCallback& progress) {
    std::vector<core::LabelExportRow> rows;
    std::map<int64_t, std::string> names;
    for (const auto& a : listAnnotators(db)) names[a.id] = a.name;
    std::map<int64_t, core::LabelExportRow> items;  // item id -> uid and item reference, read once
    if (table == LabelTable::Annotations) {
        for (const auto& a : allAnnotations(db)) {
            core::LabelExportRow row = baseRow(db, a.itemId, items);
            row.annotator = names[a.annotatorId];
            row.labels = a.labels;
            row.spans = a.spans;
            row.rewrite = a.rewrite;
            row.taxonomyVersion = a.taxonomyVersion;
            row.status = a.status;
            row.seconds = a.seconds;
            row.updatedAt = a.updatedAt;
            row.reviewReason = a.reviewReason;
            rows.push_back(std::move(row));
        }
    } else {
        for (const auto& g : allGold(db)) {
            core::LabelExportRow row = baseRow(db, g.itemId, items);
            row.labels = g.labels;
            row.spans = g.spans;
            row.rewrite = g.rewrite;
            row.taxonomyVersion = g.taxonomyVersion;
            row.provenance = g.provenance;
            if (g.decidedBy) row.decidedBy = names[*g.decidedBy];
            rows.push_back(std::move(row));
        }
    }
    std::unique_ptr<core::LabelCsvWriter> csv;
    if (format == LabelFileFormat::Csv) {
        const TaxonomyRow taxonomy = currentTaxonomy(db);
        std::vector<std::string> keys;
        for (const auto& f : taxonomyFields(taxonomy.json, taxonomy.version)) keys.push_back(f.key);
        csv = std::make_unique<core::LabelCsvWriter>(out, keys, table == LabelTable::Gold);
    }
    const auto total = static_cast<int64_t>(rows.size());
    for (int64_t i = 0; i < total; ++i) {
        if (csv) csv->write(rows[static_cast<size_t>(i)]);
        else core::writeJsonLine(out, core::labelRowToJson(rows[static_cast<size_t>(i)]));
        if ((i + 1) % kProgressEvery == 0 && progress && !progress(i + 1, total))
            throw core::InputError("", 0, "", "export cancelled");
    }
    if (progress) progress(total, total);
    return total;
}

int64_t exportLabelsToFile(Database& db, LabelTable table, LabelFileFormat format, const std::string& path,
                           const core::ProgressCallback& progress) {
    const std::string part = path + ".part";
    try {
        std::ofstream out(part, std::ios::binary | std::ios::trunc);
        if (!out) throw core::InputError(path, 0, "", "cannot write the file (hint: does the folder exist?)");
        const int64_t rows = exportLabels(db, table, format, out, progress);
        out.close();
        if (!out) throw core::InputError(path, 0, "", "write failed (hint: is the disk full?)");
        std::filesystem::rename(part, path);
        return rows;
    } catch (...) {
        std::error_code ignored;
        std::filesystem::remove(part, ignored);
        throw;
    }
}

}  // namespace srllm::db
