#include "app/cli/warnings.h"

#include <cstdio>

namespace srllm::cli {

void printWarnings(const core::Diagnostics& warnings) {
    for (const auto& w : warnings) std::fprintf(stderr, "srllm: warning: %s\n", core::formatDiagnostic(w).c_str());
}

}  // namespace srllm::cli
