#pragma once
// A thin RAII layer over the SQLite C API: a connection, prepared statements with bound parameters,
// and transactions. Errors throw db::DbError naming the database file and the SQLite message.
// Threading: a Database and its Statements belong to the thread that opened them.
#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace srllm::db {

class DbError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class Statement;
struct ParsedTaxonomies;

// Who reads through a connection (see db/access.h for what that allows). A connection without one
// (the CLI, tests, import tools) reads everything.
struct Reader {
    int64_t annotatorId = 0;
    std::string role;  // "annotator" | "expert" | "reviewer"
};

class Database {
public:
    enum class Mode { ReadWrite, ReadOnly, Create };
    // Opens (or with Create, creates) the file; sets foreign keys and a busy timeout so the GUI and the
    // CLI can share one project. Changes nothing in the file: Project checks its identity, then turns
    // on WAL and migrates (see db/project.h, db/migrations.h).
    Database(const std::string& path, Mode mode);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    void exec(std::string_view sql);  // one or more statements, no parameters
    Statement prepare(std::string_view sql);
    // The one integer a PRAGMA answers, as "PRAGMA user_version" does; `sql` is a literal (test-sql-statements).
    int64_t pragmaInt(std::string_view sql);
    int64_t lastInsertId() const;
    int changes() const;
    // Copies the whole database into a new file with SQLite's online backup API.
    void backupTo(const std::string& target);
    const std::string& path() const { return m_path; }
    sqlite3* handle() const { return m_db; }
    // The reader this connection answers for; set once by whoever opens a session (GUI, worker thread).
    void setReader(std::optional<Reader> reader) { m_reader = std::move(reader); }
    const std::optional<Reader>& reader() const { return m_reader; }
    // Makes the statement running on this connection stop with an error; the one call that is safe from
    // another thread (a cancel button while a worker's query runs).
    void interrupt();
    // PRAGMA data_version: changes whenever another connection (another process, a worker thread) commits,
    // so a window can notice outside changes by polling it cheaply.
    int64_t dataVersion();
    [[noreturn]] void fail(std::string_view what) const;  // throws DbError with the SQLite message
    // The taxonomy versions this connection has parsed (db/taxonomy-store.cpp); dropped with the connection.
    std::shared_ptr<ParsedTaxonomies>& parsedTaxonomies() { return m_parsedTaxonomies; }

private:
    friend class Statement;
    sqlite3_stmt* takeIdle(std::string_view sql);
    void giveBack(std::string sql, sqlite3_stmt* stmt);
    void finalizeIdle();

    sqlite3* m_db = nullptr;
    std::string m_path;
    std::optional<Reader> m_reader;
    // Compiled statements handed back by Statement, newest last, reused by the next prepare of the same SQL
    // (#12: compiling was a quarter of a reader's time, and a GUI refresh runs the same queries again).
    std::vector<std::pair<std::string, sqlite3_stmt*>> m_idle;
    std::shared_ptr<ParsedTaxonomies> m_parsedTaxonomies;
};

// Goes out of scope before its Database: it hands its compiled statement back to the connection for reuse.
class Statement {
public:
    Statement(Database& db, std::string_view sql);
    ~Statement();
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&&) = delete;
    Statement(const Statement&) = delete;

    // Parameters are 1-based, as in SQLite.
    Statement& bind(int index, int64_t value);
    Statement& bind(int index, double value);
    Statement& bind(int index, int value) { return bind(index, static_cast<int64_t>(value)); }
    Statement& bind(int index, std::string_view text);
    Statement& bind(int index, const std::string& text) { return bind(index, std::string_view(text)); }
    Statement& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
    Statement& bind(int index, std::nullopt_t);
    Statement& bind(int index, const std::optional<std::string>& text);
    Statement& bind(int index, const std::optional<int64_t>& value);
    Statement& bindBlob(int index, const void* data, int64_t size);
    // Binds without copying, for hot loops: `text` must stay alive and unchanged until reset().
    Statement& bindView(int index, std::string_view text);

    bool step();   // true while a row is available
    void run();    // steps once, expects no row
    void reset();  // ready for new bindings

    int64_t columnInt(int column) const;
    double columnDouble(int column) const;
    std::string columnText(int column) const;
    bool columnIsNull(int column) const;
    Database& database() const { return *m_db; }
    std::optional<std::string> columnOptionalText(int column) const;
    std::optional<int64_t> columnOptionalInt(int column) const;

private:
    Database* m_db;
    sqlite3_stmt* m_stmt = nullptr;
    std::string m_sql;  // the key under which the statement goes back to the connection's idle ones
};

// BEGIN IMMEDIATE on construction, ROLLBACK on destruction unless commit() was called.
// Every multi-row write goes through one of these so a failure leaves the project as it was. Inside
// another transaction it is a SAVEPOINT, so steps that each take a Transaction compose into one.
class Transaction {
public:
    explicit Transaction(Database& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();

private:
    Database& m_db;
    bool m_nested = false;
    bool m_done = false;
};

}  // namespace srllm::db
