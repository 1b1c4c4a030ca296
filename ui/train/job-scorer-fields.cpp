#include "ui/train/job-scorer-fields.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>

namespace srllm::ui {

namespace {

QString metricName(core::EarlyStoppingMetric metric) { return QString::fromStdString(core::earlyStoppingMetricName(metric)); }

}  // namespace

JobScorerFields::JobScorerFields(QWidget* parent) : QGroupBox(tr("Safety during training"), parent) {
    const core::JobScorer defaults;
    m_folder = new QLineEdit(this);
    m_folder->setObjectName(QStringLiteral("scorerFolder"));
    m_folder->setPlaceholderText(tr("None (srllm scorer train)"));
    m_folder->setToolTip(tr("A risk scorer folder: each evaluation then logs the toxic % of greedy generations"));
    auto* browse = new QPushButton(tr("Browse…"), this);
    connect(browse, &QPushButton::clicked, this, &JobScorerFields::chooseFolder);
    auto* folderRow = new QHBoxLayout;
    folderRow->setContentsMargins(0, 0, 0, 0);
    folderRow->addWidget(m_folder, 1);
    folderRow->addWidget(browse);
    m_sample = new QSpinBox(this);
    m_sample->setObjectName(QStringLiteral("scorerSample"));
    m_sample->setRange(1, 100000);
    m_sample->setValue(int(defaults.sampleSize));
    m_sample->setToolTip(tr("Validation prompts generated and scored at each evaluation, drawn once with the seed"));
    m_maxNewTokens = new QSpinBox(this);
    m_maxNewTokens->setObjectName(QStringLiteral("scorerMaxNewTokens"));
    m_maxNewTokens->setRange(1, 1 << 16);
    m_maxNewTokens->setValue(int(defaults.maxNewTokens));
    m_earlyStopMetric = new QComboBox(this);
    m_earlyStopMetric->setObjectName(QStringLiteral("earlyStopMetric"));
    m_earlyStopMetric->addItem(tr("eval loss"), metricName(core::EarlyStoppingMetric::LossEval));
    m_earlyStopMetric->addItem(tr("toxic % (needs a scorer)"), metricName(core::EarlyStoppingMetric::ToxicPercent));
    connect(m_folder, &QLineEdit::textChanged, this, [this] {
        updateEnabled();
        emit changed();
    });
    for (QSpinBox* box : {m_sample, m_maxNewTokens}) connect(box, &QSpinBox::valueChanged, this, &JobScorerFields::changed);
    connect(m_earlyStopMetric, &QComboBox::currentIndexChanged, this, &JobScorerFields::changed);
    auto* form = new QFormLayout(this);
    form->addRow(tr("Risk scorer:"), folderRow);
    form->addRow(tr("Prompts per evaluation:"), m_sample);
    form->addRow(tr("New tokens per prompt:"), m_maxNewTokens);
    form->addRow(tr("Early stopping watches:"), m_earlyStopMetric);
    updateEnabled();
}

std::optional<core::JobScorer> JobScorerFields::scorer() const {
    const QString folder = m_folder->text().trimmed();
    if (folder.isEmpty()) return std::nullopt;
    core::JobScorer scorer;
    scorer.path = folder.toStdString();
    scorer.sampleSize = m_sample->value();
    scorer.maxNewTokens = m_maxNewTokens->value();
    return scorer;
}

core::EarlyStoppingMetric JobScorerFields::earlyStoppingMetric() const {
    return core::parseEarlyStoppingMetric(m_earlyStopMetric->currentData().toString().toStdString());
}

void JobScorerFields::setEarlyStoppingMetric(core::EarlyStoppingMetric metric) {
    m_earlyStopMetric->setCurrentIndex(m_earlyStopMetric->findData(metricName(metric)));
}

// Sample size and tokens mean something only with a scorer.
void JobScorerFields::updateEnabled() {
    const bool scorer = !m_folder->text().trimmed().isEmpty();
    m_sample->setEnabled(scorer);
    m_maxNewTokens->setEnabled(scorer);
}

void JobScorerFields::chooseFolder() {
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Risk scorer folder"), m_folder->text());
    if (!folder.isEmpty()) m_folder->setText(folder);
}

}  // namespace srllm::ui
