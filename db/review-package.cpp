#include "db/review-package.h"

#include <algorithm>
#include <filesystem>

#include <nlohmann/json.hpp>

#include "core/common/diagnostics.h"
#include "db/annotators.h"
#include "db/database.h"
#include "db/packaged-rows.h"
#include "db/project.h"
#include "db/review-queue.h"
#include "db/stored-json.h"
#include "db/work-package.h"

namespace srllm::db {

namespace {

// The reviewer's comparisons (temp.package_comparisons, filled first) become positions 0..n-1 of two
// anonymous runs; generations k*2+1 and k*2+2 are sides A and B of position k. NOTE: follows schema v3/v5.
constexpr const char* kCopySql = R"sql(
DELETE FROM taxonomies;
INSERT INTO taxonomies(version, json, created_at) SELECT version, json, created_at FROM src.taxonomies;
INSERT INTO generation_runs(id, name, kind, base_model, decoding, test_set, test_set_hash, item_count, status)
  SELECT 1, 'side A', 'model', 'hidden', '{}', 'review package', hex(zeroblob(32)), count(*), 'done'
  FROM temp.package_comparisons
  UNION ALL SELECT 2, 'side B', 'model', 'hidden', '{}', 'review package', hex(zeroblob(32)), count(*), 'done'
  FROM temp.package_comparisons;
INSERT INTO generation_run_items(run_id, position, source, refs) SELECT r.id, k, source, refs
  FROM temp.package_comparisons, (SELECT 1 AS id UNION ALL SELECT 2) r;
INSERT INTO generations(id, model, prompt, output, generation_run_id, position)
  SELECT k * 2 + 1, 'hidden', '', output_a, 1, k FROM temp.package_comparisons
  UNION ALL SELECT k * 2 + 2, 'hidden', '', output_b, 2, k FROM temp.package_comparisons;
INSERT INTO review_sessions(id, name, item_count, reviewers_per_item, seed, created_at)
  SELECT id, name, item_count, 1, 0, created_at FROM src.review_sessions WHERE id = (SELECT session_id FROM
  temp.package_comparisons LIMIT 1);
INSERT INTO review_session_runs(session_id, run_id, ordinal) SELECT id, 1, 0 FROM review_sessions
  UNION ALL SELECT id, 2, 1 FROM review_sessions;
INSERT INTO review_comparisons(id, session_id, position, stratum, output_a, output_b)
  SELECT id, session_id, k, stratum, k * 2 + 1, k * 2 + 2 FROM temp.package_comparisons;
CREATE TABLE review_package_manifest (
  id                 INTEGER PRIMARY KEY CHECK (id = 1),
  source_project     TEXT NOT NULL,
  session_id         INTEGER NOT NULL,
  session_name       TEXT NOT NULL,
  session_created_at TEXT NOT NULL,
  reviewer           TEXT NOT NULL,
  comparisons        INTEGER NOT NULL,
  judgements         INTEGER NOT NULL
);
)sql";

constexpr const char* kJudgementColumns =
    "comparison_id, reviewer_id, verdict, safety_a, safety_b, language_a, language_b, tags_a, tags_b, comment,"
    " seconds, created_at, updated_at";

int64_t count(Database& db, const std::string& sql) {
    auto st = db.prepare(sql);
    st.step();
    return st.columnInt(0);
}

}  // namespace

