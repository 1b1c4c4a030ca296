#include "db/project.h"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include <sqlite3.h>

#include "db/migrations.h"
#include "db/taxonomy-store.h"

namespace srllm::db {

namespace {

namespace fs = std::filesystem;

std::string hex32(int32_t value) {
    char text[16];
    std::snprintf(text, sizeof text, "0x%08X", static_cast<uint32_t>(value));
    return text;
}

// Checked before SQLite opens the file, so a stray text file gets a clear message and stays untouched.
// Only the file system's word: opening the file here and closing it would drop the POSIX locks SQLite holds
// on it for every connection of this process (sqlite.org/howtocorrupt.html 2.2), and the GUI opens a
// project on several threads. A file that is not SQLite is caught by Database (SQLITE_NOTADB).
void requireProjectPath(const std::string& path) {
    std::error_code error;
    const auto status = fs::status(path, error);
    if (!fs::exists(status))
        throw DbError(path + ": no such project file (hint: create one with `srllm init " + path + "`)");
    if (fs::is_directory(status)) throw DbError(path + " is a folder, not a SR-LLM Workbench project file");
}

void requireWorkbenchFile(Database& db) {
    const int32_t id = applicationId(db);
    if (id != kApplicationId)
        throw DbError(db.path() + " is not a SR-LLM Workbench project (SQLite application_id " + hex32(id) +
                      ", expected " + hex32(kApplicationId) + "; hint: the file belongs to another program)");
    // #12 (fuzz finding 15): every project is UTF-8; a UTF-16 file would read, but could not be attached to
    // one (the review merge does), and SQLite's error would then name the project it was merged into.
    auto encoding = db.prepare("PRAGMA encoding");
    encoding.step();
    if (const std::string name = encoding.columnText(0); name != "UTF-8")
        throw DbError(db.path() + ": stores its text as " + name +
                      ", not UTF-8 as every SR-LLM Workbench project does (hint: the file is damaged)");
}

}  // namespace

std::unique_ptr<Project> Project::create(const std::string& path) {
    if (fs::exists(path)) throw DbError(path + " already exists (hint: open it, or choose another file name)");
    // Built under a temporary name and linked into place, so the project appears complete or not at all
    // and two concurrent creators cannot both succeed.
    const std::string temporary = path + ".creating-" + std::to_string(::getpid());
    fs::remove(temporary);
    try {
        Database db(temporary, Database::Mode::Create);
        // 16 KiB pages (SQLite's default is 4): a quarter of the pages for WAL frames and the checkpoint to
        // write, which took a 200k-row import's commit from 0.28 s to 0.19 s CPU. Only settable before the first table.
        db.exec("PRAGMA page_size=16384");
        migrate(db);
        Transaction tx(db);
        addTaxonomyVersion(db, nlohmann::json::parse(defaultTaxonomyJson()));
        tx.commit();
    } catch (...) {
        fs::remove(temporary);
        throw;
    }
    const int linked = ::link(temporary.c_str(), path.c_str());
    const int linkError = errno;
    fs::remove(temporary);
    if (linked != 0) {
        if (linkError == EEXIST)
            throw DbError(path + " already exists (hint: open it, or choose another file name)");
        throw DbError(path + ": cannot create the project: " + std::strerror(linkError));
    }
    return open(path);
}

std::unique_ptr<Project> Project::open(const std::string& path) {
    requireProjectPath(path);
    auto db = std::make_unique<Database>(path, Database::Mode::ReadWrite);
    requireWorkbenchFile(*db);
    migrate(*db);
    // WAL lets the GUI read while the CLI or the worker writes; it is stored in the file, set once. A large
    // import alone on the project leaves WAL until it ends (db/item-import.cpp), and SQLite cannot switch back
    // while it writes: say that, not "database is locked".
    std::string journal;
    {
        auto mode = db->prepare("PRAGMA journal_mode");
        mode.step();
        journal = mode.columnText(0);
    }
    if (journal != "wal") {
        try {
            db->exec("PRAGMA journal_mode=WAL");
        } catch (const DbError&) {
            if ((sqlite3_errcode(db->handle()) & 0xff) != SQLITE_BUSY) throw;
            throw DbError(path + ": another program is importing into it (a large import writes without WAL until it"
                                 " ends); open it again when that import has finished");
        }
    }
    return std::unique_ptr<Project>(new Project(std::move(db)));
}

}  // namespace srllm::db
