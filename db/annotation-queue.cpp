#include "db/annotation-queue.h"

#include <string_view>

#include "db/assignments.h"
#include "db/database.h"

namespace srllm::db {

namespace {

// ?1 annotator; `only` narrows to some items (inside the union: SQLite does not push it down, and one item's
// state would otherwise read the annotator's whole queue). Rows: item, own status, review reason, assignment
// reason and detail.
std::string statesQuery(std::string_view only) {
    return std::string("SELECT q.item_id, a.status, a.review_reason, s.reason, s.detail FROM"
                       " (SELECT item_id FROM assignments WHERE annotator_id = ?1") + std::string(only) +
           " UNION SELECT item_id FROM annotations WHERE annotator_id = ?1" + std::string(only) + ") q"
           " LEFT JOIN assignments s ON s.item_id = q.item_id AND s.annotator_id = ?1"
           " LEFT JOIN annotations a ON a.item_id = q.item_id AND a.annotator_id = ?1";
}

QueueState readState(const Statement& st) {
    QueueState state;
    if (!st.columnIsNull(1)) state.status = st.columnText(1);
    if (!st.columnIsNull(3)) state.reason = st.columnText(3);
    state.detail = st.columnText(4);
    if (!st.columnIsNull(2)) {
        state.status = "review";
        state.reason = "rereview";
        state.detail = st.columnText(2);
    }
    return state;
}

bool isDefault(const QueueState& s) { return s.status == "todo" && s.reason == "assigned" && s.detail.empty(); }

}  // namespace

AnnotatorQueue annotatorQueue(Database& db, int64_t annotatorId) {
    AnnotatorQueue queue;
    queue.assigned = projectAssignsItems(db);
    auto states = db.prepare(statesQuery("") + " ORDER BY q.item_id");
    states.bind(1, annotatorId);
    while (states.step()) {
        const int64_t itemId = states.columnInt(0);
        const QueueState state = readState(states);
        const bool inQueue = !states.columnIsNull(3) || state.status == "review";
        if (queue.assigned && inQueue) queue.itemIds.push_back(itemId);
        if (!isDefault(state) && (inQueue || !queue.assigned)) queue.states.emplace(itemId, state);
    }
    if (!queue.assigned) {
        auto all = db.prepare("SELECT id FROM items ORDER BY id");
        while (all.step()) queue.itemIds.push_back(all.columnInt(0));
    }
    return queue;
}

QueueState queueState(Database& db, int64_t annotatorId, int64_t itemId) {
    auto st = db.prepare(statesQuery(" AND item_id = ?2"));
    st.bind(1, annotatorId).bind(2, itemId);
    return st.step() ? readState(st) : QueueState{};
}

}  // namespace srllm::db
