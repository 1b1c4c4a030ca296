#pragma once
// JSON Lines input: one object per line, streamed, with checked accessors whose errors name the file,
// line and key. Shared by the item (jsonl) and annotation (annotations) formats.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/data/import-record.h"
#include "core/data/utf8-file-input.h"

namespace srllm::core {

struct JsonlObject {
    int64_t line = 0;
    nlohmann::json value;  // always an object
};

class JsonlLines {
public:
    explicit JsonlLines(std::string path);  // throws InputError when the file cannot be opened
    // The next non-blank line as an object; throws InputError for invalid JSON or a non-object.
    std::optional<JsonlObject> next();

    const std::string& path() const { return m_input.path(); }
    int64_t bytesRead() const { return m_input.bytesRead(); }
    int64_t bytesTotal() const { return m_input.bytesTotal(); }

    // Checked accessors on a line's object; each throws InputError(file, line, key, ...).
    // A non-empty JSON string (#12: a number was taken as text, so {"text": 12} imported the item "12").
    std::string requireString(const JsonlObject& o, const std::string& key) const;
    // A non-empty string, or an integer written as text (ids are often numeric).
    std::string requireId(const JsonlObject& o, const std::string& key) const;
    // A string, or a number written as text (ids are often numeric); nullopt when absent or null.
    std::optional<std::string> optionalString(const JsonlObject& o, const std::string& key) const;
    std::vector<std::string> optionalStringList(const JsonlObject& o, const std::string& key) const;
    // [[start, end], ...] code-point spans with 0 <= start < end.
    std::vector<Span> optionalSpans(const JsonlObject& o, const std::string& key) const;
    nlohmann::json optionalObject(const JsonlObject& o, const std::string& key) const;
    // Adds a warning for each key not in `known` (unknown keys never fail a read).
    void warnUnknownKeys(const JsonlObject& o, const std::vector<std::string>& known, Diagnostics& out) const;

private:
    Utf8FileInput m_input;
    bool m_sawObject = false;
};

}  // namespace srllm::core
