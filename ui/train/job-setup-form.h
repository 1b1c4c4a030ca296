#pragma once
// The Train page's form for a new job: base model folder (checked as it is typed), data (snapshot of
// gold labels and template; each item's split is the project's), method, hyper-parameters defaulting to the paper's (TrainConfig),
// device and precision, the risk scorer for toxic % at each evaluation (ui/train/job-scorer-fields.h),
// the job folder, and the estimate shown before Start. It only collects and shows;
// the page decides (ui/train/train-view.h). GUI thread only.
#include <cstdint>
#include <optional>
#include <vector>

#include <QWidget>

#include "core/job/job-spec.h"
#include "core/train/train-config.h"

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace srllm::db {
struct SnapshotRow;
}

namespace srllm::ui {

class JobScorerFields;

// What the form holds; the page turns it into a db::JobRequest.
struct FormValues {
    QString modelFolder;
    std::optional<int64_t> snapshotId;  // none when the project has no snapshot yet
    QString templateName, customTemplate;  // customTemplate only for "custom"
    core::TrainConfig train;
    QString device;  // auto | cpu | cuda
    QString jobFolder;
    std::optional<core::JobScorer> scorer;  // none without a scorer folder (`srllm job new --scorer`)
};

class JobSetupForm : public QWidget {
    Q_OBJECT
public:
    explicit JobSetupForm(QWidget* parent = nullptr);

    void setSnapshots(const std::vector<db::SnapshotRow>& snapshots);
    FormValues values() const;
    void setModelFolder(const QString& folder);
    void setJobFolder(const QString& folder);
    // Puts every hyper-parameter back to TrainConfig's defaults (the paper's recipe).
    void resetHyperParameters();
    void setTrainConfig(const core::TrainConfig& config);

    // What the page found out: the model folder's check, the data's size and the estimate (rich text).
    void setModelReport(const QString& html);
    void setDataReport(const QString& text);
    void setEstimate(const QString& html);
    void setStartEnabled(bool enabled, const QString& why = {});

    QPushButton* startButton() const { return m_start; }
    QComboBox* snapshotBox() const { return m_snapshot; }

signals:
    void modelFolderChanged(const QString& folder);
    void dataChanged();        // snapshot or template
    void settingsChanged();    // method, a hyper-parameter, device or precision
    void startRequested();

private:
    QWidget* buildModelGroup();
    QWidget* buildDataGroup();
    QWidget* buildMethodGroup();
    QWidget* buildTrainingGroup();
    QWidget* buildHardwareGroup();
    QWidget* buildJobGroup();
    void updateMethodFields();
    void chooseModelFolder();
    void chooseJobFolder();

    QLineEdit* m_model;
    QLabel* m_modelReport;
    QComboBox* m_snapshot;
    QComboBox* m_template;
    QPlainTextEdit* m_customTemplate;
    QLabel* m_dataReport;
    QComboBox* m_method;
    QSpinBox* m_rank;
    QDoubleSpinBox* m_alpha;
    QDoubleSpinBox* m_dropout;
    QDoubleSpinBox* m_lr;
    QSpinBox* m_epochs;
    QSpinBox* m_maxSteps;
    QDoubleSpinBox* m_warmup;
    QDoubleSpinBox* m_weightDecay;
    QDoubleSpinBox* m_maxGradNorm;
    QSpinBox* m_batch;
    QSpinBox* m_accumulation;
    QSpinBox* m_maxLength;
    QSpinBox* m_seed;
    QSpinBox* m_saveSteps;
    QSpinBox* m_evalSteps;
    QSpinBox* m_patience;
    QComboBox* m_device;
    QComboBox* m_precision;
    JobScorerFields* m_scorer;
    QLineEdit* m_jobFolder;
    QLabel* m_estimate;
    QPushButton* m_start;
    core::TrainConfig m_base;  // keys the form does not show (Adam betas, targets) come from here
};

}  // namespace srllm::ui
