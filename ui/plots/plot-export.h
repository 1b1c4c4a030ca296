#pragma once
// Saving a QCustomPlot as PNG, SVG or PDF, chosen by the file's suffix: one function every chart of the
// workbench uses (training curves, evaluation panels, agreement trends). UI thread only.
#include <QString>

class QCustomPlot;
class QWidget;

namespace srllm::ui {

// Writes the plot at width x height pixels (points for SVG/PDF); the suffix (.png, .svg, .pdf, any
// case) picks the format. False when the suffix is unknown or the file cannot be written.
bool exportPlot(QCustomPlot* plot, const QString& path, int width = 1200, int height = 700);

// Asks for a file name (PNG, SVG or PDF; .png added when the name has no known suffix), writes the
// plot and tells the user when that failed. `suggestedName` is the default file name without suffix.
void exportPlotWithDialog(QWidget* parent, QCustomPlot* plot, const QString& suggestedName);

}  // namespace srllm::ui
