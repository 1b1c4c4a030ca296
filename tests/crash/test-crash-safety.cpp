// ctest-label: slow
// Crash safety: the CLI and the GUI are killed with SIGKILL at >= 20 points each while they import items and
// annotations, adjudicate, merge work packages and save annotations. The points are the write, fsync,
// truncate, rename and unlink calls on the project's folder (tests/crash/kill-point.cpp), drawn from a seed,
// so a failure replays exactly. After each kill: PRAGMA integrity_check says "ok", everything acknowledged
// before the kill is there, the operation happened wholly or not at all, the project opens, and running it
// again ends in the state of a run that was never killed. Training (tests/crash/training-scenario.h) and
// evaluation (generate-run and eval, tests/crash/evaluation-scenario.h) are killed the same way.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <random>
#include <sstream>

#include <gtest/gtest.h>

#include "core/data/annotation-jsonl.h"
#include "core/data/jsonl-items.h"
#include "db/annotation-import.h"
#include "db/annotations.h"
#include "db/annotators.h"
#include "db/database.h"
#include "db/item-import.h"
#include "db/items.h"
#include "db/project.h"
#include "db/work-package.h"
#include "crash/crash-scenario.h"
#include "crash/evaluation-scenario.h"
#include "crash/training-scenario.h"
#include "support/cli-run.h"
#include "support/db-query.h"
#include "support/test-data.h"

using namespace srllm;
namespace fs = std::filesystem;
using test::Outcome;
using test::Scenario;
using test::shellQuote;
using test::State;

