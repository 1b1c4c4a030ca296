#include "db/rereview.h"

#include <set>

#include <nlohmann/json.hpp>

#include "core/data/taxonomy-diff.h"
#include "db/database.h"
#include "db/taxonomy-store.h"

namespace srllm::db {

namespace {

std::string quoted(const std::set<std::string>& keys) {
    std::string out;
    for (const auto& k : keys) out += (out.empty() ? "'" : ", '") + k + "'";
    return out;
}

}  // namespace

ReReviewSummary markForReReview(Database& db, int toVersion) {
    ReReviewSummary summary;
    const auto before = taxonomyVersion(db, toVersion - 1);
    const auto after = taxonomyVersion(db, toVersion);
    if (!before || !after) return summary;
    const core::TaxonomyDiff diff = core::diffTaxonomies(before->json, after->json);
    std::set<std::string> reworded(diff.fieldsReworded.begin(), diff.fieldsReworded.end());
    std::set<std::string> valuesChanged(diff.fieldsRetyped.begin(), diff.fieldsRetyped.end());
    for (const auto& v : diff.valuesAdded) valuesChanged.insert(v.field);
    for (const auto& v : diff.valuesRemoved) valuesChanged.insert(v.field);
    const std::set<std::string> added(diff.fieldsAdded.begin(), diff.fieldsAdded.end());
    std::set<std::string> affected = reworded;
    affected.insert(valuesChanged.begin(), valuesChanged.end());
    if (affected.empty() && added.empty()) return summary;

    std::string reason = "taxonomy v" + std::to_string(toVersion) + ":";
    if (!reworded.empty()) reason += " guideline of " + quoted(reworded) + " changed;";
    if (!valuesChanged.empty()) reason += " values of " + quoted(valuesChanged) + " changed;";
    if (!added.empty()) reason += " new field " + quoted(added) + ";";
    reason.pop_back();
    summary.reason = reason;
    // A new field concerns every done annotation; a changed one those that hold it.
    auto st = db.prepare(
        "UPDATE annotations SET review_reason = ?2 WHERE status = 'done' AND taxonomy_version < ?1"
        " AND (?3 OR EXISTS (SELECT 1 FROM json_each(labels) l WHERE l.key IN (SELECT value FROM json_each(?4))))");
    st.bind(1, toVersion).bind(2, reason).bind(3, added.empty() ? 0 : 1);
    st.bind(4, nlohmann::json(std::vector<std::string>(affected.begin(), affected.end())).dump()).run();
    summary.annotations = db.changes();
    return summary;
}

}  // namespace srllm::db
