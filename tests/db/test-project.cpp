// Project::create / Project::open: what a project file is, and the errors for what it is not.
#include <fstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "db/migrations.h"
#include "db/project.h"
#include "db/taxonomy-store.h"
#include "support/db-query.h"
#include "support/test-data.h"

using namespace srllm;
using testing::HasSubstr;

namespace {

std::string openError(const std::string& path) {
    try {
        db::Project::open(path);
    } catch (const db::DbError& e) {
        return e.what();
    }
    return "(no error)";
}

std::string journalMode(db::Database& db) {
    return test::queryText(db, "PRAGMA journal_mode");
}

}  // namespace

TEST(Project, CreateWritesSchemaIdentityAndDefaultTaxonomy) {
    test::ScratchDir dir;
    const std::string path = dir / "p.srllm";
    auto project = db::Project::create(path);
    EXPECT_EQ(db::userVersion(project->db()), db::latestSchemaVersion());
    EXPECT_EQ(db::applicationId(project->db()), 0x53524C4D);  // "SRLM"
    EXPECT_EQ(journalMode(project->db()), "wal");
    EXPECT_EQ(test::queryText(project->db(), "PRAGMA page_size"), "16384");  // fewer pages for the WAL to write
    const auto taxonomy = db::currentTaxonomy(project->db());
    EXPECT_EQ(taxonomy.version, 1);
    // The embedded copy is the resource file, parsed the same way.
    std::ifstream resource(test::sourceDir() / "resources/taxonomy/default-taxonomy.json");
    EXPECT_EQ(taxonomy.json, nlohmann::json::parse(resource));
    EXPECT_EQ(project->path(), path);
}

TEST(Project, CreateRefusesAnExistingPathAndLeavesItAlone) {
    test::ScratchDir dir;
    const std::string path = dir / "p.srllm";
    std::ofstream(path) << "keep me";
    try {
        db::Project::create(path);
        FAIL() << "create over an existing file succeeded";
    } catch (const db::DbError& e) {
        EXPECT_THAT(e.what(), HasSubstr(path + " already exists"));
    }
    std::ifstream in(path);
    std::string content;
    std::getline(in, content);
    EXPECT_EQ(content, "keep me");
    EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir.path()), {}), 1) << "temporary file left behind";
}

TEST(Project, ReopensWhatItCreated) {
    test::ScratchDir dir;
    const std::string path = dir / "p.srllm";
    db::Project::create(path);
    auto project = db::Project::open(path);
    EXPECT_EQ(db::currentTaxonomy(project->db()).version, 1);
}

TEST(Project, MissingPathGivesAClearError) {
    test::ScratchDir dir;
    const std::string path = dir / "nothing-here.srllm";
    EXPECT_THAT(openError(path), HasSubstr(path + ": no such project file (hint: create one with `srllm init"));
    EXPECT_FALSE(std::filesystem::exists(path)) << "open must not create the file";
}

TEST(Project, TextFileIsRefusedNamingThePath) {
    test::ScratchDir dir;
    const std::string path = dir / "notes.txt";
    std::ofstream(path) << "text,label\nhello world,No\n";
    EXPECT_EQ(openError(path), path + " is not a SR-LLM Workbench project (not a SQLite database)");
}

TEST(Project, EmptyFileAndFolderAreRefused) {
    test::ScratchDir dir;
    const std::string empty = dir / "empty.srllm";
    std::ofstream{empty};
    EXPECT_THAT(openError(empty), HasSubstr(empty + " is not a SR-LLM Workbench project"));
    EXPECT_THAT(openError(dir.path()), HasSubstr(dir.path().string() + " is a folder"));
}

TEST(Project, OtherApplicationsSqliteFileIsRefusedUntouched) {
    test::ScratchDir dir;
    const std::string path = dir / "other.db";
    {
        db::Database other(path, db::Database::Mode::Create);
        other.exec("CREATE TABLE notes(body TEXT); INSERT INTO notes VALUES ('x'); PRAGMA application_id=1234");
    }
    const auto sizeBefore = std::filesystem::file_size(path);
    EXPECT_THAT(openError(path), HasSubstr(path + " is not a SR-LLM Workbench project (SQLite application_id "
                                                  "0x000004D2, expected 0x53524C4D"));
    db::Database other(path, db::Database::Mode::ReadOnly);
    EXPECT_EQ(journalMode(other), "delete") << "open switched another program's file to WAL";
    EXPECT_EQ(std::filesystem::file_size(path), sizeBefore);
}

// #12 (fuzz finding 15): a review package whose header was changed to UTF-16 opened, then failed to attach to the
// project it was merged into, with an error naming that project.
TEST(Project, AFileStoringUtf16IsRefusedNamingIt) {
    test::ScratchDir dir;
    const std::string path = dir / "utf16.srllm";
    db::Database(path, db::Database::Mode::Create)
        .exec("PRAGMA encoding='UTF-16le'; PRAGMA application_id=" + std::to_string(db::kApplicationId) +
              "; CREATE TABLE t(x)");
    EXPECT_THAT(openError(path), HasSubstr(path + ": stores its text as UTF-16le, not UTF-8"));
}

TEST(Project, PlainSqliteFileWithoutApplicationIdIsRefused) {
    test::ScratchDir dir;
    const std::string path = dir / "plain.db";
    db::Database(path, db::Database::Mode::Create).exec("CREATE TABLE t(x)");
    EXPECT_THAT(openError(path), HasSubstr("is not a SR-LLM Workbench project (SQLite application_id 0x00000000"));
}
