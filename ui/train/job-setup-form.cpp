#include "ui/train/job-setup-form.h"

#include <limits>

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include "core/data/instruction-template.h"
#include "db/snapshots.h"
#include "ui/train/job-scorer-fields.h"

namespace srllm::ui {

namespace {

QSpinBox* intBox(QWidget* parent, int low, int high) {
    auto* box = new QSpinBox(parent);
    box->setRange(low, high);
    return box;
}

QDoubleSpinBox* realBox(QWidget* parent, double low, double high, int decimals, double step) {
    auto* box = new QDoubleSpinBox(parent);
    box->setRange(low, high);
    box->setDecimals(decimals);
    box->setSingleStep(step);
    return box;
}

QLabel* reportLabel(QWidget* parent) {
    auto* label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::RichText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QGroupBox* group(const QString& title, QLayout* layout) {
    auto* box = new QGroupBox(title);
    box->setLayout(layout);
    return box;
}

// A line edit with a Browse… button beside it.
QWidget* withBrowse(QLineEdit* edit, QPushButton* browse) {
    auto* row = new QWidget;
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(edit, 1);
    layout->addWidget(browse);
    return row;
}

}  // namespace

JobSetupForm::JobSetupForm(QWidget* parent) : QWidget(parent) {
    auto* left = new QVBoxLayout;
    left->addWidget(buildModelGroup());
    left->addWidget(buildDataGroup());
    left->addWidget(buildMethodGroup());
    left->addWidget(buildJobGroup());
    left->addStretch(1);
    auto* right = new QVBoxLayout;
    right->addWidget(buildTrainingGroup());
    right->addWidget(buildHardwareGroup());
    m_scorer = new JobScorerFields(this);
    connect(m_scorer, &JobScorerFields::changed, this, &JobSetupForm::settingsChanged);
    right->addWidget(m_scorer);
    right->addStretch(1);
    auto* columns = new QHBoxLayout(this);
    columns->addLayout(left, 1);
    columns->addLayout(right, 1);
    resetHyperParameters();
    updateMethodFields();
}

QWidget* JobSetupForm::buildModelGroup() {
    m_model = new QLineEdit(this);
    m_model->setObjectName(QStringLiteral("modelFolder"));
    m_model->setPlaceholderText(tr("A Hugging Face model folder: config.json, *.safetensors, tokenizer"));
    auto* browse = new QPushButton(tr("Browse…"), this);
    connect(browse, &QPushButton::clicked, this, &JobSetupForm::chooseModelFolder);
    connect(m_model, &QLineEdit::textChanged, this, &JobSetupForm::modelFolderChanged);
    m_modelReport = reportLabel(this);
    m_modelReport->setObjectName(QStringLiteral("modelReport"));
    auto* layout = new QVBoxLayout;
    layout->addWidget(withBrowse(m_model, browse));
    layout->addWidget(m_modelReport);
    return group(tr("Base model"), layout);
}

QWidget* JobSetupForm::buildDataGroup() {
    m_snapshot = new QComboBox(this);
    m_snapshot->setObjectName(QStringLiteral("snapshot"));
    m_template = new QComboBox(this);
    m_template->setObjectName(QStringLiteral("template"));
    for (const std::string& name : core::builtinTemplateNames()) m_template->addItem(QString::fromStdString(name));
    m_template->addItem(QStringLiteral("custom"));
    m_template->setCurrentText(QStringLiteral("paper"));  // the SR-LLM paper's prompt (Figure 2)
    m_customTemplate = new QPlainTextEdit(this);
    m_customTemplate->setObjectName(QStringLiteral("customTemplate"));
    m_customTemplate->setPlaceholderText(tr("Your template: {text} is the item's text, {rewrite} where the response starts"));
    m_customTemplate->setMaximumHeight(80);
    m_dataReport = reportLabel(this);
    m_dataReport->setObjectName(QStringLiteral("dataReport"));
    for (QComboBox* box : {m_snapshot, m_template})
        connect(box, &QComboBox::currentIndexChanged, this, &JobSetupForm::dataChanged);
    connect(m_customTemplate, &QPlainTextEdit::textChanged, this, &JobSetupForm::dataChanged);
    connect(m_template, &QComboBox::currentIndexChanged, this,
            [this] { m_customTemplate->setVisible(m_template->currentText() == QLatin1String("custom")); });
    m_customTemplate->hide();
    auto* form = new QFormLayout;
    form->addRow(tr("Gold snapshot:"), m_snapshot);
    form->addRow(tr("Template:"), m_template);
    form->addRow(m_customTemplate);
    form->addRow(m_dataReport);
    return group(tr("Data"), form);
}

QWidget* JobSetupForm::buildMethodGroup() {
    m_method = new QComboBox(this);
    m_method->setObjectName(QStringLiteral("method"));
    m_method->addItem(tr("LoRA adapters"), QStringLiteral("lora"));
    m_method->addItem(tr("QLoRA (4-bit base, LoRA adapters)"), QStringLiteral("qlora"));
    m_method->addItem(tr("Full fine-tune"), QStringLiteral("full"));
    m_rank = intBox(this, 1, 4096);
    m_alpha = realBox(this, 0.01, 100000, 2, 1);
    m_dropout = realBox(this, 0, 0.99, 2, 0.05);
    connect(m_method, &QComboBox::currentIndexChanged, this, &JobSetupForm::updateMethodFields);
    auto* form = new QFormLayout;
    form->addRow(tr("Method:"), m_method);
    form->addRow(tr("LoRA rank r:"), m_rank);
    form->addRow(tr("LoRA alpha:"), m_alpha);
    form->addRow(tr("LoRA dropout:"), m_dropout);
    return group(tr("Method"), form);
}

QWidget* JobSetupForm::buildTrainingGroup() {
    constexpr int kMax = std::numeric_limits<int>::max();
    m_lr = realBox(this, 0, 1, 6, 1e-5);
    m_epochs = intBox(this, 1, 1000);
    m_maxSteps = intBox(this, 0, kMax);
    m_maxSteps->setSpecialValueText(tr("no limit"));
    m_warmup = realBox(this, 0, 0.99, 3, 0.01);
    m_weightDecay = realBox(this, 0, 0.99, 4, 0.001);
    m_maxGradNorm = realBox(this, 0, 1000, 2, 0.1);
    m_batch = intBox(this, 1, 4096);
    m_accumulation = intBox(this, 1, 4096);
    m_maxLength = intBox(this, 2, 1 << 20);
    m_seed = intBox(this, 0, kMax);
    m_saveSteps = intBox(this, 1, kMax);
    m_evalSteps = intBox(this, 1, kMax);
    m_patience = intBox(this, 0, 1000);
    m_patience->setSpecialValueText(tr("off"));
    auto* form = new QFormLayout;
    form->addRow(tr("Learning rate:"), m_lr);
    form->addRow(tr("Epochs:"), m_epochs);
    form->addRow(tr("Max steps:"), m_maxSteps);
    form->addRow(tr("Warmup ratio:"), m_warmup);
    form->addRow(tr("Weight decay:"), m_weightDecay);
    form->addRow(tr("Max gradient norm:"), m_maxGradNorm);
    form->addRow(tr("Batch size:"), m_batch);
    form->addRow(tr("Gradient accumulation:"), m_accumulation);
    form->addRow(tr("Max length (tokens):"), m_maxLength);
    form->addRow(tr("Seed:"), m_seed);
    form->addRow(tr("Checkpoint every (steps):"), m_saveSteps);
    form->addRow(tr("Evaluate every (steps):"), m_evalSteps);
    form->addRow(tr("Early-stopping patience:"), m_patience);
    auto* defaults = new QPushButton(tr("Paper's defaults"), this);
    defaults->setToolTip(tr("Learning rate 2e-4, LoRA r 64, alpha 16, dropout 0.2, one epoch… (SR-LLM paper)"));
    connect(defaults, &QPushButton::clicked, this, &JobSetupForm::resetHyperParameters);
    form->addRow(defaults);
    for (QSpinBox* box : {m_rank, m_epochs, m_maxSteps, m_batch, m_accumulation, m_maxLength, m_seed, m_saveSteps,
                          m_evalSteps, m_patience})
        connect(box, &QSpinBox::valueChanged, this, &JobSetupForm::settingsChanged);
    for (QDoubleSpinBox* box : {m_alpha, m_dropout, m_lr, m_warmup, m_weightDecay, m_maxGradNorm})
        connect(box, &QDoubleSpinBox::valueChanged, this, &JobSetupForm::settingsChanged);
    return group(tr("Hyper-parameters"), form);
}

QWidget* JobSetupForm::buildHardwareGroup() {
    m_device = new QComboBox(this);
    m_device->setObjectName(QStringLiteral("device"));
    m_device->addItem(tr("auto (GPU when there is one)"), QStringLiteral("auto"));
    m_device->addItem(tr("CPU"), QStringLiteral("cpu"));
    m_device->addItem(tr("CUDA GPU"), QStringLiteral("cuda"));
    m_precision = new QComboBox(this);
    m_precision->setObjectName(QStringLiteral("precision"));
    m_precision->addItem(tr("fp32 (exact)"), QStringLiteral("fp32"));
    m_precision->addItem(tr("bf16"), QStringLiteral("bf16"));
    m_precision->addItem(tr("fp16 (CUDA only)"), QStringLiteral("fp16"));
    for (QComboBox* box : {m_method, m_device, m_precision})
        connect(box, &QComboBox::currentIndexChanged, this, &JobSetupForm::settingsChanged);
    auto* form = new QFormLayout;
    form->addRow(tr("Device:"), m_device);
    form->addRow(tr("Precision:"), m_precision);
    return group(tr("Hardware"), form);
}

QWidget* JobSetupForm::buildJobGroup() {
    m_jobFolder = new QLineEdit(this);
    m_jobFolder->setObjectName(QStringLiteral("jobFolder"));
    auto* browse = new QPushButton(tr("Browse…"), this);
    connect(browse, &QPushButton::clicked, this, &JobSetupForm::chooseJobFolder);
    m_estimate = reportLabel(this);
    m_estimate->setObjectName(QStringLiteral("estimate"));
    m_start = new QPushButton(tr("Start training"), this);
    m_start->setObjectName(QStringLiteral("startJob"));
    m_start->setToolTip(tr("Write the job folder (model hash, frozen data) and queue the run"));
    connect(m_start, &QPushButton::clicked, this, &JobSetupForm::startRequested);
    auto* layout = new QVBoxLayout;
    layout->addWidget(new QLabel(tr("Job folder (new or empty):"), this));
    layout->addWidget(withBrowse(m_jobFolder, browse));
    layout->addWidget(m_estimate);
    layout->addWidget(m_start, 0, Qt::AlignRight);
    return group(tr("Run"), layout);
}

void JobSetupForm::setSnapshots(const std::vector<db::SnapshotRow>& snapshots) {
    const QVariant current = m_snapshot->currentData();
    m_snapshot->clear();
    for (const db::SnapshotRow& s : snapshots)
        m_snapshot->addItem(tr("%1 (%n item(s))", nullptr, int(s.itemCount)).arg(QString::fromStdString(s.name)),
                            QVariant::fromValue<qint64>(s.id));
    if (snapshots.empty()) m_snapshot->addItem(tr("(no snapshot yet: make one with `srllm snapshot`)"));
    const int keep = m_snapshot->findData(current);
    m_snapshot->setCurrentIndex(keep >= 0 ? keep : m_snapshot->count() - 1);  // the newest by default
}

FormValues JobSetupForm::values() const {
    FormValues r;
    r.modelFolder = m_model->text().trimmed();
    if (m_snapshot->currentData().isValid()) r.snapshotId = m_snapshot->currentData().toLongLong();
    r.templateName = m_template->currentText();
    if (r.templateName == QLatin1String("custom")) r.customTemplate = m_customTemplate->toPlainText();
    r.device = m_device->currentData().toString();
    r.jobFolder = m_jobFolder->text().trimmed();
    core::TrainConfig& c = r.train;
    c = m_base;
    c.method = core::parseTrainMethod(m_method->currentData().toString().toStdString());
    c.lora.rank = m_rank->value();
    c.lora.alpha = m_alpha->value();
    c.lora.dropout = m_dropout->value();
    c.learningRate = m_lr->value();
    c.epochs = m_epochs->value();
    c.maxSteps = m_maxSteps->value() == 0 ? -1 : m_maxSteps->value();
    c.warmupRatio = m_warmup->value();
    c.weightDecay = m_weightDecay->value();
    c.maxGradNorm = m_maxGradNorm->value();
    c.batchSize = m_batch->value();
    c.gradAccumulation = m_accumulation->value();
    c.maxLength = m_maxLength->value();
    c.seed = static_cast<uint64_t>(m_seed->value());
    c.checkpointEvery = m_saveSteps->value();
    c.evalEvery = m_evalSteps->value();
    c.earlyStoppingPatience = m_patience->value();
    c.precision = core::parsePrecision(m_precision->currentData().toString().toStdString());
    c.earlyStoppingMetric = m_scorer->earlyStoppingMetric();
    r.scorer = m_scorer->scorer();
    return r;
}

void JobSetupForm::setModelFolder(const QString& folder) { m_model->setText(folder); }
void JobSetupForm::setJobFolder(const QString& folder) { m_jobFolder->setText(folder); }

void JobSetupForm::resetHyperParameters() { setTrainConfig(core::TrainConfig()); }

void JobSetupForm::setTrainConfig(const core::TrainConfig& c) {
    m_base = c;
    m_method->setCurrentIndex(m_method->findData(QString::fromStdString(core::trainMethodName(c.method))));
    m_rank->setValue(int(c.lora.rank));
    m_alpha->setValue(c.lora.alpha);
    m_dropout->setValue(c.lora.dropout);
    m_lr->setValue(c.learningRate);
    m_epochs->setValue(int(c.epochs));
    m_maxSteps->setValue(c.maxSteps > 0 ? int(c.maxSteps) : 0);
    m_warmup->setValue(c.warmupRatio);
    m_weightDecay->setValue(c.weightDecay);
    m_maxGradNorm->setValue(c.maxGradNorm);
    m_batch->setValue(int(c.batchSize));
    m_accumulation->setValue(int(c.gradAccumulation));
    m_maxLength->setValue(int(c.maxLength));
    m_seed->setValue(int(c.seed));
    m_saveSteps->setValue(int(c.checkpointEvery));
    m_evalSteps->setValue(int(c.evalEvery));
    m_patience->setValue(int(c.earlyStoppingPatience));
    m_precision->setCurrentIndex(m_precision->findData(QString::fromStdString(core::precisionName(c.precision))));
    m_scorer->setEarlyStoppingMetric(c.earlyStoppingMetric);
}

void JobSetupForm::setModelReport(const QString& html) { m_modelReport->setText(html); }
void JobSetupForm::setDataReport(const QString& text) { m_dataReport->setText(text); }
void JobSetupForm::setEstimate(const QString& html) { m_estimate->setText(html); }

void JobSetupForm::setStartEnabled(bool enabled, const QString& why) {
    m_start->setEnabled(enabled);
    m_start->setToolTip(enabled ? tr("Write the job folder (model hash, frozen data) and queue the run") : why);
}

void JobSetupForm::updateMethodFields() {
    const bool adapters = m_method->currentData().toString() != QLatin1String("full");
    for (QWidget* w : std::initializer_list<QWidget*>{m_rank, m_alpha, m_dropout}) w->setEnabled(adapters);
}

void JobSetupForm::chooseModelFolder() {
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Base model folder"), m_model->text());
    if (!folder.isEmpty()) m_model->setText(folder);
}

void JobSetupForm::chooseJobFolder() {
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Job folder"), m_jobFolder->text());
    if (!folder.isEmpty()) m_jobFolder->setText(folder);
}

}  // namespace srllm::ui
