#include "db/generation-runs.h"

#include "core/common/diagnostics.h"
#include "core/common/sha256.h"
#include "db/database.h"
#include "db/stored-json.h"

namespace srllm::db {

namespace {

void feed(core::Sha256& digest, const std::string& text) {
    digest.update(std::to_string(text.size()) + ":");
    digest.update(text);
}

constexpr const char* kRunColumns =
    "SELECT r.id, r.name, r.kind, r.job_dir, r.base_model, r.adapter, r.model_hash, r.template, r.decoding,"
    " r.test_set, r.test_set_hash, r.item_count, r.status, r.created_at, r.finished_at,"
    " (SELECT count(*) FROM generations g WHERE g.generation_run_id = r.id) FROM generation_runs r ";

GenerationRunRow readRun(const Statement& st) {
    GenerationRunRow row;
    row.id = st.columnInt(0);
    row.spec = {st.columnText(1),
                st.columnText(2),
                st.columnOptionalText(3),
                st.columnOptionalText(4),
                st.columnOptionalText(5),
                st.columnOptionalText(6),
                st.columnOptionalText(7),
                storedJson(st, 8, "decoding of a generation run"),
                st.columnText(9)};
    row.testSetHash = st.columnText(10);
    row.itemCount = st.columnInt(11);
    row.status = st.columnText(12);
    row.createdAt = st.columnText(13);
    row.finishedAt = st.columnOptionalText(14);
    row.outputCount = st.columnInt(15);
    return row;
}

std::optional<GenerationRunRow> firstRun(Statement& st) {
    if (!st.step()) return std::nullopt;
    return readRun(st);
}

RunItem readItem(const Statement& st) {
    RunItem item{st.columnInt(0), st.columnOptionalInt(1), st.columnText(2), {}, st.columnText(4)};
    item.references = storedStrings(st, 3, "references of a generation run item");
    return item;
}

constexpr const char* kItemColumns = "SELECT i.position, i.item_id, i.source, i.refs, i.grp";

std::vector<RunItem> selectItems(Database& db, int64_t runId, const char* where) {
    auto st = db.prepare(std::string(kItemColumns) + " FROM generation_run_items i WHERE i.run_id = ?1 " + where +
                         " ORDER BY i.position");
    st.bind(1, runId);
    std::vector<RunItem> items;
    while (st.step()) items.push_back(readItem(st));
    return items;
}

}  // namespace

std::string testSetHash(const std::vector<RunItem>& items) {
    core::Sha256 digest;
    for (const auto& item : items) {
        digest.update(std::to_string(item.position) + ";");
        feed(digest, item.source);
        digest.update(std::to_string(item.references.size()) + ";");
        for (const auto& r : item.references) feed(digest, r);
        feed(digest, item.group);
    }
    return digest.finishHex();
}

GenerationRunRow createGenerationRun(Database& db, const GenerationRunSpec& spec, const std::vector<RunItem>& items) {
    if (items.empty()) throw DbError(db.path() + ": generation run '" + spec.name + "' has an empty test set");
    for (size_t i = 0; i < items.size(); ++i)
        if (items[i].position != static_cast<int64_t>(i))
            throw DbError(db.path() + ": generation run items must be numbered 0..n-1 in order");
    if (generationRunByName(db, spec.name))
        throw DbError(db.path() + ": a generation run named '" + spec.name + "' exists (hint: choose another name)");
    Transaction tx(db);
    auto run = db.prepare(
        "INSERT INTO generation_runs(name, kind, job_dir, base_model, adapter, model_hash, template, decoding,"
        " test_set, test_set_hash, item_count) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
    run.bind(1, spec.name).bind(2, spec.kind).bind(3, spec.jobDir).bind(4, spec.baseModel).bind(5, spec.adapter);
    run.bind(6, spec.modelHash).bind(7, spec.templateName).bind(8, spec.decoding.dump()).bind(9, spec.testSet);
    run.bind(10, testSetHash(items)).bind(11, static_cast<int64_t>(items.size())).run();
    const int64_t id = db.lastInsertId();
    auto insert = db.prepare(
        "INSERT INTO generation_run_items(run_id, position, item_id, source, refs, grp) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    for (const auto& item : items) {
        insert.bind(1, id).bind(2, item.position).bind(3, item.itemId).bind(4, item.source);
        insert.bind(5, nlohmann::json(item.references).dump()).bind(6, item.group).run();
        insert.reset();
    }
    tx.commit();
    return *generationRunById(db, id);
}

std::optional<GenerationRunRow> generationRunByName(Database& db, const std::string& name) {
    auto st = db.prepare(std::string(kRunColumns) + "WHERE r.name = ?1");
    st.bind(1, name);
    return firstRun(st);
}

std::optional<GenerationRunRow> generationRunById(Database& db, int64_t id) {
    auto st = db.prepare(std::string(kRunColumns) + "WHERE r.id = ?1");
    st.bind(1, id);
    return firstRun(st);
}

std::vector<GenerationRunRow> listGenerationRuns(Database& db) {
    auto st = db.prepare(std::string(kRunColumns) + "ORDER BY r.id");
    std::vector<GenerationRunRow> rows;
    while (st.step()) rows.push_back(readRun(st));
    return rows;
}

std::vector<RunItem> runItems(Database& db, int64_t runId) { return selectItems(db, runId, ""); }

std::vector<RunItem> pendingRunItems(Database& db, int64_t runId) {
    return selectItems(db, runId,
                       "AND NOT EXISTS (SELECT 1 FROM generations g WHERE g.generation_run_id = i.run_id"
                       " AND g.position = i.position)");
}

void storeRunOutputs(Database& db, int64_t runId, const std::vector<RunOutput>& outputs) {
    const auto run = generationRunById(db, runId);
    if (!run) throw DbError(db.path() + ": no generation run " + std::to_string(runId));
    const std::string model = run->spec.kind == "original" ? "original" : run->spec.baseModel.value_or("");
    Transaction tx(db);
    auto item = db.prepare("SELECT item_id FROM generation_run_items WHERE run_id = ?1 AND position = ?2");
    auto insert = db.prepare(
        "INSERT INTO generations(item_id, run_id, model, adapter, prompt, output, params, generation_run_id, position)"
        " VALUES (?1, NULL, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    for (const auto& out : outputs) {
        item.bind(1, runId).bind(2, out.position);
        if (!item.step())
            throw DbError(db.path() + ": generation run '" + run->spec.name + "' has no item at position " +
                          std::to_string(out.position));
        const auto itemId = item.columnOptionalInt(0);
        item.reset();
        try {
            insert.bind(1, itemId).bind(2, model).bind(3, run->spec.adapter).bind(4, out.prompt).bind(5, out.output);
            insert.bind(6, out.params.dump()).bind(7, runId).bind(8, out.position).run();
        } catch (const DbError&) {
            throw DbError(db.path() + ": generation run '" + run->spec.name + "' already has an output at position " +
                          std::to_string(out.position));
        }
        insert.reset();
    }
    auto done = db.prepare(
        "UPDATE generation_runs SET status = 'done', finished_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"
        " WHERE id = ?1 AND status = 'running'"
        " AND item_count = (SELECT count(*) FROM generations WHERE generation_run_id = ?1)");
    done.bind(1, runId).run();
    tx.commit();
}

std::vector<RunOutputRow> runOutputs(Database& db, int64_t runId) {
    auto st = db.prepare(std::string(kItemColumns) +
                         ", g.id, g.output FROM generation_run_items i LEFT JOIN generations g"
                         " ON g.generation_run_id = i.run_id AND g.position = i.position"
                         " WHERE i.run_id = ?1 ORDER BY i.position");
    st.bind(1, runId);
    std::vector<RunOutputRow> rows;
    while (st.step()) rows.push_back({readItem(st), st.columnOptionalInt(5), st.columnOptionalText(6)});
    return rows;
}

std::vector<GenerationRunRow> pairableRuns(Database& db, const std::vector<std::string>& names) {
    if (names.empty()) throw core::InputError("", 0, "--runs", "names no run");
    std::vector<GenerationRunRow> runs;
    for (const auto& name : names) {
        auto run = generationRunByName(db, name);
        if (!run) {
            std::string known;
            for (const auto& r : listGenerationRuns(db)) known += (known.empty() ? "" : ", ") + r.spec.name;
            throw core::InputError("", 0, "--runs", "no generation run '" + name + "' in the project (runs: " +
                                                        (known.empty() ? "none" : known) + ")");
        }
        if (run->outputCount == 0)
            throw core::InputError("", 0, "--runs", "run '" + name + "' has no outputs (hint: srllm generate-run ... --name " + name + ")");
        if (run->outputCount < run->itemCount)
            throw core::InputError("", 0, "--runs", "run '" + name + "' has " + std::to_string(run->outputCount) + " of " +
                                                        std::to_string(run->itemCount) + " outputs (hint: the same generate-run command continues it)");
        if (!runs.empty() && run->testSetHash != runs[0].testSetHash)
            throw core::InputError("", 0, "--runs", "run '" + name + "' was made over another test set than '" +
                                                        runs[0].spec.name + "' (" + run->spec.testSet + " vs " +
                                                        runs[0].spec.testSet + "), so its outputs cannot be paired");
        runs.push_back(*run);
    }
    return runs;
}

}  // namespace srllm::db
