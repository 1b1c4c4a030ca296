#pragma once
// A one-line progress bar on stderr when it is a terminal; silent otherwise (pipes, CI logs).
#include <chrono>
#include <string>

#include "core/common/progress.h"

namespace srllm::cli {

class ProgressBar {
public:
    explicit ProgressBar(std::string label);
    ~ProgressBar();  // finishes the line
    // A callback for core's long operations; never cancels.
    core::ProgressCallback callback();
    void update(int64_t done, int64_t total);

private:
    std::string m_label;
    bool m_enabled;
    bool m_drawn = false;
    std::chrono::steady_clock::time_point m_start;
    std::chrono::steady_clock::time_point m_lastDraw;
};

}  // namespace srllm::cli
