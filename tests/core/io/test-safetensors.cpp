// Tests core/io/safetensors against tests/data/safetensors/all-dtypes.safetensors, written by hand by
// tests/data/make-safetensors-fixture.py (Debian python3 + struct/json), and against hostile headers.
#include <cstring>
#include <fstream>

#include <gtest/gtest.h>

#include "core/common/diagnostics.h"
#include "core/io/safetensors.h"
#include "support/test-data.h"

using namespace srllm::core;

namespace {

std::filesystem::path fixture() { return srllm::test::sourceDir() / "tests/data/safetensors/all-dtypes.safetensors"; }

std::string readBytes(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

void writeRaw(const std::filesystem::path& path, const std::string& header, const std::string& data) {
    std::ofstream out(path, std::ios::binary);
    const uint64_t size = header.size();
    out.write(reinterpret_cast<const char*>(&size), 8);
    out << header << data;
}

std::string errorOf(const std::filesystem::path& path) {
    try {
        SafetensorsFile::open(path);
    } catch (const InputError& e) {
        return e.what();
    }
    return "no error";
}

}  // namespace

TEST(Safetensors, ReadsEveryDtypeOfThePythonFixture) {
    const auto file = SafetensorsFile::open(fixture());
    EXPECT_EQ(file->metadata().at("format"), "pt");
    EXPECT_TRUE(torch::equal(file->tensor("f32"), torch::arange(6, torch::kFloat32).reshape({2, 3}) * 0.5));
    EXPECT_TRUE(torch::equal(file->tensor("f16").to(torch::kFloat32), torch::tensor({1.5f, -2.25f, 65504.0f})));
    EXPECT_TRUE(torch::equal(file->tensor("bf16").to(torch::kFloat32), torch::tensor({1.0f, -3.5f, 256.0f})));
    EXPECT_DOUBLE_EQ(file->tensor("f64")[1][0].item<double>(), 2.5);
    EXPECT_EQ(file->tensor("i8")[0].item<int64_t>(), -128);
    EXPECT_EQ(file->tensor("u8")[1].item<int64_t>(), 200);
    EXPECT_EQ(file->tensor("i16")[0].item<int64_t>(), -32768);
    EXPECT_EQ(file->tensor("i32")[1].item<int64_t>(), 2147483647);
    EXPECT_EQ(file->tensor("i64")[1].item<int64_t>(), (int64_t{1} << 40) + 3);
    EXPECT_TRUE(torch::equal(file->tensor("bool"), torch::tensor({true, false, true})));
    EXPECT_EQ(file->tensor("scalar").dim(), 0);
    EXPECT_EQ(file->tensor("empty").sizes(), (std::vector<int64_t>{0, 4}));
}

TEST(Safetensors, WritesBytesIdenticalToThePythonFixture) {
    srllm::test::ScratchDir dir;
    const auto tensors = loadSafetensors(fixture());
    saveSafetensors(dir / "out.safetensors", tensors,
                    {{"format", "pt"}, {"note", "hand-written by make-safetensors-fixture.py"}});
    EXPECT_EQ(readBytes(dir / "out.safetensors"), readBytes(fixture()));
}

TEST(Safetensors, TensorsOutliveTheFileObjectAndEditsStayPrivate) {
    torch::Tensor t;
    { t = SafetensorsFile::open(fixture())->tensor("f32"); }
    t.add_(1.0);
    EXPECT_FLOAT_EQ(t[0][0].item<float>(), 1.0f);
    EXPECT_FLOAT_EQ(SafetensorsFile::open(fixture())->tensor("f32")[0][0].item<float>(), 0.0f);
}

TEST(Safetensors, RejectsHostileFilesWithTheFileAndTensorNamed) {
    srllm::test::ScratchDir dir;
    struct Case {
        const char* name;
        std::string header;
        std::string data;
        const char* expected;
    };
    const std::vector<Case> cases = {
        {"bad-json", "{not json", "", "malformed JSON"},
        {"past-end", R"({"w":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}})", "1234", "reach past the data section"},
        {"size-mismatch", R"({"w":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}})", "12345678", "needs 12"},
        {"overlap", R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}})",
         "12345678", "overlap"},
        // #12: an empty tensor between two overlapping ones hid the overlap.
        {"overlap-past-empty",
         R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[0],"data_offsets":[4,4]},)"
         R"("c":{"dtype":"U8","shape":[2],"data_offsets":[6,8]}})",
         "12345678", "overlap"},
        {"reversed", R"({"w":{"dtype":"F32","shape":[0],"data_offsets":[8,0]}})", "12345678", "end before they begin"},
        {"huge-shape", R"({"w":{"dtype":"F32","shape":[4294967296,4294967296],"data_offsets":[0,8]}})", "12345678", "2^48"},
        {"bad-dtype", R"({"w":{"dtype":"F8","shape":[1],"data_offsets":[0,1]}})", "1", "unsupported dtype 'F8'"},
        {"negative-dim", R"({"w":{"dtype":"U8","shape":[-1],"data_offsets":[0,1]}})", "1", "non-negative"},
    };
    for (const auto& c : cases) {
        const auto path = dir / (std::string(c.name) + ".safetensors");
        writeRaw(path, c.header, c.data);
        const std::string error = errorOf(path);
        EXPECT_NE(error.find(c.expected), std::string::npos) << c.name << ": " << error;
        EXPECT_NE(error.find(path.string()), std::string::npos) << c.name << ": " << error;
    }
    const auto bytes = readBytes(fixture());
    std::ofstream(dir / "truncated.safetensors", std::ios::binary) << bytes.substr(0, bytes.size() - 10);
    EXPECT_NE(errorOf(dir / "truncated.safetensors").find("tensor '"), std::string::npos);
    std::ofstream(dir / "short.safetensors", std::ios::binary) << "abc";
    EXPECT_NE(errorOf(dir / "short.safetensors").find("too short"), std::string::npos);
    std::string lying(8, '\0');
    const uint64_t huge = uint64_t{1} << 60;
    std::memcpy(lying.data(), &huge, 8);
    std::ofstream(dir / "lying.safetensors", std::ios::binary) << lying << "{}";
    EXPECT_NE(errorOf(dir / "lying.safetensors").find("exceeds the file size"), std::string::npos);
}

TEST(Safetensors, ShardedIndexJoinsFilesAndRejectsPathsOutsideTheFolder) {
    srllm::test::ScratchDir dir;
    saveSafetensors(dir / "a.safetensors", {{"x", torch::ones({2})}});
    saveSafetensors(dir / "b.safetensors", {{"y", torch::zeros({3})}});
    std::ofstream(dir / "model.safetensors.index.json")
        << R"({"metadata":{},"weight_map":{"x":"a.safetensors","y":"b.safetensors"}})";
    const auto store = SafetensorsStore::open(dir.path());
    EXPECT_EQ(store.names(), (std::vector<std::string>{"x", "y"}));
    EXPECT_EQ(store.tensor("y").numel(), 3);
    std::ofstream(dir / "model.safetensors.index.json") << R"({"weight_map":{"x":"../a.safetensors"}})";
    EXPECT_THROW(SafetensorsStore::open(dir.path()), InputError);
}
