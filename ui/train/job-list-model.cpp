#include "ui/train/job-list-model.h"

#include <QBrush>
#include <QDir>
#include <QFileInfo>

namespace srllm::ui {

JobListModel::JobListModel(QObject* parent) : QAbstractTableModel(parent) {}

void JobListModel::setRows(const std::vector<db::JobRow>& rows) {
    const bool sameJobs = rows.size() == m_rows.size() &&
                          std::equal(rows.begin(), rows.end(), m_rows.begin(),
                                     [](const db::JobRow& a, const db::JobRow& b) { return a.id == b.id; });
    if (!sameJobs) {
        beginResetModel();
        m_rows = rows;
        endResetModel();
        return;
    }
    m_rows = rows;
    if (!m_rows.empty()) emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void JobListModel::setProgress(qint64 id, double fraction) {
    const int row = rowOfJob(id);
    if (row < 0) return;
    m_rows[size_t(row)].progress = fraction;
    emit dataChanged(index(row, Progress), index(row, Progress));
}

void JobListModel::setSlurm(qint64 id, const QString& slurmId, const QString& state) {
    SlurmJob& job = m_slurm[id];
    if (job.id == slurmId && job.state == state) return;
    job = {slurmId, state};
    if (const int row = rowOfJob(id); row >= 0) emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

qint64 JobListModel::jobId(int row) const { return row >= 0 && row < rowCount() ? m_rows[size_t(row)].id : 0; }

int JobListModel::rowOfJob(qint64 id) const {
    for (size_t i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].id == id) return int(i);
    return -1;
}

int JobListModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }
int JobListModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QString JobListModel::statusText(db::JobStatus status) {
    switch (status) {
    case db::JobStatus::Queued: return tr("queued");
    case db::JobStatus::Running: return tr("running");
    case db::JobStatus::Cancelling: return tr("cancelling");
    case db::JobStatus::Cancelled: return tr("cancelled");
    case db::JobStatus::Failed: return tr("failed");
    case db::JobStatus::Done: return tr("done");
    }
    return {};
}

QString JobListModel::slurmStateText(const QString& state) {
    if (state == QLatin1String("PENDING")) return tr("pending");
    if (state == QLatin1String("RUNNING")) return tr("running");
    if (state == QLatin1String("COMPLETING")) return tr("completing");
    if (state == QLatin1String("SUSPENDED")) return tr("suspended");
    return state.toLower();  // Slurm's rarer states, in its own words
}

QVariant JobListModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount()) return {};
    const db::JobRow& r = m_rows[size_t(index.row())];
    if (role == kJobIdRole) return QVariant::fromValue<qint64>(r.id);
    const auto slurm = m_slurm.find(r.id);
    const QString slurmState = slurm == m_slurm.end() ? QString() : slurm->second.state;
    if (role == Qt::ToolTipRole) {
        if (index.column() == Name) return QDir::toNativeSeparators(QString::fromStdString(r.dir));
        if (index.column() == Message) return QString::fromStdString(r.error);
    }
    if (role == Qt::ForegroundRole && index.column() == Status) {
        if (r.status == db::JobStatus::Failed) return QBrush(QColor(176, 0, 32));
        if (r.status == db::JobStatus::Done) return QBrush(QColor(26, 127, 55));
    }
    if (role != Qt::DisplayRole) return {};
    switch (index.column()) {
    case Name: return QFileInfo(QString::fromStdString(r.dir)).fileName();
    case Status: return slurmState.isEmpty() ? statusText(r.status) : tr("Slurm: %1").arg(slurmStateText(slurmState));
    case Device: return QString::fromStdString(r.device);
    case Progress: return r.progress ? QStringLiteral("%1%").arg(qRound(*r.progress * 100)) : QString();
    case Slurm: return slurm == m_slurm.end() ? QString() : slurm->second.id;
    case Message: return QString::fromStdString(r.error);
    }
    return {};
}

QVariant JobListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case Name: return tr("Job");
    case Status: return tr("Status");
    case Device: return tr("Device");
    case Progress: return tr("Progress");
    case Slurm: return tr("Slurm job");
    case Message: return tr("Message");
    }
    return {};
}

}  // namespace srllm::ui
