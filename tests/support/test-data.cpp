#include "support/test-data.h"

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <random>

namespace srllm::test {

std::filesystem::path sourceDir() {
    if (const char* dir = std::getenv("SRLLM_SOURCE_DIR")) return dir;
    return std::filesystem::current_path();
}

std::filesystem::path sharedDataDir() {
    if (const char* dir = std::getenv("SRLLM_SHARED_DATA")) return dir;
    return sourceDir() / ".." / "shared" / "data";
}

std::filesystem::path sharedData(const std::string& relative) {
    const auto path = sharedDataDir() / relative;
    return std::filesystem::exists(path) ? path : std::filesystem::path{};
}

ScratchDir::ScratchDir() {
    std::random_device rd;
    const auto base = std::filesystem::temp_directory_path();
    do {
        m_path = base / ("srllm-test-" + std::to_string(rd()));
    } while (std::filesystem::exists(m_path));
    std::filesystem::create_directories(m_path);
}

ScratchDir::~ScratchDir() {
    std::error_code ec;
    std::filesystem::remove_all(m_path, ec);
}

std::string writeFile(const ScratchDir& dir, const std::string& name, const std::string& content) {
    const auto path = (dir / name).string();
    std::ofstream(path, std::ios::binary) << content;
    return path;
}

std::string readFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace srllm::test
