// Drives the real `srllm` binary (SRLLM_CLI): import/export of the paper's CSVs and ParaDetox, round
// trips, and bad input that must fail with one line naming the file and leave the project unchanged.
#include <array>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/data/instruction-record.h"
#include "support/test-data.h"

using srllm::test::readFile;
using srllm::test::writeFile;

namespace {

struct Result {
    int exitCode = -1;
    std::string out;  // stdout
    std::string err;  // stderr
};

std::string quote(const std::string& s) {
    std::string q = "'";
    for (const char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

Result runCli(const srllm::test::ScratchDir& dir, const std::string& args) {
    const char* cli = std::getenv("SRLLM_CLI");
    Result r;
    if (!cli) return r;
    const auto errPath = dir / "stderr.txt";
    const std::string cmd = quote(cli) + " " + args + " 2>" + quote(errPath.string());
    FILE* pipe = popen(cmd.c_str(), "r");
    std::array<char, 4096> buf{};
    size_t n = 0;
    while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) r.out.append(buf.data(), n);
    const int status = pclose(pipe);
    r.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.err = readFile(errPath);
    return r;
}

nlohmann::json stats(const srllm::test::ScratchDir& dir, const std::string& project) {
    const auto r = runCli(dir, "stats " + quote(project) + " --json");
    EXPECT_EQ(r.exitCode, 0) << r.err;
    return nlohmann::json::parse(r.out);
}

// The project's items as exported JSONL (with uids: any change to the project shows up here).
std::string exportJsonl(const srllm::test::ScratchDir& dir, const std::string& project) {
    const auto out = (dir / "snapshot.jsonl").string();
    const auto r = runCli(dir, "export " + quote(project) + " " + quote(out) + " --format jsonl");
    EXPECT_EQ(r.exitCode, 0) << r.err;
    return readFile(out);
}

std::string newProject(const srllm::test::ScratchDir& dir, const std::string& name) {
    const auto path = (dir / name).string();
    const auto r = runCli(dir, "init " + quote(path));
    EXPECT_EQ(r.exitCode, 0) << r.err;
    return path;
}

}  // namespace

TEST(CliImportExport, Train500GivesItsItemsAndExportsByteIdentical) {
    SRLLM_REQUIRE_SHARED(train, "srllm/train_500.csv");
    srllm::test::ScratchDir dir;
    const auto project = newProject(dir, "p.srllm");
    const auto r = runCli(dir, "import " + quote(project) + " " + quote(train.string()));
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("(srllm-csv)"), std::string::npos) << r.out;  // auto-detected
    const auto s = stats(dir, project);
    EXPECT_EQ(s["items"], 434);  // python3 -c "len(list(csv.DictReader(open(...))))" == 434
    EXPECT_EQ(s["references"], 434);
    const auto out = (dir / "out.csv").string();
    ASSERT_EQ(runCli(dir, "export " + quote(project) + " " + quote(out) + " --format srllm-csv").exitCode, 0);
    EXPECT_TRUE(readFile(out) == readFile(train)) << "export differs from the source file";
}

TEST(CliImportExport, Infer50Gives53Items) {
    SRLLM_REQUIRE_SHARED(infer, "srllm/infer_50.csv");
    srllm::test::ScratchDir dir;
    const auto project = newProject(dir, "p.srllm");
    ASSERT_EQ(runCli(dir, "import " + quote(project) + " " + quote(infer.string())).exitCode, 0);
    EXPECT_EQ(stats(dir, project)["items"], 53);
}

TEST(CliImportExport, SplitOptionPutsEveryItemIntoThatSplit) {
    SRLLM_REQUIRE_SHARED(infer, "srllm/infer_50.csv");
    srllm::test::ScratchDir dir;
    const auto project = newProject(dir, "p.srllm");
    EXPECT_NE(runCli(dir, "import " + quote(project) + " " + quote(infer.string()) + " --split holdout").exitCode, 0);
    ASSERT_EQ(runCli(dir, "import " + quote(project) + " " + quote(infer.string()) + " --split test").exitCode, 0);
    const auto out = (dir / "test.jsonl").string();
    ASSERT_EQ(runCli(dir, "export " + quote(project) + " " + quote(out) + " --format jsonl --split test").exitCode, 0);
    std::istringstream lines(readFile(out));
    int count = 0;
    for (std::string line; std::getline(lines, line);) count += nlohmann::json::parse(line)["split"] == "test";
    EXPECT_EQ(count, 53);  // without --split, the seeded 80/10/10 hash would put about 5 of them there
}

