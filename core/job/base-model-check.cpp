#include "core/job/base-model-check.h"

#include <algorithm>
#include <set>

#include "core/tokenizer/tokenizer-files.h"
#include "core/tokenizer/tokenizer-loader.h"

namespace srllm::core {

namespace fs = std::filesystem;

namespace {

constexpr const char* kConfigJson = "config.json";
constexpr const char* kWeightsFile = "model.safetensors";
constexpr const char* kWeightsIndex = "model.safetensors.index.json";

void checkConfig(BaseModelCheck& check) {
    const auto file = check.folder / kConfigJson;
    if (!fs::is_regular_file(file)) {
        check.problems.push_back({check.folder.string(), 0, kConfigJson,
                                  "missing (hint: a Hugging Face model folder has config.json beside its weights)"});
        return;
    }
    try {
        check.config = parseModelConfig(readJsonFile(file), file.string());
    } catch (const InputError& e) {
        check.problems.push_back(e.diagnostic());
    }
}

void checkWeights(BaseModelCheck& check) {
    const auto index = check.folder / kWeightsIndex;
    if (fs::is_regular_file(index)) {
        try {
            const auto json = readJsonFile(index);
            const auto map = json.find("weight_map");
            if (map == json.end() || !map->is_object())
                throw InputError(index.string(), 0, "weight_map", "missing, or not an object {tensor: shard file}");
            std::set<std::string> shards;
            for (const auto& [tensor, shard] : map->items())
                if (shard.is_string()) shards.insert(shard.get<std::string>());
            for (const auto& shard : shards) {
                const auto path = check.folder / shard;
                if (fs::path(shard).has_parent_path() || !fs::is_regular_file(path)) {
                    check.problems.push_back({index.string(), 0, "weight_map",
                                              "names the shard '" + shard + "', which is not in the folder"});
                } else {
                    check.weightFiles.push_back(path);
                }
            }
            check.weightFiles.push_back(index);
        } catch (const InputError& e) {
            check.problems.push_back(e.diagnostic());
        }
    } else if (fs::is_regular_file(check.folder / kWeightsFile)) {
        check.weightFiles.push_back(check.folder / kWeightsFile);
    } else {
        const bool bin = fs::exists(check.folder / "pytorch_model.bin") || fs::exists(check.folder / "pytorch_model.bin.index.json");
        check.problems.push_back({check.folder.string(), 0, kWeightsFile,
                                  bin ? "missing: only pytorch_model.bin weights here (hint: re-save the model with "
                                        "safe_serialization=True to get model.safetensors)"
                                      : "missing, and no model.safetensors.index.json either (hint: copy the weights "
                                        "into the folder)"});
    }
    for (const auto& file : check.weightFiles) check.weightBytes += static_cast<int64_t>(fs::file_size(file));
}

void checkTokenizer(BaseModelCheck& check) {
    const fs::path& d = check.folder;
    const bool present = fs::is_regular_file(d / kTokenizerJson) ||
                         (fs::is_regular_file(d / kVocabJson) && fs::is_regular_file(d / kMergesTxt)) ||
                         (fs::is_regular_file(d / kOpenAiEncoderJson) && fs::is_regular_file(d / kOpenAiVocabBpe)) ||
                         fs::is_regular_file(d / kTokenizerModel);
    if (!present) {
        check.problems.push_back({d.string(), 0, "tokenizer",
                                  "missing: no tokenizer.json, vocab.json + merges.txt or tokenizer.model (hint: copy "
                                  "the tokenizer files of the base model into the folder)"});
        return;
    }
    check.tokenizerFiles = tokenizerFiles(d);
}

}  // namespace

BaseModelCheck checkBaseModel(const fs::path& folder) {
    BaseModelCheck check;
    check.folder = folder;
    if (!fs::is_directory(folder)) {
        check.problems.push_back({folder.string(), 0, "", "not a folder (hint: choose the folder that holds config.json)"});
        return check;
    }
    checkConfig(check);
    checkWeights(check);
    checkTokenizer(check);
    return check;
}

BaseModelCheck requireBaseModel(const fs::path& folder) {
    auto check = checkBaseModel(folder);
    if (check.ok()) return check;
    std::string message;
    for (auto p : check.problems) {
        if (p.file == folder.string()) p.file.clear();  // the folder leads the whole message already
        message += (message.empty() ? "" : "; ") + formatDiagnostic(p);
    }
    throw InputError(folder.string(), 0, "", "is not a usable base model: " + message);
}

std::vector<fs::path> baseModelFiles(const BaseModelCheck& check) {
    std::vector<fs::path> files = check.weightFiles;
    files.push_back(check.folder / kConfigJson);
    files.insert(files.end(), check.tokenizerFiles.begin(), check.tokenizerFiles.end());
    std::sort(files.begin(), files.end());
    return files;
}

}  // namespace srllm::core
