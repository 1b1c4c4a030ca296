// LD_PRELOAD library for the crash-safety tests (tests/crash/test-crash-safety.cpp). It counts the calls that
// change files under SRLLM_KILL_DIR (write, pwrite, writev, fsync, fdatasync, ftruncate, rename, link,
// unlink) and sends its process SIGKILL just before the SRLLM_KILL_AT-th one. The same command on the same
// files makes the same calls, so a kill point drawn from a seed replays exactly; with SRLLM_KILL_COUNT_FILE
// set, the number of points is written there at exit. It sits below everything (SQLite, the durable-write
// primitive, std::ofstream), so training and evaluation runs get kill points without any change here.
#include <dlfcn.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

namespace {

// Absolute, with a trailing '/'; empty: the library does nothing. A plain buffer: a heap string set in the
// ELF constructor outlives LeakSanitizer's exit check in the process under test.
char g_dir[4096];
size_t g_dirLength = 0;
long g_killAt = 0;                 // 0: only count
std::atomic<long> g_count{0};
std::atomic<bool> g_active{false};

template <typename F>
F next(const char* name) {
    return reinterpret_cast<F>(dlsym(RTLD_NEXT, name));
}

bool pathInside(const char* path) {
    if (!path) return false;
    if (path[0] == '/') return std::strncmp(path, g_dir, g_dirLength) == 0;
    char cwd[4096];
    if (!::getcwd(cwd, sizeof cwd)) return false;
    return (std::string(cwd) + "/" + path).rfind(g_dir, 0) == 0;
}

bool fdInside(int fd) {
    char link[64], target[4096];
    std::snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    const ssize_t n = ::readlink(link, target, sizeof target - 1);
    if (n <= 0) return false;
    target[n] = '\0';
    return pathInside(target);
}

// One kill point: counted, and the process dies here when it is the chosen one.
void point(bool inside) {
    if (!inside || !g_active.load(std::memory_order_relaxed)) return;
    if (++g_count == g_killAt) ::kill(::getpid(), SIGKILL);
}

__attribute__((constructor)) void start() {
    const char* dir = std::getenv("SRLLM_KILL_DIR");
    if (!dir || dir[0] != '/') return;
    size_t n = std::strlen(dir);
    if (n + 2 > sizeof g_dir) return;
    std::memcpy(g_dir, dir, n);
    if (g_dir[n - 1] != '/') g_dir[n++] = '/';
    g_dir[n] = '\0';
    g_dirLength = n;
    if (const char* at = std::getenv("SRLLM_KILL_AT")) g_killAt = std::atol(at);
    g_active = true;
}

__attribute__((destructor)) void finish() {
    if (!g_active.exchange(false)) return;
    const char* countFile = std::getenv("SRLLM_KILL_COUNT_FILE");
    if (!countFile) return;
    if (FILE* out = std::fopen(countFile, "w")) {
        std::fprintf(out, "%ld\n", g_count.load());
        std::fclose(out);
    }
}

}  // namespace

extern "C" {

ssize_t write(int fd, const void* buffer, size_t size) {
    static const auto real = next<ssize_t (*)(int, const void*, size_t)>("write");
    point(fd > 2 && g_active && fdInside(fd));
    return real(fd, buffer, size);
}

ssize_t pwrite(int fd, const void* buffer, size_t size, off_t offset) {
    static const auto real = next<ssize_t (*)(int, const void*, size_t, off_t)>("pwrite");
    point(g_active && fdInside(fd));
    return real(fd, buffer, size, offset);
}

ssize_t pwrite64(int fd, const void* buffer, size_t size, off64_t offset) {
    static const auto real = next<ssize_t (*)(int, const void*, size_t, off64_t)>("pwrite64");
    point(g_active && fdInside(fd));
    return real(fd, buffer, size, offset);
}

ssize_t writev(int fd, const struct iovec* parts, int count) {
    static const auto real = next<ssize_t (*)(int, const struct iovec*, int)>("writev");
    point(fd > 2 && g_active && fdInside(fd));
    return real(fd, parts, count);
}

int fsync(int fd) {
    static const auto real = next<int (*)(int)>("fsync");
    point(g_active && fdInside(fd));
    return real(fd);
}

int fdatasync(int fd) {
    static const auto real = next<int (*)(int)>("fdatasync");
    point(g_active && fdInside(fd));
    return real(fd);
}

int ftruncate(int fd, off_t length) {
    static const auto real = next<int (*)(int, off_t)>("ftruncate");
    point(g_active && fdInside(fd));
    return real(fd, length);
}

int ftruncate64(int fd, off64_t length) {
    static const auto real = next<int (*)(int, off64_t)>("ftruncate64");
    point(g_active && fdInside(fd));
    return real(fd, length);
}

int rename(const char* from, const char* to) {
    static const auto real = next<int (*)(const char*, const char*)>("rename");
    point(g_active && (pathInside(from) || pathInside(to)));
    return real(from, to);
}

int link(const char* from, const char* to) {
    static const auto real = next<int (*)(const char*, const char*)>("link");
    point(g_active && pathInside(to));
    return real(from, to);
}

int unlink(const char* path) {
    static const auto real = next<int (*)(const char*)>("unlink");
    point(g_active && pathInside(path));
    return real(path);
}

}  // extern "C"
