#pragma once
// SHA-256 (OpenSSL libcrypto) for content hashes: item texts in the store, scorer folders in core/eval.
#include <array>
#include <cstddef>
#include <string>
#include <string_view>

struct evp_md_ctx_st;

namespace srllm::core {

using Sha256Digest = std::array<unsigned char, 32>;

// Incremental SHA-256. finish() returns the digest and starts over. One object per thread.
class Sha256 {
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;
    void update(std::string_view bytes);
    Sha256Digest finish();

private:
    evp_md_ctx_st* m_ctx;
};

std::string toHex(const unsigned char* data, size_t size);

}  // namespace srllm::core
