#include "core/common/input-file.h"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "core/common/diagnostics.h"

namespace srllm::core {

namespace {

int64_t lineAt(std::string_view text, size_t offset, int64_t firstLine) {
    if (firstLine == 0) return 0;
    const auto end = text.begin() + static_cast<std::ptrdiff_t>(std::min(offset, text.size()));
    return firstLine + std::count(text.begin(), end, '\n');
}

// Counts brackets outside strings; invalid JSON may miscount, but the parse that follows rejects it anyway.
void checkDepth(std::string_view text, const std::string& file, int64_t firstLine, const std::string& field) {
    int depth = 0;
    bool inString = false, escaped = false;
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            if (escaped) escaped = false;
            else if (c == '\\') escaped = true;
            else if (c == '"') inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            if (++depth > kMaxJsonDepth)
                throw InputError(file, lineAt(text, i, firstLine), field,
                                 "JSON nested deeper than " + std::to_string(kMaxJsonDepth) + " levels");
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
}

// The first key that repeats within one object, found by a second, slower parse; called on that error only.
[[noreturn]] void throwDuplicateKey(std::string_view text, const std::string& file, int64_t firstLine,
                                    const std::string& field) {
    std::vector<std::set<std::string>> keys;
    const auto callback = [&](int, nlohmann::json::parse_event_t event, nlohmann::json& parsed) {
        using Event = nlohmann::json::parse_event_t;
        if (event == Event::object_start) keys.emplace_back();
        else if (event == Event::object_end) keys.pop_back();
        else if (event == Event::key && !keys.back().insert(parsed.get<std::string>()).second) {
            const std::string key = parsed.get<std::string>(), quoted = '"' + key + '"';
            const size_t second = text.find(quoted, text.find(quoted) + 1);  // best effort: the parser has no position
            throw InputError(file, lineAt(text, second, firstLine), field.empty() ? key : field,
                             "duplicate key '" + key + "' in one JSON object");
        }
        return true;
    };
    [[maybe_unused]] const auto parsed = nlohmann::json::parse(text, callback);  // throws at the duplicate
    throw InputError(file, firstLine, field, "duplicate key in one JSON object");
}

}  // namespace

std::string readTextFile(const std::filesystem::path& file) {
    std::error_code error;
    const auto status = std::filesystem::status(file, error);
    if (!std::filesystem::exists(status))
        throw InputError(file.string(), 0, "", "cannot open file: it does not exist (hint: check the path)");
    if (!std::filesystem::is_regular_file(status))
        throw InputError(file.string(), 0, "", "not a regular file (a folder, device or pipe)");
    std::ifstream in(file, std::ios::binary);
    if (!in) throw InputError(file.string(), 0, "", "cannot open file (hint: check the path and permissions)");
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

nlohmann::json parseJsonText(std::string_view text, const std::string& file, int64_t firstLine,
                             const std::string& field) {
    checkDepth(text, file, firstLine, field);
    // #12: nlohmann keeps the last of duplicate keys silently; {"text": "a", "text": "b"} is ambiguous input.
    // Counting keys is cheap; only when an object ends up with fewer entries is the key looked for.
    std::vector<size_t> keyCounts;  // keys seen in each object being parsed
    const auto callback = [&](int, nlohmann::json::parse_event_t event, nlohmann::json& parsed) {
        using Event = nlohmann::json::parse_event_t;
        if (event == Event::object_start) keyCounts.push_back(0);
        else if (event == Event::key) ++keyCounts.back();
        else if (event == Event::object_end) {
            if (parsed.size() != keyCounts.back()) throwDuplicateKey(text, file, firstLine, field);
            keyCounts.pop_back();
        }
        return true;
    };
    try {
        return nlohmann::json::parse(text, callback);
    } catch (const nlohmann::json::parse_error& e) {
        throw InputError(file, lineAt(text, e.byte, firstLine), field, std::string("malformed JSON: ") + e.what());
    } catch (const nlohmann::json::out_of_range& e) {
        // #12: a number too large for a double ("1e400") is out_of_range, not parse_error, and it carries no
        // position; its message quotes the number, which finds the line.
        const std::string what = e.what();
        const size_t open = what.find('\''), close = what.rfind('\'');
        const std::string number = open < close ? what.substr(open + 1, close - open - 1) : std::string();
        const size_t at = number.empty() ? std::string_view::npos : text.find(number);
        throw InputError(file, at == std::string_view::npos ? firstLine : lineAt(text, at, firstLine), field,
                         "malformed JSON: " + what);
    }
}

nlohmann::json readJsonFile(const std::filesystem::path& file) {
    return parseJsonText(readTextFile(file), file.string());
}

}  // namespace srllm::core
