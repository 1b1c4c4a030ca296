#include "core/common/durable-file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "core/common/diagnostics.h"

namespace srllm::core {

namespace {

[[noreturn]] void fail(const std::filesystem::path& file, const std::string& what) {
    throw InputError(file.string(), 0, "", what + ": " + std::strerror(errno) + " (hint: is the disk full or the folder "
                                                                             "read-only?)");
}

}  // namespace

void writeFileDurable(const std::filesystem::path& file,
                      const std::function<void(const std::function<void(const void*, size_t)>&)>& write) {
    const auto temp = std::filesystem::path(file.string() + ".tmp-" + std::to_string(::getpid()));
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) fail(temp, "cannot create");
    try {
        write([&](const void* data, size_t size) {
            const auto* p = static_cast<const char*>(data);
            while (size > 0) {
                const ssize_t n = ::write(fd, p, size);
                if (n < 0 && errno == EINTR) continue;
                if (n <= 0) fail(temp, "write failed");
                p += n;
                size -= static_cast<size_t>(n);
            }
        });
        if (::fsync(fd) != 0) fail(temp, "fsync failed");
    } catch (...) {
        ::close(fd);
        std::filesystem::remove(temp);
        throw;
    }
    if (::close(fd) != 0) fail(temp, "close failed");
    std::filesystem::rename(temp, file);
    syncDirectory(file.has_parent_path() ? file.parent_path() : std::filesystem::path("."));
}

void writeFileDurable(const std::filesystem::path& file, std::string_view bytes) {
    writeFileDurable(file, [&](const auto& sink) { sink(bytes.data(), bytes.size()); });
}

void syncDirectory(const std::filesystem::path& dir) {
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) fail(dir, "cannot open folder");
    const int rc = ::fsync(fd);
    ::close(fd);
    if (rc != 0) fail(dir, "fsync of folder failed");
}

}  // namespace srllm::core