TEST(CliImportExport, ParadetoxGivesItemsAndAllNonEmptyNeutrals) {
    SRLLM_REQUIRE_SHARED(tsv, "paradetox/paradetox.tsv");
    srllm::test::ScratchDir dir;
    const auto project = newProject(dir, "p.srllm");
    const auto r = runCli(dir, "import " + quote(project) + " " + quote(tsv.string()));
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto s = stats(dir, project);
    EXPECT_EQ(s["items"], 11927);  // Python csv.reader(delimiter='\t'): 11,927 rows
    EXPECT_EQ(s["references"], 19743);  // non-empty neutral1..3 over those rows
}

TEST(CliImportExport, SrllmCsvExportReimportsToTheSameItems) {
    SRLLM_REQUIRE_SHARED(train, "srllm/train_500.csv");
    srllm::test::ScratchDir dir;
    const auto first = newProject(dir, "a.srllm");
    ASSERT_EQ(runCli(dir, "import " + quote(first) + " " + quote(train.string()) + " --dataset d").exitCode, 0);
    const auto csv = (dir / "round.csv").string();
    ASSERT_EQ(runCli(dir, "export " + quote(first) + " " + quote(csv) + " --format srllm-csv").exitCode, 0);
    const auto second = newProject(dir, "b.srllm");
    ASSERT_EQ(runCli(dir, "import " + quote(second) + " " + quote(csv) + " --dataset d").exitCode, 0);
    // Items, references, metadata and spans equal; only the random uids differ.
    const auto strip = [](const std::string& jsonl) {
        std::vector<nlohmann::json> rows;
        std::istringstream in(jsonl);
        for (std::string line; std::getline(in, line);) {
            auto j = nlohmann::json::parse(line);
            j.erase("uid");
            rows.push_back(j);
        }
        return rows;
    };
    const auto a = strip(exportJsonl(dir, first));
    const auto b = strip(exportJsonl(dir, second));
    ASSERT_EQ(a.size(), 434u);
    EXPECT_EQ(a, b);
}

TEST(CliImportExport, AnnotationsImportResolvesItemsAndCreatesAnnotators) {
    srllm::test::ScratchDir dir;
    const auto project = newProject(dir, "p.srllm");
    const auto items = writeFile(dir, "items.jsonl",
                                 "{\"id\": \"a\", \"text\": \"Old people are slow.\", \"references\": [\"People vary.\"]}\n"
                                 "{\"text\": \"The bus is late.\"}\n");
    ASSERT_EQ(runCli(dir, "import " + quote(project) + " " + quote(items)).exitCode, 0);
    const auto annotations = writeFile(
        dir, "ann.jsonl",
        "{\"item\": \"a\", \"annotator\": \"ann-1\", \"labels\": {\"bias\": \"Yes\", \"target_groups\": [\"Age\"]},"
        " \"spans\": [[0, 10]], \"rewrite\": \"People vary.\"}\n"
        "{\"item\": \"The bus is late.\", \"annotator\": \"ann-2\", \"labels\": {\"bias\": \"No\"}}\n");
    const auto r = runCli(dir, "import " + quote(project) + " " + quote(annotations));
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto s = stats(dir, project);
    EXPECT_EQ(s["annotations"], 2);
    EXPECT_EQ(s["annotators"], 2);
}

struct BadInput {
    const char* name;
    const char* fileName;
    const char* content;  // nullptr: the file does not exist
    const char* extraArgs;
    const char* expectedInError;  // besides the file name
};

