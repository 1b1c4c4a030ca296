#include "app/cli/progress-bar.h"

#include <algorithm>
#include <cstdio>
#include <unistd.h>

namespace srllm::cli {

ProgressBar::ProgressBar(std::string label)
    : m_label(std::move(label)), m_enabled(isatty(fileno(stderr)) != 0),
      m_start(std::chrono::steady_clock::now()), m_lastDraw(m_start) {}

ProgressBar::~ProgressBar() {
    if (m_drawn) std::fputc('\n', stderr);
}

core::ProgressCallback ProgressBar::callback() {
    return [this](int64_t done, int64_t total) {
        update(done, total);
        return true;
    };
}

void ProgressBar::update(int64_t done, int64_t total) {
    if (!m_enabled) return;
    const auto now = std::chrono::steady_clock::now();
    // Redrawing more than ~10 times a second costs more than the work it reports on.
    if (m_drawn && done != total && now - m_lastDraw < std::chrono::milliseconds(100)) return;
    m_lastDraw = now;
    m_drawn = true;
    const double seconds = std::chrono::duration<double>(now - m_start).count();
    const double rate = seconds > 0 ? static_cast<double>(done) / seconds : 0.0;
    if (total > 0) {
        constexpr int kWidth = 30;
        const double fraction = std::min(1.0, static_cast<double>(done) / static_cast<double>(total));
        const int filled = static_cast<int>(fraction * kWidth);
        std::string bar(filled, '#');
        bar.resize(kWidth, '.');
        std::fprintf(stderr, "\r%s [%s] %3d%% %lld/%lld (%.0f/s)", m_label.c_str(), bar.c_str(),
                     static_cast<int>(fraction * 100), static_cast<long long>(done),
                     static_cast<long long>(total), rate);
    } else {
        std::fprintf(stderr, "\r%s %lld (%.0f/s)", m_label.c_str(), static_cast<long long>(done), rate);
    }
    std::fflush(stderr);
}

}  // namespace srllm::cli
