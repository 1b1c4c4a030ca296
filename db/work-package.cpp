#include "db/work-package.h"

#include <filesystem>
#include <map>

#include "db/annotations.h"
#include "db/annotators.h"
#include "db/database.h"
#include "db/items.h"
#include "db/packaged-rows.h"
#include "db/project.h"
#include "db/routing.h"
#include "db/span-json.h"
#include "db/taxonomy-store.h"

namespace srllm::db {

namespace {

// NOTE: the column lists follow db/schema-v1.cpp; a migration that adds columns keeps them valid.
constexpr const char* kCopySql = R"sql(
DELETE FROM taxonomies;
INSERT INTO taxonomies(version, json, created_at) SELECT version, json, created_at FROM src.taxonomies;
INSERT INTO datasets(id, name, created_at) SELECT id, name, created_at FROM src.datasets
  WHERE id IN (SELECT dataset_id FROM src.items WHERE id IN (SELECT id FROM temp.package_items));
INSERT INTO items(id, uid, dataset_id, external_id, text, text_hash, metadata, split, spans, created_at)
  SELECT id, uid, dataset_id, external_id, text, text_hash, metadata, split, spans, created_at FROM src.items
  WHERE id IN (SELECT id FROM temp.package_items);
)sql";

constexpr const char* kManifestSql = R"sql(
CREATE TABLE package_manifest (
  id               INTEGER PRIMARY KEY CHECK (id = 1),
  source_project   TEXT NOT NULL,
  taxonomy_version INTEGER NOT NULL,
  annotator        TEXT NOT NULL,
  items            INTEGER NOT NULL,
  created_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
)sql";

int64_t copyForAnnotator(Database& db, const std::string& annotator, PackageSummary& summary) {
    db.exec("CREATE TEMP TABLE package_items(id INTEGER PRIMARY KEY)");
    // The queue of db/annotation-queue.h: assigned items and annotations sent back for re-review; every
    // item only while the project assigns nothing to anyone.
    auto queued = db.prepare(
        "INSERT OR IGNORE INTO temp.package_items SELECT s.item_id FROM src.assignments s"
        " JOIN src.annotators a ON a.id = s.annotator_id WHERE a.name = ?1"
        " UNION SELECT r.item_id FROM src.annotations r JOIN src.annotators a ON a.id = r.annotator_id"
        " WHERE a.name = ?1 AND r.review_reason IS NOT NULL");
    queued.bind(1, annotator).run();
    auto anyAssigned = db.prepare("SELECT EXISTS (SELECT 1 FROM src.assignments)");
    anyAssigned.step();
    summary.assignedOnly = anyAssigned.columnInt(0) != 0;
    if (!summary.assignedOnly) db.exec("INSERT OR IGNORE INTO temp.package_items SELECT id FROM src.items");
    else if (db.changes() == 0)
        throw core::InputError("", 0, "--annotator",
                               "'" + annotator + "' has no assigned items (hint: `srllm assign` first; the project "
                                                 "assigns items, so packages hold assigned items only)");
    db.exec(kCopySql);
    db.prepare("INSERT INTO annotators(id, name, role, created_at) SELECT id, name, role, created_at"
               " FROM src.annotators WHERE name = ?1").bind(1, annotator).run();
    const int64_t annotatorId = ensureAnnotator(db, annotator);
    // Rows are picked by the source's annotator id (by name): a new annotator's package id may be
    // another person's id in the source.
    constexpr const char* kSourceAnnotator = "(SELECT id FROM src.annotators WHERE name = ?2)";
    db.prepare(std::string("INSERT INTO assignments(item_id, annotator_id, assigned_at, reason, detail) SELECT"
                           " item_id, ?1, assigned_at, reason, detail FROM src.assignments WHERE annotator_id = ") +
               kSourceAnnotator)
        .bind(1, annotatorId).bind(2, annotator).run();
    db.prepare(std::string("INSERT INTO annotations(id, item_id, annotator_id, taxonomy_version, labels, spans,"
                           " rewrite, seconds, status, created_at, updated_at, review_reason, pasted_chars)"
                           " SELECT id, item_id, ?1, taxonomy_version, labels, spans, rewrite, seconds, status,"
                           " created_at, updated_at, review_reason, pasted_chars"
                           " FROM src.annotations WHERE item_id IN (SELECT id FROM temp.package_items)"
                           " AND annotator_id = ") + kSourceAnnotator)
        .bind(1, annotatorId).bind(2, annotator).run();
    summary.annotations = db.changes();
    auto count = db.prepare("SELECT count(*) FROM temp.package_items");
    count.step();
    return count.columnInt(0);
}

// Inserts or replaces the project's row keeping the package's timestamps, so a second merge sees them equal.
void upsertKeepingTimes(Database& db, const AnnotationRow& row) {
    db.prepare("INSERT INTO annotations(item_id, annotator_id, taxonomy_version, labels, spans, rewrite, seconds,"
               " status, created_at, updated_at, review_reason, pasted_chars)"
               " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)"
               " ON CONFLICT(item_id, annotator_id) DO UPDATE SET taxonomy_version = excluded.taxonomy_version,"
               " labels = excluded.labels, spans = excluded.spans, rewrite = excluded.rewrite,"
               " seconds = excluded.seconds, status = excluded.status, updated_at = excluded.updated_at,"
               " review_reason = excluded.review_reason, pasted_chars = excluded.pasted_chars")
        .bind(1, row.itemId).bind(2, row.annotatorId).bind(3, static_cast<int64_t>(row.taxonomyVersion))
        .bind(4, row.labels.dump()).bind(5, spansToJson(row.spans)).bind(6, row.rewrite).bind(7, row.seconds)
        .bind(8, row.status).bind(9, row.createdAt).bind(10, row.updatedAt).bind(11, row.reviewReason)
        .bind(12, row.pastedChars).run();
}

void checkTaxonomy(Database& target, Database& package, const PackageManifest& manifest,
                   const std::string& packagePath) {
    const TaxonomyRow current = currentTaxonomy(target);
    if (manifest.taxonomyVersion != current.version)
        throw core::InputError(packagePath, 0, "taxonomy_version",
                               "package was made for taxonomy version " + std::to_string(manifest.taxonomyVersion) +
                                   " but " + target.path() + " is at version " + std::to_string(current.version) +
                                   " (hint: make a new package with `srllm package` for the current taxonomy)");
    const auto packaged = taxonomyVersion(package, manifest.taxonomyVersion);
    if (!packaged || packaged->json != current.json)
        throw core::InputError(packagePath, 0, "taxonomy_version",
                               "taxonomy version " + std::to_string(current.version) +
                                   " of the package differs from the project's (hint: was it made from another "
                                   "project? source: " + manifest.sourceProject + ")");
}

}  // namespace

