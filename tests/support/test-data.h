#pragma once
// Helpers shared by the GoogleTest executables: where ../shared/data is, and scratch folders.
#include <filesystem>
#include <string>

#include <gtest/gtest.h>

namespace srllm::test {

// The reference data folder (SRLLM_SHARED_DATA, else ../shared/data beside the source tree).
std::filesystem::path sharedDataDir();

// Path of a file under the shared data folder; empty when it is absent.
std::filesystem::path sharedData(const std::string& relative);

// The repository root (SRLLM_SOURCE_DIR).
std::filesystem::path sourceDir();

// A fresh empty folder under the system temp dir, removed when the object dies.
class ScratchDir {
public:
    ScratchDir();
    ~ScratchDir();
    ScratchDir(const ScratchDir&) = delete;
    ScratchDir& operator=(const ScratchDir&) = delete;
    const std::filesystem::path& path() const { return m_path; }
    std::filesystem::path operator/(const std::string& name) const { return m_path / name; }

private:
    std::filesystem::path m_path;
};

// Writes `content` byte for byte to dir/name and returns the path.
std::string writeFile(const ScratchDir& dir, const std::string& name, const std::string& content);

// The whole file byte for byte; empty when it cannot be read.
std::string readFile(const std::filesystem::path& path);

}  // namespace srllm::test

// Skips (never passes) the current test when a shared data file is missing.
#define SRLLM_REQUIRE_SHARED(var, relative)                                                   \
    const std::filesystem::path var = ::srllm::test::sharedData(relative);                   \
    if (var.empty()) GTEST_SKIP() << "shared data file absent: " << (relative)
