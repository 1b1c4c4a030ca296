// Keeps the store's SQL injection-proof (#12): every statement db/ prepares or executes is built from string
// literals, k-constants and integers only, and every value from a user or a file is a bound parameter. The
// check reads db/*.cpp: the argument of each prepare(...), exec(...) or pragmaInt(...) call may hold no
// identifier outside the audited list below, so new code that splices a name or a text into SQL fails here
// until someone audits it.
#include <cctype>
#include <fstream>
#include <set>
#include <sstream>
#include <vector>

#include <gtest/gtest.h>

#include "support/test-data.h"

namespace fs = std::filesystem;

namespace {

// Identifiers that may appear in SQL text, each checked by hand (#12 audit):
const std::set<std::string> kAudited = {
    "std", "string", "to_string",  // literal wrappers, and integers (PRAGMAs take no parameters)
    "sql",     // built from literal fragments: project-stats (kCounts), taxonomy-migration (two literals),
               // migrations (step.sql() returns a schema-step literal)
    "step",    // migrations: the ordered table of schema steps
    "w",       // item-browse-query: WhereClause, conditions from literals with "?" placeholders only
    "table",   // taxonomy-migration / item-browse-query: "gold" or "annotations", chosen by code; packaged-rows:
               // "annotations" or "review_judgements", named by the merge that calls it
    "schema",  // packaged-rows: "main" or "pkg" (the package attached by the review merge), named by the caller
    "drop",    // item-import BulkMode: "DROP <type> <name>" for names restricted by its WHERE to three of ours
    "create",  // item-import BulkMode: the CREATE of those three from sqlite_schema, one statement per prepare
    "insertItemsSql",  // item-import: one literal INSERT with a literal "(?,...)" per row, for a number of rows
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

bool isIdentifierChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// Where `name(` is called in code (a word of its own, spaces allowed before the parenthesis): the
// positions of the opening parentheses.
std::vector<size_t> callsOf(const std::string& code, const std::string& name) {
    std::vector<size_t> opens;
    for (size_t at = code.find(name); at != std::string::npos; at = code.find(name, at + 1)) {
        if (at > 0 && isIdentifierChar(code[at - 1])) continue;
        size_t open = at + name.size();
        while (open < code.size() && std::isspace(static_cast<unsigned char>(code[open]))) ++open;
        if (open < code.size() && code[open] == '(') opens.push_back(open);
    }
    return opens;
}

// What std::to_string formats is a number: it cannot carry SQL, whatever its name. Its argument goes.
std::string withoutToStringArguments(std::string text) {
    const std::string call = "to_string(";
    for (size_t at = text.find(call); at != std::string::npos; at = text.find(call, at + 1)) {
        const size_t close = text.find_first_of("()", at + call.size());
        if (close != std::string::npos && text[close] == ')')
            text.erase(at + call.size(), close - at - call.size());
    }
    return text;
}

std::vector<std::string> identifiersIn(const std::string& text) {
    std::vector<std::string> names;
    for (size_t i = 0; i < text.size();) {
        if (std::isalpha(static_cast<unsigned char>(text[i])) || text[i] == '_') {
            const size_t start = i;
            while (i < text.size() && isIdentifierChar(text[i])) ++i;
            names.push_back(text.substr(start, i - start));
        } else {
            ++i;
        }
    }
    return names;
}

}  // namespace

TEST(SqlStatements, OnlyLiteralsConstantsAndAuditedNamesReachPrepareAndExec) {
    int calls = 0;
    for (const auto& entry : fs::directory_iterator(srllm::test::sourceDir() / "db")) {
        if (entry.path().extension() != ".cpp" || entry.path().filename() == "database.cpp") continue;
        std::ifstream in(entry.path());
        const std::string code((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        for (const std::string function : {"prepare", "exec", "pragmaInt"}) {
            for (const size_t open : callsOf(code, function)) {
                const std::string argument = withoutToStringArguments(argumentAt(code, open));
                ++calls;
                for (const std::string& name : identifiersIn(argument)) {
                    if (name[0] == 'k' && name.size() > 1 && std::isupper(static_cast<unsigned char>(name[1]))) continue;
                    EXPECT_TRUE(kAudited.count(name))
                        << entry.path().filename().string() << ": '" << name << "' reaches SQL text in " << function
                        << "(" << argument << ") (bind it as a parameter, or audit it and add it to kAudited)";
                }
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
