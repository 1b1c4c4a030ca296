#include "db/item-import.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <exception>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include <sqlite3.h>

#include "db/database.h"
#include "db/item-identity.h"
#include "db/items.h"
#include "db/project.h"
#include "db/span-json.h"
#include "db/text-hash-table.h"

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

// The connection's settings for an import, restored however it ends: a large page cache, and no CHECK
// constraints, which validate() and this file's own values (uid, hash, JSON) already guarantee; SQLite
// re-evaluates `split IN (...)` by building a table per row, which doubled the cost of each insert.
class ImportSettings {
public:
    explicit ImportSettings(Database& db) : m_db(db) {
        m_previousCache = db.pragmaInt("PRAGMA cache_size");
        db.exec("PRAGMA cache_size=-" + std::to_string(kImportCacheKiB));
        db.exec("PRAGMA ignore_check_constraints=ON");  // statements prepared from here on skip the CHECKs
    }
    ~ImportSettings() {
        try {
            m_db.exec("PRAGMA ignore_check_constraints=OFF");  // also expires the statements prepared without them
            m_db.exec("PRAGMA cache_size=" + std::to_string(m_previousCache));
        } catch (...) {
            // Restoring a setting cannot fail on an open connection; the import's outcome stands.
        }
    }
    ImportSettings(const ImportSettings&) = delete;
    ImportSettings& operator=(const ImportSettings&) = delete;

private:
    Database& m_db;
    int64_t m_previousCache = 0;
};

// An import of this many bytes or more into a project no other connection has open is written through a
// rollback journal, not the WAL: the WAL writes every page twice (to the log, then to the file at the
// checkpoint; 0.75 s of the 6.4 s of CPU a million-row import takes), a rollback journal writes new pages once.
constexpr int64_t kRollbackJournalBytes = 4 << 20;

// SQLite refuses to leave WAL while another connection has the file open, so a project the GUI (or a worker)
// has open keeps WAL and its readers never wait. A program opening the project during such an import is refused
// with a message saying why (Project::open). After a kill, the next open rolls the hot journal back and sets WAL.
class ImportJournal {
public:
    ImportJournal(Database& db, int64_t bytes) : m_db(db) {
        // Inside a caller's transaction the mode cannot change.
        if (bytes < kRollbackJournalBytes || !sqlite3_get_autocommit(db.handle())) return;
        try {
            auto mode = db.prepare("PRAGMA journal_mode=DELETE");
            m_rollback = mode.step() && mode.columnText(0) == "delete";
        } catch (const DbError&) {
            return;  // "database is locked": another connection has the project open
        }
        if (!m_rollback) return;
        m_previousSync = db.pragmaInt("PRAGMA synchronous");
        db.exec("PRAGMA synchronous=FULL");  // NORMAL risks the file on power loss outside WAL
    }
    ~ImportJournal() {
        if (!m_rollback) return;
        try {
            m_db.exec("PRAGMA synchronous=" + std::to_string(m_previousSync));
            m_db.exec("PRAGMA journal_mode=WAL");
        } catch (...) {
            // Another program got in first: the file stays in rollback mode until the next Project::open.
        }
    }
    ImportJournal(const ImportJournal&) = delete;
    ImportJournal& operator=(const ImportJournal&) = delete;

private:
    Database& m_db;
    bool m_rollback = false;
    int64_t m_previousSync = 1;
};

// ISO-8601 UTC with milliseconds, like the schema's strftime default; bound once per import because
// evaluating the default costs more per row than the rest of the insert.
std::string nowUtc() {
    const auto now = std::chrono::system_clock::now();
    const std::time_t seconds = std::chrono::system_clock::to_time_t(now);
    const auto millis = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char text[64];
    std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", utc.tm_year + 1900, utc.tm_mon + 1,
                  utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec, static_cast<int>(millis));
    return text;
}