TEST(CliImportExport, BadInputFailsWithOneLineAndLeavesTheProjectUnchanged) {
    const BadInput cases[] = {
        {"unbalanced quote", "q.csv", "text,x\nfine,1\n\"open,2\nmore,3\n", "", ":3:"},
        {"invalid UTF-8", "u.csv", "text\nok\nbad \xFF byte\n", "", ":3:"},
        {"missing column", "m.csv", "body,x\nhello,1\n", "--format csv", ":1: field 'text'"},
        {"missing srllm column", "s.csv", "dimension,label\na,b\n", "--format srllm-csv", ":1: field 'biased_text'"},
        {"empty file", "e.csv", "", "", "empty"},
        {"unknown format", "f.csv", "text\nx\n", "--format xml", "unknown format 'xml'"},
        {"missing file", "nope.csv", nullptr, "", "does not exist"},
        {"bad annotation value", "a.jsonl",
         "{\"item\": \"demo\", \"annotator\": \"x\", \"labels\": {\"bias\": \"Yes\"}}\n"
         "{\"item\": \"demo\", \"annotator\": \"y\", \"labels\": {\"bias\": \"Maybe\"}}\n",
         "", ":2: field 'labels.bias'"},
        {"annotation of unknown item", "b.jsonl", "{\"item\": \"zzz\", \"annotator\": \"x\", \"labels\": {}}\n", "",
         ":1: field 'item'"},
        {"bad JSON line", "c.jsonl", "{\"text\": \"fine\"}\n{\"text\": \n", "", ":2:"},
    };
    srllm::test::ScratchDir dir;
    const auto project = newProject(dir, "p.srllm");
    const auto seed = writeFile(dir, "seed.jsonl", "{\"id\": \"demo\", \"text\": \"A first item.\"}\n");
    ASSERT_EQ(runCli(dir, "import " + quote(project) + " " + quote(seed)).exitCode, 0);
    const auto statsBefore = stats(dir, project);
    const auto itemsBefore = exportJsonl(dir, project);
    for (const auto& c : cases) {
        const std::string path = c.content ? writeFile(dir, c.fileName, c.content) : (dir / c.fileName).string();
        const auto r = runCli(dir, "import " + quote(project) + " " + quote(path) + " " + c.extraArgs);
        EXPECT_NE(r.exitCode, 0) << c.name;
        EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << c.name << ": " << r.err;
        EXPECT_NE(r.err.find(path), std::string::npos) << c.name << ": " << r.err;
        EXPECT_NE(r.err.find(c.expectedInError), std::string::npos) << c.name << ": " << r.err;
        EXPECT_EQ(stats(dir, project), statsBefore) << c.name;
        EXPECT_EQ(exportJsonl(dir, project), itemsBefore) << c.name;
    }
}

TEST(CliImportExport, ProjectThatIsNotSqliteIsRefusedAndLeftAlone) {
    srllm::test::ScratchDir dir;
    const auto notDb = writeFile(dir, "notes.srllm", "just some text, not a database\n");
    const auto items = writeFile(dir, "items.jsonl", "{\"text\": \"hello\"}\n");
    const auto r = runCli(dir, "import " + quote(notDb) + " " + quote(items));
    EXPECT_NE(r.exitCode, 0);
    EXPECT_NE(r.err.find(notDb), std::string::npos) << r.err;
    EXPECT_EQ(readFile(notDb), "just some text, not a database\n");
}

TEST(CliImportExport, InstructionsUseGoldOrReferenceRewrites) {
    srllm::test::ScratchDir dir;
    const auto project = newProject(dir, "p.srllm");
    const auto items = writeFile(dir, "items.jsonl",
                                 "{\"text\": \"Bad text.\", \"references\": [\"Good text.\"]}\n"
                                 "{\"text\": \"No rewrite here.\"}\n");
    ASSERT_EQ(runCli(dir, "import " + quote(project) + " " + quote(items)).exitCode, 0);
    const auto out = (dir / "i.jsonl").string();
    const auto r = runCli(dir, "export " + quote(project) + " " + quote(out) +
                                  " --format instructions --template custom --custom-template 'Fix: {text} => {rewrite}'");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto j = nlohmann::json::parse(readFile(out));  // exactly one line: the item without a rewrite is skipped
    EXPECT_EQ(j["prompt"], "Fix: Bad text. => ");
    EXPECT_EQ(j["response"], "Good text.");  // no EOS text: the trainer appends the tokenizer's EOS id (#8)
    EXPECT_EQ(j["item_uid"].get<std::string>().size(), 32u);
    EXPECT_EQ(j["source"], "reference");
    // The trainer's reader takes the export as it is, without a warning per line (#8: item_uid vs uid).
    srllm::core::Diagnostics warnings;
    EXPECT_EQ(srllm::core::readInstructionRecords(out, warnings).size(), 1u);
    EXPECT_TRUE(warnings.empty());
    EXPECT_NE(runCli(dir, "export " + quote(project) + " " + quote(out) +
                              " --format instructions --template custom --custom-template '<s>{text} {rewrite}'")
                  .exitCode,
              0);
}
