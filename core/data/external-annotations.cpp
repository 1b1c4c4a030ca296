#include "core/data/external-annotations.h"

#include <map>

#include <nlohmann/json.hpp>

#include "core/common/input-file.h"
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

// #12: every value below comes from a file made elsewhere, so each is checked for its JSON kind before use;
// nlohmann's value() and operator[] throw type_error on the wrong kind, and get<int64_t> of 1e300 is
// undefined behaviour.
const nlohmann::json& member(const nlohmann::json& object, const char* key) {
    static const nlohmann::json absent;
    const auto it = object.find(key);
    return it == object.end() ? absent : *it;
}

// object[key] as a list: absent or null is empty, anything else but a list is an error naming `where.key`.
const nlohmann::json& listAt(const nlohmann::json& object, const char* key, const std::string& file, int64_t line,
                             const std::string& where) {
    static const nlohmann::json empty = nlohmann::json::array();
    const nlohmann::json& value = member(object, key);
    if (value.is_null()) return empty;
    if (!value.is_array())
        throw InputError(file, line, where.empty() ? key : where + "." + key, std::string("expected a list, got ") + value.type_name());
    return value;
}

// An object, or an error naming `where` (a region, an annotation, a doccano entity).
const nlohmann::json& objectAt(const nlohmann::json& value, const std::string& file, int64_t line, const std::string& where) {
    if (!value.is_object()) throw InputError(file, line, where, std::string("expected an object, got ") + value.type_name());
    return value;
}

int64_t offsetAt(const nlohmann::json& object, const char* key, const std::string& file, int64_t line,
                 const std::string& where) {
    return jsonInteger<int64_t>(member(object, key), file, where + "." + key, line);
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

void readResult(const std::string& file, const nlohmann::json& regionJson, const std::string& where,
                const std::string& text, ExternalAnnotation& out, std::map<std::string, int64_t>& ignored) {
    const nlohmann::json& region = objectAt(regionJson, file, 0, where);
    const std::string type = stringOr(region, "type", "");
    const std::string control = stringOr(region, "from_name", "");
    if (type != "choices" && type != "labels" && type != "textarea") {
        ++ignored[type.empty() ? "(no type)" : type];
        return;
    }
    const nlohmann::json& value = objectAt(member(region, "value"), file, 0, where + ".value");
    if (type == "choices") {
        for (const auto& choice : listAt(value, "choices", file, 0, where + ".value"))
            if (choice.is_string()) out.choices.push_back({control, choice.get<std::string>(), where});
    } else if (type == "labels") {
        const std::optional<std::string> regionText =
            member(value, "text").is_string() ? std::optional(value["text"].get<std::string>()) : std::nullopt;
        const Span span = checkedSpan(file, 0, where + ".value", text, offsetAt(value, "start", file, 0, where + ".value"),
                                      offsetAt(value, "end", file, 0, where + ".value"), regionText);
        for (const auto& label : listAt(value, "labels", file, 0, where + ".value"))
            if (label.is_string()) out.spans.push_back({span, label.get<std::string>(), where});
    } else {
        for (const auto& line : listAt(value, "text", file, 0, where + ".value"))
            if (line.is_string()) out.texts.push_back({control, line.get<std::string>(), where});
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
    // The shared reader refuses a FIFO, nesting too deep to copy and duplicate keys.
    nlohmann::json doc;
    try {
        doc = readJsonFile(path);
    } catch (const InputError& e) {
        Diagnostic d = e.diagnostic();
        d.message += " (hint: export from Label Studio as \"JSON\", not JSON-MIN or CSV)";
        throw InputError(d);
    }
    if (doc.is_object()) doc = nlohmann::json::array({std::move(doc)});  // a single task
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
        const auto& annotations = listAt(task, "annotations", path, 0, where);
        for (size_t a = 0; a < annotations.size(); ++a) {
            const std::string at = where + ".annotations[" + std::to_string(a) + "]";
            const auto& annotation = objectAt(annotations[a], path, 0, at);
            const auto& wasCancelled = member(annotation, "was_cancelled");
            if (!wasCancelled.is_null() && !wasCancelled.is_boolean())
                throw InputError(path, 0, at + ".was_cancelled", std::string("expected true or false, got ") + wasCancelled.type_name());
            if (wasCancelled.is_boolean() && wasCancelled.get<bool>()) {
                ++cancelled;
                continue;
            }
            ExternalAnnotation record;
            const auto& by = member(annotation, "completed_by");
            record.annotator = by.is_object() ? stringOr(by, "email", "label-studio-user-" + stringOr(by, "id", "?"))
                                              : "label-studio-user-" + (by.is_number_integer() ? std::to_string(by.get<int64_t>()) : std::string("unknown"));
            const auto& result = listAt(annotation, "result", path, 0, at);
            for (size_t r = 0; r < result.size(); ++r)
                readResult(path, result[r], at + ".result[" + std::to_string(r) + "]", out.text, record, ignored);
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
        // One class may come as a bare string rather than a list of one.
        const nlohmann::json& named = member(o->value, key);
        const nlohmann::json labels = named.is_string() ? nlohmann::json::array({named}) : listAt(o->value, key, path, o->line, "");
        for (const auto& entry : labels) {
            if (entry.is_string()) {
                record.choices.push_back({"label", entry.get<std::string>(), where});
            } else if (entry.is_array() && entry.size() == 3 && entry[0].is_number_integer() &&
                       entry[1].is_number_integer() && entry[2].is_string()) {
                const Span span = checkedSpan(path, o->line, key, task.text, jsonInteger<int64_t>(entry[0], path, key, o->line),
                                              jsonInteger<int64_t>(entry[1], path, key, o->line), std::nullopt);
                record.spans.push_back({span, entry[2].get<std::string>(), where});
            } else {
                throw InputError(path, o->line, key, "expected \"class\" or [start, end, \"LABEL\"], got " + entry.dump());
            }
        }
        for (const auto& entity : listAt(o->value, "entities", path, o->line, "")) {
            if (!entity.is_object() || !member(entity, "label").is_string())
                throw InputError(path, o->line, "entities", "expected {start_offset, end_offset, label}, got " + entity.dump());
            const Span span = checkedSpan(path, o->line, "entities", task.text, offsetAt(entity, "start_offset", path, o->line, "entities"),
                                          offsetAt(entity, "end_offset", path, o->line, "entities"), std::nullopt);
            record.spans.push_back({span, entity["label"].get<std::string>(), where});
        }
        task.annotations.push_back(std::move(record));
        file.tasks.push_back(std::move(task));
    }
    return file;
}

}  // namespace srllm::core
