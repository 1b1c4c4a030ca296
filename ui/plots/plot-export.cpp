#include "ui/plots/plot-export.h"

#include <QFileDialog>
#include <QMessageBox>
#include <QSvgGenerator>
#include <qcustomplot.h>

namespace srllm::ui {

namespace {

bool exportSvg(QCustomPlot* plot, const QString& path, int width, int height) {
    QSvgGenerator svg;
    svg.setFileName(path);
    svg.setSize(QSize(width, height));
    svg.setViewBox(QRect(0, 0, width, height));
    svg.setTitle(plot->windowTitle());
    QCPPainter painter;
    if (!painter.begin(&svg)) return false;
    plot->toPainter(&painter, width, height);
    return painter.end();
}

}  // namespace

bool exportPlot(QCustomPlot* plot, const QString& path, int width, int height) {
    if (path.endsWith(QLatin1String(".png"), Qt::CaseInsensitive)) return plot->savePng(path, width, height);
    if (path.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive)) return plot->savePdf(path, width, height);
    if (path.endsWith(QLatin1String(".svg"), Qt::CaseInsensitive)) return exportSvg(plot, path, width, height);
    return false;
}

void exportPlotWithDialog(QWidget* parent, QCustomPlot* plot, const QString& suggestedName) {
    QString path = QFileDialog::getSaveFileName(parent, QObject::tr("Export chart"), suggestedName + QStringLiteral(".png"),
                                                QObject::tr("PNG image (*.png);;SVG image (*.svg);;PDF document (*.pdf)"));
    if (path.isEmpty()) return;
    const bool known = path.endsWith(QLatin1String(".png"), Qt::CaseInsensitive) ||
                       path.endsWith(QLatin1String(".svg"), Qt::CaseInsensitive) ||
                       path.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive);
    if (!known) path += QLatin1String(".png");
    if (!exportPlot(plot, path))
        QMessageBox::warning(parent, QObject::tr("Export chart"),
                             QObject::tr("Could not write %1 (hint: is the folder writable?)").arg(path));
}

}  // namespace srllm::ui
