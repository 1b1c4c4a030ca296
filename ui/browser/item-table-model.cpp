#include "ui/browser/item-table-model.h"

#include <algorithm>

#include "db/project.h"
#include "ui/background-task.h"
#include "ui/item-roles.h"
#include "ui/project-session.h"

namespace srllm::ui {

ItemTableModel::ItemTableModel(ProjectSession* session, QObject* parent)
    : QAbstractTableModel(parent), m_session(session), m_cache(kPageSize, kMaxCachedPages) {}

ItemTableModel::~ItemTableModel() = default;

void ItemTableModel::setFilter(const db::BrowseFilter& filter) {
    m_filter = filter;
    start(false);
}

void ItemTableModel::reload() { start(true); }

void ItemTableModel::start(bool keepPlace) {
    m_task.reset();  // cancels a running read (its query is interrupted) and waits for its thread
    const uint64_t generation = ++m_generation;
    const db::BrowseFilter filter = m_filter;
    m_task = std::make_unique<BackgroundTask>(
        m_session, [this, generation, filter, keepPlace](db::Project& project, const core::ProgressCallback&) {
            if (!keepPlace) {
                std::vector<int64_t> first = db::browseFirstItemIds(project.db(), filter, kPageSize);
                QMetaObject::invokeMethod(
                    this, [this, generation, first = std::move(first)]() mutable { showFirstPage(generation, std::move(first)); },
                    Qt::QueuedConnection);
            }
            auto all = std::make_shared<std::vector<int64_t>>(db::browseItemIds(project.db(), filter));
            return BackgroundTask::Done([this, generation, all, keepPlace] { showAll(generation, std::move(*all), keepPlace); });
        });
    connect(m_task.get(), &BackgroundTask::finished, this, [this, generation](bool ok, const QString& error) {
        if (generation != m_generation) return;
        m_task.release()->deleteLater();  // the thread has finished; delete after this signal returns
        if (ok) emit loaded();
        else if (!error.isEmpty()) emit loadFailed(error);
    });
}

void ItemTableModel::showFirstPage(uint64_t generation, std::vector<int64_t> ids) {
    if (generation != m_generation) return;
    beginResetModel();
    m_cache.clear();
    m_ids = std::move(ids);
    endResetModel();
    emit firstPageReady();
}

void ItemTableModel::showAll(uint64_t generation, std::vector<int64_t> ids, bool keepPlace) {
    if (generation != m_generation) return;
    const bool extendsShown = !keepPlace && ids.size() >= m_ids.size() && std::equal(m_ids.begin(), m_ids.end(), ids.begin());
    if (extendsShown) {
        m_cache.clear();  // the last cached page may have been short
        if (ids.size() > m_ids.size()) {
            beginInsertRows({}, int(m_ids.size()), int(ids.size()) - 1);
            m_ids = std::move(ids);
            endInsertRows();
        }
        return;
    }
    if (!keepPlace) {  // the first page never came (a failed read in between): show everything at once
        beginResetModel();
        m_cache.clear();
        m_ids = std::move(ids);
        endResetModel();
        return;
    }
    // Rows move by item id: persistent indexes (selection, current row) follow their item.
    emit layoutAboutToBeChanged();
    const QModelIndexList before = persistentIndexList();
    std::vector<int64_t> itemsBefore;
    for (const QModelIndex& index : before) itemsBefore.push_back(itemIdAt(index.row()));
    m_cache.clear();
    m_ids = std::move(ids);
    QModelIndexList after;
    for (int i = 0; i < before.size(); ++i) {
        const int row = rowOfItem(itemsBefore[size_t(i)]);
        after << (row < 0 ? QModelIndex() : index(row, before[i].column()));
    }
    changePersistentIndexList(before, after);
    emit layoutChanged();
}

void ItemTableModel::invalidateItem(int64_t itemId) {
    const int row = rowOfItem(itemId);
    if (row < 0) return;
    const int64_t page = m_cache.pageOf(row);
    if (!m_cache.hasPage(page)) return;
    m_cache.insertPage(page, {});  // an empty page reads as a miss and is fetched again
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

int64_t ItemTableModel::itemIdAt(int row) const {
    return row >= 0 && row < static_cast<int>(m_ids.size()) ? m_ids[static_cast<size_t>(row)] : 0;
}

int ItemTableModel::rowOfItem(int64_t itemId) const {
    const auto it = std::lower_bound(m_ids.begin(), m_ids.end(), itemId);
    return it != m_ids.end() && *it == itemId ? static_cast<int>(it - m_ids.begin()) : -1;
}

int ItemTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_ids.size());
}

int ItemTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

const db::BrowseRow* ItemTableModel::rowAt(int row) const {
    if (row < 0 || row >= static_cast<int>(m_ids.size())) return nullptr;
    if (const db::BrowseRow* hit = m_cache.row(row)) return hit;
    const int64_t page = m_cache.pageOf(row);
    const auto first = m_ids.begin() + page * kPageSize;
    const auto last = m_ids.begin() + std::min<int64_t>((page + 1) * kPageSize, static_cast<int64_t>(m_ids.size()));
    std::vector<db::BrowseRow> rows = db::browseRows(m_session->db(), std::vector<int64_t>(first, last));
    // Items deleted since the ids were read leave holes; pad so row offsets stay aligned with m_ids.
    if (rows.size() != static_cast<size_t>(last - first)) {
        std::vector<db::BrowseRow> aligned;
        size_t next = 0;
        for (auto id = first; id != last; ++id) {
            if (next < rows.size() && rows[next].id == *id)
                aligned.push_back(std::move(rows[next++]));
            else
                aligned.push_back(db::BrowseRow{*id, 0, {}, {}, 0, {}, {}});
        }
        rows = std::move(aligned);
    }
    m_cache.insertPage(page, std::move(rows));
    ++m_pagesFetched;
    return m_cache.row(row);
}
QVariant ItemTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid()) return {};
    const db::BrowseRow* r = rowAt(index.row());
    if (!r) return {};
    switch (role) {
    case ItemIdRole: return QVariant::fromValue<qint64>(r->id);
    case DatasetIdRole: return QVariant::fromValue<qint64>(r->datasetId);
    case GoldProvenanceRole: return QString::fromStdString(r->goldProvenance.value_or(""));
    case Qt::ToolTipRole:
        return index.column() == TextColumn ? QString::fromStdString(r->textPreview) : QVariant();
    case Qt::TextAlignmentRole:
        return index.column() == IdColumn || index.column() == AnnotationsColumn
                   ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter)) : QVariant();
    case Qt::DisplayRole:
        switch (index.column()) {
        case IdColumn: return QVariant::fromValue<qint64>(r->id);
        case TextColumn: return QString::fromStdString(r->textPreview).simplified();
        case DatasetColumn: return QString::fromStdString(r->datasetName);
        case AnnotationsColumn: return QVariant::fromValue<qint64>(r->annotations);
        case GoldColumn: return QString::fromStdString(r->goldProvenance.value_or(""));
        case SplitColumn: return QString::fromStdString(r->split.value_or(""));
        default: return {};
        }
    default: return {};
    }
}

QVariant ItemTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case IdColumn: return tr("Id");
    case TextColumn: return tr("Text");
    case DatasetColumn: return tr("Dataset");
    case AnnotationsColumn: return tr("Annotations");
    case GoldColumn: return tr("Gold");
    case SplitColumn: return tr("Split");
    default: return {};
    }
}

}  // namespace srllm::ui
