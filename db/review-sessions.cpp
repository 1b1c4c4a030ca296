#include "db/review-sessions.h"

#include <map>
#include <set>

#include "core/eval/risk-labels.h"
#include "core/stats/review-randomisation.h"
#include "db/database.h"
#include "db/generation-runs.h"
#include "db/gold.h"

namespace srllm::db {

namespace {

constexpr const char* kSessionColumns =
    "SELECT s.id, s.name, s.item_count, s.reviewers_per_item, s.seed, s.created_at,"
    " (SELECT count(*) FROM review_comparisons c WHERE c.session_id = s.id),"
    " (SELECT count(*) FROM review_judgements j JOIN review_comparisons c ON c.id = j.comparison_id"
    "  WHERE c.session_id = s.id) FROM review_sessions s";

std::vector<ReviewSessionRow> readSessions(Database& db, Statement& st) {
    std::vector<ReviewSessionRow> rows;
    while (st.step()) {
        ReviewSessionRow row;
        row.id = st.columnInt(0);
        row.name = st.columnText(1);
        row.itemCount = st.columnInt(2);
        row.reviewersPerItem = int(st.columnInt(3));
        row.seed = uint64_t(st.columnInt(4));
        row.createdAt = st.columnText(5);
        row.comparisons = st.columnInt(6);
        row.judgements = st.columnInt(7);
        rows.push_back(std::move(row));
    }
    auto runs = db.prepare("SELECT run_id, ordinal FROM review_session_runs WHERE session_id = ?1 ORDER BY ordinal");
    for (ReviewSessionRow& row : rows) {
        runs.bind(1, row.id);
        bool numbered = true;  // #12: readers index the session's runs by ordinal, so they must be 0..n-1
        while (runs.step()) {
            numbered = numbered && runs.columnInt(1) == int64_t(row.runIds.size());
            row.runIds.push_back(runs.columnInt(0));
        }
        runs.reset();
        if (!numbered || row.runIds.size() < 2)
            throw DbError(db.path() + ": review session '" + row.name + "' (id " + std::to_string(row.id) +
                          "): its runs are not two or more numbered 0 to n-1 (hint: the file is damaged or was "
                          "edited by hand)");
    }
    return rows;
}

// position -> generation id of each run's output, for positions every run has an output for.
std::map<int64_t, std::vector<int64_t>> sharedOutputs(Database& db, const std::vector<GenerationRunRow>& runs,
                                                      std::map<int64_t, std::optional<int64_t>>& itemOf) {
    std::map<int64_t, std::vector<int64_t>> shared;
    for (size_t r = 0; r < runs.size(); ++r)
        for (const RunOutputRow& row : runOutputs(db, runs[r].id)) {
            if (!row.generationId) continue;
            auto& outputs = shared[row.item.position];
            if (outputs.size() == r) outputs.push_back(*row.generationId);
            itemOf[row.item.position] = row.item.itemId;
        }
    std::erase_if(shared, [&](const auto& entry) { return entry.second.size() != runs.size(); });
    return shared;
}

}  // namespace

std::string riskStratum(Database& db, const std::optional<int64_t>& itemId) {
    const std::optional<GoldRow> gold = itemId ? goldFor(db, *itemId) : std::nullopt;
    if (!gold) return "unlabelled";
    const core::RiskLabels risks = core::risksFromTaxonomyLabels(gold->labels);
    std::string stratum;
    bool known = false;
    for (size_t r = 0; r < core::kRiskCount; ++r) {
        known = known || risks[r] != core::kLabelUnknown;
        if (risks[r] == 1) stratum += (stratum.empty() ? "" : "+") + std::string(core::kRiskNames[r]);
    }
    if (!stratum.empty()) return stratum;
    return known ? "safe" : "unlabelled";
}

ReviewSessionRow createReviewSession(Database& db, const ReviewSessionSpec& spec) {
    const std::string where = db.path() + ": review session '" + spec.name + "': ";
    if (spec.name.empty()) throw DbError(db.path() + ": a review session needs a name");
    if (spec.runIds.size() < 2) throw DbError(where + "needs at least two runs to compare");
    if (std::set<int64_t>(spec.runIds.begin(), spec.runIds.end()).size() != spec.runIds.size())
        throw DbError(where + "a run is listed twice");
    if (spec.items < 1 || spec.reviewersPerItem < 1)
        throw DbError(where + "items and reviewers per item must be at least 1");
    std::vector<GenerationRunRow> runs;
    for (int64_t id : spec.runIds) {
        auto run = generationRunById(db, id);
        if (!run) throw DbError(where + "no generation run with id " + std::to_string(id));
        if (!runs.empty() && run->testSetHash != runs.front().testSetHash)
            throw DbError(where + "runs '" + runs.front().spec.name + "' and '" + run->spec.name +
                          "' were made on different test sets (hint: compare runs over the same split or file)");
        runs.push_back(std::move(*run));
    }
    if (reviewSessionByName(db, spec.name)) throw DbError(where + "the name is taken");

    Transaction tx(db);
    std::map<int64_t, std::optional<int64_t>> itemOf;
    const auto shared = sharedOutputs(db, runs, itemOf);
    if (shared.empty()) throw DbError(where + "no test item has an output from every run (hint: finish the runs first)");
    std::vector<int64_t> positions;
    std::vector<std::string> strata;
    for (const auto& [position, outputs] : shared) {
        positions.push_back(position);
        strata.push_back(riskStratum(db, itemOf[position]));
    }
    const std::vector<int64_t> drawn = core::stratifiedSample(strata, spec.items, spec.seed);

    auto session = db.prepare("INSERT INTO review_sessions(name, item_count, reviewers_per_item, seed) VALUES (?1, ?2, ?3, ?4)");
    session.bind(1, spec.name).bind(2, int64_t(drawn.size())).bind(3, spec.reviewersPerItem).bind(4, int64_t(spec.seed)).run();
    const int64_t sessionId = db.lastInsertId();
    auto runRow = db.prepare("INSERT INTO review_session_runs(session_id, run_id, ordinal) VALUES (?1, ?2, ?3)");
    for (size_t r = 0; r < runs.size(); ++r) {
        runRow.bind(1, sessionId).bind(2, runs[r].id).bind(3, int64_t(r)).run();
        runRow.reset();
    }
    auto comparison = db.prepare(
        "INSERT INTO review_comparisons(session_id, position, stratum, output_a, output_b) VALUES (?1, ?2, ?3, ?4, ?5)");
    uint64_t pairIndex = 0;
    for (size_t first = 0; first < runs.size(); ++first)
        for (size_t second = first + 1; second < runs.size(); ++second, ++pairIndex) {
            const std::vector<bool> firstOnLeft = core::balancedSides(int64_t(drawn.size()), spec.seed + pairIndex + 1);
            for (size_t k = 0; k < drawn.size(); ++k) {
                const auto& outputs = shared.at(positions[size_t(drawn[k])]);
                const int64_t a = firstOnLeft[k] ? outputs[first] : outputs[second];
                const int64_t b = firstOnLeft[k] ? outputs[second] : outputs[first];
                comparison.bind(1, sessionId).bind(2, positions[size_t(drawn[k])]).bind(3, strata[size_t(drawn[k])])
                    .bind(4, a).bind(5, b).run();
                comparison.reset();
            }
        }
    tx.commit();
    return *reviewSessionById(db, sessionId);
}

std::optional<ReviewSessionRow> reviewSessionByName(Database& db, const std::string& name) {
    auto st = db.prepare(std::string(kSessionColumns) + " WHERE s.name = ?1");
    st.bind(1, name);
    auto rows = readSessions(db, st);
    if (rows.empty()) return std::nullopt;
    return std::move(rows.front());
}

std::optional<ReviewSessionRow> reviewSessionById(Database& db, int64_t id) {
    auto st = db.prepare(std::string(kSessionColumns) + " WHERE s.id = ?1");
    st.bind(1, id);
    auto rows = readSessions(db, st);
    if (rows.empty()) return std::nullopt;
    return std::move(rows.front());
}

std::vector<ReviewSessionRow> listReviewSessions(Database& db) {
    auto st = db.prepare(std::string(kSessionColumns) + " ORDER BY s.id");
    return readSessions(db, st);
}

int64_t assignReviewers(Database& db, int64_t sessionId, const std::vector<int64_t>& reviewerIds) {
    const auto session = reviewSessionById(db, sessionId);
    if (!session) throw DbError(db.path() + ": no review session with id " + std::to_string(sessionId));
    const auto n = int64_t(reviewerIds.size());
    if (std::set<int64_t>(reviewerIds.begin(), reviewerIds.end()).size() != reviewerIds.size())
        throw DbError(db.path() + ": review session '" + session->name + "': a reviewer is listed twice");
    if (session->reviewersPerItem > n)
        throw DbError(db.path() + ": review session '" + session->name + "' needs " +
                      std::to_string(session->reviewersPerItem) + " reviewers per item, " + std::to_string(n) +
                      " given (hint: name more reviewers)");
    Transaction tx(db);
    std::vector<std::pair<int64_t, int64_t>> comparisons;  // (id, position)
    auto list = db.prepare("SELECT id, position FROM review_comparisons WHERE session_id = ?1 ORDER BY id");
    list.bind(1, sessionId);
    while (list.step()) comparisons.emplace_back(list.columnInt(0), list.columnInt(1));
    std::map<int64_t, std::set<int64_t>> reviewersOf, positionsSeen;  // comparison -> reviewers, reviewer -> positions
    auto existing = db.prepare("SELECT a.comparison_id, a.reviewer_id, c.position FROM review_assignments a"
                               " JOIN review_comparisons c ON c.id = a.comparison_id WHERE c.session_id = ?1");
    existing.bind(1, sessionId);
    while (existing.step()) {
        reviewersOf[existing.columnInt(0)].insert(existing.columnInt(1));
        positionsSeen[existing.columnInt(1)].insert(existing.columnInt(2));
    }
    // Queue order: a seeded permutation of the comparisons, so a reviewer never sees one run pair in a block.
    const std::vector<int64_t> order = core::seededPermutation(int64_t(comparisons.size()), session->seed);
    auto insert = db.prepare("INSERT INTO review_assignments(comparison_id, reviewer_id, queue_order) VALUES (?1, ?2, ?3)");
    int64_t added = 0;
    for (size_t k = 0; k < comparisons.size(); ++k) {
        const auto [comparison, position] = comparisons[k];
        std::set<int64_t>& have = reviewersOf[comparison];
        // First pass: reviewers who have not seen this item in another run pair; then anyone, when too few.
        for (int pass = 0; pass < 2; ++pass)
            for (int64_t j = 0; j < n && int64_t(have.size()) < session->reviewersPerItem; ++j) {
                const int64_t reviewer = reviewerIds[size_t((int64_t(k) * session->reviewersPerItem + j) % n)];
                if (have.count(reviewer) || (pass == 0 && positionsSeen[reviewer].count(position))) continue;
                have.insert(reviewer);
                positionsSeen[reviewer].insert(position);
                insert.bind(1, comparison).bind(2, reviewer).bind(3, order[k]).run();
                insert.reset();
                ++added;
            }
    }
    tx.commit();
    return added;
}

}  // namespace srllm::db
