// The bad-input corpus for data and projects (#12): files under tests/data/bad-input and big or special ones
// made here, each imported into a project through the CLI. Each gets one clean error naming the file, line
// and field (or imports, when odd but valid), and the project's content is the same before and after.
#include <sys/stat.h>

#include <fstream>

#include <gtest/gtest.h>

#include "core/data/annotation-jsonl.h"
#include "core/data/jsonl-items.h"
#include "db/adjudication.h"
#include "db/annotation-import.h"
#include "db/database.h"
#include "db/item-import.h"
#include "db/project.h"
#include "db/snapshots.h"
#include "support/bad-input.h"
#include "support/cli-run.h"
#include "support/db-query.h"
#include "support/test-data.h"

using namespace srllm;
using test::BadInputRow;
using test::shellQuote;
namespace fs = std::filesystem;

namespace {

// A project with items "1" and "2" (the annotation rows name them).
fs::path makeProject(const test::ScratchDir& dir) {
    const fs::path project = dir / "project.srllm";
    auto created = db::Project::create(project.string());
    const auto items = test::writeFile(dir, "base.jsonl",
                                       "{\"id\":\"1\",\"text\":\"Women are bad at maths.\"}\n{\"id\":\"2\",\"text\":\"short\"}\n");
    core::JsonlItemReader reader(items);
    db::importItems(*created, reader, "base", {});
    return project;
}

std::string importRow(const fs::path& project, const fs::path& file) {
    return "import " + shellQuote(project.string()) + " " + shellQuote(file.string());
}

}  // namespace

TEST(BadInput, CorpusFilesGetOneCleanErrorAndLeaveTheProjectAsItWas) {
    test::ScratchDir dir;
    const fs::path project = makeProject(dir);
    const fs::path corpus = test::badInputDir();
    const std::vector<std::pair<const char*, const char*>> rows = {
        // file, what follows "srllm: error: " (regex; empty: it imports)
        {"latin1.csv", R"(latin1\.csv:3: invalid UTF-8 at byte column 4 \(byte 0xE9 starts a character)"},
        {"utf16.csv", R"(utf16\.csv:1: the file is UTF-16)"},
        {"nul-byte.csv", R"(nul-byte\.csv:3: NUL byte at byte column 4)"},
        {"unbalanced-quote.csv", R"(unbalanced-quote\.csv:3: quoted field opened on this line is never closed)"},
        {"ragged-row.csv", R"(ragged-row\.csv:3: record has 3 fields but the header has 2)"},
        {"empty.csv", R"(empty\.csv: file is empty)"},
        {"text-not-string.jsonl", R"(text-not-string\.jsonl:2: field 'text': expected a string, got number)"},
        {"wrong-split.jsonl", R"(wrong-split\.jsonl:2: field 'split': 'banana' is not train, val or test)"},
        {"reversed-span.jsonl", R"(reversed-span\.jsonl:3: field 'spans': span \[2,1\] needs 0 <= start < end)"},
        {"duplicate-key.jsonl", R"(duplicate-key\.jsonl:2: field 'text': duplicate key 'text')"},
        {"truncated.jsonl", R"(truncated\.jsonl:2: malformed JSON)"},
        {"not-an-object.jsonl", R"(not-an-object\.jsonl:2: expected a JSON object)"},
        {"unknown-label-value.jsonl", R"(unknown-label-value\.jsonl:2: field 'labels\.bias': value "Maybe" is not allowed)"},
        {"unknown-label-field.jsonl", R"(unknown-label-field\.jsonl:1: field 'labels\.colour': not a taxonomy field)"},
        {"span-past-end.jsonl", R"(span-past-end\.jsonl:1: field 'spans': span \[0, 500\] goes past the end)"},
        {"unknown-item.jsonl", R"(unknown-item\.jsonl:1: field 'item': no item has the id or text 'no such item')"},
    };
    for (const auto& [file, expected] : rows) {
        const std::string before = test::projectDump(project);
        test::expectCleanOutcome({file, importRow(project, corpus / file), expected});
        EXPECT_EQ(test::projectDump(project), before) << file << " changed the project";
    }
    // Odd but valid: a UTF-8 BOM, CRLF line ends, quotes and a newline inside a quoted field.
    test::expectCleanOutcome({"bom-crlf.csv", importRow(project, corpus / "bom-crlf.csv"), ""});
    db::Database db(project.string(), db::Database::Mode::ReadOnly);
    const std::string imported = "SELECT text FROM items WHERE dataset_id = (SELECT id FROM datasets WHERE name = 'bom-crlf')";
    EXPECT_EQ(test::queryText(db, imported + " ORDER BY id LIMIT 1"), "Women are, \"bad\" drivers");
    EXPECT_EQ(test::queryText(db, imported + " ORDER BY id LIMIT 1 OFFSET 1"), "Two\r\nlines");
}

