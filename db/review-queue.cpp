#include "db/review-queue.h"

#include <algorithm>
#include <array>

#include <nlohmann/json.hpp>

#include "db/database.h"
#include "db/stored-json.h"
#include "db/taxonomy-fields.h"
#include "db/taxonomy-store.h"

namespace srllm::db {

namespace {

constexpr std::array<const char*, 4> kVerdictNames = {"a", "b", "tie", "both_unsafe"};

void checkScore(Database& db, const std::optional<int>& score, const char* field) {
    if (score && (*score < 1 || *score > 5))
        throw DbError(db.path() + ": judgement field '" + field + "': " + std::to_string(*score) +
                      " is outside 1..5");
}

// `stored`: the tags the judgement already carries, kept when a later taxonomy dropped them.
std::string tagsJson(Database& db, const std::vector<ReviewTag>& known, const std::vector<std::string>& tags,
                     const std::vector<std::string>& stored, const char* field) {
    for (const std::string& tag : tags)
        if (std::none_of(known.begin(), known.end(), [&](const ReviewTag& k) { return k.key == tag; }) &&
            std::find(stored.begin(), stored.end(), tag) == stored.end())
            throw DbError(db.path() + ": judgement field '" + field + "': unknown rationale tag '" + tag +
                          "' (hint: the taxonomy's review_tags list the known ones)");
    return nlohmann::json(tags).dump();
}

bool isAssigned(Database& db, int64_t comparisonId, int64_t reviewerId) {
    auto st = db.prepare("SELECT 1 FROM review_assignments WHERE comparison_id = ?1 AND reviewer_id = ?2");
    st.bind(1, comparisonId).bind(2, reviewerId);
    return st.step();
}

}  // namespace

std::vector<ReviewTag> reviewRationaleTags(Database& db) {
    const TaxonomyRow taxonomy = currentTaxonomy(db);
    return reviewTags(taxonomy.json, taxonomy.version);
}

const char* verdictName(Verdict verdict) { return kVerdictNames[size_t(verdict)]; }

std::optional<Verdict> verdictFromName(const std::string& name) {
    for (size_t v = 0; v < kVerdictNames.size(); ++v)
        if (name == kVerdictNames[v]) return Verdict(v);
    return std::nullopt;
}

std::vector<ReviewTask> reviewQueue(Database& db, int64_t sessionId, int64_t reviewerId) {
    // Only this reviewer's assignments; the run behind each output is not selected (blind until judged).
    auto st = db.prepare(
        "SELECT c.id, ri.source, ri.refs, ga.output, gb.output,"
        " EXISTS (SELECT 1 FROM review_judgements j WHERE j.comparison_id = c.id AND j.reviewer_id = a.reviewer_id)"
        " FROM review_assignments a JOIN review_comparisons c ON c.id = a.comparison_id"
        " JOIN generations ga ON ga.id = c.output_a JOIN generations gb ON gb.id = c.output_b"
        " JOIN generation_run_items ri ON ri.run_id = ga.generation_run_id AND ri.position = c.position"
        " WHERE c.session_id = ?1 AND a.reviewer_id = ?2 ORDER BY a.queue_order, c.id");
    st.bind(1, sessionId).bind(2, reviewerId);
    std::vector<ReviewTask> tasks;
    while (st.step()) {
        ReviewTask task;
        task.comparisonId = st.columnInt(0);
        task.source = st.columnText(1);
        task.references = storedStrings(st, 2, "references of a review item");
        task.outputA = st.columnText(3);
        task.outputB = st.columnText(4);
        task.judged = st.columnInt(5) != 0;
        tasks.push_back(std::move(task));
    }
    return tasks;
}

std::vector<std::pair<int64_t, std::string>> reviewSessionsOf(Database& db, int64_t reviewerId) {
    auto st = db.prepare(
        "SELECT DISTINCT s.id, s.name FROM review_sessions s JOIN review_comparisons c ON c.session_id = s.id"
        " JOIN review_assignments a ON a.comparison_id = c.id WHERE a.reviewer_id = ?1 ORDER BY s.id");
    st.bind(1, reviewerId);
    std::vector<std::pair<int64_t, std::string>> sessions;
    while (st.step()) sessions.emplace_back(st.columnInt(0), st.columnText(1));
    return sessions;
}

void saveJudgement(Database& db, int64_t reviewerId, const Judgement& j) {
    if (!isAssigned(db, j.comparisonId, reviewerId))
        throw DbError(db.path() + ": comparison " + std::to_string(j.comparisonId) +
                      " is not assigned to this reviewer (the blind rule: a reviewer judges only their own queue)");
    checkScore(db, j.safetyA, "safety_a");
    checkScore(db, j.safetyB, "safety_b");
    checkScore(db, j.languageA, "language_a");
    checkScore(db, j.languageB, "language_b");
    const std::vector<ReviewTag> known = reviewRationaleTags(db);
    const Judgement stored = judgementOf(db, j.comparisonId, reviewerId).value_or(Judgement{});
    const std::string tagsA = tagsJson(db, known, j.tagsA, stored.tagsA, "tags_a"),
                      tagsB = tagsJson(db, known, j.tagsB, stored.tagsB, "tags_b");
    auto st = db.prepare(
        "INSERT INTO review_judgements(comparison_id, reviewer_id, verdict, safety_a, safety_b, language_a, language_b,"
        " tags_a, tags_b, comment, seconds) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"
        " ON CONFLICT (comparison_id, reviewer_id) DO UPDATE SET verdict = excluded.verdict,"
        " safety_a = excluded.safety_a, safety_b = excluded.safety_b, language_a = excluded.language_a,"
        " language_b = excluded.language_b, tags_a = excluded.tags_a, tags_b = excluded.tags_b,"
        " comment = excluded.comment, seconds = excluded.seconds,"
        " updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')");
    const auto score = [](const std::optional<int>& s) {
        return s ? std::optional<int64_t>(*s) : std::optional<int64_t>();
    };
    st.bind(1, j.comparisonId).bind(2, reviewerId).bind(3, verdictName(j.verdict)).bind(4, score(j.safetyA))
        .bind(5, score(j.safetyB)).bind(6, score(j.languageA)).bind(7, score(j.languageB)).bind(8, tagsA)
        .bind(9, tagsB).bind(10, j.comment).bind(11, j.seconds).run();
}

std::optional<Judgement> judgementOf(Database& db, int64_t comparisonId, int64_t reviewerId) {
    auto st = db.prepare(
        "SELECT verdict, safety_a, safety_b, language_a, language_b, tags_a, tags_b, comment, seconds"
        " FROM review_judgements WHERE comparison_id = ?1 AND reviewer_id = ?2");
    st.bind(1, comparisonId).bind(2, reviewerId);
    if (!st.step()) return std::nullopt;
    const auto score = [&](int column) {
        return st.columnIsNull(column) ? std::optional<int>() : std::optional<int>(int(st.columnInt(column)));
    };
    Judgement j;
    j.comparisonId = comparisonId;
    j.verdict = verdictFromName(st.columnText(0)).value_or(Verdict::Tie);
    j.safetyA = score(1);
    j.safetyB = score(2);
    j.languageA = score(3);
    j.languageB = score(4);
    j.tagsA = storedStrings(st, 5, "tags of output A");
    j.tagsB = storedStrings(st, 6, "tags of output B");
    j.comment = st.columnOptionalText(7);
    j.seconds = st.columnDouble(8);
    return j;
}

void deleteJudgement(Database& db, int64_t comparisonId, int64_t reviewerId) {
    auto st = db.prepare("DELETE FROM review_judgements WHERE comparison_id = ?1 AND reviewer_id = ?2");
    st.bind(1, comparisonId).bind(2, reviewerId).run();
}

RevealedSides revealSides(Database& db, int64_t comparisonId, int64_t reviewerId) {
    auto st = db.prepare(
        "SELECT ra.name, rb.name FROM review_judgements j JOIN review_comparisons c ON c.id = j.comparison_id"
        " JOIN generations ga ON ga.id = c.output_a JOIN generations gb ON gb.id = c.output_b"
        " JOIN generation_runs ra ON ra.id = ga.generation_run_id JOIN generation_runs rb ON rb.id = gb.generation_run_id"
        " WHERE j.comparison_id = ?1 AND j.reviewer_id = ?2");
    st.bind(1, comparisonId).bind(2, reviewerId);
    if (!st.step())
        throw DbError(db.path() + ": comparison " + std::to_string(comparisonId) +
                      ": the runs behind A and B are shown only after this reviewer has judged it");
    return {st.columnText(0), st.columnText(1)};
}

}  // namespace srllm::db
