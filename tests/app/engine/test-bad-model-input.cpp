// The bad-input corpus for model and adapter folders (#12): a tiny Llama folder (tests/data/models) with the
// corpus tokenizer, broken one way per row, loaded by `srllm generate`. Each gets one clean error naming the
// file and the tensor or field; nothing is written into the folder; links out of it are refused.
#include <sys/stat.h>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <functional>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/bad-input.h"
#include "support/cli-run.h"
#include "support/test-data.h"

using srllm::test::shellQuote;
namespace fs = std::filesystem;

namespace {

std::string readAll(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// Rewrites a safetensors file's JSON header through `edit`; the data section stays as it is.
void editHeader(const fs::path& file, const std::function<void(nlohmann::json&)>& edit) {
    const std::string bytes = readAll(file);
    uint64_t length = 0;
    std::memcpy(&length, bytes.data(), 8);
    ASSERT_LE(length, bytes.size() - 8) << file;
    nlohmann::json header = nlohmann::json::parse(bytes.substr(8, length));
    edit(header);
    const std::string text = header.dump();
    const uint64_t newLength = text.size();
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(&newLength), 8);
    out << text << bytes.substr(8 + length);
}

void editJson(const fs::path& file, const std::function<void(nlohmann::json&)>& edit) {
    nlohmann::json json = nlohmann::json::parse(readAll(file));
    edit(json);
    std::ofstream(file, std::ios::trunc) << json.dump(1);
}

// Every file of a folder with its bytes: equal listings, nothing written.
std::string folderListing(const fs::path& dir) {
    std::string out;
    for (const auto& entry : fs::recursive_directory_iterator(dir)) {
        out += entry.path().string() + "\n";
        if (entry.is_regular_file()) out += readAll(entry.path());
    }
    return out;
}

struct Case {
    const char* name;
    std::function<void(const fs::path& model, const fs::path& adapter)> breakIt;
    const char* expected;  // regex after "srllm: error: FOLDER/"; empty: generation works
};

}  // namespace

