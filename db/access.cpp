#include "db/access.h"

#include <string>

namespace srllm::db {

bool isBlind(const Database& db) { return db.reader() && db.reader()->role != "expert"; }

int64_t readerId(const Database& db) { return db.reader() ? db.reader()->annotatorId : 0; }

void requireFullAccess(const Database& db, std::string_view what) {
    if (!isBlind(db)) return;
    throw AccessDenied(db.path() + ": " + std::string(what) + " is for experts; annotator " +
                       std::to_string(db.reader()->annotatorId) + " has role '" + db.reader()->role +
                       "' (hint: annotation is blind until an item is adjudicated)");
}

bool mayReadOthersOn(Database& db, int64_t itemId) {
    if (!isBlind(db)) return true;
    auto st = db.prepare(
        "SELECT EXISTS (SELECT 1 FROM gold WHERE item_id = ?1)"
        " AND NOT EXISTS (SELECT 1 FROM assignments s WHERE s.item_id = ?1 AND s.annotator_id = ?2"
        "  AND NOT EXISTS (SELECT 1 FROM annotations a WHERE a.item_id = ?1 AND a.annotator_id = ?2"
        "   AND a.status = 'done'))"
        " AND NOT EXISTS (SELECT 1 FROM annotations a WHERE a.item_id = ?1 AND a.annotator_id = ?2"
        "  AND a.review_reason IS NOT NULL)");
    st.bind(1, itemId).bind(2, readerId(db));
    st.step();
    return st.columnInt(0) != 0;
}

void requireOthersReadable(Database& db, int64_t itemId, std::string_view what) {
    if (mayReadOthersOn(db, itemId)) return;
    throw AccessDenied(db.path() + ": " + std::string(what) + " of item " + std::to_string(itemId) +
                       " is hidden from annotator " + std::to_string(readerId(db)) + " (role '" +
                       db.reader()->role + "') until the item is adjudicated and out of their queue");
}

}  // namespace srllm::db
