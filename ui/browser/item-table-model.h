#pragma once
// The item browser's table. The ids matching the filter are read on a worker connection (BackgroundTask):
// first the lowest kPageSize of them (a LIMIT query, shown at once), then all of them (8 bytes per item),
// appended when the scan ends, so neither opening a million-item project nor a broad search blocks the
// window. Display rows are fetched by id in pages of kPageSize when data() first needs them (one indexed
// query, ~1 ms), into a bounded RowCache. Reloading after outside changes keeps the selection and the
// scroll position (rows move by item id). Threading: GUI thread only.
#include <cstdint>
#include <memory>
#include <vector>

#include <QAbstractTableModel>

#include "db/item-browse-query.h"
#include "ui/browser/row-cache.h"

namespace srllm::ui {

class BackgroundTask;
class ProjectSession;

class ItemTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { IdColumn, TextColumn, DatasetColumn, AnnotationsColumn, GoldColumn, SplitColumn, ColumnCount };
    static constexpr int kPageSize = 256;
    static constexpr int kMaxCachedPages = 64;  // 16,384 rows: many screens of scroll-back, a few MB

    explicit ItemTableModel(ProjectSession* session, QObject* parent = nullptr);
    ~ItemTableModel() override;

    // Starts reading the ids that match (a running read is cancelled); the model resets when the first
    // page arrives (firstPageReady) and grows when the scan ends (loaded).
    void setFilter(const db::BrowseFilter& filter);
    const db::BrowseFilter& filter() const { return m_filter; }
    // Re-reads with the same filter in the background, keeping the rows on screen until the new ids
    // arrive; then rows move by item id, so the selection and scroll position stay.
    void reload();
    bool isLoading() const { return m_task != nullptr; }
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

signals:
    void firstPageReady();
    void loaded();                            // every matching id is in the model
    void loadFailed(const QString& message);  // the query failed (e.g. refused by the blind rule)

private:
    void start(bool keepPlace);
    void showFirstPage(uint64_t generation, std::vector<int64_t> ids);
    void showAll(uint64_t generation, std::vector<int64_t> ids, bool keepPlace);
    const db::BrowseRow* rowAt(int row) const;

    ProjectSession* m_session;
    db::BrowseFilter m_filter;
    std::vector<int64_t> m_ids;
    std::unique_ptr<BackgroundTask> m_task;
    uint64_t m_generation = 0;  // answers of an older read are dropped
    mutable RowCache m_cache;   // data() is const, yet fills the cache on a miss
    mutable int m_pagesFetched = 0;
};

}  // namespace srllm::ui
