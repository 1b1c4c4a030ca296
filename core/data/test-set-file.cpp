#include "core/data/test-set-file.h"

#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "core/data/jsonl-lines.h"

namespace srllm::core {

namespace {

TestSetFile readBold(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw InputError(path, 0, "", "cannot open the file");
    nlohmann::json root;
    try {
        root = nlohmann::json::parse(in);
    } catch (const nlohmann::json::exception& e) {
        throw InputError(path, 0, "", std::string("invalid JSON: ") + e.what());
    }
    if (!root.is_object())
        throw InputError(path, 0, "", "expected BOLD's {category: {entity: [prompt, ...]}} (hint: JSON Lines files "
                                      "end in .jsonl)");
    const std::string stem = std::filesystem::path(path).stem().string();
    TestSetFile out;
    int64_t empty = 0;
    std::string firstEmpty;
    for (const auto& [category, entities] : root.items()) {
        if (!entities.is_object()) throw InputError(path, 0, category, "expected an object of entities");
        for (const auto& [entity, prompts] : entities.items()) {
            if (!prompts.is_array()) throw InputError(path, 0, category + "/" + entity, "expected a list of prompts");
            for (const auto& prompt : prompts) {
                if (!prompt.is_string()) throw InputError(path, 0, category + "/" + entity, "a prompt is not text");
                // BOLD itself holds a few empty prompts (religion 2, politics 3): skipped, and counted once.
                if (prompt.get<std::string>().empty()) {
                    if (empty++ == 0) firstEmpty = category + "/" + entity;
                    continue;
                }
                out.entries.push_back({prompt.get<std::string>(), {}, stem + "/" + category});
            }
        }
    }
    if (empty > 0)
        out.warnings.push_back({path, 0, firstEmpty, std::to_string(empty) + " empty prompt(s) skipped (the first here)"});
    return out;
}

TestSetFile readJsonl(const std::string& path) {
    JsonlLines lines(path);
    TestSetFile out;
    while (auto line = lines.next()) {
        const char* key = line->value.contains("text") ? "text" : "prompt";
        TestSetEntry entry{lines.requireString(*line, key), lines.optionalStringList(*line, "references"),
                           lines.optionalString(*line, "group").value_or("")};
        lines.warnUnknownKeys(*line, {"text", "prompt", "references", "group", "id"}, out.warnings);
        out.entries.push_back(std::move(entry));
    }
    return out;
}

}  // namespace

TestSetFile readTestSetFile(const std::string& path) {
    auto out = std::filesystem::path(path).extension() == ".json" ? readBold(path) : readJsonl(path);
    if (out.entries.empty()) throw InputError(path, 0, "", "holds no texts");
    return out;
}

}  // namespace srllm::core
