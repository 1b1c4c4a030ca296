#pragma once
// The new-job form's "Safety during training" group: the risk scorer whose toxic % each evaluation logs,
// how many validation prompts it scores and how long each generation runs, and what early stopping
// watches; the same settings as `srllm job new --scorer DIR --scorer-sample N --scorer-max-new-tokens T
// --early-stop-metric M`, checked by the same db::previewJob. GUI thread only.
#include <optional>

#include <QGroupBox>

#include "core/job/job-spec.h"

class QComboBox;
class QLineEdit;
class QSpinBox;

namespace srllm::ui {

class JobScorerFields : public QGroupBox {
    Q_OBJECT
public:
    explicit JobScorerFields(QWidget* parent = nullptr);

    // None when the scorer folder is empty.
    std::optional<core::JobScorer> scorer() const;
    core::EarlyStoppingMetric earlyStoppingMetric() const;
    void setEarlyStoppingMetric(core::EarlyStoppingMetric metric);

signals:
    void changed();

private:
    void updateEnabled();
    void chooseFolder();

    QLineEdit* m_folder;
    QSpinBox* m_sample;
    QSpinBox* m_maxNewTokens;
    QComboBox* m_earlyStopMetric;
};

}  // namespace srllm::ui
