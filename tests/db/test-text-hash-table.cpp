// db/text-hash-table: the bulk import's duplicate finder against std::map as the reference, and hashes
// that share their first 8 bytes (the probe start) kept apart by the full 32 bytes.
#include <map>
#include <random>
#include <vector>

#include <gtest/gtest.h>

#include "db/text-hash-table.h"

using namespace srllm;

namespace {
db::TextHash randomHash(std::mt19937_64& random) {
    db::TextHash hash{};
    for (auto& byte : hash) byte = static_cast<unsigned char>(random());
    return hash;
}
}  // namespace

TEST(TextHashTable, FindsWhatStdMapFindsWhileGrowing) {
    std::mt19937_64 random(7);
    std::vector<db::TextHash> pool;
    for (int i = 0; i < 3000; ++i) pool.push_back(randomHash(random));
    db::TextHashTable table;  // no reserve: grows from the smallest size several times
    std::map<db::TextHash, int64_t> reference;
    for (int i = 0; i < 20000; ++i) {
        const db::TextHash& hash = pool[random() % pool.size()];
        const auto [id, added] = table.tryAdd(hash);
        const auto [found, inserted] = reference.try_emplace(hash, i + 1);
        ASSERT_EQ(added, inserted) << "step " << i;
        if (added) *id = i + 1;
        ASSERT_EQ(*id, found->second) << "step " << i;
    }
    EXPECT_EQ(table.size(), reference.size());
}

TEST(TextHashTable, HashesSharingTheirProbeStartStayDistinct) {
    db::TextHashTable table;
    table.reserve(4);
    db::TextHash a{}, b{};
    a.fill(0x11);
    b.fill(0x11);
    b[31] = 0x12;  // same first 8 bytes (same slot to start from), different text
    *table.tryAdd(a).first = 1;
    const auto [idB, addedB] = table.tryAdd(b);
    EXPECT_TRUE(addedB);
    *idB = 2;
    EXPECT_EQ(*table.tryAdd(a).first, 1);
    EXPECT_FALSE(table.tryAdd(b).second);
    EXPECT_EQ(*table.tryAdd(b).first, 2);
    EXPECT_EQ(table.size(), 2u);
}
