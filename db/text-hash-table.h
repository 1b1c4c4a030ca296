#pragma once
// The bulk import's duplicate finder: text hash -> item id in one flat array with linear probing, so a
// look-up costs one cache miss instead of a bucket and a node (std::unordered_map) on a million random keys.
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include "db/item-identity.h"

namespace srllm::db {

class TextHashTable {
public:
    // Room for `expected` entries without growing (it still grows past them).
    void reserve(size_t expected);
    // The id stored for `hash`, and whether it was just added (with id 0, for the caller to set).
    std::pair<int64_t*, bool> tryAdd(const TextHash& hash);
    size_t size() const { return m_size; }
    // Starts loading the slot where a look-up for `hash` begins, so a later tryAdd need not wait for memory.
    void prefetch(const TextHash& hash) const;

private:
    struct Slot {
        TextHash hash{};
        int64_t id = -1;  // -1: empty; item ids are >= 1, and 0 is "added, id not known yet"
    };
    void growTo(size_t slots);
    Slot* probe(const TextHash& hash);

    std::vector<Slot> m_slots;
    size_t m_size = 0;
};

}  // namespace srllm::db
