#include "db/text-hash-table.h"

#include <algorithm>
#include <bit>
#include <cstring>

namespace srllm::db {

namespace {

// At most half full: short probe runs, and the table is still smaller than a node-based map.
constexpr size_t kMinSlots = 1024;

size_t slotsFor(size_t entries) { return std::bit_ceil(std::max(kMinSlots, entries * 2)); }

uint64_t startOf(const TextHash& hash) {
    uint64_t start;
    std::memcpy(&start, hash.data(), sizeof start);  // SHA-256 bytes are already uniformly spread
    return start;
}

}  // namespace

void TextHashTable::reserve(size_t expected) {
    if (slotsFor(expected) > m_slots.size()) growTo(slotsFor(expected));
}

void TextHashTable::prefetch(const TextHash& hash) const {
    if (!m_slots.empty()) __builtin_prefetch(&m_slots[startOf(hash) & (m_slots.size() - 1)]);
}

TextHashTable::Slot* TextHashTable::probe(const TextHash& hash) {
    const size_t mask = m_slots.size() - 1;
    for (size_t i = startOf(hash) & mask;; i = (i + 1) & mask) {
        Slot& slot = m_slots[i];
        if (slot.id < 0 || slot.hash == hash) return &slot;
    }
}

void TextHashTable::growTo(size_t slots) {
    std::vector<Slot> old(slots);
    old.swap(m_slots);
    for (const Slot& slot : old)
        if (slot.id >= 0) *probe(slot.hash) = slot;
}

std::pair<int64_t*, bool> TextHashTable::tryAdd(const TextHash& hash) {
    if (slotsFor(m_size + 1) > m_slots.size()) growTo(slotsFor(m_size + 1));
    Slot* slot = probe(hash);
    if (slot->id >= 0) return {&slot->id, false};
    slot->hash = hash;
    slot->id = 0;
    ++m_size;
    return {&slot->id, true};
}

}  // namespace srllm::db