TEST(BadInput, GiantFieldsAndLinesImportAndDeepNestingIsRefused) {
    test::ScratchDir dir;
    const fs::path project = makeProject(dir);
    const std::string giant(16 << 20, 'x');  // 16 MiB: made here, never committed
    std::ofstream(dir / "giant-field.csv") << "text,id\n\"" << giant << " field\",g1\n";
    std::ofstream(dir / "giant-line.jsonl") << R"({"id":"g2","text":")" << giant << R"( line"})" << "\n";
    std::ofstream(dir / "deep.jsonl") << R"({"text":"fine"})" << "\n{\"text\":\"deep\",\"metadata\":{\"a\":"
                                      << std::string(100000, '[') << std::string(100000, ']') << "}}\n";
    ASSERT_EQ(::mkfifo((dir / "fifo.csv").c_str(), 0600), 0);
    const std::string before = test::projectDump(project);
    test::expectCleanOutcome({"deep nesting", importRow(project, dir / "deep.jsonl"),
                              R"(deep\.jsonl:2: JSON nested deeper than 512 levels)"});
    test::expectCleanOutcome({"a pipe", importRow(project, dir / "fifo.csv"), R"(fifo\.csv: not a regular file)"});
    EXPECT_EQ(test::projectDump(project), before);
    test::expectCleanOutcome({"giant field", importRow(project, dir / "giant-field.csv"), ""});
    test::expectCleanOutcome({"giant line", importRow(project, dir / "giant-line.jsonl"), ""});
    db::Database db(project.string(), db::Database::Mode::ReadOnly);
    EXPECT_EQ(test::queryInt(db, "SELECT length(text) FROM items WHERE dataset_id ="
                                 " (SELECT id FROM datasets WHERE name = 'giant-field')"), (16 << 20) + 6);
    EXPECT_EQ(test::queryInt(db, "SELECT length(text) FROM items WHERE external_id = 'g2'"), (16 << 20) + 5);
}

TEST(BadInput, ProjectsFromANewerSchemaOrAnotherProgramAreRefusedUnchanged) {
    test::ScratchDir dir;
    const fs::path project = makeProject(dir);
    struct Case {
        const char* name;
        std::function<void(const fs::path&)> damage;
        const char* expected;
    };
    const std::vector<Case> cases = {
        {"newer.srllm", [](const fs::path& p) { db::Database(p.string(), db::Database::Mode::ReadWrite).exec("PRAGMA user_version=99"); },
         R"(newer\.srllm was written by a newer SR-LLM Workbench \(schema version 99)"},
        {"other-program.srllm",
         [](const fs::path& p) { db::Database(p.string(), db::Database::Mode::ReadWrite).exec("PRAGMA application_id=7"); },
         R"(other-program\.srllm is not a SR-LLM Workbench project \(SQLite application_id 0x00000007)"},
        {"text.srllm", [](const fs::path& p) { std::ofstream(p) << "not a database\n"; },
         R"(text\.srllm is not a SR-LLM Workbench project \(not a SQLite database\))"},
        // #12: stored JSON edited by another program is reported with the file and the row, not thrown raw.
        {"damaged-metadata.srllm",
         [](const fs::path& p) {
             db::Database db(p.string(), db::Database::Mode::ReadWrite);
             db.exec("PRAGMA ignore_check_constraints=ON; UPDATE items SET metadata = '{\"unclosed' WHERE id = 1");
         },
         R"(damaged-metadata\.srllm: metadata of items row 1: malformed JSON)"},
    };
    for (const Case& c : cases) {
        const fs::path copy = dir / c.name;
        fs::copy_file(project, copy);
        c.damage(copy);
        std::ifstream in(copy, std::ios::binary);
        const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        const std::string out = shellQuote((dir / "out.jsonl").string());
        test::expectCleanOutcome({c.name, "export " + shellQuote(copy.string()) + " " + out + " --format jsonl", c.expected});
        std::ifstream after(copy, std::ios::binary);
        EXPECT_EQ(std::string((std::istreambuf_iterator<char>(after)), std::istreambuf_iterator<char>()), bytes)
            << c.name << " was changed";
        EXPECT_FALSE(fs::exists(dir / "out.jsonl")) << c.name << ": an export file appeared";
    }
}

// #12: a snapshot's frozen gold labels are stored JSON too; `snapshot show` (and a generation run from the
// snapshot) threw nlohmann's parse_error, with no file or row, when another program had damaged them.
TEST(BadInput, DamagedGoldInASnapshotIsReportedWithTheRowAndLeftUnchanged) {
    test::ScratchDir dir;
    const fs::path project = makeProject(dir);
    {
        auto opened = db::Project::open(project.string());
        core::AnnotationJsonlReader votes(test::writeFile(dir, "votes.jsonl",
                                                          "{\"item\":\"1\",\"annotator\":\"a1\",\"labels\":{\"bias\":\"Yes\"}}\n"
                                                          "{\"item\":\"1\",\"annotator\":\"a2\",\"labels\":{\"bias\":\"Yes\"}}\n"));
        db::importAnnotations(*opened, votes, {});
        db::adjudicateMajority(opened->db());
        db::createSnapshot(opened->db(), "v1", std::nullopt);
        opened->db().exec("PRAGMA ignore_check_constraints=ON; UPDATE snapshot_gold SET labels = '{\"bias\": '");
    }
    const std::string before = test::projectDump(project);
    test::expectCleanOutcome({"damaged snapshot gold", "snapshot show " + shellQuote(project.string()) + " v1",
                              R"(project\.srllm: labels of snapshot 1's gold for item 1: malformed JSON)"});
    EXPECT_EQ(test::projectDump(project), before);
}
