#include "core/data/jsonl-lines.h"

#include <algorithm>

#include "core/common/input-file.h"

namespace srllm::core {

JsonlLines::JsonlLines(std::string path) : m_input(std::move(path)) {}

std::optional<JsonlObject> JsonlLines::next() {
    std::string text;
    for (;;) {
        const int64_t line = m_input.line();
        if (!m_input.readLine(text)) {
            if (!m_sawObject) throw InputError(path(), 0, "", "file is empty (hint: expected one JSON object per line)");
            return std::nullopt;
        }
        if (text.find_first_not_of(" \t\r") == std::string::npos) continue;
        JsonlObject o;
        o.line = line;
        try {
            o.value = parseJsonText(text, path(), line);
        } catch (const InputError& e) {
            Diagnostic d = e.diagnostic();
            d.message += " (hint: one complete object per line)";
            throw InputError(d);
        }
        if (!o.value.is_object()) throw InputError(path(), line, "", "expected a JSON object {...}");
        m_sawObject = true;
        return o;
    }
}

std::string JsonlLines::requireString(const JsonlObject& o, const std::string& key) const {
    const auto it = o.value.find(key);
    if (it != o.value.end() && !it->is_null() && !it->is_string())
        throw InputError(path(), o.line, key, "expected a string, got " + std::string(it->type_name()));
    return requireId(o, key);
}

std::string JsonlLines::requireId(const JsonlObject& o, const std::string& key) const {
    auto value = optionalString(o, key);
    if (!value) throw InputError(path(), o.line, key, "required key is missing");
    if (value->empty()) throw InputError(path(), o.line, key, "must not be empty");
    return *value;
}

std::optional<std::string> JsonlLines::optionalString(const JsonlObject& o, const std::string& key) const {
    const auto it = o.value.find(key);
    if (it == o.value.end() || it->is_null()) return std::nullopt;
    if (it->is_string()) return it->get<std::string>();
    if (it->is_number_integer()) return it->dump();
    throw InputError(path(), o.line, key, "expected a string, got " + std::string(it->type_name()));
}

std::vector<std::string> JsonlLines::optionalStringList(const JsonlObject& o, const std::string& key) const {
    std::vector<std::string> out;
    const auto it = o.value.find(key);
    if (it == o.value.end() || it->is_null()) return out;
    if (!it->is_array()) throw InputError(path(), o.line, key, "expected an array of strings");
    for (const auto& v : *it) {
        if (!v.is_string()) throw InputError(path(), o.line, key, "expected an array of strings, found " + v.dump());
        out.push_back(v.get<std::string>());
    }
    return out;
}

std::vector<Span> JsonlLines::optionalSpans(const JsonlObject& o, const std::string& key) const {
    std::vector<Span> out;
    const auto it = o.value.find(key);
    if (it == o.value.end() || it->is_null()) return out;
    const auto bad = [&](const std::string& what) {
        return InputError(path(), o.line, key, what + " (hint: spans are [[start, end], ...] in code points)");
    };
    if (!it->is_array()) throw bad("expected an array of [start, end] pairs");
    for (const auto& s : *it) {
        if (!s.is_array() || s.size() != 2 || !s[0].is_number_integer() || !s[1].is_number_integer())
            throw bad("span " + s.dump() + " is not [start, end]");
        Span span{jsonInteger<int64_t>(s[0], path(), key, o.line), jsonInteger<int64_t>(s[1], path(), key, o.line)};
        if (span.start < 0 || span.end <= span.start) throw bad("span " + s.dump() + " needs 0 <= start < end");
        out.push_back(span);
    }
    return out;
}

nlohmann::json JsonlLines::optionalObject(const JsonlObject& o, const std::string& key) const {
    const auto it = o.value.find(key);
    if (it == o.value.end() || it->is_null()) return nlohmann::json::object();
    if (!it->is_object()) throw InputError(path(), o.line, key, "expected an object {...}");
    return *it;
}

void JsonlLines::warnUnknownKeys(const JsonlObject& o, const std::vector<std::string>& known,
                                 Diagnostics& out) const {
    for (const auto& [key, value] : o.value.items()) {
        if (std::find(known.begin(), known.end(), key) == known.end())
            out.push_back({path(), o.line, key, "unknown key ignored"});
    }
}

}  // namespace srllm::core
