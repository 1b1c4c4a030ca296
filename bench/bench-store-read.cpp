// What the GUI reads from the store (issue #12, the per-connection taxonomy and statement caches): opening a
// project and loading the annotate view (session, queue, the visible rows' previews, the first item with its
// annotation, suggestions and references), and refreshing it on an open connection (what the view does after
// a save or an outside change). Prints the median and the quartiles of R repeats of each, in milliseconds.
// Usage: bench-store-read [--items N] [--repeats R] [--rows VISIBLE] [--dir DIR]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include "core/data/annotation-jsonl.h"
#include "core/data/jsonl-items.h"
#include "db/adjudication.h"
#include "db/annotation-import.h"
#include "db/annotation-queue.h"
#include "db/annotations.h"
#include "db/annotators.h"
#include "db/item-import.h"
#include "db/items.h"
#include "db/project.h"
#include "db/references.h"
#include "db/suggestions.h"
#include "db/taxonomy-store.h"

using namespace srllm;
namespace fs = std::filesystem;

namespace {

struct Options {
    int items = 5000;
    int repeats = 100;
    int rows = 40;  // queue rows visible in the annotate view's list
    fs::path dir;
};

// N items, three annotators labelling every third item, majority adjudication: a project mid-annotation.
void makeProject(const fs::path& file, int items) {
    const fs::path itemsFile = file.parent_path() / "items.jsonl", votesFile = file.parent_path() / "votes.jsonl";
    {
        std::ofstream out(itemsFile), votes(votesFile);
        for (int i = 1; i <= items; ++i) {
            out << R"({"id":"i)" << i << R"(","text":"Item )" << i << R"( says that some group of people is lazy.")"
                << R"(,"references":["People differ )" << i << R"(."]})" << '\n';
            if (i % 3) continue;
            for (const char* who : {"ann1", "ann2", "ann3"})
                votes << R"({"item":"i)" << i << R"(","annotator":")" << who << R"(","labels":{"bias":")"
                      << ((i + who[3]) % 2 ? "Yes" : "No") << R"("}})" << '\n';
        }
    }
    auto project = db::Project::create(file.string());
    core::JsonlItemReader itemReader(itemsFile.string());
    db::importItems(*project, itemReader, "bench", {});
    core::AnnotationJsonlReader voteReader(votesFile.string());
    db::importAnnotations(*project, voteReader, {});
    db::adjudicateMajority(project->db());
}

// The annotate view of annotator 1: its queue, the visible rows' previews, the first item's draft and panels.
size_t loadAnnotateView(db::Database& db, int visibleRows) {
    const db::TaxonomyRow taxonomy = db::currentTaxonomy(db);
    db.dataVersion();
    const db::AnnotatorQueue queue = db::annotatorQueue(db, 1);
    size_t bytes = taxonomy.json.size();
    for (size_t row = 0; row < queue.itemIds.size() && row < size_t(visibleRows); ++row)
        bytes += db::itemById(db, queue.itemIds[row])->text.size();
    const int64_t first = queue.itemIds.at(0);
    bytes += db::annotationFor(db, first, 1).has_value();
    bytes += db::suggestionsFor(db, first).size() + db::referencesFor(db, first).size();
    bytes += db::queueState(db, 1, first).status.size();
    return bytes;
}

void report(const char* what, std::vector<double> ms) {
    std::sort(ms.begin(), ms.end());
    const auto at = [&](double q) { return ms[size_t(q * double(ms.size() - 1))]; };
    std::printf("%-28s median %8.3f ms   quartiles %8.3f .. %8.3f ms   (%zu repeats)\n", what, at(0.5), at(0.25),
                at(0.75), ms.size());
}

std::vector<double> timed(int repeats, const std::function<void()>& body) {
    std::vector<double> ms;
    for (int r = 0; r < repeats; ++r) {
        const auto start = std::chrono::steady_clock::now();
        body();
        ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    }
    return ms;
}

}  // namespace

int main(int argc, char** argv) {
    Options o;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string flag = argv[i], value = argv[i + 1];
        if (flag == "--items") o.items = std::stoi(value);
        else if (flag == "--repeats") o.repeats = std::stoi(value);
        else if (flag == "--rows") o.rows = std::stoi(value);
        else if (flag == "--dir") o.dir = value;
        else return std::fprintf(stderr, "unknown option %s\n", flag.c_str()), 2;
    }
    const bool scratch = o.dir.empty();
    if (scratch) o.dir = fs::temp_directory_path() / ("bench-store-read-" + std::to_string(::getpid()));
    fs::create_directories(o.dir);
    const fs::path file = o.dir / "bench.srllm";
    if (!fs::exists(file)) makeProject(file, o.items);
    std::printf("project: %d items, %d visible rows\n", o.items, o.rows);
    size_t sink = 0;
    report("open + annotate view", timed(o.repeats, [&] {
        auto project = db::Project::open(file.string());
        sink += db::listAnnotators(project->db()).size();
        sink += loadAnnotateView(project->db(), o.rows);
    }));
    auto project = db::Project::open(file.string());
    report("refresh on an open project", timed(o.repeats, [&] { sink += loadAnnotateView(project->db(), o.rows); }));
    project.reset();
    if (scratch) fs::remove_all(o.dir);
    return sink == 0;  // keeps the reads from being optimised away
}
