#include "ui/data/export-dialog.h"

#include <memory>

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include "db/label-export.h"
#include "db/project.h"
#include "ui/project-session.h"
#include "ui/task-progress-dialog.h"

namespace srllm::ui {

ExportDialog::ExportDialog(ProjectSession* session, QWidget* parent)
    : QDialog(parent), m_session(session), m_table(new QComboBox(this)), m_format(new QComboBox(this)),
      m_file(new QLineEdit(this)), m_result(new QLabel(this)) {
    setWindowTitle(tr("Export"));
    m_table->addItem(tr("Every annotation"), int(db::LabelTable::Annotations));
    m_table->addItem(tr("Gold labels"), int(db::LabelTable::Gold));
    m_format->addItem(tr("JSON Lines (imports back)"), int(db::LabelFileFormat::Jsonl));
    m_format->addItem(tr("CSV (a column per field)"), int(db::LabelFileFormat::Csv));
    auto* browse = new QPushButton(tr("Browse…"), this);
    auto* fileRow = new QHBoxLayout;
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(browse);
    auto* form = new QFormLayout;
    form->addRow(tr("What:"), m_table);
    form->addRow(tr("Format:"), m_format);
    form->addRow(tr("File:"), fileRow);
    m_result->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto* run = buttons->addButton(tr("&Export"), QDialogButtonBox::ActionRole);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_result);
    layout->addWidget(buttons);
    setMinimumWidth(560);  // room for a whole path in the file field
    connect(browse, &QPushButton::clicked, this, [this] {
        const bool csv = m_format->currentData().toInt() == int(db::LabelFileFormat::Csv);
        const QString path = QFileDialog::getSaveFileName(this, tr("Export"), QString(),
                                                          csv ? tr("CSV (*.csv)") : tr("JSON Lines (*.jsonl)"));
        if (!path.isEmpty()) m_file->setText(path);
    });
    connect(run, &QPushButton::clicked, this, &ExportDialog::runExport);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

bool ExportDialog::runExport() {
    if (m_file->text().isEmpty()) {
        m_result->setText(tr("Choose a file first."));
        return false;
    }
    const auto table = db::LabelTable(m_table->currentData().toInt());
    const auto format = db::LabelFileFormat(m_format->currentData().toInt());
    const std::string path = m_file->text().toStdString();
    auto rows = std::make_shared<int64_t>(0);
    TaskProgressDialog progress(
        m_session, tr("Exporting to %1…").arg(QFileInfo(m_file->text()).fileName()),
        [=](db::Project& project, const core::ProgressCallback& callback) {
            *rows = db::exportLabelsToFile(project.db(), table, format, path, callback);
            return BackgroundTask::Done();
        },
        this);
    if (!progress.runToEnd()) {
        m_result->setText(progress.error().isEmpty() ? tr("Cancelled; no file was written.") : progress.error());
        return false;
    }
    m_result->setText(tr("Wrote %n row(s) to %1.", nullptr, int(*rows)).arg(m_file->text()));
    return true;
}

}  // namespace srllm::ui
