#include "core/data/test-set-file.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>

#include <nlohmann/json.hpp>

#include "core/data/csv-reader.h"
#include "core/data/holistic-bias.h"
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

// "gender_a_man" -> "gender/a_man"; "Original" -> "original".
std::string counterfactualGroup(const std::string& column) {
    if (column == "Original") return "original";
    const auto underscore = column.find('_');
    return underscore == std::string::npos ? column : column.substr(0, underscore) + "/" + column.substr(underscore + 1);
}

TestSetFile readCounterfactual(const std::string& path) {
    CsvReader reader(path, ',');
    CsvHeader header(reader);
    if (header.names().empty() || header.names()[0] != "Original" || header.names().size() < 3)
        throw InputError(path, 1, header.names().empty() ? "" : header.names()[0],
                         "expected the counterfactual header Original,<axis>_<variant>,... with two variants or more "
                         "(hint: JSON Lines files end in .jsonl)");
    TestSetFile out;
    while (auto record = reader.next()) {
        header.checkWidth(*record);
        for (size_t c = 0; c < record->fields.size(); ++c) {
            if (record->fields[c].empty()) throw InputError(path, record->line, header.names()[c], "is empty");
            out.entries.push_back({record->fields[c], {}, counterfactualGroup(header.names()[c])});
        }
    }
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
    const auto extension = std::filesystem::path(path).extension();
    TestSetFile out;
    if (std::filesystem::is_directory(path)) out.entries = holisticBiasSentences(path);
    else if (extension == ".json") out = readBold(path);
    else if (extension == ".csv") out = readCounterfactual(path);
    else out = readJsonl(path);
    if (out.entries.empty()) throw InputError(path, 0, "", "holds no texts");
    return out;
}

void sampleTestSet(TestSetFile& set, int64_t size, uint64_t seed) {
    const auto n = static_cast<uint64_t>(set.entries.size());
    if (size <= 0 || static_cast<uint64_t>(size) >= n) return;
    std::vector<uint64_t> order(n);
    for (uint64_t i = 0; i < n; ++i) order[i] = i;
    std::mt19937_64 rng(seed);
    for (uint64_t i = 0; i < static_cast<uint64_t>(size); ++i)
        std::swap(order[i], order[i + rng() % (n - i)]);  // modulo bias below 1e-12 for any real set
    order.resize(static_cast<size_t>(size));
    std::sort(order.begin(), order.end());
    std::vector<TestSetEntry> kept;
    for (uint64_t i : order) kept.push_back(std::move(set.entries[i]));
    set.entries = std::move(kept);
}

}  // namespace srllm::core
