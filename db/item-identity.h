#pragma once
// How an item is identified: a random uid that survives copies, and a content hash for duplicates.
#include <cstdint>
#include <string>
#include <string_view>

#include "core/common/sha256.h"

namespace srllm::db {

using TextHash = core::Sha256Digest;
using core::Sha256;
using core::toHex;

// 128 random bits as 32 lowercase hex digits (OpenSSL's CSPRNG, so two machines never collide).
std::string newItemUid();
// SHA-256 of the UTF-8 bytes of the text, exactly as stored (no normalisation).
TextHash textHash(std::string_view text);

}  // namespace srllm::db
