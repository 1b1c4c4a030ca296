#pragma once
// The current annotator's work queue: the items assigned to them (all items when the project has no
// assignments for them) with their own status todo/draft/done. Blind: it never reads other annotators'
// rows. Item texts load lazily per visible row and are cached, so large projects open fast.
// Threading: GUI thread only.
#include <cstdint>
#include <vector>

#include <QAbstractListModel>
#include <QCache>
#include <QHash>

namespace srllm::ui {

class ProjectSession;

class AnnotationQueueModel : public QAbstractListModel {
    Q_OBJECT
public:
    explicit AnnotationQueueModel(ProjectSession* session, QObject* parent = nullptr);

    // Re-reads the queue and every status.
    void reload();
    // Re-reads one item's status (after annotationsChanged).
    void refreshItem(qint64 itemId);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

    int rowOf(int64_t itemId) const;  // -1 when not in the queue
    int64_t itemAt(int row) const;
    int doneCount() const;
    bool isAssigned() const { return m_assigned; }
    // The first row at or after `from` (wrapping) whose status is not done; -1 when all are done.
    int nextOpenRow(int from) const;

signals:
    void progressChanged(int done, int total);

private:
    QString statusOf(int64_t itemId) const;
    QString preview(int64_t itemId) const;

    ProjectSession* m_session;
    std::vector<int64_t> m_items;
    QHash<int64_t, int> m_rows;
    QHash<int64_t, QString> m_status;  // "draft" | "done"; absent = todo
    mutable QCache<int64_t, QString> m_previews{2000};
    bool m_assigned = false;
};

}  // namespace srllm::ui
