#include "ui/data/import-dialog.h"

#include <memory>

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include "core/data/annotation-jsonl.h"
#include "core/data/external-annotations.h"
#include "db/annotation-import.h"
#include "db/item-import.h"
#include "db/project.h"
#include "ui/project-session.h"
#include "ui/task-progress-dialog.h"

namespace srllm::ui {

namespace {

core::ExternalFile readExternal(core::ImportFormat format, const std::string& path, const std::string& annotator) {
    return format == core::ImportFormat::LabelStudio ? core::readLabelStudioJson(path)
                                                     : core::readDoccanoJsonl(path, annotator);
}

QString kindName(db::MappingSource kind) {
    switch (kind) {
    case db::MappingSource::Choice: return ImportDialog::tr("choice");
    case db::MappingSource::SpanLabel: return ImportDialog::tr("span label");
    case db::MappingSource::Text: return ImportDialog::tr("text");
    }
    return {};
}

}  // namespace

ImportDialog::ImportDialog(ProjectSession* session, QWidget* parent)
    : QDialog(parent), m_session(session), m_file(new QLineEdit(this)), m_format(new QComboBox(this)),
      m_dataset(new QLineEdit(this)), m_annotator(new QLineEdit(this)), m_mappingBox(new QGroupBox(this)),
      m_mapping(new QTableWidget(0, 4, this)), m_rules(new QPlainTextEdit(this)),
      m_import(new QPushButton(tr("&Import"), this)), m_result(new QLabel(this)) {
    setWindowTitle(tr("Import"));
    const QStringList names = QString::fromStdString(core::importFormatNames()).split(QLatin1Char('|'));
    for (const QString& name : names) m_format->addItem(name);
    auto* browse = new QPushButton(tr("Browse…"), this);
    auto* fileRow = new QHBoxLayout;
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(browse);
    m_annotator->setPlaceholderText(tr("whose labels these are (doccano exports name no one)"));
    auto* form = new QFormLayout;
    form->addRow(tr("File:"), fileRow);
    form->addRow(tr("Format:"), m_format);
    form->addRow(tr("Dataset for new items:"), m_dataset);
    form->addRow(tr("Annotator:"), m_annotator);

    static_cast<QGroupBox*>(m_mappingBox)->setTitle(tr("How the file's labels map onto the taxonomy"));
    m_mapping->setHorizontalHeaderLabels({tr("Kind"), tr("Label in the file"), tr("Count"), tr("Becomes")});
    m_mapping->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_mapping->horizontalHeader()->setSectionResizeMode(3, QHeaderView::Stretch);
    m_mapping->verticalHeader()->hide();
    m_mapping->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_rules->setPlaceholderText(tr("Rules, one per line: SOURCE=FIELD:VALUE, FIELD, spans, rewrite or ignore\n"
                                   "e.g. Offensive=toxicity:High"));
    m_rules->setMaximumHeight(80);
    auto* check = new QPushButton(tr("Check mapping"), this);
    auto* mappingLayout = new QVBoxLayout(m_mappingBox);
    mappingLayout->addWidget(m_mapping, 1);
    mappingLayout->addWidget(m_rules);
    mappingLayout->addWidget(check, 0, Qt::AlignRight);
    m_result->setWordWrap(true);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_import, QDialogButtonBox::ActionRole);
    // Return in the file field takes the path; it must neither start the import nor close the dialog.
    for (auto* button : findChildren<QPushButton*>()) button->setAutoDefault(false);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_mappingBox, 1);
    layout->addWidget(m_result);
    layout->addWidget(buttons);
    resize(720, 560);

    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Import"), QString(),
                                                          tr("Data files (*.csv *.tsv *.txt *.jsonl *.json *.ndjson)"));
        if (!path.isEmpty()) setFile(path);
    });
    connect(m_file, &QLineEdit::editingFinished, this, [this] {  // a path typed or pasted, not browsed to
        if (m_file->text() != m_fileSet) setFile(m_file->text());
    });
    connect(m_format, &QComboBox::currentIndexChanged, this, &ImportDialog::checkMapping);
    connect(check, &QPushButton::clicked, this, &ImportDialog::checkMapping);
    connect(m_import, &QPushButton::clicked, this, &ImportDialog::runImport);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    checkMapping();
}

void ImportDialog::setFile(const QString& path) {
    m_fileSet = path;
    m_file->setText(path);
    m_dataset->setText(QFileInfo(path).completeBaseName());
    if (m_annotator->text().isEmpty()) m_annotator->setText(QFileInfo(path).completeBaseName());
    m_result->clear();
    try {
        m_format->setCurrentText(QString::fromStdString(core::importFormatName(core::detectImportFormat(path.toStdString()))));
    } catch (const std::exception& e) {
        m_result->setText(QString::fromUtf8(e.what()));
    }
    checkMapping();
}

core::ImportFormat ImportDialog::format() const { return core::parseImportFormat(m_format->currentText().toStdString()); }

