#pragma once
// The item browser's table: the ids matching the filter are read once (8 bytes per item), and display
// rows are fetched in pages of kPageSize by id when data() first needs them, into a bounded RowCache.
// Both run synchronously on the UI thread: a page is one indexed query (median ~1 ms), but reading a
// million ids blocks for seconds on a loaded 2-core box (docs/BENCHMARKS.md, "Item browser"). UI thread only.
#include <cstdint>
#include <vector>

#include <QAbstractTableModel>

#include "db/item-browse-query.h"
#include "ui/browser/row-cache.h"

namespace srllm::db {
class Database;
}

namespace srllm::ui {

class ItemTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { IdColumn, TextColumn, DatasetColumn, AnnotationsColumn, GoldColumn, SplitColumn, ColumnCount };
    static constexpr int kPageSize = 256;
    static constexpr int kMaxCachedPages = 64;  // 16,384 rows: many screens of scroll-back, a few MB

    explicit ItemTableModel(db::Database& db, QObject* parent = nullptr);

    // Re-reads the matching ids and resets the model; throws db::DbError on a failing query.
    void setFilter(const db::BrowseFilter& filter);
    const db::BrowseFilter& filter() const { return m_filter; }
    // Re-reads after the store changed (annotations, gold), keeping the filter.
    void reload();
    // Forgets the cached rows of the page holding this item, so the next paint re-reads them.
    void invalidateItem(int64_t itemId);

    int64_t itemIdAt(int row) const;
    int rowOfItem(int64_t itemId) const;  // -1 when the item is not in the current result
    int pagesFetched() const { return m_pagesFetched; }
    const RowCache& cache() const { return m_cache; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    const db::BrowseRow* rowAt(int row) const;

    db::Database& m_db;
    db::BrowseFilter m_filter;
    std::vector<int64_t> m_ids;
    mutable RowCache m_cache;  // data() is const, yet fills the cache on a miss
    mutable int m_pagesFetched = 0;
};

}  // namespace srllm::ui
