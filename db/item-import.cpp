#include "db/item-import.h"

#include <string_view>

#include "db/database.h"
#include "db/item-identity.h"
#include "db/items.h"
#include "db/project.h"
#include "db/span-json.h"

namespace srllm::db {

namespace {

// A duplicate warning per line is useful for a few; past this many only the count matters.
constexpr size_t kMaxDuplicateWarnings = 100;
// How often (in records) the progress callback runs: often enough for a smooth bar, cheap enough for 1M rows.
constexpr int64_t kProgressEvery = 4096;
// Page cache during the import (KiB, as PRAGMA cache_size takes a negative size): keeps the uid and hash
// indexes of a million-item project in memory; the default 2 MiB turns each insert into disk reads.
constexpr int kImportCacheKiB = 512 * 1024;

int64_t codePoints(std::string_view text) {
    int64_t count = 0;
    for (unsigned char c : text) count += (c & 0xC0) != 0x80;
    return count;
}

void validate(const core::ItemImportRecord& record) {
    if (record.split && *record.split != "train" && *record.split != "val" && *record.split != "test")
        throw core::InputError("", record.line, "split", "unknown split '" + *record.split +
                                                            "' (hint: train, val or test)");
    if (record.spans.empty()) return;
    const int64_t length = codePoints(record.text);
    for (const auto& span : record.spans)
        if (span.start < 0 || span.end < span.start || span.end > length)
            throw core::InputError("", record.line, "spans",
                                   "span [" + std::to_string(span.start) + ", " + std::to_string(span.end) +
                                       ") lies outside the text of " + std::to_string(length) + " code points");
}

// Restores the connection's page cache size however the import ends.
class CacheScope {
public:
    explicit CacheScope(Database& db) : m_db(db) {
        auto st = db.prepare("PRAGMA cache_size");
        st.step();
        m_previous = st.columnInt(0);
        db.exec("PRAGMA cache_size=-" + std::to_string(kImportCacheKiB));
    }
    ~CacheScope() {
        try {
            m_db.exec("PRAGMA cache_size=" + std::to_string(m_previous));
        } catch (...) {
            // Only a performance setting; the import's outcome stands.
        }
    }
    CacheScope(const CacheScope&) = delete;
    CacheScope& operator=(const CacheScope&) = delete;

private:
    Database& m_db;
    int64_t m_previous = 0;
};

class Importer {
public:
    Importer(Database& db, int64_t datasetId)
        : m_db(db),
          m_datasetId(datasetId),
          m_insertItem(db.prepare(
              "INSERT INTO items(uid, dataset_id, external_id, text, text_hash, metadata, split, spans)"
              " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT(text_hash) DO NOTHING")),
          m_insertReference(db.prepare("INSERT INTO reference_rewrites(item_id, text, source) VALUES (?1, ?2, 'import')")),
          m_existing(db.prepare("SELECT id, uid FROM items WHERE text_hash = ?1")) {
        auto maxId = db.prepare("SELECT coalesce(max(id), 0) FROM items");
        maxId.step();
        m_firstNewId = maxId.columnInt(0) + 1;
    }

    void add(const core::ItemImportRecord& record, ImportReport& report) {
        if (record.text.empty()) {
            report.warnings.push_back({"", record.line, "text", "empty text skipped"});
            return;
        }
        validate(record);
        const TextHash hash = textHash(record.text);
        const std::string uid = newItemUid();
        const std::string metadata = record.metadata.empty() ? std::string("{}") : record.metadata.dump();
        const std::string spans = record.spans.empty() ? std::string() : spansToJson(record.spans);
        m_insertItem.bindView(1, uid).bind(2, m_datasetId).bind(3, record.externalId).bindView(4, record.text);
        m_insertItem.bindBlob(5, hash.data(), static_cast<int64_t>(hash.size())).bindView(6, metadata);
        m_insertItem.bind(7, record.split);
        if (spans.empty())
            m_insertItem.bind(8, std::nullopt);
        else
            m_insertItem.bindView(8, spans);
        m_insertItem.run();
        m_insertItem.reset();
        if (m_db.changes() == 0) return duplicate(record, hash, report);
        ++report.items;
        const int64_t itemId = m_db.lastInsertId();
        for (const auto& reference : record.references) {
            if (reference.empty()) continue;
            m_insertReference.bind(1, itemId).bindView(2, reference).run();
            m_insertReference.reset();
            ++report.references;
        }
    }

private:
    void duplicate(const core::ItemImportRecord& record, const TextHash& hash, ImportReport& report) {
        ++report.duplicates;
        if (report.warnings.size() >= kMaxDuplicateWarnings) return;
        m_existing.bindBlob(1, hash.data(), static_cast<int64_t>(hash.size()));
        m_existing.step();
        const bool inThisFile = m_existing.columnInt(0) >= m_firstNewId;
        const std::string uid = m_existing.columnText(1);
        m_existing.reset();
        report.warnings.push_back({"", record.line, "text",
                                   std::string("duplicate text skipped: ") +
                                       (inThisFile ? "same as an earlier record of this file (item "
                                                   : "already in the project (item ") + uid + ")"});
    }

    Database& m_db;
    int64_t m_datasetId;
    Statement m_insertItem, m_insertReference, m_existing;
    int64_t m_firstNewId = 1;
};

}  // namespace

ImportReport importItems(Project& project, core::ItemReader& reader, const std::string& datasetName,
                         const core::ProgressCallback& progress) {
    Database& db = project.db();
    if (datasetName.empty()) throw core::InputError("", 0, "dataset", "the dataset name is empty");
    CacheScope cache(db);
    Transaction tx(db);
    ImportReport report;
    Importer importer(db, ensureDataset(db, datasetName));
    int64_t records = 0;
    while (auto record = reader.next()) {
        try {
            importer.add(*record, report);
        } catch (const DbError& e) {
            throw DbError("line " + std::to_string(record->line) + ": " + e.what());
        }
        if (++records % kProgressEvery == 0 && progress && !progress(reader.bytesRead(), reader.bytesTotal()))
            throw core::InputError("", 0, "", "import cancelled; the project was left unchanged");
    }
    if (report.duplicates > static_cast<int64_t>(report.warnings.size()))
        report.warnings.push_back({"", 0, "text", std::to_string(report.duplicates) + " duplicate texts skipped in all"});
    tx.commit();
    if (progress) progress(reader.bytesTotal(), reader.bytesTotal());
    return report;
}

}  // namespace srllm::db
