#include "db/run-test-sets.h"

#include <algorithm>

#include "core/data/split.h"
#include "db/database.h"
#include "db/stored-json.h"
#include "db/snapshots.h"

namespace srllm::db {

namespace {

void addReference(std::vector<std::string>& refs, const std::string& text) {
    if (!text.empty() && std::find(refs.begin(), refs.end(), text) == refs.end()) refs.push_back(text);
}

}  // namespace

std::vector<RunItem> projectSplitItems(Database& db, const std::string& split) {
    auto st = db.prepare(
        "SELECT i.id, i.uid, i.split, i.text, d.name, g.rewrite,"
        " (SELECT json_group_array(CAST(r.text AS TEXT)) FROM (SELECT text FROM reference_rewrites WHERE item_id = i.id ORDER BY id) r)"
        " FROM items i JOIN datasets d ON d.id = i.dataset_id LEFT JOIN gold g ON g.item_id = i.id ORDER BY i.id");
    std::vector<RunItem> items;
    while (st.step()) {
        if (core::itemSplit(st.columnOptionalText(2), st.columnText(1)) != split) continue;
        RunItem item{static_cast<int64_t>(items.size()), st.columnInt(0), st.columnText(3), {}, st.columnText(4)};
        if (auto rewrite = st.columnOptionalText(5)) addReference(item.references, *rewrite);
        // Stored text may be anything in a damaged file (#12): cast in SQL, parsed like input.
        for (const auto& r : storedStrings(st, 6, "references of item " + std::to_string(*item.itemId))) addReference(item.references, r);
        items.push_back(std::move(item));
    }
    return items;
}

std::vector<RunItem> snapshotSplitItems(Database& db, int64_t snapshotId, const std::string& split) {
    std::vector<RunItem> items;
    forEachSnapshotEntry(db, snapshotId, [&](const SnapshotEntry& e) {
        if (e.split != split) return;
        RunItem item{static_cast<int64_t>(items.size()), e.itemId, e.text, {}, "snapshot " + std::to_string(snapshotId)};
        if (e.goldRewrite) addReference(item.references, *e.goldRewrite);
        for (const auto& r : e.references) addReference(item.references, r);
        items.push_back(std::move(item));
    });
    return items;
}

}  // namespace srllm::db
