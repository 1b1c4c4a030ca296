// Item browser at scale (#3, #11): builds a project of N generated items (default 1,000,000) with SQL bulk
// inserts, then times what the GUI does. Ids load on a worker connection (#11), so each figure is the
// time until the first page is shown, until every id is in, and the longest the event loop (the window)
// went without running, measured by a 1 ms heartbeat timer. Also: random scroll jumps, the agreement
// bootstrap in the background, and a refresh after another connection commits (data_version).
// Usage: bench-item-browser [items] [project-path]   (the project file is rebuilt when absent)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include <QCoreApplication>
#include <QEventLoop>
#include <QTimer>

#include "db/agreement-report.h"
#include "db/annotators.h"
#include "db/database.h"
#include "db/item-browse-query.h"
#include "db/project.h"
#include "ui/background-task.h"
#include "ui/browser/item-table-model.h"
#include "ui/project-session.h"

namespace {

using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

long statusKib(const char* key) {  // VmRSS / VmHWM from /proc/self/status
    std::ifstream in("/proc/self/status");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind(key, 0) == 0) return std::stol(line.substr(std::string(key).size()));
    return -1;
}

void buildProject(const std::string& path, int64_t items) {
    auto project = srllm::db::Project::create(path);
    auto& db = project->db();
    db.exec("PRAGMA synchronous = OFF");
    srllm::db::Transaction tx(db);
    db.exec("INSERT INTO datasets(name) VALUES ('stereoset'), ('bold'), ('toxigen')");
    db.exec("INSERT INTO annotators(name, role) VALUES ('ann1', 'annotator'), ('ann2', 'annotator'),"
            " ('ann3', 'annotator'), ('expert', 'expert')");
    // Texts draw words from a small vocabulary so searches hit realistic fractions of the items.
    // text_hash is random here: the bench only needs it unique, not the SHA-256 of the text.
    auto st = db.prepare(
        "WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < ?1),"
        " w(v) AS (SELECT '[\"older\",\"women\",\"workers\",\"immigrants\",\"students\",\"doctors\","
        "\"neighbours\",\"voters\",\"drivers\",\"engineers\",\"teenagers\",\"farmers\",\"nurses\","
        "\"tenants\",\"refugees\",\"artists\",\"pilots\",\"cooks\",\"lawyers\",\"priests\"]')"
        " INSERT INTO items(uid, dataset_id, text, text_hash, split)"
        " SELECT lower(hex(randomblob(16))), 1 + n % 3,"
        " printf('Sample %d: the %s said %s are never as careful as %s, item code k%d.', n,"
        "  json_extract(v, '$[' || (n % 20) || ']'), json_extract(v, '$[' || (n / 20 % 20) || ']'),"
        "  json_extract(v, '$[' || (n / 400 % 20) || ']'), n % 1000),"
        " randomblob(32), CASE n % 10 WHEN 0 THEN 'test' WHEN 1 THEN 'val' ELSE 'train' END FROM c, w");
    st.bind(1, items).run();
    // Three annotators on the first 3% of items, disagreeing on every seventh; gold on a third of those.
    auto ann = db.prepare(
        "INSERT INTO annotations(item_id, annotator_id, taxonomy_version, labels, status)"
        " SELECT i.id, a.id, 1, json_object('bias', CASE WHEN i.id % 7 = 0 AND a.id = 3 THEN 'Yes' ELSE 'No' END,"
        "  'annotation', 'Benign'), CASE WHEN i.id % 11 = 0 THEN 'draft' ELSE 'done' END"
        " FROM items i, annotators a WHERE i.id <= ?1 AND a.id <= 3");
    ann.bind(1, items * 3 / 100).run();
    auto gold = db.prepare(
        "INSERT INTO gold(item_id, labels, provenance, taxonomy_version)"
        " SELECT id, '{\"annotation\":\"Benign\",\"bias\":\"No\"}', 'majority', 1 FROM items WHERE id <= ?1");
    gold.bind(1, items / 100).run();
    tx.commit();
}

struct Summary {
    double median = 0, p95 = 0, max = 0;
};

Summary summarise(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return {v[v.size() / 2], v[static_cast<size_t>(0.95 * static_cast<double>(v.size() - 1))], v.back()};
}

// Runs the event loop until `signal` fires, timing it and the longest gap between 1 ms heartbeats: the
// longest the window would have gone without painting or reacting.
struct Wait {
    double ms = 0;
    double longestStallMs = 0;
};