// Bulk mode for large imports: random text hashes make every index insert a random B-tree write (~4 us
// each), so the unique indexes and the FTS trigger are dropped, duplicates are found in memory, and all is
// rebuilt once at the end (even the uid index, whose keys ascend: one sort cost less than 200k appends).
// The SQL comes from sqlite_schema, so the schema stays defined in db/schema-v1.cpp only.
class BulkMode {
public:
    BulkMode(Database& db, int64_t firstId) : m_db(db), m_firstId(firstId) {
        auto st = db.prepare(
            "SELECT type, name, sql FROM sqlite_schema WHERE (type = 'index' AND name IN ('items_uid', 'items_text_hash'))"
            " OR (type = 'trigger' AND name = 'items_fts_insert')");
        while (st.step()) {
            m_hasFtsTrigger = m_hasFtsTrigger || st.columnText(0) == "trigger";
            m_drops.push_back("DROP " + st.columnText(0) + " " + st.columnText(1));
            m_creates.push_back(st.columnText(2));
        }
        for (const auto& drop : m_drops) db.exec(drop);
    }
    void finish() {
        if (m_hasFtsTrigger)
            m_db.prepare("INSERT INTO items_fts(rowid, text) SELECT id, text FROM items WHERE id >= ?1")
                .bind(1, m_firstId)
                .run();
        for (const auto& create : m_creates) m_db.prepare(create).run();  // one statement each, even from a hostile file
    }

private:
    Database& m_db;
    int64_t m_firstId;
    bool m_hasFtsTrigger = false;
    std::vector<std::string> m_drops, m_creates;
};

struct HashedRecord {
    core::ItemImportRecord record;
    TextHash hash;
};

// The import reads one record ahead, so the duplicate table's slot for the next text loads from memory while
// the current one is inserted. A reader error is kept until the records before it are in, as without it.
std::optional<HashedRecord> readHashed(core::ItemReader& reader, std::exception_ptr& error) {
    try {
        auto record = reader.next();
        if (!record) return std::nullopt;
        const TextHash hash = textHash(record->text);
        return HashedRecord{std::move(*record), hash};
    } catch (...) {
        error = std::current_exception();
        return std::nullopt;
    }
}

// One item as inserted: the record and the values made for it, alive until its statement has run.
struct ItemRow {
    HashedRecord source;
    std::string uid, metadata, spans;
    std::optional<int64_t> id;  // bulk mode numbers the rows itself; otherwise SQLite does
};

constexpr int kItemColumns = 10;

std::string insertItemsSql(size_t rows) {
    std::string row = "(?";
    for (int column = 1; column < kItemColumns; ++column) row += ",?";
    row += ")";
    std::string sql =
        "INSERT INTO items(id, uid, dataset_id, external_id, text, text_hash, metadata, split, spans, created_at) VALUES " +
        row;
    for (size_t i = 1; i < rows; ++i) sql += "," + row;
    return sql;
}

class Importer {
public:
    Importer(Database& db, int64_t datasetId, const core::ItemReader& reader)
        : m_db(db),
          m_reader(reader),
          m_datasetId(datasetId),
          m_createdAt(nowUtc()),
          m_insertItem(db.prepare(insertItemsSql(1) + " ON CONFLICT(text_hash) DO NOTHING")),
          m_insertReference(db.prepare("INSERT INTO reference_rewrites(item_id, text, source) VALUES (?1, ?2, 'import')")),
          m_uidOf(db.prepare("SELECT uid FROM items WHERE id = ?1")) {
        auto st = db.prepare("SELECT coalesce(max(id), 0), count(*) FROM items");
        st.step();
        m_firstNewId = st.columnInt(0) + 1;
        m_existingItems = st.columnInt(1);
    }

    void prefetch(const TextHash& hash) const {
        if (m_bulk) m_hashes.prefetch(hash);
    }

    void add(HashedRecord&& source, ImportReport& report) {
        const core::ItemImportRecord& record = source.record;
        if (record.text.empty()) {
            report.warnings.push_back({"", record.line, "text", "empty text skipped"});
            return;
        }
        validate(record);
        if (!m_bulk && ++m_seenRecords >= std::max(kBulkMinimum, m_existingItems / 4)) startBulk();
        std::optional<int64_t> id;
        if (m_bulk) {
            const auto [entry, isNew] = m_hashes.tryAdd(source.hash);
            if (!isNew) return duplicate(record, *entry, report);
            id = *entry = m_nextId++;
        }
        std::string metadata = record.metadata.empty() ? std::string("{}") : record.metadata.dump();
        std::string spans = record.spans.empty() ? std::string() : spansToJson(record.spans);
        ItemRow row{std::move(source), m_uids.next(), std::move(metadata), std::move(spans), id};
        if (!m_bulk) return insertAlone(std::move(row), report);
        m_batch.push_back(std::move(row));
        if (m_batch.size() == kBatchRows) flush(report);
    }

