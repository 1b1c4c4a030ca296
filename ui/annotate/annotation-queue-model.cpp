#include "ui/annotate/annotation-queue-model.h"

#include <algorithm>

#include <QIcon>
#include <QPainter>
#include <QPixmap>

#include "db/items.h"
#include "ui/item-roles.h"
#include "ui/project-session.h"

namespace srllm::ui {

namespace {
constexpr int kPreviewChars = 140;

// A filled dot for done, a half-filled one for draft, a ring for to do: readable without colour too.
QIcon statusIcon(const QString& status) {
    static QHash<QString, QIcon> cache;
    if (const auto it = cache.constFind(status); it != cache.cend()) return *it;
    QPixmap pixmap(20, 20);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    const QColor color = status == QLatin1String("done")     ? QColor(46, 160, 67)
                         : status == QLatin1String("draft")  ? QColor(222, 150, 20)
                         : status == QLatin1String("review") ? QColor(60, 110, 200)
                                                             : QColor(150, 150, 150);
    painter.setPen(QPen(color, 2));
    painter.setBrush(status == QLatin1String("done") ? QBrush(color) : QBrush(Qt::NoBrush));
    painter.drawEllipse(QRectF(3, 3, 14, 14));
    if (status == QLatin1String("draft")) {
        painter.setBrush(color);
        painter.drawPie(QRectF(3, 3, 14, 14), 90 * 16, 180 * 16);
    }
    if (status == QLatin1String("review")) {  // a done dot with a ring around it: look again
        painter.setBrush(color);
        painter.drawEllipse(QRectF(7, 7, 6, 6));
    }
    return cache.insert(status, QIcon(pixmap)).value();
}
QString reasonMark(const std::string& reason) {
    if (reason == "disagreement") return QStringLiteral("\u21C4");  // ⇄ routed to one more annotator
    if (reason == "expert") return QStringLiteral("\u2696");        // ⚖ routed to an expert
    if (reason == "rereview") return QStringLiteral("\u21BB");      // ↻ look again after a taxonomy change
    return QString();
}
}  // namespace

QString queueReasonText(const db::QueueState& state) {
    const QString detail = QString::fromStdString(state.detail);
    if (state.reason == "disagreement") return AnnotationQueueModel::tr("Routed to you: %1").arg(detail);
    if (state.reason == "expert") return AnnotationQueueModel::tr("For an expert: %1").arg(detail);
    if (state.reason == "rereview") return AnnotationQueueModel::tr("Please review again: %1").arg(detail);
    return QString();
}

AnnotationQueueModel::AnnotationQueueModel(ProjectSession* session, QObject* parent)
    : QAbstractListModel(parent), m_session(session) {
    reload();
}

void AnnotationQueueModel::reload() {
    db::AnnotatorQueue queue = db::annotatorQueue(m_session->db(), m_session->annotatorId());
    if (queue.itemIds == m_queue.itemIds) {  // same rows: only states change, selection and scroll stay
        m_queue.states = std::move(queue.states);
        m_queue.assigned = queue.assigned;
        if (rowCount() > 0) emit dataChanged(index(0), index(rowCount() - 1));
    } else {
        beginResetModel();
        m_queue = std::move(queue);
        m_rows.clear();
        for (size_t i = 0; i < m_queue.itemIds.size(); ++i) m_rows.insert(m_queue.itemIds[i], int(i));
        m_previews.clear();
        endResetModel();
    }
    emit progressChanged(doneCount(), rowCount());
}

void AnnotationQueueModel::refreshItem(qint64 itemId) {
    const int row = rowOf(itemId);
    if (row < 0) return;
    const db::QueueState state = db::queueState(m_session->db(), m_session->annotatorId(), itemId);
    const db::QueueState before = stateOf(itemId);
    if (state.status == before.status && state.reason == before.reason && state.detail == before.detail) return;
    m_queue.states[itemId] = state;
    emit dataChanged(index(row), index(row));
    emit progressChanged(doneCount(), rowCount());
}

int AnnotationQueueModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_queue.itemIds.size());
}

QVariant AnnotationQueueModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount()) return {};
    const int64_t itemId = m_queue.itemIds[size_t(index.row())];
    const db::QueueState state = stateOf(itemId);
    const QString status = QString::fromStdString(state.status);
    const QString reason = queueReasonText(state);
    switch (role) {
    case Qt::DisplayRole:
        // One line per row (uniform heights keep a million-row queue fast); a mark says why it is here and
        // the tooltip and the banner over the text say it in words.
        return QStringLiteral("#%1 %2 %3").arg(itemId).arg(reasonMark(state.reason), preview(itemId));
    case Qt::ToolTipRole: {
        const QString text = status == QLatin1String("done")     ? tr("Done")
                             : status == QLatin1String("draft")  ? tr("Draft")
                             : status == QLatin1String("review") ? tr("To review again")
                                                                 : tr("To do");
        return reason.isEmpty() ? text : text + QStringLiteral("\n") + reason;
    }
    case Qt::DecorationRole:
        return statusIcon(status);
    case ItemIdRole:
        return QVariant::fromValue<qint64>(itemId);
    case AnnotationStatusRole:
        return status;
    case QueueReasonRole:
        return reason;
    default:
        return {};
    }
}

int AnnotationQueueModel::rowOf(int64_t itemId) const { return m_rows.value(itemId, -1); }

int64_t AnnotationQueueModel::itemAt(int row) const {
    return row >= 0 && row < rowCount() ? m_queue.itemIds[size_t(row)] : 0;
}

db::QueueState AnnotationQueueModel::stateOf(int64_t itemId) const {
    const auto it = m_queue.states.find(itemId);
    return it == m_queue.states.end() ? db::QueueState{} : it->second;
}

int AnnotationQueueModel::doneCount() const {
    int done = 0;
    for (const auto& [itemId, state] : m_queue.states)
        if (state.status == "done" && m_rows.contains(itemId)) ++done;
    return done;
}

int AnnotationQueueModel::nextOpenRow(int from) const {
    const int n = rowCount();
    for (int step = 0; step < n; ++step) {
        const int row = (std::max(from, 0) + step) % n;
        if (stateOf(m_queue.itemIds[size_t(row)]).status != "done") return row;
    }
    return -1;
}

QString AnnotationQueueModel::preview(int64_t itemId) const {
    if (const QString* cached = m_previews.object(itemId)) return *cached;
    const auto item = db::itemById(m_session->db(), itemId);
    QString text = item ? QString::fromStdString(item->text).simplified() : QString();
    if (text.size() > kPreviewChars) text = text.left(kPreviewChars) + QChar(0x2026);
    m_previews.insert(itemId, new QString(text));
    return text;
}

}  // namespace srllm::ui
