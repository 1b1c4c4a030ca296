// db/item-identity: SHA-256 against the FIPS 180-2 test vectors, and uid shape and uniqueness.
#include <set>

#include <gtest/gtest.h>

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

TEST(ItemIdentity, UidsAre128BitHexAndDistinct) {
    std::set<std::string> seen;
    for (int i = 0; i < 2000; ++i) {  // crosses the 4096-byte random pool several times
        const std::string uid = db::newItemUid();
        ASSERT_EQ(uid.size(), 32u);
        ASSERT_EQ(uid.find_first_not_of("0123456789abcdef"), std::string::npos) << uid;
        seen.insert(uid);
    }
    EXPECT_EQ(seen.size(), 2000u);
}