    // Inserts what is still batched and rebuilds what bulk mode dropped; call once, after the last record.
    void finish(ImportReport& report) {
        flush(report);
        if (m_bulk) m_bulk->finish();
    }

private:
    // Bulk mode pays off once an import is large next to the project: rebuilding sorts every row.
    static constexpr int64_t kBulkMinimum = 20000;
    static constexpr double kMaxReserved = 4e6;  // records; 320 MiB of table
    // Rows per INSERT in bulk mode: a statement's start and end (the step, its cursors, the halt) cost about as
    // much as the row it inserts; 64 rows a statement halved the inserts' CPU at 1M rows (2.3 s to 1.2 s).
    static constexpr size_t kBatchRows = 64;

    void startBulk() {
        // The file's records, guessed from the bytes read so far, so the table need not grow; capped in case a
        // reader counts its bytes coarsely (the table still grows past the guess).
        const double share = static_cast<double>(m_reader.bytesRead()) /
                             static_cast<double>(std::max<int64_t>(1, m_reader.bytesTotal()));
        const double records = share > 0 ? static_cast<double>(m_seenRecords) / share : 0.0;
        m_hashes.reserve(static_cast<size_t>(m_existingItems) + static_cast<size_t>(std::min(records, kMaxReserved)));
        auto hashes = m_db.prepare("SELECT text_hash, id FROM items");
        while (hashes.step()) {
            TextHash hash{};
            const std::string blob = hashes.columnText(0);
            std::memcpy(hash.data(), blob.data(), std::min(blob.size(), hash.size()));
            *m_hashes.tryAdd(hash).first = hashes.columnInt(1);
        }
        {
            auto maxId = m_db.prepare("SELECT coalesce(max(id), 0) + 1 FROM items");
            maxId.step();
            m_nextId = maxId.columnInt(0);
        }  // finalized: SQLite refuses DROP INDEX while a statement is still reading
        m_bulk.emplace(m_db, m_nextId);
        m_insertBatch.emplace(m_db.prepare(insertItemsSql(kBatchRows)));
        m_insertOne.emplace(m_db.prepare(insertItemsSql(1)));
    }

    // Runs `statement`, which has a row of parameters for each of `rows`.
    void insert(Statement& statement, std::span<const ItemRow> rows) {
        for (size_t i = 0; i < rows.size(); ++i) {
            const ItemRow& row = rows[i];
            const core::ItemImportRecord& record = row.source.record;
            const int at = static_cast<int>(i) * kItemColumns;  // the row's first parameter, less one
            statement.bind(at + 1, row.id).bindView(at + 2, row.uid).bind(at + 3, m_datasetId);
            statement.bind(at + 4, record.externalId).bindView(at + 5, record.text);
            statement.bindBlob(at + 6, row.source.hash.data(), static_cast<int64_t>(row.source.hash.size()));
            statement.bindView(at + 7, row.metadata).bind(at + 8, record.split).bindView(at + 10, m_createdAt);
            if (row.spans.empty())
                statement.bind(at + 9, std::nullopt);
            else
                statement.bindView(at + 9, row.spans);
        }
        try {
            statement.run();
        } catch (const DbError&) {
            statement.reset();
            throw;
        }
        statement.reset();
    }

    // One row, its line named in an error.
    void insertRow(Statement& statement, const ItemRow& row) {
        try {
            insert(statement, {&row, 1});
        } catch (const DbError& e) {
            throw DbError("line " + std::to_string(row.source.record.line) + ": " + e.what());
        }
    }

    // Before bulk mode: the unique index finds a duplicate, and SQLite numbers the row.
    void insertAlone(ItemRow row, ImportReport& report) {
        insertRow(m_insertItem, row);
        if (m_db.changes() == 0) return duplicate(row.source.record, existingId(row.source.hash), report);
        row.id = m_db.lastInsertId();
        addReferences(row, report);
    }

