#pragma once
// The report as one HTML document: the paper-style table and its tests (core/eval/evaluation-table.h), the
// figures, sample outputs per risk stratum, every run's record, the method of every metric and the review
// results (db/report-data.h). The same text serves the HTML file (figures as data: URIs) and the PDF
// (figures as resources of a QTextDocument), so both say the same thing.
#include <functional>
#include <vector>

#include <QCoreApplication>
#include <QImage>
#include <QString>

#include "db/report-data.h"

namespace srllm::ui {

struct ReportFigure {
    QString title;
    QImage image;
};

class ReportHtml {
    Q_DECLARE_TR_FUNCTIONS(ReportHtml)
public:
    // `imageSource(i)` is what <img src> holds for figures[i]. Any thread (no widget is touched).
    static QString build(const db::ReportData& data, const QString& projectName, const std::vector<ReportFigure>& figures,
                         const std::function<QString(int)>& imageSource);

    // A figure as a PNG data: URI, for the self-contained HTML file.
    static QString dataUri(const QImage& image);
};

}  // namespace srllm::ui
