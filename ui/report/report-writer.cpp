#include "ui/report/report-writer.h"

#include <QFileInfo>
#include <QPageSize>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextDocument>
#include <QUrl>
#include <qcustomplot.h>

#include "core/common/diagnostics.h"
#include "db/report-data.h"
#include "ui/evaluate/evaluation-figures.h"
#include "ui/review/review-results-dialog.h"

namespace srllm::ui {

namespace {

constexpr int kFigureWidth = 1000, kFigureHeight = 560;  // pixels: sharp in a browser, 640 wide on the page

QImage draw(const std::function<void(QCustomPlot*)>& fill) {
    QCustomPlot plot;
    plot.resize(kFigureWidth, kFigureHeight);
    fill(&plot);
    plot.replot();
    return plot.toPixmap(kFigureWidth, kFigureHeight).toImage();
}

QString resourceName(int index) { return QStringLiteral("figure-%1.png").arg(index); }

void writeHtml(QSaveFile& file, const QString& html) { file.write(html.toUtf8()); }

void writePdf(QSaveFile& file, const QString& html, const std::vector<ReportFigure>& figures, const QString& title) {
    QTextDocument document;
    for (size_t i = 0; i < figures.size(); ++i)
        document.addResource(QTextDocument::ImageResource, QUrl(resourceName(int(i))), figures[i].image);
    document.setHtml(html);
    QPdfWriter writer(&file);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setTitle(title);
    writer.setCreator(QStringLiteral("SR-LLM Workbench"));
    document.print(&writer);
}

}  // namespace

std::vector<ReportFigure> ReportWriter::figures(db::Database& db, const db::ReportData& data) {
    std::vector<int64_t> ids;
    for (const auto& run : data.runs) ids.push_back(run.row.id);
    const EvaluationData evaluation = loadEvaluationData(db, ids);
    std::vector<ReportFigure> out;
    for (const auto& figure : evaluationFigures(evaluation))
        out.push_back({figure.title, draw([&](QCustomPlot* plot) { figure.draw(evaluation, plot); })});
    for (const auto& review : data.reviews)
        out.push_back({tr("Bradley–Terry ranking of review session %1").arg(QString::fromStdString(review["session"].get<std::string>())),
                       draw([&review](QCustomPlot* plot) { ReviewResultsDialog::plotRanking(plot, review["bradley_terry"]); })});
    return out;
}

void ReportWriter::write(db::Database& db, const QString& projectPath, const std::vector<std::string>& runNames,
                         const QString& out) {
    const QString suffix = QFileInfo(out).suffix().toLower();
    const bool pdf = suffix == QLatin1String("pdf");
    if (!pdf && suffix != QLatin1String("html") && suffix != QLatin1String("htm"))
        throw core::InputError(out.toStdString(), 0, "--out", "the suffix picks the format: .html or .pdf");
    const auto data = db::gatherReportData(db, runNames);
    const auto drawn = figures(db, data);
    const QString projectName = QFileInfo(projectPath).completeBaseName();
    QSaveFile file(out);
    if (!file.open(QIODevice::WriteOnly))
        throw core::InputError(out.toStdString(), 0, "--out", "cannot write: " + file.errorString().toStdString());
    if (pdf) {
        writePdf(file, ReportHtml::build(data, projectName, drawn, resourceName), drawn,
                 ReportHtml::tr("Evaluation report: %1").arg(projectName));
    } else {
        writeHtml(file, ReportHtml::build(data, projectName, drawn, [&drawn](int i) { return ReportHtml::dataUri(drawn[size_t(i)].image); }));
    }
    if (!file.commit())
        throw core::InputError(out.toStdString(), 0, "--out", "cannot write: " + file.errorString().toStdString());
}

}  // namespace srllm::ui
