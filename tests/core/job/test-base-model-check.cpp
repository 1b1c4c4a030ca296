// Base-model folders checked without loading them (one message per missing piece), and the hash that a
// job records, with its cache keyed by each file's size and modification time.
#include <fstream>

#include <gtest/gtest.h>

#include "core/job/base-model-check.h"
#include "core/job/base-model-hash.h"
#include "core/common/input-file.h"
#include "support/test-data.h"

using namespace srllm::core;
namespace fs = std::filesystem;

namespace {

constexpr const char* kConfig =
    R"({"architectures":["LlamaForCausalLM"],"vocab_size":32,"hidden_size":16,"num_hidden_layers":2,)"
    R"("num_attention_heads":4,"num_key_value_heads":2,"intermediate_size":32})";

void writeModel(const fs::path& dir) {
    fs::create_directories(dir);
    std::ofstream(dir / "config.json") << kConfig;
    std::ofstream(dir / "model.safetensors") << "weights";
    std::ofstream(dir / "tokenizer.json") << "{}";
}

std::vector<std::string> fieldsOf(const BaseModelCheck& check) {
    std::vector<std::string> out;
    for (const auto& p : check.problems) out.push_back(p.field);
    return out;
}

}  // namespace

TEST(BaseModelCheck, ACompleteFolderPasses) {
    srllm::test::ScratchDir dir;
    writeModel(dir / "m");
    const auto check = checkBaseModel(dir / "m");
    EXPECT_TRUE(check.ok());
    ASSERT_TRUE(check.config);
    EXPECT_EQ(check.config->numKvHeads, 2);
    EXPECT_EQ(check.weightBytes, 7);
    EXPECT_EQ(baseModelFiles(check).size(), 3u);
}

TEST(BaseModelCheck, EachMissingPieceGetsItsOwnMessage) {
    srllm::test::ScratchDir dir;
    fs::create_directories(dir / "empty");
    EXPECT_EQ(fieldsOf(checkBaseModel(dir / "empty")),
              (std::vector<std::string>{"config.json", "model.safetensors", "tokenizer"}));
    writeModel(dir / "bin");
    fs::remove(dir / "bin" / "model.safetensors");
    std::ofstream(dir / "bin" / "pytorch_model.bin") << "x";
    const auto bin = checkBaseModel(dir / "bin");
    ASSERT_EQ(bin.problems.size(), 1u);
    EXPECT_NE(bin.problems[0].message.find("safe_serialization"), std::string::npos);
    writeModel(dir / "bad");
    std::ofstream(dir / "bad" / "config.json") << R"({"architectures":["BertModel"]})";
    EXPECT_EQ(fieldsOf(checkBaseModel(dir / "bad")), (std::vector<std::string>{"architectures"}));
    EXPECT_FALSE(checkBaseModel(dir / "absent").ok());
    try {
        requireBaseModel(dir / "empty");
        FAIL();
    } catch (const InputError& e) {
        const std::string message = e.what();
        for (const char* piece : {"config.json", "model.safetensors", "tokenizer"})
            EXPECT_NE(message.find(piece), std::string::npos) << message;
    }
}

TEST(BaseModelCheck, ShardedWeightsNeedEveryShard) {
    srllm::test::ScratchDir dir;
    writeModel(dir / "m");
    fs::remove(dir / "m" / "model.safetensors");
    std::ofstream(dir / "m" / "model.safetensors.index.json")
        << R"({"weight_map":{"a":"model-00001-of-00002.safetensors","b":"model-00002-of-00002.safetensors"}})";
    std::ofstream(dir / "m" / "model-00001-of-00002.safetensors") << "1";
    const auto missing = checkBaseModel(dir / "m");
    ASSERT_EQ(missing.problems.size(), 1u);
    EXPECT_NE(missing.problems[0].message.find("model-00002-of-00002"), std::string::npos);
    std::ofstream(dir / "m" / "model-00002-of-00002.safetensors") << "2";
    EXPECT_TRUE(checkBaseModel(dir / "m").ok());
}

TEST(BaseModelHash, MatchesSha256OfTheNamedFilesAndIsCached) {
    srllm::test::ScratchDir dir;
    writeModel(dir / "m");
    // Expected: hashlib.sha256(b"config.json <n>\n" + config + b"model.safetensors 7\nweights" +
    // b"tokenizer.json 2\n{}") in /usr/bin/python3 over the same bytes.
    const std::string expected = "sha256:eab3830a00409456658ae1e502bdfc7c295733d6d5847647924596ea67413c29";
    const auto cache = dir / "cache" / "hashes.json";
    int64_t calls = 0;
    EXPECT_EQ(baseModelHash(dir / "m", cache, [&](int64_t, int64_t) { return ++calls > 0; }), expected);
    EXPECT_GT(calls, 0);
    // A second call reads the cache: no progress, and an edited cache entry is believed while the files match.
    auto json = readJsonFile(cache);
    const auto key = fs::absolute(dir / "m").lexically_normal().string();
    json["models"][key]["hash"] = "sha256:cached";
    std::ofstream(cache) << json.dump();
    calls = 0;
    EXPECT_EQ(baseModelHash(dir / "m", cache, [&](int64_t, int64_t) { return ++calls > 0; }), "sha256:cached");
    EXPECT_EQ(calls, 0);
    // Changing a file (size) invalidates the entry.
    std::ofstream(dir / "m" / "tokenizer.json") << "{ }";
    EXPECT_NE(baseModelHash(dir / "m", cache), "sha256:cached");
    std::ofstream(cache) << "not json";  // a broken cache is rebuilt, never fatal
    EXPECT_EQ(baseModelHash(dir / "m", cache).size(), 7u + 64u);
    std::ofstream(cache) << R"({"version": "1", "models": {}})";  // #12: was nlohmann's type_error
    EXPECT_EQ(baseModelHash(dir / "m", cache).size(), 7u + 64u);
}