void removeProjectFiles(const std::string& path) {
    std::error_code ignored;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) std::filesystem::remove(path + suffix, ignored);
}

std::optional<PackageManifest> readPackageManifest(Database& db) {
    auto exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'package_manifest'");
    if (!exists.step()) return std::nullopt;
    auto st = db.prepare(
        "SELECT source_project, taxonomy_version, annotator, items, created_at FROM package_manifest WHERE id = 1");
    if (!st.step()) return std::nullopt;
    return PackageManifest{st.columnText(0), static_cast<int>(st.columnInt(1)), st.columnText(2), st.columnInt(3),
                           st.columnText(4)};
}

PackageSummary createWorkPackage(Project& source, const std::string& annotator, const std::string& outPath) {
    if (annotator.empty()) throw core::InputError("", 0, "--annotator", "annotator name is empty");
    if (std::filesystem::exists(outPath))
        throw core::InputError(outPath, 0, "", "already exists (hint: packages are never overwritten; pick a new name)");
    PackageSummary summary;
    summary.manifest = {std::filesystem::absolute(source.path()).string(), currentTaxonomy(source.db()).version,
                        annotator, 0, ""};
    try {
        auto package = Project::create(outPath);
        Database& db = package->db();
        db.prepare("ATTACH DATABASE ?1 AS src").bind(1, source.path()).run();
        {
            Transaction tx(db);
            summary.items = copyForAnnotator(db, annotator, summary);
            summary.manifest.items = summary.items;
            db.exec(kManifestSql);
            db.prepare("INSERT INTO package_manifest(id, source_project, taxonomy_version, annotator, items)"
                       " VALUES (1, ?1, ?2, ?3, ?4)")
                .bind(1, summary.manifest.sourceProject).bind(2, static_cast<int64_t>(summary.manifest.taxonomyVersion))
                .bind(3, annotator).bind(4, summary.items).run();
            tx.commit();
        }
        db.exec("DETACH DATABASE src");
        summary.manifest = *readPackageManifest(db);
    } catch (...) {
        removeProjectFiles(outPath);
        throw;
    }
    return summary;
}

