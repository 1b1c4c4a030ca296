#include "db/item-identity.h"

#include <chrono>
#include <stdexcept>

#include <openssl/rand.h>

namespace srllm::db {

ItemUidSequence::ItemUidSequence() {
    unsigned char random[10];
    if (RAND_bytes(random, static_cast<int>(sizeof random)) != 1)
        throw std::runtime_error("OpenSSL: the random generator failed (hint: is /dev/urandom readable?)");
    const auto millis = std::chrono::duration_cast<std::chrono::milliseconds>(
                            std::chrono::system_clock::now().time_since_epoch())
                            .count();
    m_high = (static_cast<uint64_t>(millis) & 0xFFFF'FFFF'FFFFull) << 16 | random[0] << 8 | random[1];
    for (int i = 2; i < 10; ++i) m_low = m_low << 8 | random[i];
}

std::string ItemUidSequence::next() {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string uid(32, '0');
    for (int i = 0; i < 16; ++i) {
        uid[15 - i] = kDigits[(m_high >> (4 * i)) & 15];
        uid[31 - i] = kDigits[(m_low >> (4 * i)) & 15];
    }
    if (++m_low == 0) ++m_high;
    return uid;
}

TextHash textHash(std::string_view text) {
    thread_local Sha256 digest;
    digest.update(text);
    return digest.finish();
}

}  // namespace srllm::db
