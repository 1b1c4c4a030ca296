#pragma once
// SHA-256 (OpenSSL libcrypto) for content hashes: item texts, snapshots, job data files, base models.
#include <array>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

struct evp_md_ctx_st;

namespace srllm::core {

using Sha256Digest = std::array<unsigned char, 32>;

// Incremental SHA-256. finish() returns the digest and starts over. Not thread-safe: one per thread.
class Sha256 {
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;
    void update(std::string_view bytes);
    // Feeds the whole file in blocks (never all of it in memory); throws InputError naming it when unreadable.
    void updateFile(const std::filesystem::path& file);
    Sha256Digest finish();
    std::string finishHex();  // 64 lowercase hex digits

private:
    evp_md_ctx_st* m_ctx;
};

std::string toHex(const unsigned char* data, size_t size);
// "sha256:" + hex of the file's bytes: how job folders record the hashes of their data files.
std::string fileSha256(const std::filesystem::path& file);

}  // namespace srllm::core