namespace {

constexpr int kPointsPerScenario = 24;
constexpr const char* kProject = "project.srllm";

// SRLLM_CRASH_SEED replays a failure; the default keeps CI deterministic.
uint64_t crashSeed() {
    const char* seed = std::getenv("SRLLM_CRASH_SEED");
    return seed ? std::strtoull(seed, nullptr, 10) : 12;
}

// Kill points in 1..total: one drawn in each of kPointsPerScenario equal strata (every point when fewer).
std::vector<long> drawPoints(long total, uint64_t seed, const std::string& scenario) {
    std::vector<long> points;
    if (total <= kPointsPerScenario) {
        for (long k = 1; k <= total; ++k) points.push_back(k);
        return points;
    }
    uint64_t mix = 14695981039346656037ULL ^ seed;
    for (char c : scenario) mix = (mix ^ static_cast<unsigned char>(c)) * 1099511628211ULL;  // FNV-1a
    std::mt19937_64 random(mix);
    for (long s = 0; s < kPointsPerScenario; ++s) {
        const long first = 1 + total * s / kPointsPerScenario, last = total * (s + 1) / kPointsPerScenario;
        points.push_back(std::uniform_int_distribution<long>(first, last)(random));
    }
    return points;
}

// What is compared between runs: content only (no ids, uids or timestamps, which differ between runs).
const std::map<std::string, std::string> kStateQueries = {
    {"items", "SELECT d.name || '|' || coalesce(i.external_id, '') || '|' || i.text FROM items i"
              " JOIN datasets d ON d.id = i.dataset_id ORDER BY 1"},
    {"annotations", "SELECT n.name || '|' || i.text || '|' || a.labels || '|' || coalesce(a.spans, '') || '|' ||"
                    " coalesce(a.rewrite, '') || '|' || a.status FROM annotations a JOIN items i ON i.id = a.item_id"
                    " JOIN annotators n ON n.id = a.annotator_id ORDER BY 1"},
    {"gold", "SELECT i.text || '|' || g.labels || '|' || g.provenance || '|' || coalesce(g.rewrite, '') FROM gold g"
             " JOIN items i ON i.id = g.item_id ORDER BY 1"},
};

State stateOf(const fs::path& project) {
    db::Database db(project.string(), db::Database::Mode::ReadOnly);
    State state;
    for (const auto* queries : {&kStateQueries, &test::kEvaluationStateQueries})
        for (const auto& [name, sql] : *queries) {
            auto st = db.prepare(sql);
            std::string& rows = state[name];
            while (st.step()) rows += st.columnText(0) + "\n";
        }
    return state;
}

// The lines of `rows` that start with `prefix` (one annotator's annotations).
std::string linesStartingWith(const std::string& rows, const std::string& prefix) {
    std::istringstream in(rows);
    std::string out;
    for (std::string line; std::getline(in, line);)
        if (line.rfind(prefix, 0) == 0) out += line + "\n";
    return out;
}

void expectOneOf(const Outcome& o, const std::string& part) {
    EXPECT_TRUE(o.now.at(part) == o.before.at(part) || o.now.at(part) == o.after.at(part))
        << part << " is neither as before the operation nor as after it:\n" << o.now.at(part);
}

void expectUnchanged(const Outcome& o, const std::string& part) {
    EXPECT_EQ(o.now.at(part), o.before.at(part)) << part << " changed although the operation does not touch it";
}

// The "ack ITEM STATUS LABELS" lines the annotate driver printed, in order, as (item, "STATUS LABELS").
std::vector<std::pair<std::string, std::string>> acknowledgements(const std::string& output) {
    std::vector<std::pair<std::string, std::string>> out;
    std::istringstream lines(output);
    for (std::string line; std::getline(lines, line);) {
        if (line.rfind("ack ", 0) != 0) continue;
        std::istringstream fields(line.substr(4));
        std::string item, rest;
        fields >> item;
        std::getline(fields >> std::ws, rest);
        out.emplace_back(item, rest);
    }
    return out;
}

// Every item's stored row must be its last acknowledged state or a later one of the never-killed sequence
// (the write that was in flight).
void expectAcknowledgedEditsKept(const Outcome& o) {
    std::map<std::string, std::vector<std::string>> sequence;  // item -> "status labels" in order
    for (const auto& [item, state] : acknowledgements(o.referenceOutput)) sequence[item].push_back(state);
    std::map<std::string, size_t> lastAcked;
    for (const auto& [item, state] : acknowledgements(o.output)) {
        auto& steps = sequence[item];
        const auto at = std::find(steps.begin() + static_cast<long>(lastAcked.count(item) ? lastAcked[item] : 0),
                                  steps.end(), state);
        ASSERT_NE(at, steps.end()) << "acknowledged state of item " << item << " not in the reference run: " << state;
        lastAcked[item] = static_cast<size_t>(at - steps.begin());
    }
    db::Database db((o.dir / kProject).string(), db::Database::Mode::ReadOnly);
    const int64_t annotator = test::queryInt(db, "SELECT id FROM annotators WHERE name = 'gui-annotator'");
    for (const auto& [item, steps] : sequence) {
        const auto row = db::annotationFor(db, std::stoll(item), annotator);
        if (!lastAcked.count(item)) {  // never acknowledged: absent, or the first write was in flight
            if (row) {
                EXPECT_EQ(row->status + " " + row->labels.dump(), steps.front()) << "item " << item;
            }
            continue;
        }
        ASSERT_TRUE(row) << "item " << item << ": an acknowledged annotation is missing";
        const std::string stored = row->status + " " + row->labels.dump();
        const auto from = steps.begin() + static_cast<long>(lastAcked[item]);
        EXPECT_TRUE(std::find(from, steps.end(), stored) != steps.end())
            << "item " << item << ": stored '" << stored << "' is older than the acknowledged '" << *from << "'";
    }
}

// 21,000 texts of ~430 bytes (9 MB), written into each copy of the prepared folder rather than the folder
// itself, which every other scenario copies too.
void writeManyItems(const fs::path& dir) {
    std::ofstream out(dir / "many-items.jsonl");
    std::string filler;
    while (filler.size() < 400) filler += " and so the long text goes on";
    for (int i = 1; i <= 21000; ++i)
        out << nlohmann::json{{"id", "m" + std::to_string(i)}, {"text", "Many " + std::to_string(i) + filler}}.dump() << "\n";
}

std::vector<Scenario> scenarios() {
    const auto path = [](const fs::path& dir, const char* name) { return shellQuote((dir / name).string()); };
    const auto itemsImportedOrNot = [](const Outcome& o) {
        expectOneOf(o, "items");
        expectUnchanged(o, "annotations");
        expectUnchanged(o, "gold");
    };
    std::vector<Scenario> list = {
        {"import-items", "cli",
         [=](const fs::path& d) { return "import " + path(d, kProject) + " " + path(d, "new-items.jsonl"); },
         itemsImportedOrNot},
        // Past 4 MiB, alone on the project, the import leaves WAL for a rollback journal: the kills land in its
        // journal writes, and the next open must roll the hot journal back and return to WAL. Past 20,000 records
        // it is a bulk import too: indexes dropped, 64 rows a statement, indexes and full-text index rebuilt.
        {"import-items-large", "cli",
         [=](const fs::path& d) { return "import " + path(d, kProject) + " " + path(d, "many-items.jsonl"); },
         itemsImportedOrNot, true, true, kProject, writeManyItems},
        {"import-annotations", "cli",
         [=](const fs::path& d) { return "import " + path(d, kProject) + " " + path(d, "votes.jsonl"); },
         [](const Outcome& o) {
             expectOneOf(o, "annotations");
             expectUnchanged(o, "items");
         }},
        {"adjudicate", "cli",
         [=](const fs::path& d) { return "adjudicate " + path(d, kProject) + " --auto majority"; },
         [](const Outcome& o) {
             expectOneOf(o, "gold");
             expectUnchanged(o, "annotations");
         }},
        {"merge-packages", "cli",
         [=](const fs::path& d) {
             return "merge " + path(d, kProject) + " " + path(d, "package-a.srllm") + " " + path(d, "package-b.srllm");
         },
         [](const Outcome& o) {
             // Each package merges in its own transaction: wholly or not at all, and surely once acknowledged.
             for (const auto& [annotator, package] : {std::pair{"offline-a|", "package-a.srllm"}, {"offline-b|", "package-b.srllm"}}) {
                 const std::string now = linesStartingWith(o.now.at("annotations"), annotator);
                 const std::string after = linesStartingWith(o.after.at("annotations"), annotator);
                 EXPECT_TRUE(now == linesStartingWith(o.before.at("annotations"), annotator) || now == after)
                     << annotator << " partly merged";
                 if (o.output.find(std::string(package) + " (") != std::string::npos) {
                     EXPECT_EQ(now, after) << package << " was acknowledged as merged but is not";
                 }
             }
             expectUnchanged(o, "items");
         }},
        {"annotate-in-gui", "gui", [=](const fs::path& d) { return path(d, kProject) + " gui-annotator 8"; },
         [](const Outcome& o) {
             expectAcknowledgedEditsKept(o);
             expectUnchanged(o, "items");
             expectUnchanged(o, "gold");
         },
         false, false},
    };
    list.push_back(test::evalScenario());
#if SRLLM_CRASH_TRAINING
    list.push_back(test::trainingScenario());
    list.push_back(test::generateRunScenario());
#endif
    return list;
}

// 400 items, three annotators' votes on 320 of them (enough gold rows for 24 kill points in 16 KiB pages), new items and votes to import, and two work packages labelled offline.
void prepare(const fs::path& dir) {
    fs::create_directories(dir);
    std::ofstream items(dir / "items.jsonl"), newItems(dir / "new-items.jsonl"), votes(dir / "votes.jsonl"),
        earlier(dir / "earlier-votes.jsonl");
    for (int i = 1; i <= 400; ++i)
        items << nlohmann::json{{"id", std::to_string(i)}, {"text", "Item number " + std::to_string(i) + " says something."}}.dump() << "\n";
    for (int i = 1; i <= 150; ++i)
        newItems << nlohmann::json{{"id", "n" + std::to_string(i)}, {"text", "A new text " + std::to_string(i) + "."}}.dump() << "\n";
    const auto vote = [](std::ofstream& out, int item, const std::string& annotator, int salt) {
        out << nlohmann::json{{"item", std::to_string(item)}, {"annotator", annotator},
                              {"labels", {{"bias", salt % 2 ? "Yes" : "No"}, {"toxicity", salt % 3 ? "Mild" : "High"},
                                          {"sentiment", "Negative"}, {"harm", "Low"}, {"annotation", "Unsafe"}}}}.dump()
            << "\n";
    };
    for (int i = 1; i <= 320; ++i)
        for (int a = 1; a <= 3; ++a)
            if (a < 3 || i <= 160) vote(earlier, i, "ann" + std::to_string(a), i + a);
    for (int i = 321; i <= 400; ++i)
        for (int a = 4; a <= 5; ++a) vote(votes, i, "ann" + std::to_string(a), i * a);
    items.close(), newItems.close(), votes.close(), earlier.close();

    auto project = db::Project::create((dir / kProject).string());
    core::JsonlItemReader itemReader((dir / "items.jsonl").string());
    db::importItems(*project, itemReader, "base", {});
    core::AnnotationJsonlReader voteReader((dir / "earlier-votes.jsonl").string());
    db::importAnnotations(*project, voteReader, {});
    // Random uids shape the uid index differently on every run, and with it the number of page writes; fixed
    // uids and a VACUUM make the prepared files, and so every kill point, the same from run to run.
    project->db().exec("UPDATE items SET uid = printf('%032x', id); VACUUM");
    for (const char* name : {"offline-a", "offline-b"}) {
        const fs::path file = dir / (std::string("package-") + name[8] + ".srllm");
        db::createWorkPackage(*project, name, file.string());
        auto package = db::Project::open(file.string());
        const int64_t annotator = db::annotatorByName(package->db(), name)->id;
        for (int64_t item = 1; item <= 30; ++item) {
            db::AnnotationRow row;
            row.itemId = item;
            row.annotatorId = annotator;
            row.labels = {{"bias", item % 2 ? "Yes" : "No"}, {"annotation", "Benign"}};
            row.status = "done";
            db::saveAnnotation(package->db(), row);
        }
        package->db().exec("VACUUM");
    }
}

class CrashSafety : public ::testing::TestWithParam<Scenario> {
protected:
    static void SetUpTestSuite() {
        s_scratch = new test::ScratchDir();
        prepare(s_scratch->path() / "prepared");
    }

