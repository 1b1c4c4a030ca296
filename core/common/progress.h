#pragma once
// The callback every long operation takes (import, training, generation, evaluation).
#include <cstdint>
#include <functional>

namespace srllm::core {

// Called with work done so far and the total (total = -1 when unknown). Return false to cancel;
// the operation then stops at the next safe point and leaves no partial result behind.
using ProgressCallback = std::function<bool(int64_t done, int64_t total)>;

}  // namespace srllm::core
