#pragma once
// A workbench project: one SQLite file with the schema of db/migrations.h and a taxonomy.
// Threading: a Project (like its Database) belongs to the thread that opened it; other threads and
// processes open their own Project on the same file (WAL mode lets them share it).
#include <memory>
#include <string>

#include "db/database.h"

namespace srllm::db {

class Project {
public:
    // Creates a new project file with the current schema and the default taxonomy as version 1.
    // Throws DbError when the path already exists. The file appears complete or not at all.
    static std::unique_ptr<Project> create(const std::string& path);
    // Opens an existing project, migrating an older schema after backing it up to PATH.bak-vN.
    // Throws DbError naming the path when it is missing, not SQLite, another application's file,
    // or written by a newer workbench.
    static std::unique_ptr<Project> open(const std::string& path);

    Database& db() { return *m_db; }
    const std::string& path() const { return m_db->path(); }

private:
    explicit Project(std::unique_ptr<Database> db) : m_db(std::move(db)) {}
    std::unique_ptr<Database> m_db;
};

}  // namespace srllm::db
