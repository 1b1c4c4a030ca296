#include "ui/evaluate/evaluation-item-dialog.h"

#include <cmath>

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QTableWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace srllm::ui {

EvaluationItemDialog::EvaluationItemDialog(const EvaluationData& data, int position, QWidget* parent)
    : QDialog(parent), m_original(new QTextBrowser(this)), m_outputs(new QTableWidget(this)) {
    setWindowTitle(tr("Test item %1").arg(position + 1));
    QString html = QStringLiteral("<p><b>%1</b><br>%2</p>").arg(tr("Original"), data.sources[position].toHtmlEscaped());
    for (const auto& reference : data.references[size_t(position)])
        html += QStringLiteral("<p><b>%1</b><br>%2</p>").arg(tr("Reference rewrite"), reference.toHtmlEscaped());
    if (!data.groups[position].isEmpty())
        html += QStringLiteral("<p><b>%1</b> %2</p>").arg(tr("Group:"), data.groups[position].toHtmlEscaped());
    if (const auto itemId = data.itemIds[size_t(position)])
        html += QStringLiteral("<p><b>%1</b> %2</p>").arg(tr("Project item:")).arg(*itemId);
    m_original->setHtml(html);
    const auto metrics = data.commonMetrics();
    QStringList headers = {tr("Output")};
    for (const auto& metric : metrics) headers << metricTitle(metric);
    m_outputs->setColumnCount(int(headers.size()));
    m_outputs->setHorizontalHeaderLabels(headers);
    m_outputs->setRowCount(int(data.runs.size()));
    for (size_t r = 0; r < data.runs.size(); ++r) {
        m_outputs->setVerticalHeaderItem(int(r), new QTableWidgetItem(data.runs[r].name));
        m_outputs->setItem(int(r), 0, new QTableWidgetItem(data.runs[r].outputs[position]));
        for (size_t m = 0; m < metrics.size(); ++m) {
            const double v = (*data.metric(r, metrics[m]))[size_t(position)];
            m_outputs->setItem(int(r), int(m + 1), new QTableWidgetItem(std::isnan(v) ? QStringLiteral("–") : QString::number(v, 'g', 4)));
        }
    }
    m_outputs->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_outputs->setWordWrap(true);
    m_outputs->horizontalHeader()->resizeSection(0, 360);
    m_outputs->resizeRowsToContents();
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_original, 1);
    layout->addWidget(m_outputs, 2);
    layout->addWidget(buttons);
    resize(1100, 650);
}

}  // namespace srllm::ui
