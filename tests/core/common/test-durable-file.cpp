// The one durable-write primitive: files and whole folders replace what was there only when complete.
#include <gtest/gtest.h>

#include "core/common/diagnostics.h"
#include "core/common/durable-file.h"
#include "support/test-data.h"

using namespace srllm::core;
using srllm::test::readFile;
namespace fs = std::filesystem;

TEST(DurableFile, WritesAndReplacesAFileLeavingNoTemporary) {
    srllm::test::ScratchDir dir;
    writeFileDurable(dir / "a.json", "one");
    writeFileDurable(dir / "a.json", "two");
    EXPECT_EQ(readFile(dir / "a.json"), "two");
    EXPECT_EQ(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()), 1);
    EXPECT_THROW(writeFileDurable(dir / "missing-folder" / "a.json", "x"), InputError);
}

TEST(DurableFile, AFolderAppearsWholeOrNotAtAll) {
    srllm::test::ScratchDir dir;
    const auto folder = dir / "adapter";
    writeFolderDurable(folder, [](const fs::path& temp) { writeFileDurable(temp / "w", "old"); });
    EXPECT_EQ(readFile(folder / "w"), "old");
    // A writer that fails half-way leaves the old folder untouched and no temporary.
    EXPECT_THROW(writeFolderDurable(folder,
                                    [](const fs::path& temp) {
                                        writeFileDurable(temp / "w", "half");
                                        throw std::runtime_error("disk full");
                                    }),
                 std::runtime_error);
    EXPECT_EQ(readFile(folder / "w"), "old");
    // A complete one replaces it, files the new one lacks included.
    writeFileDurable(folder / "stale", "x");
    writeFolderDurable(folder, [](const fs::path& temp) { writeFileDurable(temp / "w", "new"); });
    EXPECT_EQ(readFile(folder / "w"), "new");
    EXPECT_FALSE(fs::exists(folder / "stale"));
    EXPECT_EQ(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()), 1);
}
