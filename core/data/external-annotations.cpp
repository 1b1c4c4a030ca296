#include "core/data/external-annotations.h"

#include <fstream>
#include <map>

#include <nlohmann/json.hpp>

#include "core/data/jsonl-lines.h"
#include "core/data/word-spans.h"

namespace srllm::core {

namespace {

std::string stringOr(const nlohmann::json& j, const char* key, const std::string& fallback) {
    if (!j.contains(key)) return fallback;
    const auto& v = j.at(key);
    if (v.is_string()) return v.get<std::string>();
    if (v.is_number_integer()) return std::to_string(v.get<int64_t>());
    return fallback;
}

// Label Studio counts offsets in JavaScript string units (UTF-16); they equal code points unless the text
// has characters outside the BMP. The region's own "text", when present, decides which reading holds.
Span checkedSpan(const std::string& file, int64_t line, const std::string& field, const std::string& text,
                 int64_t start, int64_t end, const std::optional<std::string>& regionText) {
    const std::u32string points = lowerCodePoints(text);
    const auto length = static_cast<int64_t>(points.size());
    if (start < 0 || end <= start)
        throw InputError(file, line, field,
                         "span [" + std::to_string(start) + ", " + std::to_string(end) + ") is empty or negative");
    std::vector<int64_t> utf16ToPoint(1, 0);  // utf16ToPoint[u] = code points before UTF-16 unit u
    for (int64_t i = 0; i < length; ++i) {
        const int units = points[static_cast<size_t>(i)] > 0xFFFF ? 2 : 1;
        for (int u = 0; u < units; ++u) utf16ToPoint.push_back(i + 1);
    }
    const auto slice = [&](int64_t from, int64_t to) {
        return lowerCodePoints(*regionText) == points.substr(static_cast<size_t>(from), static_cast<size_t>(to - from));
    };
    const bool asPoints = end <= length && (!regionText || slice(start, end));
    if (asPoints) return {start, end};
    const auto units = static_cast<int64_t>(utf16ToPoint.size()) - 1;
    if (end <= units) {
        const Span converted{utf16ToPoint[static_cast<size_t>(start)], utf16ToPoint[static_cast<size_t>(end)]};
        if (!regionText || slice(converted.start, converted.end)) return converted;
    }
    throw InputError(file, line, field,
                     "span [" + std::to_string(start) + ", " + std::to_string(end) + ") does not match" +
                         (regionText ? " its text '" + *regionText + "'" : " the task text") + " (the text has " +
                         std::to_string(length) + " characters)");
}

void readResult(const std::string& file, const nlohmann::json& region, const std::string& where,
                const std::string& text, ExternalAnnotation& out, std::map<std::string, int64_t>& ignored) {
    const std::string type = stringOr(region, "type", "");
    const std::string control = stringOr(region, "from_name", "");
    const auto& value = region.value("value", nlohmann::json::object());
    if (type == "choices") {
        for (const auto& choice : value.value("choices", nlohmann::json::array()))
            if (choice.is_string()) out.choices.push_back({control, choice.get<std::string>(), where});
    } else if (type == "labels") {
        if (!value.contains("start") || !value.contains("end") || !value["start"].is_number_integer() ||
            !value["end"].is_number_integer())
            throw InputError(file, 0, where + ".value", "a labels region needs integer start and end offsets");
        const std::optional<std::string> regionText =
            value.contains("text") && value["text"].is_string() ? std::optional(value["text"].get<std::string>()) : std::nullopt;
        const Span span = checkedSpan(file, 0, where + ".value", text, value["start"].get<int64_t>(),
                                      value["end"].get<int64_t>(), regionText);
        for (const auto& label : value.value("labels", nlohmann::json::array()))
            if (label.is_string()) out.spans.push_back({span, label.get<std::string>(), where});
    } else if (type == "textarea") {
        for (const auto& line : value.value("text", nlohmann::json::array()))
            if (line.is_string()) out.texts.push_back({control, line.get<std::string>(), where});
    } else {
        ++ignored[type.empty() ? "(no type)" : type];
    }
}

void summariseIgnored(ExternalFile& file, const std::map<std::string, int64_t>& ignored, int64_t cancelled) {
    for (const auto& [type, count] : ignored)
        file.warnings.push_back({file.path, 0, "type", std::to_string(count) + " result region(s) of type '" + type +
                                                           "' ignored (only choices, labels and textarea map)"});
    if (cancelled > 0)
        file.warnings.push_back({file.path, 0, "was_cancelled", std::to_string(cancelled) + " cancelled annotation(s) skipped"});
}

}  // namespace

ExternalFile readLabelStudioJson(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError(path, 0, "", "cannot read the file");
    nlohmann::json doc = nlohmann::json::parse(in, nullptr, false);
    if (doc.is_discarded())
        throw InputError(path, 0, "", "not valid JSON (hint: export from Label Studio as \"JSON\", not JSON-MIN or CSV)");
    if (doc.is_object()) doc = nlohmann::json::array({doc});  // a single task
    if (!doc.is_array()) throw InputError(path, 0, "", "expected a JSON list of tasks");
    ExternalFile file{path, ImportFormat::LabelStudio, {}, {}};
    std::map<std::string, int64_t> ignored;
    int64_t cancelled = 0;
    for (size_t t = 0; t < doc.size(); ++t) {
        const auto& task = doc[t];
        const std::string where = "task " + std::to_string(t + 1);
        if (!task.is_object() || !task.contains("data") || !task["data"].is_object())
            throw InputError(path, 0, where + ".data", "a task needs a \"data\" object");
        const auto& data = task["data"];
        if (!data.contains("text") || !data["text"].is_string())
            throw InputError(path, 0, where + ".data.text", "no text (hint: the labelling config's <Text value=\"$text\">)");
        ExternalTask out{0, where, data["text"].get<std::string>(), {}};
        const auto& annotations = task.value("annotations", nlohmann::json::array());
        for (size_t a = 0; a < annotations.size(); ++a) {
            const auto& annotation = annotations[a];
            if (annotation.value("was_cancelled", false)) {
                ++cancelled;
                continue;
            }
            ExternalAnnotation record;
            const auto& by = annotation.value("completed_by", nlohmann::json());
            record.annotator = by.is_object() ? stringOr(by, "email", "label-studio-user-" + stringOr(by, "id", "?"))
                                              : "label-studio-user-" + (by.is_number_integer() ? std::to_string(by.get<int64_t>()) : std::string("unknown"));
            const auto& result = annotation.value("result", nlohmann::json::array());
            for (size_t r = 0; r < result.size(); ++r)
                readResult(path, result[r],
                           where + ".annotations[" + std::to_string(a) + "].result[" + std::to_string(r) + "]",
                           out.text, record, ignored);
            out.annotations.push_back(std::move(record));
        }
        file.tasks.push_back(std::move(out));
    }
    summariseIgnored(file, ignored, cancelled);
    return file;
}

ExternalFile readDoccanoJsonl(const std::string& path, const std::string& annotator) {
    JsonlLines lines(path);
    ExternalFile file{path, ImportFormat::Doccano, {}, {}};
    while (auto o = lines.next()) {
        const std::string where = "line " + std::to_string(o->line);
        ExternalTask task{o->line, where, lines.requireString(*o, "text"), {}};
        ExternalAnnotation record;
        record.annotator = annotator;
        // "label" (doccano 1.x) or "labels" (older exports); "entities" in relation projects.
        const char* key = o->value.contains("label") ? "label" : "labels";
        for (const auto& entry : o->value.value(key, nlohmann::json::array())) {
            if (entry.is_string()) {
                record.choices.push_back({"label", entry.get<std::string>(), where});
            } else if (entry.is_array() && entry.size() == 3 && entry[0].is_number_integer() &&
                       entry[1].is_number_integer() && entry[2].is_string()) {
                const Span span = checkedSpan(path, o->line, key, task.text, entry[0].get<int64_t>(),
                                              entry[1].get<int64_t>(), std::nullopt);
                record.spans.push_back({span, entry[2].get<std::string>(), where});
            } else {
                throw InputError(path, o->line, key, "expected \"class\" or [start, end, \"LABEL\"], got " + entry.dump());
            }
        }
        for (const auto& entity : o->value.value("entities", nlohmann::json::array())) {
            if (!entity.is_object() || !entity.contains("start_offset") || !entity.contains("end_offset") ||
                !entity.contains("label") || !entity["label"].is_string())
                throw InputError(path, o->line, "entities", "expected {start_offset, end_offset, label}, got " + entity.dump());
            const Span span = checkedSpan(path, o->line, "entities", task.text, entity["start_offset"].get<int64_t>(),
                                          entity["end_offset"].get<int64_t>(), std::nullopt);
            record.spans.push_back({span, entity["label"].get<std::string>(), where});
        }
        task.annotations.push_back(std::move(record));
        file.tasks.push_back(std::move(task));
    }
    return file;
}

}  // namespace srllm::core
