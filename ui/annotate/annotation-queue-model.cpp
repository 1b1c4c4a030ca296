#include "ui/annotate/annotation-queue-model.h"

#include <algorithm>

#include <QIcon>
#include <QPainter>
#include <QPixmap>

#include "db/annotations.h"
#include "db/assignments.h"
#include "db/database.h"
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
    const QColor color = status == QLatin1String("done")    ? QColor(46, 160, 67)
                         : status == QLatin1String("draft") ? QColor(222, 150, 20)
                                                            : QColor(150, 150, 150);
    painter.setPen(QPen(color, 2));
    painter.setBrush(status == QLatin1String("done") ? QBrush(color) : QBrush(Qt::NoBrush));
    painter.drawEllipse(QRectF(3, 3, 14, 14));
    if (status == QLatin1String("draft")) {
        painter.setBrush(color);
        painter.drawPie(QRectF(3, 3, 14, 14), 90 * 16, 180 * 16);
    }
    return cache.insert(status, QIcon(pixmap)).value();
}
}  // namespace

AnnotationQueueModel::AnnotationQueueModel(ProjectSession* session, QObject* parent)
    : QAbstractListModel(parent), m_session(session) {
    reload();
}

void AnnotationQueueModel::reload() {
    beginResetModel();
    db::Database& db = m_session->db();
    m_items = db::assignedItems(db, m_session->annotatorId());
    m_assigned = !m_items.empty();
    if (!m_assigned) {
        // Only ids here; texts load per visible row. db/items.h pages by 100, so read the ids directly.
        db::Statement all = db.prepare("SELECT id FROM items ORDER BY id");
        while (all.step()) m_items.push_back(all.columnInt(0));
    }
    m_rows.clear();
    for (size_t i = 0; i < m_items.size(); ++i) m_rows.insert(m_items[i], int(i));
    // One query for every status of this annotator (and only this annotator: the queue is blind).
    m_status.clear();
    db::Statement statuses = db.prepare("SELECT item_id, status FROM annotations WHERE annotator_id = ?1");
    statuses.bind(1, int64_t(m_session->annotatorId()));
    while (statuses.step()) m_status.insert(statuses.columnInt(0), QString::fromStdString(statuses.columnText(1)));
    m_previews.clear();
    endResetModel();
    emit progressChanged(doneCount(), rowCount());
}

void AnnotationQueueModel::refreshItem(qint64 itemId) {
    const int row = rowOf(itemId);
    if (row < 0) return;
    const auto annotation = db::annotationFor(m_session->db(), itemId, m_session->annotatorId());
    const QString status = annotation ? QString::fromStdString(annotation->status) : QString();
    if (status == m_status.value(itemId)) return;
    if (status.isEmpty()) m_status.remove(itemId); else m_status.insert(itemId, status);
    emit dataChanged(index(row), index(row));
    emit progressChanged(doneCount(), rowCount());
}

int AnnotationQueueModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_items.size());
}

QVariant AnnotationQueueModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount()) return {};
    const int64_t itemId = m_items[size_t(index.row())];
    const QString status = statusOf(itemId);
    switch (role) {
    case Qt::DisplayRole:
        return QStringLiteral("#%1  %2").arg(itemId).arg(preview(itemId));
    case Qt::ToolTipRole:
        return status == QLatin1String("done") ? tr("Done") : status == QLatin1String("draft") ? tr("Draft") : tr("To do");
    case Qt::DecorationRole:
        return statusIcon(status);
    case ItemIdRole:
        return QVariant::fromValue<qint64>(itemId);
    case AnnotationStatusRole:
        return status;
    default:
        return {};
    }
}

int AnnotationQueueModel::rowOf(int64_t itemId) const { return m_rows.value(itemId, -1); }

int64_t AnnotationQueueModel::itemAt(int row) const {
    return row >= 0 && row < rowCount() ? m_items[size_t(row)] : 0;
}

int AnnotationQueueModel::doneCount() const {
    int done = 0;
    for (auto it = m_status.cbegin(); it != m_status.cend(); ++it)
        if (it.value() == QLatin1String("done") && m_rows.contains(it.key())) ++done;
    return done;
}

int AnnotationQueueModel::nextOpenRow(int from) const {
    const int n = rowCount();
    for (int step = 0; step < n; ++step) {
        const int row = (std::max(from, 0) + step) % n;
        if (statusOf(m_items[size_t(row)]) != QLatin1String("done")) return row;
    }
    return -1;
}

QString AnnotationQueueModel::statusOf(int64_t itemId) const {
    return m_status.value(itemId, QStringLiteral("todo"));
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
