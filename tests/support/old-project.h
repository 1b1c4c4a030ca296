#pragma once
// A project file as a version-2 build wrote it (the frozen step-1 and step-2 SQL), with `rows` inserted,
// for the upgrade tests of later schema steps.
#include <string>

#include "db/database.h"
#include "db/migrations.h"
#include "db/schema-v1.h"
#include "db/schema-v2.h"

namespace srllm::test {

inline void makeVersionTwoProject(const std::string& path, const std::string& rows) {
    db::Database v2(path, db::Database::Mode::Create);
    v2.exec(db::schemaV1Sql());
    v2.exec(db::schemaV2Sql());
    v2.exec("PRAGMA application_id=" + std::to_string(db::kApplicationId) + "; PRAGMA user_version=2;" + rows);
}

}  // namespace srllm::test
