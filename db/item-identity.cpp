#include "db/item-identity.h"

#include <stdexcept>

#include <unistd.h>

#include <openssl/rand.h>

namespace srllm::db {

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

TextHash textHash(std::string_view text) {
    thread_local Sha256 digest;
    digest.update(text);
    return digest.finish();
}

}  // namespace srllm::db
