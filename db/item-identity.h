#pragma once
// How an item is identified: a uid that survives copies, and a content hash for duplicates.
#include <cstdint>
#include <string>
#include <string_view>

#include "core/common/sha256.h"

namespace srllm::db {

using TextHash = core::Sha256Digest;
using core::Sha256;
using core::toHex;

// The uids of one import, 32 lowercase hex digits each: 48 bits of milliseconds since 1970, then 80 bits
// that start at a random value (OpenSSL's CSPRNG) and count up. Uids sort in the order they are made, so
// the uid index grows at one end instead of at random places; two machines or imports still never collide.
class ItemUidSequence {
public:
    ItemUidSequence();
    std::string next();

private:
    uint64_t m_high = 0;  // clock (48 bits) and the top 16 of the counting bits
    uint64_t m_low = 0;
};

// SHA-256 of the UTF-8 bytes of the text, exactly as stored (no normalisation).
TextHash textHash(std::string_view text);

}  // namespace srllm::db
