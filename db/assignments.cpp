#include "db/assignments.h"

#include <set>
#include <string>

#include "db/database.h"

namespace srllm::db {

void assignItems(Database& db, int overlapK, const std::vector<int64_t>& annotatorIds) {
    const auto n = static_cast<int64_t>(annotatorIds.size());
    if (std::set<int64_t>(annotatorIds.begin(), annotatorIds.end()).size() != annotatorIds.size())
        throw DbError(db.path() + ": assignment: an annotator is listed twice");
    if (overlapK < 1 || overlapK > n)
        throw DbError(db.path() + ": assignment: overlap " + std::to_string(overlapK) + " with " +
                      std::to_string(n) + " annotators (hint: overlap must be between 1 and the number of annotators)");
    Transaction tx(db);
    auto items = db.prepare("SELECT id FROM items ORDER BY id");
    auto existing = db.prepare("SELECT annotator_id FROM assignments WHERE item_id = ?1");
    auto insert = db.prepare("INSERT INTO assignments(item_id, annotator_id) VALUES (?1, ?2)");
    // Item at position i starts at annotator (i*k) mod n, so load spreads evenly and reruns are stable.
    for (int64_t position = 0; items.step(); ++position) {
        const int64_t itemId = items.columnInt(0);
        std::set<int64_t> have;
        existing.bind(1, itemId);
        while (existing.step()) have.insert(existing.columnInt(0));
        existing.reset();
        for (int64_t j = 0; j < n && static_cast<int64_t>(have.size()) < overlapK; ++j) {
            const int64_t annotator = annotatorIds[static_cast<size_t>((position * overlapK + j) % n)];
            if (!have.insert(annotator).second) continue;
            insert.bind(1, itemId).bind(2, annotator).run();
            insert.reset();
        }
    }
    tx.commit();
}

std::vector<int64_t> assignedItems(Database& db, int64_t annotatorId) {
    auto st = db.prepare("SELECT item_id FROM assignments WHERE annotator_id = ?1 ORDER BY item_id");
    st.bind(1, annotatorId);
    std::vector<int64_t> ids;
    while (st.step()) ids.push_back(st.columnInt(0));
    return ids;
}

}  // namespace srllm::db
