#include "db/migrations.h"

#include <string>
#include <string_view>
#include <vector>

#include "db/database.h"
#include "db/schema-v1.h"
#include "db/schema-v2.h"
#include "db/schema-v3.h"
#include "db/schema-v4.h"
#include "db/schema-v5.h"

namespace srllm::db {

namespace {

struct Migration {
    int version;                  // user_version after this step
    std::string_view (*sql)();    // the step's statements, run inside the step's transaction
};

// NOTE: append only; a released step never changes. Add a fixture test for each old version.
const std::vector<Migration>& migrations() {
    static const std::vector<Migration> steps = {
        {1, schemaV1Sql},
        {2, schemaV2Sql},
        {3, schemaV3Sql},
        {4, schemaV4Sql},
        {5, schemaV5Sql},
    };
    return steps;
}

void applyStep(Database& db, const Migration& step) {
    Transaction tx(db);
    if (userVersion(db) >= step.version) return;  // another process migrated while we waited for the lock
    db.exec(step.sql());
    {
        // Steps run with foreign keys off (so a table can be rebuilt); none may leave a dangling reference.
        auto check = db.prepare("PRAGMA foreign_key_check");
        if (check.step())
            throw DbError(db.path() + ": migration to schema version " + std::to_string(step.version) +
                          " left a broken reference in table '" + check.columnText(0) + "' (the file was left unchanged)");
    }
    // PRAGMA takes no bound parameters; both values are integers from this file.
    db.exec("PRAGMA application_id=" + std::to_string(kApplicationId));
    db.exec("PRAGMA user_version=" + std::to_string(step.version));
    tx.commit();
}

}  // namespace

int latestSchemaVersion() { return migrations().back().version; }
int userVersion(Database& db) { return static_cast<int>(db.pragmaInt("PRAGMA user_version")); }
int32_t applicationId(Database& db) { return static_cast<int32_t>(db.pragmaInt("PRAGMA application_id")); }

void migrate(Database& db) {
    const int current = userVersion(db);
    const int latest = latestSchemaVersion();
    if (current > latest)
        throw DbError(db.path() + " was written by a newer SR-LLM Workbench (schema version " +
                      std::to_string(current) + ", this build knows up to " + std::to_string(latest) +
                      ") (hint: update the workbench; the file was left unchanged)");
    if (current == latest) return;
    if (current > 0) db.backupTo(db.path() + ".bak-v" + std::to_string(current));
    // SQLite's procedure for rebuilding a table: foreign keys off outside the transaction, checked inside.
    db.exec("PRAGMA foreign_keys=OFF");
    try {
        for (const auto& step : migrations())
            if (step.version > current) applyStep(db, step);
    } catch (...) {
        db.exec("PRAGMA foreign_keys=ON");
        throw;
    }
    db.exec("PRAGMA foreign_keys=ON");
}

}  // namespace srllm::db
