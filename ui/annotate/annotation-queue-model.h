#pragma once
// The current annotator's work queue (db/annotation-queue.h): the items assigned or routed to them and
// their annotations sent back for re-review, each with its status todo/draft/done/review and the reason it
// is there (routed for disagreement, to an expert, after a taxonomy change), shown in the list. Blind: it
// never reads other annotators' rows. Item texts load lazily per visible row and are cached.
// Threading: GUI thread only.
#include <cstdint>
#include <vector>

#include <QAbstractListModel>
#include <QCache>
#include <QHash>

#include "db/annotation-queue.h"

namespace srllm::ui {

class ProjectSession;

class AnnotationQueueModel : public QAbstractListModel {
    Q_OBJECT
public:
    explicit AnnotationQueueModel(ProjectSession* session, QObject* parent = nullptr);

    // Re-reads the queue and every state; rows of items still queued keep their ids (the view keeps its place).
    void reload();
    // Re-reads one item's state (after annotationsChanged).
    void refreshItem(qint64 itemId);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

    int rowOf(int64_t itemId) const;  // -1 when not in the queue
    int64_t itemAt(int row) const;
    int doneCount() const;
    bool isAssigned() const { return m_queue.assigned; }
    db::QueueState stateOf(int64_t itemId) const;
    // The first row at or after `from` (wrapping) whose status is not done; -1 when all are done.
    int nextOpenRow(int from) const;

signals:
    void progressChanged(int done, int total);

private:
    QString preview(int64_t itemId) const;

    ProjectSession* m_session;
    db::AnnotatorQueue m_queue;
    QHash<int64_t, int> m_rows;
    mutable QCache<int64_t, QString> m_previews{2000};
};

// The line under an item in the queue that says why it is there ("" for a plain assignment).
QString queueReasonText(const db::QueueState& state);

}  // namespace srllm::ui
