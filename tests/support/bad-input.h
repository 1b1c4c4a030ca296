#pragma once
// The bad-input corpus (#12): each row hands srllm something wrong and expects one clean error naming the
// file, line and field (exit status 1, "srllm: error: FILE:LINE: field 'F': ..."), or success for input that
// is odd but valid (a BOM, CRLF, a giant field); never a crash. The tables: tests/app/test-bad-input.cpp
// (data files and projects) and tests/app/engine/test-bad-model-input.cpp (model and adapter folders).
#include <filesystem>
#include <string>

namespace srllm::test {

struct BadInputRow {
    std::string name;
    std::string arguments;  // srllm's arguments, paths quoted
    std::string expected;   // ECMAScript regex for what follows "srllm: error: FOLDER/"; empty: success
};

// Runs the row and checks its exit status and message (GoogleTest expectations naming the row).
void expectCleanOutcome(const BadInputRow& row);

// tests/data/bad-input: the small hand-made files of the corpus (big ones are made by the tests).
std::filesystem::path badInputDir();

// A project's content as `sqlite3 FILE .dump` prints it (schema and every row): equal dumps, same project.
std::string projectDump(const std::filesystem::path& project);

}  // namespace srllm::test
