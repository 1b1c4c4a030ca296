#pragma once
// The project's jobs as a table: folder, status, device, progress, Slurm job and the reason of a failure. Rows are
// replaced in place when the same jobs come back (the queue is re-read every few seconds), so the view
// keeps its selection. GUI thread only.
#include <map>
#include <vector>

#include <QAbstractTableModel>

#include "db/jobs.h"

namespace srllm::ui {

class JobListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Name, Status, Device, Progress, Slurm, Message, ColumnCount };
    static constexpr int kJobIdRole = Qt::UserRole + 1;

    explicit JobListModel(QObject* parent = nullptr);

    void setRows(const std::vector<db::JobRow>& rows);
    // A live worker's progress (steps done / total), newer than the row's heartbeat value.
    void setProgress(qint64 id, double fraction);
    // The job's Slurm submission (JOBDIR/slurm.json) and its squeue state, "" once it left the queue;
    // while it is in the queue, Status shows Slurm's state (the row's is stale until the run reaches it).
    void setSlurm(qint64 id, const QString& slurmId, const QString& state);
    qint64 jobId(int row) const;
    int rowOfJob(qint64 id) const;  // -1 when absent

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    static QString statusText(db::JobStatus status);
    static QString slurmStateText(const QString& state);  // PENDING -> "pending", ...

private:
    struct SlurmJob {
        QString id, state;
    };
    std::vector<db::JobRow> m_rows;
    std::map<qint64, SlurmJob> m_slurm;
};

}  // namespace srllm::ui
