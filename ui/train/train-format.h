#pragma once
// How the Train page writes durations and sizes ("3 min 20 s", "1.2 GiB"), in one place for the
// estimate, the live summary and the run record. GUI thread only (translated strings).
#include <QString>

namespace srllm::ui {

// "45 s", "3 min 20 s", "2 h 05 min", "3 d 4 h"; "–" for a negative or non-finite value.
QString formatDuration(double seconds);
// "512 B", "1.2 MiB", "13.5 GiB" (binary units, one decimal).
QString formatBytes(double bytes);

}  // namespace srllm::ui
