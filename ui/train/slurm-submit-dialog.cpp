#include "ui/train/slurm-submit-dialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace srllm::ui {

namespace {

QSpinBox* spinBox(const QString& name, int minimum, int maximum, int value, QWidget* parent) {
    auto* box = new QSpinBox(parent);
    box->setObjectName(name);
    box->setRange(minimum, maximum);
    box->setValue(value);
    return box;
}

QLineEdit* lineEdit(const QString& name, const QString& placeholder, QWidget* parent) {
    auto* edit = new QLineEdit(parent);
    edit->setObjectName(name);
    edit->setPlaceholderText(placeholder);
    return edit;
}

}  // namespace

SlurmSubmitDialog::SlurmSubmitDialog(const QString& jobName, QWidget* parent)
    : QDialog(parent), m_nodes(spinBox(QStringLiteral("nodes"), 1, 4096, 1, this)),
      m_gpus(spinBox(QStringLiteral("gpusPerNode"), 0, 64, 0, this)),
      m_cpus(spinBox(QStringLiteral("cpusPerTask"), 0, 1024, 0, this)),
      m_time(lineEdit(QStringLiteral("time"), tr("the partition's limit"), this)),
      m_partition(lineEdit(QStringLiteral("partition"), tr("the cluster's default"), this)),
      m_account(lineEdit(QStringLiteral("account"), tr("your default account"), this)) {
    setWindowTitle(tr("Submit to Slurm"));
    m_gpus->setSpecialValueText(tr("none (CPU)"));
    m_cpus->setSpecialValueText(tr("the cluster's default"));
    m_time->setToolTip(tr("Minutes, H:MM:SS or D-HH:MM:SS; the run checkpoints 120 s before the limit"));
    auto* form = new QFormLayout;
    form->addRow(tr("Nodes"), m_nodes);
    form->addRow(tr("GPUs per node"), m_gpus);
    form->addRow(tr("CPUs per process"), m_cpus);
    form->addRow(tr("Time limit"), m_time);
    form->addRow(tr("Partition"), m_partition);
    form->addRow(tr("Account"), m_account);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Submit"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("<b>%1</b> is written as an sbatch script (slurm.sbatch in its folder) and submitted. "
                                "One process per GPU, or one per node without GPUs; the job folder and the srllm "
                                "program must be on a file system every node sees.")
                                 .arg(jobName.toHtmlEscaped()),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

core::SlurmScriptOptions SlurmSubmitDialog::options() const {
    core::SlurmScriptOptions o;
    o.nodes = m_nodes->value();
    o.gpusPerNode = m_gpus->value();
    o.cpusPerTask = m_cpus->value();
    o.time = m_time->text().trimmed().toStdString();
    o.partition = m_partition->text().trimmed().toStdString();
    o.account = m_account->text().trimmed().toStdString();
    return o;
}

}  // namespace srllm::ui
