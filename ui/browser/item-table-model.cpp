#include "ui/browser/item-table-model.h"

#include <algorithm>

#include "ui/item-roles.h"

namespace srllm::ui {

ItemTableModel::ItemTableModel(db::Database& db, QObject* parent)
    : QAbstractTableModel(parent), m_db(db), m_cache(kPageSize, kMaxCachedPages) {}

void ItemTableModel::setFilter(const db::BrowseFilter& filter) {
    beginResetModel();
    m_cache.clear();
    m_ids.clear();
    m_filter = filter;
    try {
        m_ids = db::browseItemIds(m_db, m_filter);
    } catch (...) {
        endResetModel();
        throw;
    }
    endResetModel();
}

void ItemTableModel::reload() { setFilter(m_filter); }

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
    std::vector<db::BrowseRow> rows = db::browseRows(m_db, std::vector<int64_t>(first, last));
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
