#pragma once
// Line-numbered problems found in user input, and the exception that carries one.
// Every parser and importer reports through these so that the CLI and the GUI show the same message:
// "FILE:LINE: field 'F': message".
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace srllm::core {

struct Diagnostic {
    std::string file;     // path as the user gave it; empty when not from a file
    int64_t line = 0;     // 1-based; 0 when the problem is not tied to a line
    std::string field;    // column, JSON key or setting name; empty when none applies
    std::string message;  // what is wrong, and a hint when there is one
};

// "file:line: field 'x': message", leaving out the parts that are empty.
std::string formatDiagnostic(const Diagnostic& d);

// Thrown for input that cannot be used; what() is formatDiagnostic(diagnostic()).
class InputError : public std::runtime_error {
public:
    explicit InputError(Diagnostic d);
    InputError(std::string file, int64_t line, std::string field, std::string message);
    const Diagnostic& diagnostic() const { return m_diagnostic; }

private:
    Diagnostic m_diagnostic;
};

using Diagnostics = std::vector<Diagnostic>;

}  // namespace srllm::core
