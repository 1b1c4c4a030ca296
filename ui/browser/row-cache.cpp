#include "ui/browser/row-cache.h"

#include <algorithm>

namespace srllm::ui {

RowCache::RowCache(int pageSize, int maxPages) : m_pageSize(std::max(1, pageSize)), m_maxPages(std::max(1, maxPages)) {}

const db::BrowseRow* RowCache::row(int64_t row) {
    const int64_t index = pageOf(row);
    auto it = m_pages.find(index);
    if (it == m_pages.end()) return nullptr;
    const auto offset = static_cast<size_t>(row - index * m_pageSize);
    if (offset >= it->second.rows.size()) return nullptr;
    touch(it->second, index);
    return &it->second.rows[offset];
}

void RowCache::insertPage(int64_t page, std::vector<db::BrowseRow> rows) {
    auto it = m_pages.find(page);
    if (it != m_pages.end()) {
        it->second.rows = std::move(rows);
        touch(it->second, page);
        return;
    }
    m_lru.push_front(page);
    m_pages.emplace(page, Page{std::move(rows), m_lru.begin()});
    while (static_cast<int>(m_pages.size()) > m_maxPages) {
        m_pages.erase(m_lru.back());
        m_lru.pop_back();
    }
}

void RowCache::clear() {
    m_pages.clear();
    m_lru.clear();
}

void RowCache::touch(Page& page, int64_t index) {
    m_lru.erase(page.lru);
    m_lru.push_front(index);
    page.lru = m_lru.begin();
}

}  // namespace srllm::ui
