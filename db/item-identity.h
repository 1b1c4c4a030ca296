#pragma once
// How an item is identified: a random uid that survives copies, and a content hash for duplicates.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

struct evp_md_ctx_st;

namespace srllm::db {

using TextHash = std::array<unsigned char, 32>;  // SHA-256

// Incremental SHA-256 (OpenSSL libcrypto). finish() returns the digest and starts over.
class Sha256 {
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;
    void update(std::string_view bytes);
    TextHash finish();

private:
    evp_md_ctx_st* m_ctx;
};

// 128 random bits as 32 lowercase hex digits (OpenSSL's CSPRNG, so two machines never collide).
std::string newItemUid();
// SHA-256 of the UTF-8 bytes of the text, exactly as stored (no normalisation).
TextHash textHash(std::string_view text);
std::string toHex(const unsigned char* data, size_t size);

}  // namespace srllm::db
