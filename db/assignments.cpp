#include "db/assignments.h"

#include <algorithm>
#include <random>
#include <set>
#include <string>

#include "db/access.h"
#include "db/database.h"
#include "db/json-key-path.h"

namespace srllm::db {

namespace {

void checkAnnotators(Database& db, const AssignOptions& options) {
    const auto n = static_cast<int64_t>(options.annotatorIds.size());
    if (std::set<int64_t>(options.annotatorIds.begin(), options.annotatorIds.end()).size() != options.annotatorIds.size())
        throw DbError(db.path() + ": assignment: an annotator is listed twice");
    if (options.overlap < 1 || options.overlap > n)
        throw DbError(db.path() + ": assignment: overlap " + std::to_string(options.overlap) + " with " +
                      std::to_string(n) + " annotators (hint: overlap must be between 1 and the number of annotators)");
    auto exists = db.prepare("SELECT 1 FROM annotators WHERE id = ?1");
    for (int64_t id : options.annotatorIds) {
        exists.bind(1, id);
        if (!exists.step()) throw DbError(db.path() + ": assignment: no annotator with id " + std::to_string(id));
        exists.reset();
    }
}

// Fisher-Yates with rng() % n, so a seed gives the same order with every standard library.
void seededShuffle(std::vector<int64_t>& ids, uint64_t seed) {
    std::mt19937_64 rng(seed);
    for (size_t i = ids.size(); i > 1; --i) std::swap(ids[i - 1], ids[static_cast<size_t>(rng() % i)]);
}

// Items grouped by their stratum value (in value order), each group keeping the given order.
std::vector<int64_t> stratified(Database& db, const std::vector<int64_t>& ids, const std::string& key,
                                std::map<std::string, int64_t>& strata) {
    const std::string path = jsonKeyPath(key);
    auto st = db.prepare("SELECT coalesce(json_extract(metadata, ?2), '') FROM items WHERE id = ?1");
    std::map<std::string, std::vector<int64_t>> groups;
    for (int64_t id : ids) {
        st.bind(1, id).bind(2, path);
        groups[st.step() ? st.columnText(0) : std::string()].push_back(id);
        st.reset();
    }
    std::vector<int64_t> out;
    for (auto& [value, members] : groups) {
        strata[value.empty() ? "(none)" : value] = static_cast<int64_t>(members.size());
        out.insert(out.end(), members.begin(), members.end());
    }
    return out;
}

}  // namespace

AssignSummary assignItems(Database& db, const std::vector<int64_t>& itemIds, const AssignOptions& options) {
    requireFullAccess(db, "assigning items");
    checkAnnotators(db, options);
    AssignSummary summary;
    std::vector<int64_t> order = itemIds;
    std::sort(order.begin(), order.end());
    order.erase(std::unique(order.begin(), order.end()), order.end());
    if (options.seed != 0) seededShuffle(order, options.seed);
    if (!options.stratifyKey.empty()) order = stratified(db, order, options.stratifyKey, summary.strata);

    const auto& annotators = options.annotatorIds;
    const auto n = static_cast<int64_t>(annotators.size());
    const int64_t k = options.overlap;
    std::map<int64_t, int64_t> load;  // Balanced: every assignment the annotator holds
    auto count = db.prepare("SELECT count(*) FROM assignments WHERE annotator_id = ?1");
    for (int64_t id : annotators) {
        count.bind(1, id).step();
        load[id] = count.columnInt(0);
        count.reset();
    }
    Transaction tx(db);
    auto existing = db.prepare("SELECT annotator_id, reason FROM assignments WHERE item_id = ?1");
    auto insert = db.prepare("INSERT INTO assignments(item_id, annotator_id) VALUES (?1, ?2)");
    int64_t position = 0;
    for (int64_t itemId : order) {
        std::set<int64_t> have;
        int64_t assigned = 0;
        existing.bind(1, itemId);
        while (existing.step()) {
            have.insert(existing.columnInt(0));
            assigned += existing.columnText(1) == "assigned" ? 1 : 0;
        }
        existing.reset();
        if (assigned >= k) continue;
        std::vector<int64_t> picks;
        if (options.strategy == AssignStrategy::RoundRobin) {
            for (int64_t j = 0; j < n && assigned + static_cast<int64_t>(picks.size()) < k; ++j) {
                const int64_t annotator = annotators[static_cast<size_t>((position * k + j) % n)];
                if (!have.count(annotator)) picks.push_back(annotator);
            }
        } else {
            std::vector<int64_t> byLoad;
            for (int64_t id : annotators)
                if (!have.count(id)) byLoad.push_back(id);
            // stable: equal loads keep the listed order, so the result is deterministic
            std::stable_sort(byLoad.begin(), byLoad.end(), [&](int64_t a, int64_t b) { return load[a] < load[b]; });
            byLoad.resize(static_cast<size_t>(std::min<int64_t>(k - assigned, static_cast<int64_t>(byLoad.size()))));
            picks = byLoad;
        }
        for (int64_t annotator : picks) {
            insert.bind(1, itemId).bind(2, annotator).run();
            insert.reset();
            ++load[annotator];
            ++summary.perAnnotator[annotator];
            ++summary.assignments;
        }
        ++summary.items;
        ++position;
    }
    tx.commit();
    return summary;
}

std::vector<int64_t> assignedItems(Database& db, int64_t annotatorId) {
    auto st = db.prepare("SELECT item_id FROM assignments WHERE annotator_id = ?1 ORDER BY item_id");
    st.bind(1, annotatorId);
    std::vector<int64_t> ids;
    while (st.step()) ids.push_back(st.columnInt(0));
    return ids;
}

ReassignSummary reassignItems(Database& db, int64_t from, int64_t to) {
    requireFullAccess(db, "reassigning items");
    if (from == to) throw DbError(db.path() + ": reassignment: the same annotator twice");
    for (int64_t id : {from, to}) {
        auto exists = db.prepare("SELECT 1 FROM annotators WHERE id = ?1");
        if (!exists.bind(1, id).step())
            throw DbError(db.path() + ": reassignment: no annotator with id " + std::to_string(id));
    }
    constexpr const char* kDone =
        "EXISTS (SELECT 1 FROM annotations a WHERE a.item_id = s.item_id AND a.annotator_id = s.annotator_id"
        " AND a.status = 'done')";
    constexpr const char* kShared =
        "EXISTS (SELECT 1 FROM assignments t WHERE t.item_id = s.item_id AND t.annotator_id = ?2)";
    ReassignSummary summary;
    Transaction tx(db);
    const auto countWhere = [&](const std::string& condition) {
        // ?2 IS NOT NULL only gives every statement the ?2 its conditions may use.
        auto st = db.prepare("SELECT count(*) FROM assignments s WHERE s.annotator_id = ?1 AND ?2 IS NOT NULL AND " +
                             condition);
        st.bind(1, from).bind(2, to).step();
        return st.columnInt(0);
    };
    summary.keptDone = countWhere(kDone);
    summary.shared = countWhere(std::string("NOT ") + kDone + " AND " + kShared);
    db.prepare(std::string("UPDATE assignments AS s SET annotator_id = ?2, assigned_at = strftime('%Y-%m-%dT%H:%M:%fZ',"
                           " 'now') WHERE s.annotator_id = ?1 AND NOT ") + kDone + " AND NOT " + kShared)
        .bind(1, from).bind(2, to).run();
    summary.moved = db.changes();
    db.prepare(std::string("DELETE FROM assignments AS s WHERE s.annotator_id = ?1 AND NOT ") + kDone + " AND " + kShared)
        .bind(1, from).bind(2, to).run();
    tx.commit();
    return summary;
}

bool projectAssignsItems(Database& db) {
    auto st = db.prepare("SELECT EXISTS (SELECT 1 FROM assignments)");
    st.step();
    return st.columnInt(0) != 0;
}

std::vector<std::string> metadataKeys(Database& db, int64_t sample) {
    auto st = db.prepare("SELECT DISTINCT k.key FROM (SELECT metadata FROM items ORDER BY id LIMIT ?1) i,"
                         " json_each(i.metadata) k ORDER BY k.key");
    st.bind(1, sample);
    std::vector<std::string> keys;
    while (st.step()) keys.push_back(st.columnText(0));
    return keys;
}

}  // namespace srllm::db
