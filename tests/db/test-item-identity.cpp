// db/item-identity: SHA-256 against the FIPS 180-2 test vectors, and uid shape, order and uniqueness.
#include <chrono>
#include <map>
#include <set>

#include <gtest/gtest.h>

#include "core/data/split.h"
#include "db/item-identity.h"

using namespace srllm;

namespace {
std::string hex(const db::TextHash& hash) { return db::toHex(hash.data(), hash.size()); }
}  // namespace

TEST(ItemIdentity, TextHashMatchesFipsVectors) {
    EXPECT_EQ(hex(db::textHash("abc")), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    EXPECT_EQ(hex(db::textHash("")), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    EXPECT_EQ(hex(db::textHash("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")),
              "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST(ItemIdentity, IncrementalHashEqualsOneShot) {
    db::Sha256 digest;
    digest.update("ab");
    digest.update("c");
    EXPECT_EQ(hex(digest.finish()), hex(db::textHash("abc")));
    digest.update("abc");  // finish() started over
    EXPECT_EQ(hex(digest.finish()), hex(db::textHash("abc")));
}

TEST(ItemIdentity, UidsAre128BitHexAscendingAndDistinct) {
    db::ItemUidSequence sequence;
    std::set<std::string> seen;
    std::string previous;
    for (int i = 0; i < 2000; ++i) {
        const std::string uid = sequence.next();
        ASSERT_EQ(uid.size(), 32u);
        ASSERT_EQ(uid.find_first_not_of("0123456789abcdef"), std::string::npos) << uid;
        ASSERT_GT(uid, previous);  // the uid index grows at one end
        previous = uid;
        seen.insert(uid);
    }
    EXPECT_EQ(seen.size(), 2000u);
}

TEST(ItemIdentity, UidsStartWithTheClockAndTwoSequencesDiffer) {
    const auto millis = [] {
        return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
            .count();
    };
    const int64_t before = millis();
    db::ItemUidSequence first, second;
    const std::string a = first.next(), b = second.next();
    const int64_t after = millis();
    for (const std::string& uid : {a, b}) {
        const int64_t stamp = std::stoll(uid.substr(0, 12), nullptr, 16);
        EXPECT_GE(stamp, before);
        EXPECT_LE(stamp, after);
    }
    EXPECT_NE(a.substr(12), b.substr(12));  // 80 random bits each: equal only by a 2^-80 chance
}

// Splits hash the uid (core/data/split.h); uids that differ only in their last digits must still fall into
// train/val/test at the default 0.8/0.1/0.1. 30,000 draws: one standard deviation of a 0.1 share is 0.0017.
TEST(ItemIdentity, ConsecutiveUidsSplitInTheDefaultProportions) {
    db::ItemUidSequence sequence;
    std::map<std::string, int> counts;
    constexpr int kItems = 30000;
    for (int i = 0; i < kItems; ++i) ++counts[core::assignSplit(core::kProjectSplitSeed, sequence.next())];
    EXPECT_NEAR(counts["train"] / double(kItems), 0.8, 0.01);
    EXPECT_NEAR(counts["val"] / double(kItems), 0.1, 0.01);
    EXPECT_NEAR(counts["test"] / double(kItems), 0.1, 0.01);
}
