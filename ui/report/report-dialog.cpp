#include "ui/report/report-dialog.h"

#include <algorithm>

#include <QApplication>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>

#include "db/database.h"
#include "db/generation-runs.h"
#include "db/metric-values.h"
#include "ui/project-session.h"
#include "ui/report/report-writer.h"

namespace srllm::ui {

ReportDialog::ReportDialog(ProjectSession* session, QWidget* parent, std::optional<std::vector<int64_t>> runIds)
    : QDialog(parent), m_session(session), m_runs(new QListWidget(this)), m_out(new QLineEdit(this)) {
    setWindowTitle(tr("Report"));
    std::vector<int64_t> evaluated = runIds.value_or(std::vector<int64_t>{});
    try {  // a damaged stored evaluation: no runs are checked, and writing the report names the problem
        if (!runIds)
            if (const auto latest = db::latestEvaluation(session->db())) evaluated = latest->at("run_ids").get<std::vector<int64_t>>();
    } catch (const db::DbError&) {
    }
    auto runs = db::listGenerationRuns(session->db());
    const auto rank = [&evaluated](int64_t id) {
        return size_t(std::find(evaluated.begin(), evaluated.end(), id) - evaluated.begin());
    };
    std::stable_sort(runs.begin(), runs.end(), [&](const auto& a, const auto& b) { return rank(a.id) < rank(b.id); });
    for (const db::GenerationRunRow& run : runs) {
        auto* item = new QListWidgetItem(QString::fromStdString(run.spec.name), m_runs);
        item->setData(Qt::UserRole, QString::fromStdString(run.spec.name));
        item->setCheckState(rank(run.id) < evaluated.size() ? Qt::Checked : Qt::Unchecked);
    }
    m_runs->setDragDropMode(QAbstractItemView::InternalMove);
    m_out->setText(QFileInfo(session->projectPath()).absolutePath() + QLatin1Char('/') +
                   QFileInfo(session->projectPath()).completeBaseName() + tr("-report") + QStringLiteral(".html"));
    auto* browse = new QPushButton(tr("Browse…"), this);
    connect(browse, &QPushButton::clicked, this, &ReportDialog::chooseOutput);
    auto* outRow = new QHBoxLayout;
    outRow->addWidget(m_out, 1);
    outRow->addWidget(browse);
    auto* form = new QFormLayout(this);
    form->addRow(tr("Runs (the first is the baseline)"), m_runs);
    form->addRow(tr("Write to (.html or .pdf)"), outRow);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Write report"));
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(620, 420);
}

void ReportDialog::chooseOutput() {
    const QString path = QFileDialog::getSaveFileName(this, tr("Write report"), m_out->text(),
                                                      tr("Web page (*.html);;PDF (*.pdf)"));
    if (!path.isEmpty()) m_out->setText(path);
}

void ReportDialog::accept() {
    std::vector<std::string> names;
    for (int row = 0; row < m_runs->count(); ++row)
        if (m_runs->item(row)->checkState() == Qt::Checked) names.push_back(m_runs->item(row)->data(Qt::UserRole).toString().toStdString());
    try {  // a few seconds for a large project: figures and the PDF are drawn with widgets, on this thread
        QApplication::setOverrideCursor(Qt::WaitCursor);
        ReportWriter::write(m_session->db(), m_session->projectPath(), names, m_out->text());
        QApplication::restoreOverrideCursor();
    } catch (const std::exception& e) {
        QApplication::restoreOverrideCursor();
        QMessageBox::warning(this, tr("Report"), QString::fromStdString(e.what()));
        return;
    }
    QDialog::accept();
}

}  // namespace srllm::ui
