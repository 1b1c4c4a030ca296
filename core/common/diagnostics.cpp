#include "core/common/diagnostics.h"

namespace srllm::core {

std::string formatDiagnostic(const Diagnostic& d) {
    std::string out;
    if (!d.file.empty()) {
        out += d.file;
        if (d.line > 0) out += ":" + std::to_string(d.line);
        out += ": ";
    } else if (d.line > 0) {
        out += "line " + std::to_string(d.line) + ": ";
    }
    if (!d.field.empty()) out += "field '" + d.field + "': ";
    out += d.message;
    return out;
}

InputError::InputError(Diagnostic d) : std::runtime_error(formatDiagnostic(d)), m_diagnostic(std::move(d)) {}

InputError::InputError(std::string file, int64_t line, std::string field, std::string message)
    : InputError(Diagnostic{std::move(file), line, std::move(field), std::move(message)}) {}

}  // namespace srllm::core
