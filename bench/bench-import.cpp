// Import throughput (issue #2): rows/s of `importItems` from a plain CSV into a project, with and without
// the items_fts index, against the sqlite3 shell's `.import --csv` of the same file into a plain table
// and into a table with an external-content FTS5 index kept by a trigger (the project's own layout), and
// (shell-project) into the project's own schema, the like-for-like peer of ours-plain.
// Usage: bench-import [--rows N] [--dir DIR] [--sqlite3 PATH] [--cases shell-plain,shell-fts,shell-project,ours-plain,ours-fts] [--keep]
// The CSV (header `text`, ~60 words of deterministic word soup per row) is generated in DIR first.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>

#include <sys/resource.h>
#include <unistd.h>

#include "core/data/mapped-csv-reader.h"
#include "db/item-import.h"
#include "db/project.h"

using namespace srllm;
namespace fs = std::filesystem;

namespace {

struct Options {
    int64_t rows = 1'000'000;
    fs::path dir;
    std::string sqlite3 = "sqlite3";
    std::string cases = "shell-plain,shell-fts,ours-plain,ours-fts";  // a subset helps profiling
    bool keep = false;
};

// Deterministic word soup: splitmix64 picks 52..68 words per row from a fixed vocabulary.
void writeCsv(const fs::path& path, int64_t rows) {
    static const char* kWords[] = {
        "the", "people", "workers", "older", "young", "women", "men", "group", "community", "always",
        "never", "often", "should", "could", "would", "cannot", "believe", "think", "know", "say",
        "government", "policy", "school", "church", "family", "money", "work", "job", "city", "country",
        "new", "old", "good", "bad", "lazy", "smart", "honest", "angry", "quiet", "loud",
        "phone", "software", "computer", "market", "street", "house", "friend", "neighbour", "teacher",
        "doctor", "nurse", "driver", "student", "immigrant", "voter", "leader", "because", "although",
        "and", "but", "or", "with", "without", "about", "against", "for", "from", "into", "over", "under",
        "really", "simply", "clearly", "probably", "everyone", "nobody", "somebody", "today", "tomorrow",
        "yesterday", "keep", "up", "down", "make", "take", "give", "help", "hurt", "respect", "ignore"};
    constexpr uint64_t kVocabulary = sizeof kWords / sizeof kWords[0];
    uint64_t state = 0x5EED;
    auto next = [&state] {
        uint64_t z = (state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    };
    std::ofstream out(path, std::ios::binary);
    out << "text\n";
    std::string line;
    for (int64_t row = 0; row < rows; ++row) {
        line.clear();
        const uint64_t words = 52 + next() % 17;
        for (uint64_t w = 0; w < words; ++w) {
            if (w) line += ' ';
            line += kWords[next() % kVocabulary];
        }
        line += '\n';
        out << line;
    }
}

double cpuSeconds(int who) {
    rusage usage{};
    getrusage(who, &usage);
    return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

// Wall and CPU (user + system) seconds. CPU time is the fair measure on a shared machine, where
// other work steals the cores; `who` is RUSAGE_SELF, or RUSAGE_CHILDREN for the sqlite3 shell.
struct Timing {
    double wall = 0, cpu = 0;
};

Timing measure(int who, const std::function<void()>& work) {
    const double cpuStart = cpuSeconds(who);
    const auto start = std::chrono::steady_clock::now();
    work();
    return {std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(),
            cpuSeconds(who) - cpuStart};
}

double seconds(const std::function<void()>& work) { return measure(RUSAGE_SELF, work).wall; }

Timing ourImport(const fs::path& project, const fs::path& csv, bool withFts, int64_t rows) {
    auto created = db::Project::create(project);
    if (!withFts) created->db().exec("DROP TRIGGER items_fts_insert; DROP TABLE items_fts");
    core::MappedCsvReader reader(csv, ',', {});
    db::ImportReport report;
    const Timing t = measure(RUSAGE_SELF, [&] { report = db::importItems(*created, reader, "bench", nullptr); });
    if (report.items + report.duplicates != rows) {
        std::fprintf(stderr, "bench-import: imported %lld of %lld rows\n", static_cast<long long>(report.items),
                     static_cast<long long>(rows));
        std::exit(1);
    }
    return t;
}

Timing shellImport(const Options& options, const fs::path& database, const fs::path& csv, const std::string& schema,
                   int64_t rows) {
    const std::string create = options.sqlite3 + " '" + database.string() + "' \"" + schema + "\"";
    const std::string import = options.sqlite3 + " '" + database.string() + "' \".import --csv --skip 1 '" +
                               csv.string() + "' t\"";
    if (std::system(create.c_str()) != 0) std::exit(1);
    int status = 0;
    const Timing t = measure(RUSAGE_CHILDREN, [&] { status = std::system(import.c_str()); });
    if (status != 0) {
        std::fprintf(stderr, "bench-import: %s failed\n", import.c_str());
        std::exit(1);
    }
    return t;
}

// The peer that stores what we store: the shell alone into the project's own schema (WAL, 16 KiB pages, the
// uid/hash/dataset indexes, no FTS as in ours-plain), as a user without srllm would: the CSV into a temporary
// table, then one INSERT ... SELECT making the uid, the hash (SHA3-256, the shell's own) and created_at.
Timing shellProjectImport(const Options& options, const fs::path& project, const fs::path& csv, int64_t rows) {
    db::Project::create(project)->db().exec(
        "DROP TRIGGER items_fts_insert; DROP TABLE items_fts; INSERT INTO datasets(name) VALUES ('bench')");
    const std::string import =
        options.sqlite3 + " '" + project.string() + "' 'PRAGMA cache_size=-524288' 'CREATE TEMP TABLE s(text TEXT)'" +
        " \".import --csv --skip 1 --schema temp '" + csv.string() + "' s\"" +
        " \"INSERT INTO items(uid, dataset_id, text, text_hash) SELECT lower(hex(randomblob(16))), 1, text," +
        " sha3(text, 256) FROM temp.s WHERE text <> '' ON CONFLICT(text_hash) DO NOTHING\"";
    int status = 0;
    const Timing t = measure(RUSAGE_CHILDREN, [&] { status = std::system(import.c_str()); });
    const auto opened = db::Project::open(project);  // outlives the statement
    auto count = opened->db().prepare("SELECT count(*) FROM items");
    count.step();
    if (status != 0 || count.columnInt(0) > rows || count.columnInt(0) < 1) {
        std::fprintf(stderr, "bench-import: %s failed\n", import.c_str());
        std::exit(1);
    }
    return t;
}

Options parse(int argc, char** argv) {
    Options options;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        const bool hasValue = i + 1 < argc;
        if (arg == "--rows" && hasValue) {
            options.rows = std::stoll(argv[++i]);
        } else if (arg == "--dir" && hasValue) {
            options.dir = argv[++i];
        } else if (arg == "--sqlite3" && hasValue) {
            options.sqlite3 = argv[++i];
        } else if (arg == "--cases" && hasValue) {
            options.cases = argv[++i];
        } else if (arg == "--keep") {
            options.keep = true;
        } else {
            std::fprintf(stderr, "usage: bench-import [--rows N] [--dir DIR] [--sqlite3 PATH] [--cases LIST] [--keep]\n");
            std::exit(2);
        }
    }
    if (options.rows < 1) {
        std::fprintf(stderr, "bench-import: --rows must be at least 1\n");
        std::exit(2);
    }
    if (options.dir.empty()) options.dir = fs::temp_directory_path() / ("srllm-bench-import-" + std::to_string(getpid()));
    return options;
}

}  // namespace

int main(int argc, char** argv) {
    const Options options = parse(argc, argv);
    fs::create_directories(options.dir);
    const fs::path csv = options.dir / "rows.csv";
    const double generate = seconds([&] { writeCsv(csv, options.rows); });
    std::printf("generated %lld rows (%.1f MB) in %.1f s\n", static_cast<long long>(options.rows),
                static_cast<double>(fs::file_size(csv)) / 1e6, generate);
    std::fflush(stdout);

    auto wanted = [&options](const char* name) { return options.cases.find(name) != std::string::npos; };
    const Timing shellPlain = !wanted("shell-plain") ? Timing{} : shellImport(options, options.dir / "shell-plain.db", csv, "CREATE TABLE t(text TEXT)",
                                          options.rows);
    const Timing shellFts = !wanted("shell-fts") ? Timing{} : shellImport(
        options, options.dir / "shell-fts.db", csv,
        "CREATE TABLE t(text TEXT);"
        "CREATE VIRTUAL TABLE t_fts USING fts5(text, content='t', content_rowid='rowid');"
        "CREATE TRIGGER t_ai AFTER INSERT ON t BEGIN INSERT INTO t_fts(rowid, text) VALUES (new.rowid, new.text); END;",
        options.rows);
    const Timing shellProject = !wanted("shell-project") ? Timing{} : shellProjectImport(options, options.dir / "shell-project.srllm", csv, options.rows);
    const Timing oursPlain = !wanted("ours-plain") ? Timing{} : ourImport(options.dir / "ours-plain.srllm", csv, false, options.rows);
    const Timing oursFts = !wanted("ours-fts") ? Timing{} : ourImport(options.dir / "ours-fts.srllm", csv, true, options.rows);

    const double rows = static_cast<double>(options.rows);
    std::printf("| case | clock | sqlite3 shell rows/s | srllm import rows/s | ratio |\n|---|---|---:|---:|---:|\n");
    auto line = [rows](const char* name, const Timing& shell, const Timing& ours) {
        std::printf("| %s | wall | %.0f | %.0f | %.2f |\n", name, rows / shell.wall, rows / ours.wall, shell.wall / ours.wall);
        std::printf("| %s | cpu | %.0f | %.0f | %.2f |\n", name, rows / shell.cpu, rows / ours.cpu, shell.cpu / ours.cpu);
    };
    if (wanted("shell-plain") && wanted("ours-plain")) line("plain table", shellPlain, oursPlain);
    if (wanted("shell-fts") && wanted("ours-fts")) line("with FTS5 index", shellFts, oursFts);
    if (wanted("shell-project") && wanted("ours-plain")) line("project schema, both", shellProject, oursPlain);
    if (!options.keep) fs::remove_all(options.dir);
    return 0;
}
