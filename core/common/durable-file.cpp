#include "core/common/durable-file.h"

#include <fcntl.h>
#include <stdio.h>
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

void writeFolderDurable(const std::filesystem::path& folder,
                        const std::function<void(const std::filesystem::path& temp)>& write) {
    namespace fs = std::filesystem;
    const auto parent = folder.has_parent_path() ? folder.parent_path() : fs::path(".");
    const auto temp = fs::path(folder.string() + ".tmp-" + std::to_string(::getpid()));
    fs::remove_all(temp);
    fs::create_directories(temp);
    try {
        write(temp);
    } catch (...) {
        std::error_code ignored;
        fs::remove_all(temp, ignored);
        throw;
    }
    syncDirectory(temp);
    if (fs::exists(folder)) {
        // renameat2(RENAME_EXCHANGE) swaps the two names atomically; rename(2) cannot replace a full folder.
        if (::renameat2(AT_FDCWD, temp.c_str(), AT_FDCWD, folder.c_str(), RENAME_EXCHANGE) == 0) {
            fs::remove_all(temp);  // now the old content
        } else {
            // File systems without the exchange: move the old one aside first (a crash between the two
            // renames leaves both under temporary names, and no half folder).
            const auto old = fs::path(folder.string() + ".old-" + std::to_string(::getpid()));
            fs::remove_all(old);
            fs::rename(folder, old);
            fs::rename(temp, folder);
            fs::remove_all(old);
        }
    } else {
        fs::rename(temp, folder);
    }
    syncDirectory(parent);
}

void syncDirectory(const std::filesystem::path& dir) {
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) fail(dir, "cannot open folder");
    const int rc = ::fsync(fd);
    ::close(fd);
    if (rc != 0) fail(dir, "fsync of folder failed");
}

}  // namespace srllm::core
