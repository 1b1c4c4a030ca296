#pragma once
// Reads the tab-separated golden files under tests/data written by the reference scripts there
// (text escaped as \\ \t \n \r; numbers separated by spaces).
#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "support/test-data.h"

namespace srllm::test {

inline std::string unescapeGolden(const std::string& s) {
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '\\' || i + 1 == s.size()) {
            out += s[i];
            continue;
        }
        const char c = s[++i];
        out += c == 't' ? '\t' : c == 'n' ? '\n' : c == 'r' ? '\r' : c;
    }
    return out;
}

inline std::vector<int64_t> parseNumbers(const std::string& s) {
    std::vector<int64_t> out;
    std::istringstream in(s);
    for (int64_t v; in >> v;) out.push_back(v);
    return out;
}

// The rows of tests/data/<name>, each split on tabs.
inline std::vector<std::vector<std::string>> readGoldenTsv(const std::string& name) {
    std::ifstream in(sourceDir() / "tests" / "data" / name);
    std::vector<std::vector<std::string>> rows;
    for (std::string line; std::getline(in, line);) {
        std::vector<std::string> cells;
        std::istringstream cellsIn(line);
        for (std::string cell; std::getline(cellsIn, cell, '\t');) cells.push_back(cell);
        if (line.ends_with('\t')) cells.emplace_back();
        rows.push_back(std::move(cells));
    }
    return rows;
}

}  // namespace srllm::test
