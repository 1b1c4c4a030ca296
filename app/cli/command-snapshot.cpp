// `srllm snapshot create|list|show PROJECT ...`: snapshots of gold labels and rewrites. A snapshot freezes
// the pinned items' texts, splits, gold labels, gold rewrites and reference rewrites; a job records which
// snapshot its data came from (`srllm job new --snapshot`).
#include <cstdio>
#include <map>

#include <CLI/CLI.hpp>

#include "app/cli/command-registry.h"
#include "core/common/diagnostics.h"
#include "db/items.h"
#include "db/project.h"
#include "db/snapshots.h"

namespace srllm::cli {

namespace {

struct SnapshotOptions {
    std::string project, name, dataset, which;
};

db::SnapshotRow findSnapshot(db::Database& db, const std::string& which) {
    const auto row = db::snapshotByIdOrName(db, which);
    if (!row) throw core::InputError("", 0, "SNAPSHOT", "no snapshot '" + which + "' (hint: `srllm snapshot list PROJECT`)");
    return *row;
}

void printRow(const db::SnapshotRow& s) {
    std::printf("%lld\t%s\t%lld items\t%lld gold\t%s\t%s\n", static_cast<long long>(s.id), s.name.c_str(),
                static_cast<long long>(s.itemCount), static_cast<long long>(s.goldCount),
                s.goldHash ? s.goldHash->substr(0, 12).c_str() : "(items only: made before gold was frozen)",
                s.createdAt.c_str());
}

void runCreate(const SnapshotOptions& o) {
    auto project = db::Project::open(o.project);
    std::optional<int64_t> dataset;
    if (!o.dataset.empty()) {
        dataset = db::datasetByName(project->db(), o.dataset);
        if (!dataset) throw core::InputError("", 0, "--dataset", "no dataset named '" + o.dataset + "'");
    }
    const auto s = db::createSnapshot(project->db(), o.name, dataset);
    std::printf("created snapshot %lld '%s': %lld items, %lld with gold labels (gold hash %s)\n",
                static_cast<long long>(s.id), s.name.c_str(), static_cast<long long>(s.itemCount),
                static_cast<long long>(s.goldCount), s.goldHash->c_str());
}

void runList(const SnapshotOptions& o) {
    auto project = db::Project::open(o.project);
    for (const auto& s : db::listSnapshots(project->db())) printRow(s);
}

void runShow(const SnapshotOptions& o) {
    auto project = db::Project::open(o.project);
    auto& db = project->db();
    const auto s = findSnapshot(db, o.which);
    std::map<std::string, int64_t> splits, withGold, withReferences;
    db::forEachSnapshotEntry(db, s.id, [&](const db::SnapshotEntry& e) {
        ++splits[e.split];
        if (e.hasGold) ++withGold[e.split];
        if (!e.references.empty()) ++withReferences[e.split];
    });
    std::printf("snapshot %lld '%s', created %s\n", static_cast<long long>(s.id), s.name.c_str(), s.createdAt.c_str());
    std::printf("items %lld, gold %lld\ncontent hash %s%s\ngold hash %s\n", static_cast<long long>(s.itemCount),
                static_cast<long long>(s.goldCount), s.contentHash.c_str(),
                db::snapshotContentHash(db, s.id) == s.contentHash ? "" : " (item texts have changed since)",
                s.goldHash ? s.goldHash->c_str() : "(none: made before snapshots froze gold labels)");
    for (const auto& [split, count] : splits)
        std::printf("%s: %lld items, %lld with gold, %lld with references\n", split.c_str(), static_cast<long long>(count),
                    static_cast<long long>(withGold[split]), static_cast<long long>(withReferences[split]));
}

const RegisterCommand kRegister{"snapshot", [](CLI::App& root) {
    auto* command = root.add_subcommand("snapshot", "Freeze gold labels and rewrites for training runs; list and show them");
    command->require_subcommand(1);
    auto o = std::make_shared<SnapshotOptions>();
    auto* create = command->add_subcommand("create", "Snapshot the items (of one dataset, or all) with their gold and references");
    create->add_option("PROJECT", o->project, "Path of the project file")->required();
    create->add_option("NAME", o->name, "A name for the snapshot, e.g. gold-2026-11-29")->required();
    create->add_option("--dataset", o->dataset, "Only the items of this dataset");
    create->callback([o] { runCreate(*o); });
    auto* list = command->add_subcommand("list", "One line per snapshot: id, name, items, gold, gold hash, created");
    list->add_option("PROJECT", o->project, "Path of the project file")->required();
    list->callback([o] { runList(*o); });
    auto* show = command->add_subcommand("show", "A snapshot's hashes and its items per split");
    show->add_option("PROJECT", o->project, "Path of the project file")->required();
    show->add_option("SNAPSHOT", o->which, "Snapshot id or name")->required();
    show->callback([o] { runShow(*o); });
}};

}  // namespace

}  // namespace srllm::cli
