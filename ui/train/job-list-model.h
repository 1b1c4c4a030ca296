#pragma once
// The project's jobs as a table: folder, status, device, progress and the reason of a failure. Rows are
// replaced in place when the same jobs come back (the queue is re-read every few seconds), so the view
// keeps its selection. GUI thread only.
#include <vector>

#include <QAbstractTableModel>

#include "db/jobs.h"

namespace srllm::ui {

class JobListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Name, Status, Device, Progress, Message, ColumnCount };
    static constexpr int kJobIdRole = Qt::UserRole + 1;

    explicit JobListModel(QObject* parent = nullptr);

    void setRows(const std::vector<db::JobRow>& rows);
    // A live worker's progress (steps done / total), newer than the row's heartbeat value.
    void setProgress(qint64 id, double fraction);
    qint64 jobId(int row) const;
    int rowOfJob(qint64 id) const;  // -1 when absent

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    static QString statusText(db::JobStatus status);

private:
    std::vector<db::JobRow> m_rows;
};

}  // namespace srllm::ui
