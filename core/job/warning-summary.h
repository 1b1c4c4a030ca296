#pragma once
// Warnings that repeat are summed by kind: one `warning` event per kind with a count and the first line
// numbers, instead of one line per occurrence (a 338-record file with a short max length printed 676).
#include <map>
#include <string>
#include <vector>

#include "core/common/diagnostics.h"
#include "core/job/job-events.h"

namespace srllm::core {

class WarningSummary {
public:
    static constexpr size_t kFirstLines = 5;  // line numbers kept per kind

    void add(const std::string& kind, const Diagnostic& warning);
    void add(const std::string& kind, const Diagnostics& warnings);
    bool empty() const { return m_byKind.empty(); }
    // One event per kind, in the order kinds were first seen.
    std::vector<WarningEvent> events() const;

private:
    std::vector<std::string> m_order;
    std::map<std::string, WarningEvent> m_byKind;
};

}  // namespace srllm::core