    static void prepareWorkspaces(const Scenario& s) {
        for (const auto& folder : s.workspaces) {
            const fs::path dir = s_scratch->path() / "prepared" / folder;
            if (fs::exists(dir)) continue;
            if (folder == test::kEvaluationFolder) test::makeEvaluationWorkspace(dir);
#if SRLLM_CRASH_TRAINING
            if (folder == test::kTrainingFolder) test::makeTrainingWorkspace(dir);
#endif
        }
    }
    static void TearDownTestSuite() { delete s_scratch; }

    // A fresh copy of the prepared folder, set up for the scenario.
    static fs::path copyPrepared(const Scenario& s, const std::string& name) {
        const fs::path dir = s_scratch->path() / name;
        fs::remove_all(dir);
        fs::copy(s_scratch->path() / "prepared", dir, fs::copy_options::recursive);
        if (s.setUp) s.setUp(dir);
        return dir;
    }

    // The command line, with the kill-point library preloaded when killAt >= 0 (0 only counts the points).
    static std::string commandLine(const Scenario& s, const fs::path& dir, long killAt) {
        const std::string program = s.program == "gui" ? SRLLM_ANNOTATE_DRIVER : test::cliBinary();
        std::string line = shellQuote(program) + " " + s.arguments(dir);
        if (killAt < 0) return line;
        const char* asan = std::getenv("ASAN_OPTIONS");
        return "env SRLLM_KILL_DIR=" + shellQuote(dir.string()) + " SRLLM_KILL_AT=" + std::to_string(killAt) +
               " SRLLM_KILL_COUNT_FILE=" + shellQuote(dir.string() + ".count") + " LD_PRELOAD=" +
               shellQuote(SRLLM_KILL_POINT_LIB) + " ASAN_OPTIONS=" +
               shellQuote(std::string(asan ? asan : "") + ":verify_asan_link_order=0") + " stdbuf -oL " + line;
    }

