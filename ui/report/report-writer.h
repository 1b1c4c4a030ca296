#pragma once
// Writes a report on generation runs (ui/report/report-html.h) as one self-contained HTML file or as a PDF
// through Qt's printing, chosen by the suffix of the output path. The GUI's Report… dialog and
// `srllm report` both call writeReport, so both write the same file.
#include <string>
#include <vector>

#include <QCoreApplication>
#include <QString>

#include "ui/report/report-html.h"

namespace srllm::db {
class Database;
}

namespace srllm::ui {

class ReportWriter {
    Q_DECLARE_TR_FUNCTIONS(ReportWriter)
public:
    // Throws core::InputError naming '--out' for a suffix other than .html/.htm/.pdf or a path that cannot be
    // written, and what db::gatherReportData throws for the runs; on any error nothing is written (the file
    // appears whole or not at all). UI thread only: the figures are drawn with QCustomPlot.
    static void write(db::Database& db, const QString& projectPath, const std::vector<std::string>& runNames,
                      const QString& out);

    // The report's figures, each drawn at a fixed size: every figure of the Evaluate mode for these runs
    // (ui/evaluate/evaluation-figures.h), then each review session's ranking.
    static std::vector<ReportFigure> figures(db::Database& db, const db::ReportData& data);
};

}  // namespace srllm::ui
