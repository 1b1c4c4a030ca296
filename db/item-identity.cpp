#include "db/item-identity.h"

#include <stdexcept>

#include <unistd.h>

#include <openssl/evp.h>
#include <openssl/rand.h>

namespace srllm::db {

namespace {

// Fetching the algorithm once avoids OpenSSL 3's per-call lookup, which dominates for short texts.
const EVP_MD* sha256Algorithm() {
    static EVP_MD* md = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    if (!md) throw std::runtime_error("OpenSSL: SHA-256 is not available (hint: check libcrypto's providers)");
    return md;
}

}  // namespace

std::string toHex(const unsigned char* data, size_t size) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string hex(size * 2, '0');
    for (size_t i = 0; i < size; ++i) {
        hex[2 * i] = kDigits[data[i] >> 4];
        hex[2 * i + 1] = kDigits[data[i] & 15];
    }
    return hex;
}

std::string newItemUid() {
    // Drawing a block at a time keeps the CSPRNG's per-call cost off million-row imports.
    constexpr size_t kBlock = 4096;
    thread_local unsigned char pool[kBlock];
    thread_local size_t used = kBlock;
    thread_local pid_t owner = 0;
    // A forked child inherits the pool; drawing afresh keeps parent and child from reusing uids.
    if (used + 16 > kBlock || owner != ::getpid()) {
        owner = ::getpid();
        if (RAND_bytes(pool, static_cast<int>(kBlock)) != 1)
            throw std::runtime_error("OpenSSL: the random generator failed (hint: is /dev/urandom readable?)");
        used = 0;
    }
    std::string uid = toHex(pool + used, 16);
    used += 16;
    return uid;
}

Sha256::Sha256() : m_ctx(EVP_MD_CTX_new()) {
    if (!m_ctx || EVP_DigestInit_ex2(m_ctx, sha256Algorithm(), nullptr) != 1) {
        EVP_MD_CTX_free(m_ctx);
        throw std::runtime_error("OpenSSL: cannot start SHA-256");
    }
}

Sha256::~Sha256() { EVP_MD_CTX_free(m_ctx); }

void Sha256::update(std::string_view bytes) {
    if (EVP_DigestUpdate(m_ctx, bytes.data(), bytes.size()) != 1) throw std::runtime_error("OpenSSL: SHA-256 failed");
}

TextHash Sha256::finish() {
    TextHash hash{};
    unsigned int size = 0;
    if (EVP_DigestFinal_ex(m_ctx, hash.data(), &size) != 1 || size != hash.size() ||
        EVP_DigestInit_ex2(m_ctx, sha256Algorithm(), nullptr) != 1)
        throw std::runtime_error("OpenSSL: SHA-256 failed");
    return hash;
}

TextHash textHash(std::string_view text) {
    thread_local Sha256 digest;
    digest.update(text);
    return digest.finish();
}

}  // namespace srllm::db
