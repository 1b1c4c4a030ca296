#pragma once
// Asks for the allocation of a Slurm submission: the options of `srllm job export-slurm` (nodes, GPUs per
// node, CPUs per task, time limit, partition, account). The script checks them (core/job/slurm-script.h).
#include <QDialog>

#include "core/job/slurm-script.h"

class QLineEdit;
class QSpinBox;

namespace srllm::ui {

class SlurmSubmitDialog : public QDialog {
    Q_OBJECT
public:
    explicit SlurmSubmitDialog(const QString& jobName, QWidget* parent = nullptr);

    core::SlurmScriptOptions options() const;

private:
    QSpinBox* m_nodes;
    QSpinBox* m_gpus;
    QSpinBox* m_cpus;
    QLineEdit* m_time;
    QLineEdit* m_partition;
    QLineEdit* m_account;
};

}  // namespace srllm::ui
