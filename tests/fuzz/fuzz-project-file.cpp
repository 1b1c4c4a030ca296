// Fuzz target: a project file from an untrusted source (a work package sent back by an annotator, a file
// from a colleague). Each input is a whole SQLite file: open it (refuse, migrate or accept), read everything
// the CLI and the GUI read, run the majority adjudication, and merge it into a clean project when it claims
// to be a work package or a reviewer's review package. Seeds are made by LLVMFuzzerInitialize into
// $SRLLM_FUZZ_SEED_DIR (see run-fuzz.sh).
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <memory>

#include "core/data/jsonl-items.h"
#include "core/eval/evaluation-table.h"
#include "db/adjudication.h"
#include "db/agreement-report.h"
#include "db/annotation-import.h"
#include "db/annotations.h"
#include "db/annotators.h"
#include "db/database.h"
#include "db/generation-runs.h"
#include "db/gold.h"
#include "db/item-browse-query.h"
#include "db/item-import.h"
#include "db/items.h"
#include "db/metric-values.h"
#include "db/project-stats.h"
#include "db/project.h"
#include "db/references.h"
#include "db/review-package.h"
#include "db/review-queue.h"
#include "db/review-results.h"
#include "db/review-sessions.h"
#include "db/run-test-sets.h"
#include "db/snapshots.h"
#include "db/taxonomy-fields.h"
#include "db/taxonomy-store.h"
#include "db/work-package.h"
#include "fuzz/fuzz-support.h"

using namespace srllm;
namespace fs = std::filesystem;