TEST(BadModelInput, EachBrokenFolderGetsOneCleanErrorAndStaysUnwritten) {
    srllm::test::ScratchDir dir;
    const fs::path tiny = srllm::test::sourceDir() / "tests/data/models/tiny-llama-gqa";
    std::ofstream(dir / "secret.json") << R"({"api_key": "do not read me"})";
    const std::vector<Case> cases = {
        {"valid", nullptr, ""},
        {"truncated weights", [](auto& m, auto&) { fs::resize_file(m / "model.safetensors", fs::file_size(m / "model.safetensors") - 100); },
         R"(model\.safetensors: field 'tensor '[^']+'': data_offsets \[\d+,\d+\] reach past the data section)"},
        {"oversized header length",
         [](auto& m, auto&) {
             std::fstream f(m / "model.safetensors", std::ios::in | std::ios::out | std::ios::binary);
             const uint64_t huge = uint64_t{1} << 60;
             f.write(reinterpret_cast<const char*>(&huge), 8);
         },
         R"(model\.safetensors: header length 1152921504606846976 exceeds the file size)"},
        {"mismatched shapes",
         [](auto& m, auto&) {
             editHeader(m / "model.safetensors",
                        [](nlohmann::json& h) { h["model.layers.0.self_attn.k_proj.weight"]["shape"] = {32, 16}; });
         },
         R"(model\.safetensors: field 'tensor 'model\.layers\.0\.self_attn\.k_proj\.weight'': has shape \[32,16\], expected \[16,32\])"},
        {"no config.json", [](auto& m, auto&) { fs::remove(m / "config.json"); }, R"(config\.json: cannot open)"},
        {"no weights", [](auto& m, auto&) { fs::remove(m / "model.safetensors"); },
         R"(model: no model\.safetensors or model\.safetensors\.index\.json in this folder)"},
        {"pickled weights only",
         [](auto& m, auto&) {
             fs::rename(m / "model.safetensors", m / "pytorch_model.bin");
         },
         R"(model: no model\.safetensors or model\.safetensors\.index\.json in this folder \(hint: pytorch_model\.bin is never loaded)"},
        {"no tokenizer", [](auto& m, auto&) { fs::remove(m / "tokenizer.json"); }, R"(model: no tokenizer found)"},
        {"tokenizer with a missing merge",
         [](auto& m, auto&) {
             fs::copy_file(srllm::test::badInputDir() / "model-tokenizer-missing-merge.json", m / "tokenizer.json",
                           fs::copy_options::overwrite_existing);
         },
         R"(tokenizer\.json: field 'model\.merges\[4\]': merge '▁He lo': right part 'lo' is not in the vocabulary)"},
        {"config value of the wrong type", [](auto& m, auto&) { editJson(m / "config.json", [](auto& j) { j["hidden_size"] = "32"; }); },
         R"(config\.json: field 'hidden_size': must be an integer, found "32")"},
        {"config integer past 2^63", [](auto& m, auto&) { editJson(m / "config.json", [](auto& j) { j["hidden_size"] = UINT64_MAX; }); },
         R"(config\.json: field 'hidden_size': is out of range: 18446744073709551615)"},
        {"config larger than its weights",
         [](auto& m, auto&) { editJson(m / "config.json", [](auto& j) { j["vocab_size"] = 1 << 30; }); },
         R"(config\.json: describes a model of at least \d+ weights, but the safetensors files hold \d+)"},
        {"config nested too deep", [](auto& m, auto&) { std::ofstream(m / "config.json") << std::string(100000, '['); },
         R"(config\.json:1: JSON nested deeper than 512 levels)"},
        {"duplicate key in config",
         [](auto& m, auto&) {
             std::string text = readAll(m / "config.json");
             text.insert(text.find('{') + 1, "\n  \"vocab_size\": 65,");
             std::ofstream(m / "config.json", std::ios::trunc) << text;
         },
         R"(config\.json:\d+: field 'vocab_size': duplicate key 'vocab_size')"},
        {"shard outside the folder",
         [](auto& m, auto&) {
             fs::rename(m / "model.safetensors", m / ".." / "elsewhere.safetensors");
             std::ofstream(m / "model.safetensors.index.json")
                 << R"({"weight_map": {"lm_head.weight": "../elsewhere.safetensors"}})";
         },
         R"(model\.safetensors\.index\.json: field 'weight_map': entry 'lm_head\.weight' names '\.\./elsewhere\.safetensors')"},
        {"tokenizer linked from outside",
         [&](auto& m, auto&) {
             fs::remove(m / "tokenizer.json");
             fs::create_symlink(dir / "secret.json", m / "tokenizer.json");
         },
         R"(tokenizer\.json: is a link to \S+secret\.json, outside the folder)"},
        {"weights linked from outside",
         [&](auto& m, auto&) {
             fs::rename(m / "model.safetensors", m / ".." / "weights-outside.safetensors");
             fs::create_symlink(m / ".." / "weights-outside.safetensors", m / "model.safetensors");
         },
         R"(model\.safetensors: is a link to \S+weights-outside\.safetensors, outside the folder)"},
        {"config.json is a pipe",
         [](auto& m, auto&) {
             fs::remove(m / "config.json");
             ASSERT_EQ(::mkfifo((m / "config.json").c_str(), 0600), 0);
         },
         R"(config\.json: not a regular file)"},
        {"adapter value of the wrong type",
         [](auto&, auto& a) { std::ofstream(a / "adapter_config.json") << R"({"peft_type": "LORA", "r": "eight"})"; },
         R"(adapter_config\.json: field 'r': must be an integer, found string)"},
        {"adapter config linked from outside",
         [&](auto&, auto& a) { fs::create_symlink(dir / "secret.json", a / "adapter_config.json"); },
         R"(adapter_config\.json: is a link to \S+secret\.json, outside the folder)"},
    };
    for (const Case& c : cases) {
        std::string folder = c.name;
        std::replace(folder.begin(), folder.end(), ' ', '-');
        const fs::path root = dir / folder, model = root / "model", adapter = root / "adapter";
        fs::create_directories(adapter);
        fs::create_directories(model);
        for (const char* file : {"config.json", "model.safetensors"}) fs::copy_file(tiny / file, model / file);
        fs::copy_file(srllm::test::badInputDir() / "model-tokenizer.json", model / "tokenizer.json");
        if (c.breakIt) c.breakIt(model, adapter);
        const std::string before = folderListing(root);
        std::string arguments = "generate Hello --max-new-tokens 2 --model " + shellQuote(model.string());
        if (!fs::is_empty(adapter)) arguments += " --adapter " + shellQuote(adapter.string());
        srllm::test::expectCleanOutcome({c.name, arguments, c.expected});
        EXPECT_EQ(folderListing(root), before) << c.name << ": something was written";
    }
}
