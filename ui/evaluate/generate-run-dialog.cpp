#include "ui/evaluate/generate-run-dialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>

namespace srllm::ui {

namespace {

// A line edit with a Browse… button that picks a folder (or a file when `folder` is false).
QWidget* withBrowse(QLineEdit* edit, bool folder, QWidget* parent) {
    auto* row = new QWidget(parent);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(edit, 1);
    auto* browse = new QPushButton(QObject::tr("Browse…"), row);
    layout->addWidget(browse);
    QObject::connect(browse, &QPushButton::clicked, row, [edit, folder, row] {
        const QString path = folder ? QFileDialog::getExistingDirectory(row, QString(), edit->text())
                                    : QFileDialog::getOpenFileName(row, QString(), edit->text());
        if (!path.isEmpty()) edit->setText(path);
    });
    return row;
}

}  // namespace

GenerateRunDialog::GenerateRunDialog(QWidget* parent)
    : QDialog(parent), m_name(new QLineEdit(this)), m_source(new QComboBox(this)), m_folder(new QLineEdit(this)),
      m_adapter(new QLineEdit(this)), m_best(new QCheckBox(tr("Use the weights of the lowest eval loss"), this)),
      m_testSet(new QComboBox(this)), m_testSetValue(new QLineEdit(QStringLiteral("test"), this)),
      m_maxNewTokens(new QSpinBox(this)), m_temperature(new QDoubleSpinBox(this)), m_topK(new QSpinBox(this)),
      m_topP(new QDoubleSpinBox(this)), m_seed(new QSpinBox(this)), m_batchSize(new QSpinBox(this)) {
    setWindowTitle(tr("New generation run"));
    m_source->addItems({tr("The original texts (the 'before' row)"), tr("A training run folder"), tr("A model folder")});
    m_testSet->addItems({tr("A project split (train, val, test)"), tr("A snapshot (id or name)"), tr("A file (JSON Lines or BOLD)")});
    m_maxNewTokens->setRange(1, 4096);
    m_maxNewTokens->setValue(128);
    m_temperature->setRange(0, 5);
    m_temperature->setSingleStep(0.1);
    m_topK->setRange(0, 100000);
    m_topP->setRange(0.01, 1);
    m_topP->setSingleStep(0.05);
    m_topP->setValue(1);
    m_seed->setRange(0, 1 << 30);
    m_seed->setValue(1);
    m_batchSize->setRange(1, 1024);
    m_batchSize->setValue(8);
    auto* form = new QFormLayout;
    form->addRow(tr("Name:"), m_name);
    form->addRow(tr("Outputs from:"), m_source);
    form->addRow(tr("Folder:"), withBrowse(m_folder, true, this));
    form->addRow(QString(), m_best);
    form->addRow(tr("Adapter folder (optional):"), withBrowse(m_adapter, true, this));
    form->addRow(tr("Test set:"), m_testSet);
    form->addRow(tr("Split, snapshot or file:"), withBrowse(m_testSetValue, false, this));
    form->addRow(tr("Max new tokens:"), m_maxNewTokens);
    form->addRow(tr("Temperature (0 = greedy):"), m_temperature);
    form->addRow(tr("Top-k (0 = off):"), m_topK);
    form->addRow(tr("Top-p (1 = off):"), m_topP);
    form->addRow(tr("Seed:"), m_seed);
    form->addRow(tr("Batch size:"), m_batchSize);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Start"));
    connect(buttons, &QDialogButtonBox::accepted, this, &GenerateRunDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &GenerateRunDialog::reject);
    form->addRow(buttons);
    setLayout(form);
    connect(m_source, &QComboBox::currentIndexChanged, this, &GenerateRunDialog::updateEnabled);
    updateEnabled();
}

void GenerateRunDialog::updateEnabled() {
    const int source = m_source->currentIndex();
    m_folder->parentWidget()->setEnabled(source != 0);
    m_best->setEnabled(source == 1);
    m_adapter->parentWidget()->setEnabled(source == 2);
    for (QWidget* w : std::initializer_list<QWidget*>{m_maxNewTokens, m_temperature, m_topK, m_topP, m_seed, m_batchSize})
        w->setEnabled(source != 0);
}

QString GenerateRunDialog::problem() const {
    if (m_name->text().trimmed().isEmpty()) return tr("Give the run a name.");
    if (m_source->currentIndex() != 0 && !QFileInfo(m_folder->text()).isDir())
        return tr("The folder '%1' does not exist.").arg(m_folder->text());
    if (m_source->currentIndex() == 2 && !m_adapter->text().isEmpty() && !QFileInfo(m_adapter->text()).isDir())
        return tr("The adapter folder '%1' does not exist.").arg(m_adapter->text());
    if (m_testSetValue->text().trimmed().isEmpty()) return tr("Name the test set.");
    if (m_testSet->currentIndex() == 2 && !QFileInfo(m_testSetValue->text()).isFile())
        return tr("The test set file '%1' does not exist.").arg(m_testSetValue->text());
    return {};
}

void GenerateRunDialog::accept() {
    if (const QString p = problem(); !p.isEmpty()) {
        QMessageBox::warning(this, windowTitle(), p);
        return;
    }
    QDialog::accept();
}

QStringList GenerateRunDialog::arguments(const QString& projectPath) const {
    QStringList args = {QStringLiteral("generate-run"), projectPath, QStringLiteral("--name"), m_name->text().trimmed()};
    switch (m_source->currentIndex()) {
    case 0: args << QStringLiteral("--original"); break;
    case 1:
        args << QStringLiteral("--run") << m_folder->text();
        if (m_best->isChecked()) args << QStringLiteral("--best");
        break;
    default:
        args << QStringLiteral("--model") << m_folder->text();
        if (!m_adapter->text().isEmpty()) args << QStringLiteral("--adapter") << m_adapter->text();
    }
    const QString value = m_testSetValue->text().trimmed();
    if (m_testSet->currentIndex() == 0) args << QStringLiteral("--split") << value;
    else if (m_testSet->currentIndex() == 1) args << QStringLiteral("--snapshot") << value << QStringLiteral("--split") << QStringLiteral("test");
    else args << QStringLiteral("--input") << QDir::cleanPath(QFileInfo(value).absoluteFilePath());
    if (m_source->currentIndex() != 0)
        args << QStringLiteral("--max-new-tokens") << QString::number(m_maxNewTokens->value()) << QStringLiteral("--temperature")
             << QString::number(m_temperature->value()) << QStringLiteral("--top-k") << QString::number(m_topK->value())
             << QStringLiteral("--top-p") << QString::number(m_topP->value()) << QStringLiteral("--seed")
             << QString::number(m_seed->value()) << QStringLiteral("--batch-size") << QString::number(m_batchSize->value());
    return args << QStringLiteral("--json");
}

}  // namespace srllm::ui
