#include "db/packaged-rows.h"

#include "core/common/diagnostics.h"
#include "db/database.h"

namespace srllm::db {

void requireIntactPackagedRows(Database& db, const std::string& schema, const std::string& table,
                               const std::string& packagePath) {
    // Identifiers cannot be bound; both come from the merge code, never from a file.
    auto check = db.prepare("PRAGMA " + schema + ".quick_check(" + table + ")");
    check.step();
    if (const std::string problem = check.columnText(0); problem != "ok") refuseDamagedPackage(packagePath, table, problem);
}

void refuseDamagedPackage(const std::string& packagePath, const std::string& field, const std::string& problem) {
    throw core::InputError(packagePath, 0, field,
                           problem + "; nothing was merged (hint: the file was damaged or edited by hand; ask for "
                                     "the package again)");
}

}  // namespace srllm::db
