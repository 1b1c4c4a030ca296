// folderHas / folderFile: what a model folder may name and link to (#12).
#include <sys/stat.h>

#include <fstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/common/diagnostics.h"
#include "core/common/folder-file.h"
#include "support/test-data.h"

using srllm::core::folderFile;
using srllm::core::folderHas;
using srllm::core::InputError;
using testing::HasSubstr;
namespace fs = std::filesystem;

TEST(FolderFile, AcceptsFilesAndLinksInsideTheFolder) {
    srllm::test::ScratchDir dir;
    fs::create_directories(dir / "model" / "sub");
    std::ofstream(dir / "model" / "config.json") << "{}";
    std::ofstream(dir / "model" / "sub" / "real.json") << "{}";
    fs::create_symlink("sub/real.json", dir / "model" / "linked.json");
    fs::create_directory_symlink(dir / "model", dir / "model-link");  // the folder itself may be a link
    EXPECT_TRUE(folderHas(dir / "model", "config.json"));
    EXPECT_TRUE(folderHas(dir / "model", "linked.json"));
    EXPECT_TRUE(folderHas(dir / "model-link", "linked.json"));
    EXPECT_FALSE(folderHas(dir / "model", "absent.json"));
    EXPECT_EQ(folderFile(dir / "model", "config.json"), dir / "model" / "config.json");
    EXPECT_THROW(folderFile(dir / "model", "absent.json"), InputError);
}

TEST(FolderFile, RefusesWhatLeadsOutOfTheFolderOrIsNoFile) {
    srllm::test::ScratchDir dir;
    fs::create_directories(dir / "model" / "folder");
    std::ofstream(dir / "secret") << "key";
    fs::create_symlink(dir / "secret", dir / "model" / "absolute.json");
    fs::create_symlink("../secret", dir / "model" / "relative.json");
    fs::create_symlink(dir / "missing", dir / "model" / "broken.json");
    ASSERT_EQ(::mkfifo((dir / "model" / "fifo.json").c_str(), 0600), 0);
    struct Case {
        const char* name;
        const char* message;
    };
    for (const Case& c : {Case{"absolute.json", "outside the folder"}, Case{"relative.json", "outside the folder"},
                          Case{"broken.json", "not a regular file"}, Case{"fifo.json", "not a regular file"},
                          Case{"folder", "not a regular file"}, Case{"../secret", "not a file name"},
                          Case{"folder/x", "not a file name"}, Case{"..", "not a file name"}, Case{"", "not a file name"}}) {
        try {
            folderHas(dir / "model", c.name);
            ADD_FAILURE() << c.name << " was accepted";
        } catch (const InputError& e) {
            EXPECT_EQ(e.diagnostic().file, (dir / "model" / c.name).string()) << c.name;
            EXPECT_THAT(e.diagnostic().message, HasSubstr(c.message)) << c.name;
        }
    }
}

TEST(FolderFile, HuggingFaceCacheSnapshotsMayLinkIntoTheirBlobs) {
    srllm::test::ScratchDir dir;
    const fs::path repo = dir / "models--org--tiny";
    fs::create_directories(repo / "blobs");
    fs::create_directories(repo / "snapshots" / "abc123");
    fs::create_directories(repo / "refs");
    std::ofstream(repo / "blobs" / "0f1e") << "{}";
    std::ofstream(repo / "refs" / "main") << "abc123";
    fs::create_symlink("../../blobs/0f1e", repo / "snapshots" / "abc123" / "config.json");
    fs::create_symlink("../../refs/main", repo / "snapshots" / "abc123" / "other.json");
    EXPECT_TRUE(folderHas(repo / "snapshots" / "abc123", "config.json"));
    EXPECT_THROW(folderHas(repo / "snapshots" / "abc123", "other.json"), InputError);
    fs::create_directories(dir / "plain");
    fs::create_symlink(repo / "blobs" / "0f1e", dir / "plain" / "config.json");  // not a snapshot folder
    EXPECT_THROW(folderHas(dir / "plain", "config.json"), InputError);
}
