#include "core/job/warning-summary.h"

namespace srllm::core {

void WarningSummary::add(const std::string& kind, const Diagnostic& warning) {
    auto [it, added] = m_byKind.try_emplace(kind);
    WarningEvent& e = it->second;
    if (added) {
        m_order.push_back(kind);
        e.kind = kind;
        e.message = formatDiagnostic(warning);
    }
    ++e.count;
    if (warning.line > 0 && e.firstLines.size() < kFirstLines) e.firstLines.push_back(warning.line);
}

void WarningSummary::add(const std::string& kind, const Diagnostics& warnings) {
    for (const auto& w : warnings) add(kind, w);
}

std::vector<WarningEvent> WarningSummary::events() const {
    std::vector<WarningEvent> out;
    for (const auto& kind : m_order) out.push_back(m_byKind.at(kind));
    return out;
}

}  // namespace srllm::core