std::optional<ReviewPackageManifest> readReviewPackageManifest(Database& db) {
    if (count(db, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'review_package_manifest'") == 0)
        return std::nullopt;
    auto st = db.prepare("SELECT source_project, session_id, session_name, session_created_at, reviewer, comparisons,"
                         " judgements FROM review_package_manifest WHERE id = 1");
    if (!st.step()) return std::nullopt;
    return ReviewPackageManifest{st.columnText(0), st.columnInt(1), st.columnText(2), st.columnText(3),
                                 st.columnText(4), st.columnInt(5), st.columnInt(6)};
}

ReviewPackageManifest createReviewPackage(Project& source, const std::string& session, const std::string& reviewer,
                                          const std::string& outPath) {
    if (std::filesystem::exists(outPath))
        throw core::InputError(outPath, 0, "", "already exists (hint: packages are never overwritten; pick a new name)");
    const auto person = annotatorByName(source.db(), reviewer);
    if (!person) throw core::InputError("", 0, "--reviewer", "no reviewer '" + reviewer + "' in " + source.path());
    auto found = source.db().prepare("SELECT id, created_at FROM review_sessions WHERE name = ?1");
    found.bind(1, session);
    if (!found.step())
        throw core::InputError("", 0, "--session", "no review session '" + session + "' in " + source.path() +
                                                       " (hint: `srllm review list`)");
    ReviewPackageManifest m{std::filesystem::absolute(source.path()).string(), found.columnInt(0), session,
                            found.columnText(1), reviewer, 0, 0};
    found.reset();
    try {
        auto package = Project::create(outPath);
        Database& db = package->db();
        db.prepare("ATTACH DATABASE ?1 AS src").bind(1, source.path()).run();
        {
            Transaction tx(db);
            db.prepare("CREATE TEMP TABLE package_comparisons AS SELECT c.id, c.session_id, c.stratum,"
                       " row_number() OVER (ORDER BY a.queue_order, c.id) - 1 AS k, ri.source, ri.refs,"
                       " ga.output AS output_a, gb.output AS output_b, a.queue_order"
                       " FROM src.review_assignments a JOIN src.review_comparisons c ON c.id = a.comparison_id"
                       " JOIN src.generations ga ON ga.id = c.output_a JOIN src.generations gb ON gb.id = c.output_b"
                       " JOIN src.generation_run_items ri ON ri.run_id = ga.generation_run_id AND ri.position = c.position"
                       " WHERE c.session_id = ?1 AND a.reviewer_id = ?2")
                .bind(1, m.sessionId).bind(2, person->id).run();
            m.comparisons = count(db, "SELECT count(*) FROM temp.package_comparisons");
            if (m.comparisons == 0)
                throw core::InputError("", 0, "--reviewer", "'" + reviewer + "' has no comparisons in session '" +
                                                                session + "' (hint: `srllm review assign` first)");
            db.exec(kCopySql);
            const int64_t id = ensureAnnotator(db, reviewer, person->role);
            db.prepare("INSERT INTO review_assignments(comparison_id, reviewer_id, queue_order)"
                       " SELECT id, ?1, queue_order FROM temp.package_comparisons").bind(1, id).run();
            db.prepare(std::string("INSERT INTO review_judgements(") + kJudgementColumns + ") SELECT comparison_id, ?1,"
                       " verdict, safety_a, safety_b, language_a, language_b, tags_a, tags_b, comment, seconds,"
                       " created_at, updated_at FROM src.review_judgements WHERE reviewer_id = ?2"
                       " AND comparison_id IN (SELECT id FROM temp.package_comparisons)")
                .bind(1, id).bind(2, person->id).run();
            m.judgements = db.changes();
            db.prepare("INSERT INTO review_package_manifest VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                .bind(1, m.sourceProject).bind(2, m.sessionId).bind(3, m.sessionName).bind(4, m.sessionCreatedAt)
                .bind(5, reviewer).bind(6, m.comparisons).bind(7, m.judgements).run();
            db.exec("DROP TABLE temp.package_comparisons");
            tx.commit();
        }
        db.exec("DETACH DATABASE src");
    } catch (...) {
        removeProjectFiles(outPath);
        throw;
    }
    return m;
}

ReviewMergeSummary mergeReviewPackage(Project& target, const std::string& packagePath) {
    Database& db = target.db();
    ReviewMergeSummary s;
    {
        auto package = Project::open(packagePath);
        const auto m = readReviewPackageManifest(package->db());
        if (!m)
            throw core::InputError(packagePath, 0, "review_package_manifest",
                                   "not a review package (hint: make one with `srllm review-package`)");
        s.reviewer = m->reviewer;
        s.session = m->sessionName;
        auto session = db.prepare("SELECT 1 FROM review_sessions WHERE id = ?1 AND name = ?2 AND created_at = ?3");
        session.bind(1, m->sessionId).bind(2, m->sessionName).bind(3, m->sessionCreatedAt);
        if (!session.step())
            throw core::InputError(packagePath, 0, "session",
                                   "made for review session '" + m->sessionName + "' of " + m->sourceProject +
                                       ", which " + db.path() + " does not hold (another project or session?)");
    }
    const auto reviewer = annotatorByName(db, s.reviewer);
    if (!reviewer) throw core::InputError(packagePath, 0, "reviewer", "no reviewer '" + s.reviewer + "' in " + db.path());
    try {
        db.prepare("ATTACH DATABASE ?1 AS pkg").bind(1, packagePath).run();
    } catch (const DbError& e) {  // #12 (fuzz finding 15): SQLite's refusal names the project it attaches to
        refuseDamagedPackage(packagePath, "", std::string("cannot be attached to merge it: ") + e.what());
    }
    try {
        requireIntactPackagedRows(db, "pkg", "review_judgements", packagePath);
        Transaction tx(db);
        db.prepare("CREATE TEMP TABLE merged AS SELECT p.*, t.updated_at AS ours FROM pkg.review_judgements p"
                   " LEFT JOIN main.review_judgements t ON t.comparison_id = p.comparison_id AND t.reviewer_id = ?1")
            .bind(1, reviewer->id).run();
        auto missing = db.prepare("SELECT min(comparison_id) FROM temp.merged WHERE comparison_id NOT IN"
                                  " (SELECT comparison_id FROM main.review_assignments WHERE reviewer_id = ?1)");
        missing.bind(1, reviewer->id).step();
        const int64_t unassigned = missing.columnInt(0);
        missing.reset();
        if (unassigned != 0)
            throw core::InputError(packagePath, 0, "review_judgements", "comparison " + std::to_string(unassigned) +
                                                                            " is not assigned to " + s.reviewer + " in " + db.path());
        const auto known = reviewRationaleTags(db);
        auto tags = db.prepare("SELECT comparison_id, tags_a, tags_b FROM temp.merged");
        while (tags.step())
            for (int column : {1, 2})
                for (const auto& tag : storedJson(tags, column, "tags of a packaged judgement"))
                    if (!tag.is_string() || std::none_of(known.begin(), known.end(), [&](const ReviewTag& k) { return k.key == tag; }))
                        throw core::InputError(packagePath, 0, column == 1 ? "tags_a" : "tags_b",
                                               "comparison " + std::to_string(tags.columnInt(0)) + ": unknown rationale tag " +
                                                   tag.dump() + " (hint: the project's taxonomy changed since packaging)");
        s.inserted = count(db, "SELECT count(*) FROM temp.merged WHERE ours IS NULL");
        s.unchanged = count(db, "SELECT count(*) FROM temp.merged WHERE ours = updated_at");
        s.keptNewer = count(db, "SELECT count(*) FROM temp.merged WHERE ours > updated_at");
        s.updated = count(db, "SELECT count(*) FROM temp.merged WHERE ours < updated_at");
        db.prepare(std::string("INSERT INTO main.review_judgements(") + kJudgementColumns + ") SELECT comparison_id, ?1,"
                   " verdict, safety_a, safety_b, language_a, language_b, tags_a, tags_b, comment, seconds, created_at,"
                   " updated_at FROM temp.merged WHERE ours IS NULL OR ours < updated_at"
                   " ON CONFLICT (comparison_id, reviewer_id) DO UPDATE SET verdict = excluded.verdict,"
                   " safety_a = excluded.safety_a, safety_b = excluded.safety_b, language_a = excluded.language_a,"
                   " language_b = excluded.language_b, tags_a = excluded.tags_a, tags_b = excluded.tags_b,"
                   " comment = excluded.comment, seconds = excluded.seconds, updated_at = excluded.updated_at")
            .bind(1, reviewer->id).run();
        db.exec("DROP TABLE temp.merged");
        tx.commit();
    } catch (...) {
        db.exec("DROP TABLE IF EXISTS temp.merged");
        db.exec("DETACH DATABASE pkg");
        throw;
    }
    db.exec("DETACH DATABASE pkg");
    return s;
}

}  // namespace srllm::db
