#include "fuzz/fuzz-support.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>

namespace srllm::fuzz {

namespace {

std::filesystem::path makeScratchDir() {
    namespace fs = std::filesystem;
    const fs::path base = fs::is_directory("/dev/shm") ? fs::path("/dev/shm") : fs::temp_directory_path();
    const fs::path dir = base / ("srllm-fuzz-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    return dir;
}

void removeScratchDir() {
    std::error_code ignored;
    std::filesystem::remove_all(scratchDir(), ignored);
}

}  // namespace

const std::filesystem::path& scratchDir() {
    static const std::filesystem::path dir = makeScratchDir();
    // Registered after dir's destructor, so it runs first at exit: registered inside makeScratchDir, it ran
    // after dir was destroyed and removed nothing (230 folders piled up in /dev/shm).
    static const bool removedAtExit = (std::atexit(removeScratchDir), true);
    (void)removedAtExit;
    return dir;
}

std::filesystem::path writeInput(const std::string& name, std::string_view bytes) {
    const auto path = scratchDir() / name;
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) {
        std::fprintf(stderr, "fuzz: cannot write %s\n", path.c_str());
        std::abort();
    }
    return path;
}

Selected select(const uint8_t* data, size_t size) {
    if (size == 0) return {};
    return {data[0], std::string_view(reinterpret_cast<const char*>(data) + 1, size - 1)};
}

void requireNamesFile(const std::string& text, const std::string& file) {
    if (text.find(file) != std::string::npos) return;
    std::fprintf(stderr, "fuzz: the rejection does not name the input %s: '%s'\n", file.c_str(), text.c_str());
    std::abort();
}

}  // namespace srllm::fuzz
