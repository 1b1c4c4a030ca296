#pragma once
// What every fuzz target shares. The parsers read files, as they do for users, so each input is written to
// a file in a private scratch folder (tmpfs when there is one). The rule every target checks: bad input
// ends in core::InputError naming the file (db::DbError naming it, for project files) and nothing else; any
// other exception, crash or sanitizer report is a finding.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "core/common/diagnostics.h"

namespace srllm::fuzz {

// This process's scratch folder, created on first use and removed at exit.
const std::filesystem::path& scratchDir();

// Writes bytes to scratchDir()/name and returns the path.
std::filesystem::path writeInput(const std::string& name, std::string_view bytes);

// Splits a fuzz input into its first byte (a selector: which format, which mode) and the rest.
struct Selected {
    uint8_t selector = 0;
    std::string_view rest;
};
Selected select(const uint8_t* data, size_t size);

// Aborts (a finding) when a rejection's text does not name the input it came from.
void requireNamesFile(const std::string& text, const std::string& file);

// Runs `body`; a core::InputError naming `file` is a clean rejection, anything else propagates (a finding).
template <typename Body>
void expectInputErrors(const std::string& file, Body&& body) {
    try {
        body();
    } catch (const core::InputError& e) {
        requireNamesFile(e.diagnostic().file, file);
    }
}

}  // namespace srllm::fuzz
