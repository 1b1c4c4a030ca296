#include <sys/stat.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/common/diagnostics.h"
#include "core/common/input-file.h"
#include "support/test-data.h"

using srllm::core::InputError;
using srllm::core::kMaxJsonDepth;
using srllm::core::readJsonFile;
using srllm::core::readTextFile;
using testing::HasSubstr;

namespace {

InputError errorOf(const std::string& path) {
    try {
        readJsonFile(path);
    } catch (const InputError& e) {
        return e;
    }
    ADD_FAILURE() << path << " was accepted";
    return InputError("", 0, "", "");
}

}  // namespace

TEST(InputFile, RejectsBadJsonNamingFileAndLine) {
    srllm::test::ScratchDir dir;
    struct Case {
        const char* name;
        std::string text;
        int64_t line;
        const char* message;
    };
    const std::vector<Case> cases = {
        {"syntax", "{\n  \"a\": 1,\n  \"b\": @\n}", 3, "malformed JSON"},
        // #12: nlohmann reports an overflowing number as out_of_range, which escaped as a crash.
        {"number-overflow", "{\n\"r\": 8,\n\"lora_alpha\": 1e400}", 3, "number overflow"},
        {"number-overflow-one-line", "[77777777777777777777777e7777777777]", 1, "number overflow"},
        // #12: copying or printing JSON this deep overflowed the stack; it is refused before parsing.
        {"deep-nesting", "\n" + std::string(100000, '[') + std::string(100000, ']'), 2, "nested deeper than"},
        {"deep-objects", std::string(kMaxJsonDepth + 1, '{'), 1, "nested deeper than"},
    };
    for (const auto& c : cases) {
        const auto path = srllm::test::writeFile(dir, std::string(c.name) + ".json", c.text);
        const InputError e = errorOf(path);
        EXPECT_EQ(e.diagnostic().file, path) << c.name;
        EXPECT_EQ(e.diagnostic().line, c.line) << c.name << ": " << e.what();
        EXPECT_THAT(e.diagnostic().message, HasSubstr(c.message)) << c.name;
    }
}

TEST(InputFile, AcceptsNestingUpToTheLimitAndBracketsInsideStrings) {
    srllm::test::ScratchDir dir;
    const std::string deep = std::string(kMaxJsonDepth, '[') + std::string(kMaxJsonDepth, ']');
    EXPECT_NO_THROW(readJsonFile(srllm::test::writeFile(dir, "deep.json", deep)));
    const std::string brackets = "{\"a\": \"" + std::string(2000, '[') + "\\\"{{\"}";
    EXPECT_EQ(readJsonFile(srllm::test::writeFile(dir, "strings.json", brackets))["a"].get<std::string>().size(), 2003u);
}

TEST(InputFile, RefusesFoldersAndPipesWithoutBlocking) {
    // #12: opening a FIFO named like a config file blocked forever; it is refused before it is opened.
    srllm::test::ScratchDir dir;
    const auto fifo = (dir / "config.json").string();
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    EXPECT_THROW(readTextFile(fifo), InputError);
    EXPECT_THROW(readTextFile(dir.path()), InputError);
    EXPECT_THROW(readTextFile(dir / "absent.json"), InputError);
}

TEST(InputFile, DuplicateKeysAreNamedWithTheirLine) {
    // #12: nlohmann kept the last of two equal keys silently, so {"text": "a", "text": "b"} imported "b".
    srllm::test::ScratchDir dir;
    const auto path = srllm::test::writeFile(dir, "config.json", "{\n \"r\": 8,\n \"nested\": {\"a\": 1, \"b\": 2},\n \"r\": 16\n}");
    const InputError e = errorOf(path);
    EXPECT_EQ(e.diagnostic().line, 4);
    EXPECT_EQ(e.diagnostic().field, "r");
    EXPECT_THAT(e.diagnostic().message, HasSubstr("duplicate key 'r'"));
    const auto nested = srllm::test::writeFile(dir, "nested.json", R"({"a": {"x": 1, "x": 1}})");
    EXPECT_EQ(errorOf(nested).diagnostic().field, "x");
    EXPECT_NO_THROW(readJsonFile(srllm::test::writeFile(dir, "same-keys-apart.json", R"([{"x": 1}, {"x": 2}])")));
}