template <typename Object, typename Signal>
Wait runUntil(Object* object, Signal signal, const std::function<void()>& start) {
    QEventLoop loop;
    QObject::connect(object, signal, &loop, &QEventLoop::quit);
    QTimer heartbeat;
    heartbeat.setInterval(1);
    Wait w;
    auto last = Clock::now();
    QObject::connect(&heartbeat, &QTimer::timeout, [&] {
        w.longestStallMs = std::max(w.longestStallMs, msSince(last));
        last = Clock::now();
    });
    const auto begin = Clock::now();
    heartbeat.start();
    last = Clock::now();
    start();  // runs on the "UI" thread, so its own duration counts as a stall
    w.longestStallMs = std::max(w.longestStallMs, msSince(last));
    last = Clock::now();
    loop.exec();
    w.ms = msSince(begin);
    w.longestStallMs = std::max(w.longestStallMs, msSince(last));
    return w;
}

}  // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const int64_t items = argc > 1 ? std::stoll(argv[1]) : 1'000'000;
    const std::string path = argc > 2 ? argv[2] : "/tmp/srllm-bench-browser-" + std::to_string(items) + ".srllm";
    if (!std::filesystem::exists(path)) {
        const auto start = Clock::now();
        buildProject(path, items);
        std::printf("built %lld items in %.1f s (%s, %.0f MiB)\n", static_cast<long long>(items),
                    msSince(start) / 1000, path.c_str(),
                    static_cast<double>(std::filesystem::file_size(path)) / (1 << 20));
    }
    const long rssBefore = statusKib("VmRSS:");
    using srllm::ui::ItemTableModel;

    // Open: the project and the session (as the window does), then the model's first page and all ids.
    auto start = Clock::now();
    auto project = srllm::db::Project::open(path);
    const int64_t expert = srllm::db::annotatorByName(project->db(), "expert")->id;
    srllm::ui::ProjectSession session(std::move(project), expert);
    const double openMs = msSince(start);
    ItemTableModel model(&session);
    double firstPageMs = 0;
    QObject::connect(&model, &ItemTableModel::firstPageReady, [&] { firstPageMs = msSince(start); });
    const Wait open = runUntil(&model, &ItemTableModel::loaded, [&] { model.setFilter({}); });
    const int rows = model.rowCount();
    std::printf("open: project + session %.1f ms; first page shown at %.1f ms; all %d ids at %.1f ms;"
                " longest UI stall %.1f ms\n",
                openMs, firstPageMs, rows, msSince(start), open.longestStallMs);

    std::mt19937_64 rng(42);
    std::vector<double> jumps;
    while (jumps.size() < 500) {
        const int row = static_cast<int>(rng() % static_cast<uint64_t>(rows));
        if (model.cache().hasPage(row / ItemTableModel::kPageSize)) continue;
        start = Clock::now();
        for (int r = row; r < std::min(rows, row + 40); ++r)  // a screenful of rows, every column
            for (int c = 0; c < ItemTableModel::ColumnCount; ++c) model.data(model.index(r, c));
        jumps.push_back(msSince(start));
    }
    const Summary scroll = summarise(jumps);
    std::printf("scroll jump (uncached page, 40 rows x 6 columns): median %.2f ms, p95 %.2f ms, max %.2f ms"
                " (%d pages cached of max %d)\n",
                scroll.median, scroll.p95, scroll.max, model.cache().pagesCached(), ItemTableModel::kMaxCachedPages);

    struct Case {
        const char* name;
        srllm::db::BrowseFilter filter;
    };
    std::vector<Case> cases = {{"search 'nurses' (1 in 20 rows x3 slots)", {}}, {"search 'k123' (1 in 1000)", {}},
                               {"search 'sample 777777'", {}}, {"dataset = bold", {}},
                               {"label bias=Yes in annotations", {}}, {"annotator ann2", {}},
                               {"status gold", {}}, {"status in progress", {}}, {"agreement disputed", {}}};
    cases[0].filter.search = "nurses";
    cases[1].filter.search = "k123";
    cases[2].filter.search = "sample 777777";
    cases[3].filter.datasetId = 2;
    cases[4].filter.labelField = "bias";
    cases[4].filter.labelValue = "Yes";
    cases[5].filter.annotatorId = 2;
    cases[6].filter.status = srllm::db::BrowseStatus::Gold;
    cases[7].filter.status = srllm::db::BrowseStatus::InProgress;
    cases[8].filter.agreement = srllm::db::BrowseAgreement::Disputed;
    for (const Case& c : cases) {
        firstPageMs = 0;
        start = Clock::now();
        const Wait w = runUntil(&model, &ItemTableModel::loaded, [&] { model.setFilter(c.filter); });
        std::printf("filter %-40s %8d rows: first page %.1f ms, all ids %.1f ms, longest UI stall %.1f ms\n", c.name,
                    model.rowCount(), firstPageMs, w.ms, w.longestStallMs);
    }

    // The agreement bootstrap (200 resamples, as the view's default) on a worker connection.
    start = Clock::now();
    srllm::ui::BackgroundTask task(&session, [](srllm::db::Project& p, const srllm::core::ProgressCallback& progress) {
        srllm::db::agreementReport(p.db(), {200, 1, progress});
        return srllm::ui::BackgroundTask::Done();
    });
    const Wait agreement = runUntil(&task, &srllm::ui::BackgroundTask::finished, [] {});
    std::printf("agreement report (200 resamples) in the background: %.0f ms, longest UI stall %.1f ms\n",
                msSince(start), agreement.longestStallMs);

    // Another process commits: the session notices (data_version) and the browser reloads in place.
    // (the browser view connects the model so; here the model stands alone)
    QObject::connect(&session, &srllm::ui::ProjectSession::changedElsewhere, &model, &ItemTableModel::reload);
    model.setFilter({});
    runUntil(&model, &ItemTableModel::loaded, [] {});
    {
        auto other = srllm::db::Project::open(path);
        // A real change: an UPDATE that writes the same value commits nothing and leaves data_version alone.
        other->db().exec("UPDATE annotations SET status = iif(status = 'done', 'draft', 'done') WHERE id = 1");
    }
    const Wait refresh = runUntil(&model, &ItemTableModel::loaded, [&] { session.checkForOutsideChanges(); });
    std::printf("outside change noticed + browser reloaded in place: %.0f ms, longest UI stall %.1f ms\n", refresh.ms,
                refresh.longestStallMs);
    std::printf("memory: RSS %.1f MiB before open, %.1f MiB now, peak %.1f MiB\n", rssBefore / 1024.0,
                statusKib("VmRSS:") / 1024.0, statusKib("VmHWM:") / 1024.0);
    return 0;
}
