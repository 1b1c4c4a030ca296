#pragma once
// Rows that come back in a package (an annotator's work package, a reviewer's review package) from someone
// else's machine, checked before a merge copies them: SQLite does not re-check a file's CHECK constraints when
// it opens it, and they may have been set aside where it was edited. Without the check the project's own
// constraints refuse the copy, with an error that names the project as if it were the damaged file.
#include <string>

namespace srllm::db {

class Database;

// Runs SQLite's quick_check over schema.table (CHECK and NOT NULL constraints of every row, without repeating
// the schema's rules here) and throws core::InputError naming packagePath and the table at the first problem.
void requireIntactPackagedRows(Database& db, const std::string& schema, const std::string& table,
                               const std::string& packagePath);

// Throws the core::InputError every merge uses for a damaged package: packagePath, the field, the problem, and
// that nothing was merged, with what to do about it.
[[noreturn]] void refuseDamagedPackage(const std::string& packagePath, const std::string& field,
                                       const std::string& problem);

}  // namespace srllm::db
