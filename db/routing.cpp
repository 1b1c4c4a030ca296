#include "db/routing.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <utility>

#include "core/common/diagnostics.h"
#include "db/annotations.h"
#include "db/database.h"
#include "db/project-settings.h"
#include "db/stored-json.h"
#include "db/taxonomy-fields.h"
#include "db/taxonomy-store.h"

namespace srllm::db {

namespace {

constexpr const char* kSettingKey = "routing";

std::string percent(double share) { return std::to_string(static_cast<int>(std::lround(share * 100))) + "%"; }

// "bias: 1 of 2 agree (50% < 75%)" for every counted field below the threshold; empty when none is.
std::string disputes(const std::vector<AnnotationRow>& done, const std::vector<TaxonomyField>& fields,
                     const RoutingPolicy& policy) {
    std::string out;
    for (const auto& field : fields) {
        if (!policy.fields.empty() &&
            std::find(policy.fields.begin(), policy.fields.end(), field.key) == policy.fields.end())
            continue;
        const FieldVotes votes = fieldVotes(field, done);
        if (votes.votes < 2) continue;
        int largest = 0;
        for (const auto& [value, count] : votes.groups) largest = std::max(largest, count);
        const double share = static_cast<double>(largest) / votes.votes;
        if (share >= policy.threshold) continue;
        out += (out.empty() ? "" : "; ") + field.key + ": " + std::to_string(largest) + " of " +
               std::to_string(votes.votes) + " agree (" + percent(share) + " < " + percent(policy.threshold) + ")";
    }
    return out;
}

// The person of `role` with the fewest open assignments who is not on the item yet (lowest id on ties).
std::optional<int64_t> leastLoaded(Database& db, int64_t itemId, const std::string& role, bool skipAnnotated) {
    auto st = db.prepare(
        "SELECT p.id FROM annotators p WHERE p.role = ?2"
        " AND NOT EXISTS (SELECT 1 FROM assignments s WHERE s.item_id = ?1 AND s.annotator_id = p.id"
        "  AND (?3 OR s.reason <> 'assigned'))"
        " AND NOT (?3 AND EXISTS (SELECT 1 FROM annotations a WHERE a.item_id = ?1 AND a.annotator_id = p.id))"
        " ORDER BY (SELECT count(*) FROM assignments s WHERE s.annotator_id = p.id AND NOT EXISTS"
        "  (SELECT 1 FROM annotations a WHERE a.item_id = s.item_id AND a.annotator_id = p.id"
        "   AND a.status = 'done')), p.id LIMIT 1");
    st.bind(1, itemId).bind(2, role).bind(3, skipAnnotated ? 1 : 0);
    if (!st.step()) return std::nullopt;
    return st.columnInt(0);
}

// The threshold or target outside what routing understands, as the field and what is wrong with it.
std::optional<std::pair<std::string, std::string>> valueProblem(const RoutingPolicy& policy) {
    if (!(policy.threshold > 0 && policy.threshold <= 1))
        return std::pair{"threshold", "must be a share above 0 and at most 1 (1 routes any disagreement), not " + std::to_string(policy.threshold)};
    if (policy.target != "annotator" && policy.target != "expert")
        return std::pair{"target", "'" + policy.target + "' is not annotator or expert"};
    return std::nullopt;
}

}  // namespace

RoutingPolicy routingPolicy(Database& db) {
    RoutingPolicy policy;
    const auto stored = projectSetting(db, kSettingKey);
    if (!stored) return policy;
    // #12: value("threshold", 1.0) threw nlohmann's type_error, with no file, from every save that routes.
    const auto damaged = [&](const std::string& problem) { throwDamaged(db, std::string("project setting '") + kSettingKey + "'", problem); };
    if (!stored->is_object()) damaged("expected an object");
    const auto member = [&](const char* key, bool (nlohmann::json::*isKind)() const noexcept, const char* kind) -> const nlohmann::json* {
        const auto it = stored->find(key);
        if (it == stored->end()) return nullptr;
        if (!((*it).*isKind)()) damaged(std::string(key) + ": expected " + kind + ", found " + it->dump());
        return &*it;
    };
    if (const auto* v = member("enabled", &nlohmann::json::is_boolean, "true or false")) policy.enabled = v->get<bool>();
    if (const auto* v = member("threshold", &nlohmann::json::is_number, "a number")) policy.threshold = v->get<double>();
    if (const auto* v = member("target", &nlohmann::json::is_string, "\"annotator\" or \"expert\"")) policy.target = v->get<std::string>();
    if (const auto* v = member("fields", &nlohmann::json::is_array, "a list of field keys"))
        for (const auto& key : *v) {
            if (!key.is_string()) damaged("fields: expected a list of field keys, found " + key.dump() + " in it");
            policy.fields.push_back(key.get<std::string>());
        }
    if (const auto problem = valueProblem(policy)) damaged(problem->first + ": " + problem->second);
    return policy;
}

void setRoutingPolicy(Database& db, const RoutingPolicy& policy) {
    if (const auto problem = valueProblem(policy)) throw core::InputError("", 0, problem->first, problem->second);
    const TaxonomyRow taxonomy = currentTaxonomy(db);
    const auto fields = taxonomyFields(taxonomy.json, taxonomy.version);
    for (const auto& key : policy.fields)
        if (std::none_of(fields.begin(), fields.end(), [&](const TaxonomyField& f) { return f.key == key; }))
            throw core::InputError("", 0, "fields",
                                   "'" + key + "' is not a field of taxonomy v" + std::to_string(taxonomy.version));
    setProjectSetting(db, kSettingKey,
                      {{"enabled", policy.enabled}, {"threshold", policy.threshold}, {"fields", policy.fields},
                       {"target", policy.target}});
}

std::vector<RoutingDecision> routeItem(Database& db, int64_t itemId) {
    const RoutingPolicy policy = routingPolicy(db);
    if (!policy.enabled) return {};
    const auto done = doneAnnotationsOfItemForFigures(db, itemId);
    if (done.size() < 2) return {};
    const TaxonomyRow taxonomy = currentTaxonomy(db);
    const std::string detail = disputes(done, taxonomyFields(taxonomy.json, taxonomy.version), policy);
    if (detail.empty()) return {};
    // Earlier routings of this item: 'expert' ends it; an unfinished extra annotator means wait.
    auto earlier = db.prepare(
        "SELECT s.reason, EXISTS (SELECT 1 FROM annotations a WHERE a.item_id = s.item_id"
        " AND a.annotator_id = s.annotator_id AND a.status = 'done') FROM assignments s"
        " WHERE s.item_id = ?1 AND s.reason <> 'assigned'");
    earlier.bind(1, itemId);
    bool extraRouted = false;
    while (earlier.step()) {
        if (earlier.columnText(0) == "expert") return {};
        if (earlier.columnInt(1) == 0) return {};
        extraRouted = true;
    }
    RoutingDecision decision{itemId, 0, "", detail};
    if (policy.target == "annotator" && !extraRouted) {
        if (const auto annotator = leastLoaded(db, itemId, "annotator", true)) {
            decision.annotatorId = *annotator;
            decision.reason = "disagreement";
        }
    }
    if (decision.annotatorId == 0) {
        const auto expert = leastLoaded(db, itemId, "expert", false);
        if (!expert) return {};
        decision.annotatorId = *expert;
        decision.reason = "expert";
    }
    db.prepare("INSERT INTO assignments(item_id, annotator_id, reason, detail) VALUES (?1, ?2, ?3, ?4)"
               " ON CONFLICT(item_id, annotator_id) DO UPDATE SET reason = excluded.reason, detail = excluded.detail")
        .bind(1, itemId).bind(2, decision.annotatorId).bind(3, decision.reason).bind(4, decision.detail).run();
    return {decision};
}

std::vector<RoutingDecision> routeDisagreements(Database& db) {
    if (!routingPolicy(db).enabled) return {};
    Transaction tx(db);
    std::vector<int64_t> items;
    auto st = db.prepare("SELECT item_id FROM annotations WHERE status = 'done' GROUP BY item_id HAVING count(*) >= 2");
    while (st.step()) items.push_back(st.columnInt(0));
    std::vector<RoutingDecision> out;
    for (int64_t itemId : items)
        for (auto& decision : routeItem(db, itemId)) out.push_back(std::move(decision));
    tx.commit();
    return out;
}

}  // namespace srllm::db
