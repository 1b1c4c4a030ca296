#include "db/references.h"

#include "db/database.h"

namespace srllm::db {

int64_t addReference(Database& db, int64_t itemId, const std::string& text, const std::string& source) {
    db.prepare("INSERT INTO reference_rewrites(item_id, text, source) VALUES (?1, ?2, ?3)")
        .bind(1, itemId)
        .bind(2, text)
        .bind(3, source)
        .run();
    return db.lastInsertId();
}

std::vector<std::string> referencesFor(Database& db, int64_t itemId) {
    auto st = db.prepare("SELECT text FROM reference_rewrites WHERE item_id = ?1 ORDER BY id");
    st.bind(1, itemId);
    std::vector<std::string> texts;
    while (st.step()) texts.push_back(st.columnText(0));
    return texts;
}

}  // namespace srllm::db