MergeSummary mergeWorkPackage(Project& target, const std::string& packagePath) {
    auto package = Project::open(packagePath);
    Database& pkg = package->db();
    const auto manifest = readPackageManifest(pkg);
    if (!manifest)
        throw core::InputError(packagePath, 0, "package_manifest",
                               "not a work package (hint: make one with `srllm package PROJECT --annotator NAME OUT`)");
    checkTaxonomy(target.db(), pkg, *manifest, packagePath);
    requireIntactPackagedRows(pkg, "main", "annotations", packagePath);
    MergeSummary summary;
    summary.annotator = manifest->annotator;
    Database& db = target.db();
    Transaction tx(db);
    std::map<int64_t, int64_t> annotatorIds;  // package id -> project id, matched by name
    for (const auto& packaged : listAnnotators(pkg))
        annotatorIds[packaged.id] = ensureAnnotator(db, packaged.name, packaged.role);
    for (const auto& row : allAnnotations(pkg)) {
        const auto item = itemById(pkg, row.itemId);
        const auto local = item ? itemByUid(db, item->uid) : std::nullopt;
        if (!local) {
            ++summary.unknownItems;
            summary.warnings.push_back({packagePath, 0, "items.uid",
                                        "item " + (item ? item->uid : std::to_string(row.itemId)) + " is not in " +
                                            db.path() + "; its annotation was skipped"});
            continue;
        }
        const auto annotator = annotatorIds.find(row.annotatorId);
        if (annotator == annotatorIds.end())  // #12 (fuzz finding 13): a damaged package, its foreign keys unchecked
            refuseDamagedPackage(packagePath, "annotations.annotator_id",
                                 "the annotation of item " + item->uid + " names annotator id " +
                                     std::to_string(row.annotatorId) + ", which the package does not list");
        const int64_t annotatorId = annotator->second;
        // Versions run 1..current in every project and checkTaxonomy made the package's current the project's, so
        // this is the foreign key the project would check, named here for the package.
        if (row.taxonomyVersion < 1 || row.taxonomyVersion > manifest->taxonomyVersion)
            refuseDamagedPackage(packagePath, "annotations.taxonomy_version",
                                 "the annotation of item " + item->uid + " names taxonomy version " +
                                     std::to_string(row.taxonomyVersion) + ", which " + db.path() + " does not have");
        const auto existing = annotationFor(db, local->id, annotatorId);
        if (existing && existing->updatedAt == row.updatedAt) { ++summary.unchanged; continue; }
        if (existing && existing->updatedAt > row.updatedAt) { ++summary.keptNewer; continue; }
        ++(existing ? summary.updated : summary.inserted);
        AnnotationRow merged = row;
        merged.itemId = local->id;
        merged.annotatorId = annotatorId;
        upsertKeepingTimes(db, merged);
    }
    tx.commit();
    summary.routed = static_cast<int64_t>(routeDisagreements(db).size());
    return summary;
}

}  // namespace srllm::db
