#include "db/database.h"

#include <iterator>

#include <sqlite3.h>

namespace srllm::db {

namespace {
// Long enough for a GUI autosave to wait out a CLI import's commit, short enough to report a stuck lock.
constexpr int kBusyTimeoutMs = 10000;
// Idle compiled statements kept per connection: the readers of one view or command fit, and a statement
// whose SQL text varies (a list of n placeholders) cannot crowd the others out for long.
constexpr size_t kMaxIdleStatements = 64;
}  // namespace

Database::Database(const std::string& path, Mode mode) : m_path(path) {
    int flags = SQLITE_OPEN_NOMUTEX;
    switch (mode) {
        case Mode::ReadOnly: flags |= SQLITE_OPEN_READONLY; break;
        case Mode::ReadWrite: flags |= SQLITE_OPEN_READWRITE; break;
        case Mode::Create: flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE; break;
    }
    const int rc = sqlite3_open_v2(path.c_str(), &m_db, flags, nullptr);
    if (rc != SQLITE_OK) {
        const std::string message = m_db ? sqlite3_errmsg(m_db) : sqlite3_errstr(rc);
        sqlite3_close(m_db);
        m_db = nullptr;
        throw DbError(path + ": cannot open project: " + message);
    }
    sqlite3_extended_result_codes(m_db, 1);
    sqlite3_busy_timeout(m_db, kBusyTimeoutMs);
    try {
        // Reading the schema here turns "file is not a database" into an error at open, not later.
        // #12: a project may come from anyone (SQLite's "defense against the dark arts"): no SQL that corrupts the
        // file on purpose, and b-tree pages checked as they are read. trusted_schema stays on: the schema's CHECKs
        // call json_valid, which SQLite 3.40 does not mark innocuous; no function of ours is registered anyway.
        sqlite3_db_config(m_db, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
        exec("PRAGMA cell_size_check=ON");
        exec("PRAGMA foreign_keys=ON");
        Statement probe(*this, "SELECT count(*) FROM sqlite_schema");
        probe.step();
        exec("PRAGMA synchronous=NORMAL");
    } catch (const DbError&) {
        const bool notSqlite = sqlite3_errcode(m_db) == SQLITE_NOTADB;
        const std::string message = sqlite3_errmsg(m_db);
        finalizeIdle();
        sqlite3_close(m_db);
        m_db = nullptr;
        if (notSqlite) throw DbError(path + " is not a SR-LLM Workbench project (not a SQLite database)");
        throw DbError(path + ": cannot open project: " + message);
    }
}

Database::~Database() {
    finalizeIdle();
    sqlite3_close_v2(m_db);
}

void Database::finalizeIdle() {
    for (const auto& idle : m_idle) sqlite3_finalize(idle.second);
    m_idle.clear();
}

sqlite3_stmt* Database::takeIdle(std::string_view sql) {
    for (auto it = m_idle.rbegin(); it != m_idle.rend(); ++it) {
        if (it->first != sql) continue;
        sqlite3_stmt* stmt = it->second;
        m_idle.erase(std::next(it).base());
        return stmt;
    }
    return nullptr;
}

void Database::giveBack(std::string sql, sqlite3_stmt* stmt) {
    // A statement whose last step failed is not kept: the next user starts from a fresh compile, as before.
    if (sqlite3_reset(stmt) != SQLITE_OK || sqlite3_clear_bindings(stmt) != SQLITE_OK) {
        sqlite3_finalize(stmt);
        return;
    }
    for (const auto& idle : m_idle)
        if (idle.first == sql) return void(sqlite3_finalize(stmt));  // a nested use of the same SQL
    if (m_idle.size() == kMaxIdleStatements) {
        sqlite3_finalize(m_idle.front().second);
        m_idle.erase(m_idle.begin());
    }
    m_idle.emplace_back(std::move(sql), stmt);
}

void Database::fail(std::string_view what) const {
    throw DbError(m_path + ": " + std::string(what) + ": " + sqlite3_errmsg(m_db));
}

void Database::exec(std::string_view sql) {
    char* error = nullptr;
    const std::string text(sql);
    if (sqlite3_exec(m_db, text.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
        const std::string message = error ? error : "unknown error";
        sqlite3_free(error);
        throw DbError(m_path + ": " + message);
    }
}

void Database::backupTo(const std::string& target) {
    sqlite3* copy = nullptr;
    if (sqlite3_open_v2(target.c_str(), &copy, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK) {
        const std::string message = copy ? sqlite3_errmsg(copy) : "out of memory";
        sqlite3_close(copy);
        throw DbError(target + ": cannot create backup: " + message);
    }
    sqlite3_backup* backup = sqlite3_backup_init(copy, "main", m_db, "main");
    int rc = backup ? sqlite3_backup_step(backup, -1) : SQLITE_ERROR;
    if (backup) sqlite3_backup_finish(backup);
    const std::string message = sqlite3_errmsg(copy);
    sqlite3_close(copy);
    if (rc != SQLITE_DONE) throw DbError(target + ": backup of " + m_path + " failed: " + message);
}

void Database::interrupt() { sqlite3_interrupt(m_db); }

int64_t Database::pragmaInt(std::string_view sql) {
    Statement st(*this, sql);
    st.step();
    return st.columnInt(0);
}

int64_t Database::dataVersion() { return pragmaInt("PRAGMA data_version"); }

Statement Database::prepare(std::string_view sql) { return Statement(*this, sql); }
int64_t Database::lastInsertId() const { return sqlite3_last_insert_rowid(m_db); }
int Database::changes() const { return sqlite3_changes(m_db); }

Statement::Statement(Database& db, std::string_view sql) : m_db(&db), m_sql(sql) {
    if ((m_stmt = db.takeIdle(sql))) return;  // checked when it was first compiled
    const char* tail = nullptr;
    if (sqlite3_prepare_v3(db.handle(), sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &m_stmt,
                           &tail) != SQLITE_OK)
        db.fail("cannot prepare '" + std::string(sql.substr(0, 60)) + "'");
    // #12: one statement only, so SQL text that reaches here (even read from a project file) cannot smuggle a second.
    const std::string_view rest = sql.substr(static_cast<size_t>(tail - sql.data()));
    if (rest.find_first_not_of(" \t\r\n;") != std::string_view::npos) {
        sqlite3_finalize(m_stmt);
        throw DbError(db.path() + ": more than one SQL statement in '" + std::string(sql.substr(0, 60)) + "'");
    }
}

Statement::~Statement() {
    if (m_stmt) m_db->giveBack(std::move(m_sql), m_stmt);
}

Statement::Statement(Statement&& other) noexcept
    : m_db(other.m_db), m_stmt(std::exchange(other.m_stmt, nullptr)), m_sql(std::move(other.m_sql)) {}

Statement& Statement::bind(int index, int64_t value) {
    if (sqlite3_bind_int64(m_stmt, index, value) != SQLITE_OK) m_db->fail("bind");
    return *this;
}
Statement& Statement::bind(int index, double value) {
    if (sqlite3_bind_double(m_stmt, index, value) != SQLITE_OK) m_db->fail("bind");
    return *this;
}
Statement& Statement::bind(int index, std::string_view text) {
    if (sqlite3_bind_text64(m_stmt, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8) != SQLITE_OK)
        m_db->fail("bind");
    return *this;
}
Statement& Statement::bindView(int index, std::string_view text) {
    if (sqlite3_bind_text64(m_stmt, index, text.data(), text.size(), SQLITE_STATIC, SQLITE_UTF8) != SQLITE_OK)
        m_db->fail("bind");
    return *this;
}
Statement& Statement::bind(int index, std::nullopt_t) {
    if (sqlite3_bind_null(m_stmt, index) != SQLITE_OK) m_db->fail("bind");
    return *this;
}
Statement& Statement::bind(int index, const std::optional<std::string>& text) {
    return text ? bind(index, std::string_view(*text)) : bind(index, std::nullopt);
}
Statement& Statement::bind(int index, const std::optional<int64_t>& value) {
    return value ? bind(index, *value) : bind(index, std::nullopt);
}
Statement& Statement::bindBlob(int index, const void* data, int64_t size) {
    if (sqlite3_bind_blob64(m_stmt, index, data, static_cast<sqlite3_uint64>(size), SQLITE_TRANSIENT) != SQLITE_OK)
        m_db->fail("bind");
    return *this;
}

bool Statement::step() {
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    m_db->fail("query failed");
}

void Statement::run() {
    if (step()) throw DbError(m_db->path() + ": statement returned a row where none was expected");
}

void Statement::reset() {
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

int64_t Statement::columnInt(int column) const { return sqlite3_column_int64(m_stmt, column); }
double Statement::columnDouble(int column) const { return sqlite3_column_double(m_stmt, column); }
std::string Statement::columnText(int column) const {
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, column));
    return text ? std::string(text, static_cast<size_t>(sqlite3_column_bytes(m_stmt, column))) : std::string();
}
bool Statement::columnIsNull(int column) const { return sqlite3_column_type(m_stmt, column) == SQLITE_NULL; }
std::optional<std::string> Statement::columnOptionalText(int column) const {
    if (columnIsNull(column)) return std::nullopt;
    return columnText(column);
}
std::optional<int64_t> Statement::columnOptionalInt(int column) const {
    if (columnIsNull(column)) return std::nullopt;
    return columnInt(column);
}

Transaction::Transaction(Database& db) : m_db(db), m_nested(sqlite3_get_autocommit(db.handle()) == 0) {
    m_db.exec(m_nested ? "SAVEPOINT srllm_nested" : "BEGIN IMMEDIATE");
}
Transaction::~Transaction() {
    if (!m_done) {
        try {
            m_db.exec(m_nested ? "ROLLBACK TO srllm_nested; RELEASE srllm_nested" : "ROLLBACK");
        } catch (...) {
            // A failed rollback leaves SQLite to roll back on close; nothing better can be done here.
        }
    }
}
void Transaction::commit() {
    m_db.exec(m_nested ? "RELEASE srllm_nested" : "COMMIT");
    m_done = true;
}

}  // namespace srllm::db
