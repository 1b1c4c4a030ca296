// Keeps the store's SQL injection-proof (#12): every statement db/ prepares or executes is built from string
// literals, k-constants and integers only, and every value from a user or a file is a bound parameter. The
// check reads db/*.cpp: the argument of each prepare(...) / exec(...) call may hold no identifier outside the
// audited list below, so new code that splices a name or a text into SQL fails here until someone audits it.
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include <gtest/gtest.h>

#include "support/test-data.h"

namespace fs = std::filesystem;

namespace {

// Identifiers that may appear in SQL text, each checked by hand (#12 audit):
const std::set<std::string> kAudited = {
    "std", "string", "to_string",  // literal wrappers, and integers (PRAGMAs take no parameters)
    "sql",     // built from literal fragments: project-stats (kCounts), taxonomy-migration (two literals),
               // migrations (pragmaInt is called with literals; step.sql() returns a schema-step literal)
    "step",    // migrations: the ordered table of schema steps
    "w",       // item-browse-query: WhereClause, conditions from literals with "?" placeholders only
    "table",   // taxonomy-migration / item-browse-query: "gold" or "annotations", chosen by code
    "drop",    // item-import BulkMode: "DROP <type> <name>" for names restricted by its WHERE to three of ours
    "create",  // item-import BulkMode: the CREATE of those three from sqlite_schema, one statement per prepare
    "where",      // generation-runs selectItems: "" or a literal "AND ..." fragment with "?" placeholders
    "condition",  // assignments reassign: the literal kDone / kShared fragments with "?" placeholders
    "statesQuery",  // annotation-queue: literal fragments, narrowed by "" or a literal with a "?" placeholder
};

// The text between the parentheses that open at `open`, skipping string literals (raw ones too).
std::string argumentAt(const std::string& code, size_t open) {
    int depth = 0;
    std::string out;
    for (size_t i = open; i < code.size(); ++i) {
        const char c = code[i];
        if (c == 'R' && code.compare(i, 2, "R\"") == 0) {  // R"delim( ... )delim"
            const size_t paren = code.find('(', i);
            const std::string end = ")" + code.substr(i + 2, paren - i - 2) + "\"";
            i = code.find(end, paren) + end.size() - 1;
            out += "\"\"";
            continue;
        }
        if (c == '"') {
            for (++i; i < code.size() && code[i] != '"'; ++i)
                if (code[i] == '\\') ++i;
            out += "\"\"";
            continue;
        }
        if (c == '(') ++depth;
        if (c == ')' && --depth == 0) return out;
        if (depth > 0 && !(c == '(' && depth == 1)) out += c;
    }
    return out;
}

}  // namespace

TEST(SqlStatements, OnlyLiteralsConstantsAndAuditedNamesReachPrepareAndExec) {
    const std::regex call(R"((?:\.|->|\b)(prepare|exec)\s*\()");
    const std::regex identifier(R"([A-Za-z_][A-Za-z0-9_]*)");
    int calls = 0;
    for (const auto& entry : fs::directory_iterator(srllm::test::sourceDir() / "db")) {
        if (entry.path().extension() != ".cpp" || entry.path().filename() == "database.cpp") continue;
        std::ifstream in(entry.path());
        const std::string code((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        for (auto it = std::sregex_iterator(code.begin(), code.end(), call); it != std::sregex_iterator(); ++it) {
            const size_t open = static_cast<size_t>(it->position(0) + it->length(0) - 1);
            // What std::to_string formats is a number: it cannot carry SQL, whatever its name.
            const std::string argument =
                std::regex_replace(argumentAt(code, open), std::regex(R"(to_string\([^()]*\))"), "to_string()");
            ++calls;
            for (auto id = std::sregex_iterator(argument.begin(), argument.end(), identifier); id != std::sregex_iterator(); ++id) {
                const std::string name = id->str();
                if (name[0] == 'k' && name.size() > 1 && std::isupper(static_cast<unsigned char>(name[1]))) continue;
                EXPECT_TRUE(kAudited.count(name))
                    << entry.path().filename().string() << ": '" << name << "' reaches SQL text in " << it->str()
                    << argument << ") (bind it as a parameter, or audit it and add it to kAudited)";
            }
        }
    }
    EXPECT_GT(calls, 50) << "the scanner found too few statements: is SRLLM_SOURCE_DIR right?";
}

TEST(SqlStatements, NoOtherCodeTalksToSqliteDirectly) {
    // Only db/database.cpp calls the C API's prepare/exec functions, so the wrapper above sees every statement.
    for (const char* folder : {"db", "core", "ui", "app"}) {
        for (const auto& entry : fs::recursive_directory_iterator(srllm::test::sourceDir() / folder)) {
            if (!entry.is_regular_file() || entry.path().filename() == "database.cpp") continue;
            std::ifstream in(entry.path());
            const std::string code((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
            for (const char* function : {"sqlite3_prepare", "sqlite3_exec", "sqlite3_mprintf", "sqlite3_snprintf"})
                EXPECT_EQ(code.find(function), std::string::npos) << entry.path() << " calls " << function;
        }
    }
}
