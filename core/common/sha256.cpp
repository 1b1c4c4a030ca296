#include "core/common/sha256.h"

#include <fstream>
#include <stdexcept>
#include <vector>

#include <openssl/evp.h>

#include "core/common/diagnostics.h"

namespace srllm::core {

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

void Sha256::updateFile(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw InputError(file.string(), 0, "", "cannot open file to hash it (hint: check the permissions)");
    std::vector<char> block(std::size_t{1} << 20);
    while (in) {
        in.read(block.data(), static_cast<std::streamsize>(block.size()));
        update(std::string_view(block.data(), static_cast<size_t>(in.gcount())));
    }
    if (in.bad()) throw InputError(file.string(), 0, "", "read failed while hashing");
}

Sha256Digest Sha256::finish() {
    Sha256Digest hash{};
    unsigned int size = 0;
    if (EVP_DigestFinal_ex(m_ctx, hash.data(), &size) != 1 || size != hash.size() ||
        EVP_DigestInit_ex2(m_ctx, sha256Algorithm(), nullptr) != 1)
        throw std::runtime_error("OpenSSL: SHA-256 failed");
    return hash;
}

std::string Sha256::finishHex() {
    const Sha256Digest hash = finish();
    return toHex(hash.data(), hash.size());
}

std::string fileSha256(const std::filesystem::path& file) {
    Sha256 digest;
    digest.updateFile(file);
    return "sha256:" + digest.finishHex();
}

}  // namespace srllm::core
