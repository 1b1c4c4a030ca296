#pragma once
// The record of a run, read back from its job folder: how it ended (run.json: status, duration, steps,
// losses, device, peak memory, code version) and what it was (job.json: base model and its hash, data
// snapshot and hashes, template, seed and every hyper-parameter). Evaluation and review link to the
// same folder. GUI thread only.
#include <QTreeWidget>

namespace srllm::ui {

class RunRecordView : public QTreeWidget {
    Q_OBJECT
public:
    explicit RunRecordView(QWidget* parent = nullptr);

    // Reads JOBDIR/job.json and JOBDIR/run.json; a missing or broken file is shown as such.
    void showJob(const QString& jobDir);
    // The value shown for a key of a section ("Run", "Model", …), for tests; empty when absent.
    QString value(const QString& section, const QString& key) const;

private:
    QTreeWidgetItem* section(const QString& title);
    void row(QTreeWidgetItem* section, const QString& key, const QString& value);
};

}  // namespace srllm::ui