bool ImportDialog::isExternal() const {
    return format() == core::ImportFormat::LabelStudio || format() == core::ImportFormat::Doccano;
}

std::vector<db::MappingRule> ImportDialog::rules() const {
    std::vector<db::MappingRule> out;
    for (const QString& line : m_rules->toPlainText().split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        if (!line.trimmed().isEmpty()) out.push_back(db::parseMappingRule(line.trimmed().toStdString()));
    return out;
}

void ImportDialog::checkMapping() {
    m_mappingBox->setVisible(isExternal());
    m_annotator->setEnabled(format() == core::ImportFormat::Doccano);
    m_import->setEnabled(!m_file->text().isEmpty());
    if (!isExternal() || m_file->text().isEmpty()) return;
    m_mapping->setRowCount(0);
    m_import->setEnabled(false);
    try {
        const core::ExternalFile file = readExternal(format(), m_file->text().toStdString(), m_annotator->text().toStdString());
        const db::MappingPlan plan = db::planLabelMapping(m_session->db(), file, rules());
        m_mapping->setRowCount(int(plan.entries.size()));
        for (int r = 0; r < int(plan.entries.size()); ++r) {
            const db::MappingEntry& e = plan.entries[size_t(r)];
            const QString source = QString::fromStdString(e.kind == db::MappingSource::Choice ? e.control + "/" + e.value
                                                          : e.kind == db::MappingSource::SpanLabel ? e.value : e.control);
            const QString cells[] = {kindName(e.kind), source, QString::number(e.count),
                                     QString::fromStdString(db::mappingTargetText(e))};
            for (int c = 0; c < 4; ++c) {
                auto* cell = new QTableWidgetItem(cells[c]);
                if (!e.error.empty()) cell->setForeground(QColor(164, 0, 0));
                m_mapping->setItem(r, c, cell);
            }
        }
        QStringList problems;
        for (const auto& p : plan.problems) problems << QString::fromStdString(core::formatDiagnostic(p));
        m_result->setText(plan.ok() ? tr("%1 task(s), %2 annotation(s): every label maps. Nothing is written until you "
                                         "press Import.").arg(plan.tasks).arg(plan.annotations)
                                    : tr("Cannot import yet; add a rule for each of these:\n%1").arg(problems.join(QLatin1Char('\n'))));
        m_import->setEnabled(plan.ok());
    } catch (const std::exception& e) {
        m_result->setText(QString::fromUtf8(e.what()));
    }
}

bool ImportDialog::runImport() {
    const std::string path = m_file->text().toStdString();
    const std::string dataset = m_dataset->text().trimmed().isEmpty() ? QFileInfo(m_file->text()).completeBaseName().toStdString()
                                                                      : m_dataset->text().trimmed().toStdString();
    const std::string annotator = m_annotator->text().toStdString();
    core::ImportFormat fmt;
    std::vector<db::MappingRule> mappingRules;
    try {
        fmt = format();
        mappingRules = rules();
    } catch (const std::exception& e) {
        m_result->setText(QString::fromUtf8(e.what()));
        return false;
    }
    auto summary = std::make_shared<QString>();
    TaskProgressDialog progress(
        m_session, tr("Importing %1…").arg(QFileInfo(m_file->text()).fileName()),
        [=](db::Project& project, const core::ProgressCallback& callback) {
            if (fmt == core::ImportFormat::LabelStudio || fmt == core::ImportFormat::Doccano) {
                const core::ExternalFile file = readExternal(fmt, path, annotator);
                const db::MappingPlan plan = db::planLabelMapping(project.db(), file, mappingRules);
                const auto r = db::importExternalAnnotations(project, file, plan, dataset, callback);
                *summary = tr("%1 new item(s), %2 annotation(s), %3 new annotator(s), %4 item(s) routed.")
                               .arg(r.itemsCreated).arg(r.annotations).arg(r.annotatorsCreated).arg(r.routed);
            } else if (fmt == core::ImportFormat::Annotations) {
                core::AnnotationJsonlReader reader(path);
                const auto r = db::importAnnotations(project, reader, callback);
                *summary = tr("%1 annotation(s), %2 new annotator(s), %3 item(s) routed.")
                               .arg(r.annotations).arg(r.annotatorsCreated).arg(r.routed);
            } else {
                const auto reader = core::makeItemReader(fmt, path, {});
                const auto r = db::importItems(project, *reader, dataset, callback);
                *summary = tr("%1 item(s), %2 reference rewrite(s), %3 duplicate(s) skipped.")
                               .arg(r.items).arg(r.references).arg(r.duplicates);
            }
            return BackgroundTask::Done();
        },
        this);
    if (!progress.runToEnd()) {
        m_result->setText(progress.error().isEmpty() ? tr("Cancelled; nothing was imported.") : progress.error());
        return false;
    }
    m_result->setText(tr("Imported: %1").arg(*summary));
    return true;
}

}  // namespace srllm::ui
