#pragma once
// A bounded cache of fixed-size pages of browser rows with least-recently-used eviction (DB4S RowCache):
// scrolling through a million items keeps at most maxPages pages in memory.
// Threading: not synchronised; the item table model uses it from the UI thread only.
#include <cstdint>
#include <list>
#include <unordered_map>
#include <vector>

#include "db/item-browse-query.h"

namespace srllm::ui {

class RowCache {
public:
    RowCache(int pageSize, int maxPages);

    int pageSize() const { return m_pageSize; }
    int maxPages() const { return m_maxPages; }
    int64_t pageOf(int64_t row) const { return row / m_pageSize; }

    // The row, or nullptr when its page is not cached; a hit marks the page as recently used.
    const db::BrowseRow* row(int64_t row);
    bool hasPage(int64_t page) const { return m_pages.count(page) != 0; }
    // Stores a page (rows in order, at most pageSize) and evicts the least recently used beyond maxPages.
    void insertPage(int64_t page, std::vector<db::BrowseRow> rows);
    void clear();
    int pagesCached() const { return static_cast<int>(m_pages.size()); }

private:
    struct Page {
        std::vector<db::BrowseRow> rows;
        std::list<int64_t>::iterator lru;  // position in m_lru (front = most recent)
    };
    void touch(Page& page, int64_t index);

    int m_pageSize;
    int m_maxPages;
    std::unordered_map<int64_t, Page> m_pages;
    std::list<int64_t> m_lru;
};

}  // namespace srllm::ui