    void flush(ImportReport& report) {
        if (m_batch.size() < kBatchRows || !insertBatch())
            for (const auto& row : m_batch) insertRow(*m_insertOne, row);
        for (const auto& row : m_batch) addReferences(row, report);
        m_batch.clear();
    }

    // False when SQLite refused a row of the batch: it undid that statement alone, and the rows go again one by
    // one to name the line at fault. An error that ended the whole transaction (a full disk) ends the import.
    bool insertBatch() {
        try {
            insert(*m_insertBatch, m_batch);
            return true;
        } catch (const DbError&) {
            if (sqlite3_get_autocommit(m_db.handle())) throw;
            return false;
        }
    }

    void addReferences(const ItemRow& row, ImportReport& report) {
        ++report.items;
        for (const auto& reference : row.source.record.references) {
            if (reference.empty()) continue;
            m_insertReference.bind(1, *row.id).bindView(2, reference).run();
            m_insertReference.reset();
            ++report.references;
        }
    }

    int64_t existingId(const TextHash& hash) {
        auto st = m_db.prepare("SELECT id FROM items WHERE text_hash = ?1");
        st.bindBlob(1, hash.data(), static_cast<int64_t>(hash.size()));
        st.step();
        return st.columnInt(0);
    }

    void duplicate(const core::ItemImportRecord& record, int64_t existingItem, ImportReport& report) {
        ++report.duplicates;
        if (report.warnings.size() >= kMaxDuplicateWarnings) return;
        flush(report);  // the item it repeats may still be batched
        m_uidOf.bind(1, existingItem);
        m_uidOf.step();
        const std::string uid = m_uidOf.columnText(0);
        m_uidOf.reset();
        report.warnings.push_back({"", record.line, "text",
                                   std::string("duplicate text skipped: ") +
                                       (existingItem >= m_firstNewId ? "same as an earlier record of this file (item "
                                                                     : "already in the project (item ") +
                                       uid + ")"});
    }

    Database& m_db;
    const core::ItemReader& m_reader;
    int64_t m_datasetId;
    std::string m_createdAt;
    ItemUidSequence m_uids;
    Statement m_insertItem, m_insertReference, m_uidOf;
    std::optional<Statement> m_insertBatch, m_insertOne;
    std::optional<BulkMode> m_bulk;
    std::vector<ItemRow> m_batch;
    TextHashTable m_hashes;  // bulk mode: text hash -> item id
    int64_t m_firstNewId = 1, m_existingItems = 0, m_seenRecords = 0, m_nextId = 0;
};

}  // namespace

ImportReport importItems(Project& project, core::ItemReader& reader, const std::string& datasetName,
                         const core::ProgressCallback& progress) {
    Database& db = project.db();
    if (datasetName.empty()) throw core::InputError("", 0, "dataset", "the dataset name is empty");
    ImportJournal journal(db, reader.bytesTotal());
    Transaction tx(db);
    ImportReport report;
    const int64_t datasetId = ensureDataset(db, datasetName);  // with its CHECKs, before they are set aside
    ImportSettings settings(db);
    Importer importer(db, datasetId, reader);
    int64_t records = 0;
    std::exception_ptr readError;
    auto current = readHashed(reader, readError);
    while (current) {
        auto following = readHashed(reader, readError);
        if (following) importer.prefetch(following->hash);
        importer.add(std::move(*current), report);
        if (++records % kProgressEvery == 0 && progress && !progress(reader.bytesRead(), reader.bytesTotal()))
            throw core::InputError("", 0, "", "import cancelled; the project was left unchanged");
        current = std::move(following);
    }
    if (readError) std::rethrow_exception(readError);
    importer.finish(report);
    if (report.duplicates > static_cast<int64_t>(report.warnings.size()))
        report.warnings.push_back({"", 0, "text", std::to_string(report.duplicates) + " duplicate texts skipped in all"});
    tx.commit();
    if (progress) progress(reader.bytesTotal(), reader.bytesTotal());
    return report;
}

}  // namespace srllm::db
