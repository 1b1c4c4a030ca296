#include "db/annotators.h"

#include "db/database.h"
#include "db/stored-json.h"

namespace srllm::db {

namespace {

bool isRole(const std::string& role) { return role == "annotator" || role == "expert" || role == "reviewer"; }

// #12 (fuzz finding 11): the role decides what the blind rules let a person read, and a merge copies a
// package's annotators into the project, so a damaged one is refused where it is read, naming that file.
AnnotatorRow readAnnotator(const Statement& st) {
    AnnotatorRow row{st.columnInt(0), st.columnText(1), st.columnText(2)};
    const std::string where = "annotator " + std::to_string(row.id);
    if (row.name.empty()) throwDamaged(st, where, "the name is empty");
    if (!isRole(row.role)) throwDamaged(st, where, "unknown role '" + row.role + "' (expected annotator, expert or reviewer)");
    return row;
}

}  // namespace

int64_t ensureAnnotator(Database& db, const std::string& name, const std::string& role) {
    if (name.empty()) throw DbError(db.path() + ": annotator name is empty (hint: give a name or e-mail)");
    if (!isRole(role))
        throw DbError(db.path() + ": annotator '" + name + "': unknown role '" + role +
                      "' (hint: annotator, expert or reviewer)");
    if (auto existing = annotatorByName(db, name)) return existing->id;
    db.prepare("INSERT INTO annotators(name, role) VALUES (?1, ?2)").bind(1, name).bind(2, role).run();
    return db.lastInsertId();
}

std::optional<AnnotatorRow> annotatorByName(Database& db, const std::string& name) {
    auto st = db.prepare("SELECT id, name, role FROM annotators WHERE name = ?1");
    st.bind(1, name);
    if (!st.step()) return std::nullopt;
    return readAnnotator(st);
}

std::vector<AnnotatorRow> listAnnotators(Database& db) {
    auto st = db.prepare("SELECT id, name, role FROM annotators ORDER BY id");
    std::vector<AnnotatorRow> rows;
    while (st.step()) rows.push_back(readAnnotator(st));
    return rows;
}

std::vector<AnnotatorWorkload> annotatorWorkloads(Database& db) {
    auto st = db.prepare(
        "SELECT p.id, p.name, p.role,"
        " (SELECT count(*) FROM assignments s WHERE s.annotator_id = p.id),"
        " (SELECT count(*) FROM assignments s WHERE s.annotator_id = p.id AND s.reason <> 'assigned'),"
        " (SELECT count(*) FROM assignments s WHERE s.annotator_id = p.id AND NOT EXISTS (SELECT 1 FROM annotations a"
        "   WHERE a.item_id = s.item_id AND a.annotator_id = p.id AND a.status = 'done')),"
        " (SELECT count(*) FROM annotations a WHERE a.annotator_id = p.id AND a.status = 'done')"
        " FROM annotators p ORDER BY p.id");
    std::vector<AnnotatorWorkload> rows;
    while (st.step())
        rows.push_back({readAnnotator(st), st.columnInt(3), st.columnInt(4), st.columnInt(5), st.columnInt(6)});
    return rows;
}

}  // namespace srllm::db