    static test::ScratchDir* s_scratch;
};
test::ScratchDir* CrashSafety::s_scratch = nullptr;

TEST_P(CrashSafety, KilledAnywhereLosesNothingAcknowledgedAndRecovers) {
    const Scenario& s = GetParam();
    if (s.program == "gui" && std::string(SRLLM_ANNOTATE_DRIVER).empty()) GTEST_SKIP() << "built without the GUI";
    if (!s.sharedData.empty() && test::sharedData(s.sharedData).empty())
        GTEST_SKIP() << "shared data file absent: " << s.sharedData;
    prepareWorkspaces(s);
    const State before = stateOf(s_scratch->path() / "prepared" / s.project);

    const fs::path reference = copyPrepared(s, s.name + "-reference");
    const auto counted = test::runShell(commandLine(s, reference, 0));
    ASSERT_EQ(counted.exitCode, 0) << counted.output;
    long total = 0;
    std::ifstream(reference.string() + ".count") >> total;
    ASSERT_GE(total, kPointsPerScenario) << "too few kill points (is the library preloaded?); make the scenario bigger";
    const State after = stateOf(reference / s.project);

    const uint64_t seed = crashSeed();
    const auto points = drawPoints(total, seed, s.name);
    std::string drawn;
    for (long k : points) drawn += " " + std::to_string(k);
    std::printf("crash %s: %ld kill points in a full run, seed %llu, killed at%s\n", s.name.c_str(), total,
                static_cast<unsigned long long>(seed), drawn.c_str());
    RecordProperty("kill_points", static_cast<int>(total));
    for (const long k : points) {
        SCOPED_TRACE("kill point " + std::to_string(k) + " of " + std::to_string(total) + " (replay: SRLLM_CRASH_SEED=" +
                     std::to_string(seed) + ")");
        fs::path dir = copyPrepared(s, s.name + "-" + std::to_string(k));
        auto killed = test::runShell(commandLine(s, dir, k));
        // A drifting count may end a run before its point: it is killed at its own last write instead, so the
        // final writes (a job's result and its "done" mark) stay kill points.
        for (int again = 0; !s.exactPoints && !killed.killed && killed.exitCode == 0 && again < 3; ++again) {
            long own = 0;
            std::ifstream(dir.string() + ".count") >> own;
            ASSERT_LT(own, k) << "the run ended unkilled before its kill point\n" << killed.output;
            dir = copyPrepared(s, s.name + "-" + std::to_string(k));
            killed = test::runShell(commandLine(s, dir, own));
            std::printf("crash %s: point %ld was past this run's %ld writes; killed at its last one\n", s.name.c_str(),
                        k, own);
        }
        ASSERT_TRUE(killed.killed) << "not killed at point " << k << " (exit " << killed.exitCode
                                   << "): the run made fewer file changes than the counting run\n" << killed.output;
        {
            db::Database db((dir / s.project).string(), db::Database::Mode::ReadWrite);  // recovers the journal
            EXPECT_EQ(test::queryText(db, "PRAGMA integrity_check"), "ok");
        }
        EXPECT_NO_THROW(db::Project::open((dir / s.project).string()));
        const State now = stateOf(dir / s.project);
        const Outcome outcome{dir, reference, before, after, now, killed.output, counted.output};
        s.check(outcome);
        const bool finished = s.finished && s.finished(dir);
        const auto again = test::runShell(commandLine(s, dir, -1));
        EXPECT_TRUE(again.exitCode == 0 || finished) << again.output;
        if (s.retryEqualsReference) {
            EXPECT_EQ(stateOf(dir / s.project), after) << "running again did not recover";
        }
        if (s.checkAfterRetry) s.checkAfterRetry(outcome);
        fs::remove_all(dir);
    }
}

INSTANTIATE_TEST_SUITE_P(Operations, CrashSafety, ::testing::ValuesIn(scenarios()),
                         [](const auto& info) {
                             std::string name = info.param.name;
                             std::replace(name.begin(), name.end(), '-', '_');
                             return name;
                         });

}  // namespace