namespace {

const std::string kScorerHash(64, 'f');
const std::string kReviewSession = "blind";
const std::string kReviewer = "rev1";

// An "original" run of two texts, scored and evaluated, so stored references, values and an evaluation table
// are in the seed for mutations to reach.
void addEvaluatedRun(db::Database& db) {
    db::GenerationRunSpec spec;
    spec.name = "original";
    spec.kind = "original";
    spec.testSet = "file:texts.jsonl";
    const std::vector<db::RunItem> items = {{0, std::nullopt, "Women are bad at maths.", {"People differ in maths."}, "gender/women"},
                                            {1, std::nullopt, "Old people can't learn new things.", {}, "age/old"}};
    const int64_t run = db::createGenerationRun(db, spec, items).id;
    core::EvaluatedRun evaluated{"original", {}, {}, {}};
    std::vector<db::RunOutput> outputs;
    std::vector<db::PositionValue> toxicity;
    for (const auto& item : items) {
        outputs.push_back({item.position, item.source, item.source, {}});
        evaluated.set.outputs.push_back(item.source);
        evaluated.set.sources.push_back(item.source);
        evaluated.set.references.push_back(item.references);
        evaluated.groups.push_back(item.group);
        toxicity.push_back({item.position, 0.75 - 0.5 * double(item.position), nullptr});
    }
    db::storeRunOutputs(db, run, outputs);
    std::vector<double> values;
    for (const auto& t : toxicity) values.push_back(*t.value);
    evaluated.columns.push_back({"risk-toxicity", 1, true, values});
    db::storeEvaluation(db, {{run, {{{"risk-toxicity", 1, kScorerHash}, toxicity}}, {}}}, kScorerHash, core::evaluationTable({evaluated}));

    // A second run over the same texts and a review session of the two, assigned to one reviewer: the source of
    // the review package seed and the session a merged review package must match.
    spec.name = "base";
    spec.kind = "model";
    spec.baseModel = "/models/tiny";
    const int64_t base = db::createGenerationRun(db, spec, items).id;
    for (auto& output : outputs) output.output = "A rewrite of text " + std::to_string(output.position) + ".";
    db::storeRunOutputs(db, base, outputs);
    const auto session = db::createReviewSession(db, {kReviewSession, {run, base}, 2, 1, 7});
    db::assignReviewers(db, session.id, {db::ensureAnnotator(db, kReviewer, "reviewer")});
}

// A project with items, two annotators' annotations, gold, a snapshot, an evaluated run and a review session.
void makeSourceProject(const fs::path& file) {
    auto project = db::Project::create(file.string());
    const auto items = fuzz::writeInput("items.jsonl", R"({"id":"1","text":"Women are bad at maths.","references":["People differ in maths."]}
{"id":"2","text":"Old people can't learn new things.","spans":[[0,3]]}
{"id":"3","text":"Ünïcödé text 日本語 🙂","metadata":{"source":"fuzz"}}
)");
    core::JsonlItemReader itemReader(items.string());
    db::importItems(*project, itemReader, "seed", {});
    const auto votes = fuzz::writeInput("votes.jsonl", R"({"item":"1","annotator":"ann1","labels":{"bias":"Yes","toxicity":"Mild"},"spans":[[0,5]],"rewrite":"People differ."}
{"item":"1","annotator":"ann2","labels":{"bias":"Yes","toxicity":"High"}}
{"item":"2","annotator":"ann1","labels":{"bias":"No"}}
{"item":"2","annotator":"ann2","labels":{"bias":"No"}}
)");
    core::AnnotationJsonlReader voteReader(votes.string());
    db::importAnnotations(*project, voteReader, {});
    db::adjudicateMajority(project->db());
    db::createSnapshot(project->db(), "v1", std::nullopt);
    addEvaluatedRun(project->db());
}

// The merge target and the source of the seeds. A package matches a project by its items' uids and its review
// session's id and time, which differ each time the project is made, so it is made once per fuzz binary and
// kept beside the seeds: a package that a later run, or a second process on the same corpus, mutates from the
// corpus still matches and reaches the merge's deeper checks. Each process reads its own copy.
const fs::path& sourceProject() {
    static const fs::path path = [] {
        const fs::path file = fuzz::scratchDir() / "source.srllm";
        const char* seeds = std::getenv("SRLLM_FUZZ_SEED_DIR");
        if (!seeds) {
            makeSourceProject(file);
            return file;
        }
        const fs::path kept = fs::path(seeds).parent_path() / "source.srllm";
        std::error_code absent;
        const auto keptAt = fs::last_write_time(kept, absent);
        if (!absent && keptAt > fs::last_write_time("/proc/self/exe")) {
            fs::copy_file(kept, file);
            return file;
        }
        makeSourceProject(file);
        const fs::path staged = kept.string() + "." + std::to_string(::getpid());
        fs::copy_file(file, staged, fs::copy_options::overwrite_existing);
        fs::rename(staged, kept);  // whole or not at all, for a process starting beside this one
        return file;
    }();
    return path;
}

// Small pages and no WAL keep a seed near 20 KB, so mutations reach every page.
void writeCompactCopy(db::Database& from, const fs::path& to) {
    fs::remove(to);
    from.prepare("VACUUM INTO ?1").bind(1, to.string()).run();
    db::Database copy(to.string(), db::Database::Mode::ReadWrite);
    copy.exec("PRAGMA journal_mode=DELETE; PRAGMA page_size=512; VACUUM");
}

void removeProjectFiles(const fs::path& file) {
    for (const auto& entry : fs::directory_iterator(file.parent_path()))
        if (entry.path().filename().string().starts_with(file.filename().string())) fs::remove(entry.path());
}

void readEverything(db::Project& project) {
    db::Database& db = project.db();
    db::projectStats(db);
    const auto taxonomy = db::currentTaxonomy(db);
    db::taxonomyFields(taxonomy.json, taxonomy.version);
    db::listAnnotators(db);
    db::allAnnotations(db);
    db::allGold(db);
    db::ItemQuery query;
    db::countItems(db, query);
    for (const auto& item : db::queryItems(db, query)) db::referencesFor(db, item.id);
    db::browseDatasets(db);
    db::browseRows(db, db::browseItemIds(db, {}));
    db::agreementReport(db, {.resamples = 5, .seed = 1});
    db::itemsWithDisagreement(db);
    for (const auto& snapshot : db::listSnapshots(db)) {
        db::snapshotItems(db, snapshot.id);
        db::snapshotContentHash(db, snapshot.id);
        db::snapshotSplitItems(db, snapshot.id, "train");  // the frozen gold labels
    }
    db::projectSplitItems(db, "test");
    for (const auto& run : db::listGenerationRuns(db)) {
        db::runItems(db, run.id);
        db::runOutputs(db, run.id);
        for (const auto& key : db::runMetricKeys(db, run.id)) db::runMetricSeries(db, run.id, key);
        db::runSummaryValues(db, run.id);
    }
    if (const auto latest = db::latestEvaluation(db)) db::evaluationOfRuns(db, (*latest)["run_ids"].get<std::vector<int64_t>>());
    for (const auto& session : db::listReviewSessions(db)) {
        for (const auto& person : db::listAnnotators(db)) db::reviewQueue(db, session.id, person.id);
        db::reviewResults(db, session.id, {.resamples = 5, .seed = 1});
    }
    db::adjudicateMajority(db);
}

template <typename Body>
void expectRejections(const std::string& file, Body&& body) {
    try {
        body();
    } catch (const db::DbError& e) {
        fuzz::requireNamesFile(e.what(), file);
    } catch (const core::InputError& e) {
        fuzz::requireNamesFile(e.what(), file);
    }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    const char* seeds = std::getenv("SRLLM_FUZZ_SEED_DIR");
    if (!seeds) return 0;
    fs::create_directories(seeds);
    auto source = db::Project::open(sourceProject().string());
    writeCompactCopy(source->db(), fs::path(seeds) / "project.srllm");
    const fs::path package = fuzz::scratchDir() / "package.srllm";
    removeProjectFiles(package);
    db::createWorkPackage(*source, "ann1", package.string());
    {   // one annotation changed offline, so the seed's merge updates a row rather than finding it unchanged
        auto annotated = db::Project::open(package.string());
        db::Database& db = annotated->db();
        db::AnnotationRow changed = db::allAnnotations(db).front();
        changed.labels["toxicity"] = "High";
        changed.status = "done";
        db::saveAnnotation(db, changed);
        writeCompactCopy(db, fs::path(seeds) / "package.srllm");
    }
    const fs::path review = fuzz::scratchDir() / "review.srllm";
    removeProjectFiles(review);
    db::createReviewPackage(*source, kReviewSession, kReviewer, review.string());
    {   // one judgement made offline, so the seed's merge writes something
        auto reviewed = db::Project::open(review.string());
        db::Database& db = reviewed->db();
        const int64_t reviewer = db::annotatorByName(db, kReviewer)->id;
        const auto queue = db::reviewQueue(db, db::reviewSessionByName(db, kReviewSession)->id, reviewer);
        db::saveJudgement(db, reviewer, {queue.front().comparisonId, db::Verdict::A, 2, 4, 3, 5, {"truncated"}, {}, "fuzz", 3});
        writeCompactCopy(db, fs::path(seeds) / "review-package.srllm");
    }
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const fs::path input = fuzz::scratchDir() / "input.srllm";
    removeProjectFiles(input);
    fuzz::writeInput(input.filename().string(), {reinterpret_cast<const char*>(data), size});
    bool package = false, reviewPackage = false;
    expectRejections(input.string(), [&] {
        auto project = db::Project::open(input.string());
        readEverything(*project);
        package = db::readPackageManifest(project->db()).has_value();
        reviewPackage = db::readReviewPackageManifest(project->db()).has_value();
    });
    if (!package && !reviewPackage) return 0;
    const fs::path target = fuzz::scratchDir() / "target.srllm";
    removeProjectFiles(target);
    fs::copy_file(sourceProject(), target);
    expectRejections(input.string(), [&] {
        auto project = db::Project::open(target.string());
        if (package) db::mergeWorkPackage(*project, input.string());
        if (reviewPackage) db::mergeReviewPackage(*project, input.string());
    });
    return 0;
}
