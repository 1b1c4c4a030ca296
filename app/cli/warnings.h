#pragma once
// Warnings of a core or db operation on stderr, one "srllm: warning: FILE:LINE: field 'F': ..." line each,
// in the same form as the CLI's errors.
#include "core/common/diagnostics.h"

namespace srllm::cli {

void printWarnings(const core::Diagnostics& warnings);

}  // namespace srllm::cli
