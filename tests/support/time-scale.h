#pragma once
// Time limits of tests that wait for a real run (a training job, a worker): SRLLM_TEST_TIME_SCALE stretches
// them for builds that run several times slower (the asan test preset sets it). Such a limit only catches a
// hang; speed is measured by the benchmarks, never by a test.
#include <cstdlib>

namespace srllm::test {

inline int scaledMs(int ms) {
    const char* scale = std::getenv("SRLLM_TEST_TIME_SCALE");
    const int factor = scale ? std::atoi(scale) : 1;
    return factor > 1 ? ms * factor : ms;
}

}  // namespace srllm::test
