#pragma once
// Text and JSON read from files a user gave us, in one place: a folder, a FIFO or a device is refused
// before it is opened (opening a FIFO would block forever), and JSON nesting is bounded before parsing:
// nlohmann copies and dumps values recursively, so a million nested brackets would overflow the stack
// later, far from the input (#12).
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <utility>

#include <nlohmann/json.hpp>

#include "core/common/diagnostics.h"

namespace srllm::core {

// Deeper than any real config, tokenizer or metadata object (they nest fewer than 10 levels).
inline constexpr int kMaxJsonDepth = 512;

// Reads a whole regular file; throws InputError naming it when it is missing, not a regular file or unreadable.
std::string readTextFile(const std::filesystem::path& file);

// Parses JSON text that starts on line `firstLine` of `file` (0: not tied to a line). Throws InputError
// naming the file, the line of the problem and `field` for a syntax error or nesting over kMaxJsonDepth.
nlohmann::json parseJsonText(std::string_view text, const std::string& file, int64_t firstLine = 1,
                             const std::string& field = {});

// readTextFile + parseJsonText.
nlohmann::json readJsonFile(const std::filesystem::path& file);

// An integer JSON value that fits T; otherwise InputError naming `file`, `field` and `line` (0: none). #12:
// nlohmann's get<T> turns 2.5 into 2, 1e300 into undefined behaviour and -1 into 2^64-1 for an unsigned field.
template <typename T>
T jsonInteger(const nlohmann::json& value, const std::string& file, const std::string& field, int64_t line = 0) {
    if (!value.is_number_integer())
        throw InputError(file, line, field, "must be an integer, found " + (value.is_number() ? value.dump() : value.type_name()));
    const bool fits = value.is_number_unsigned() ? std::in_range<T>(value.get<uint64_t>()) : std::in_range<T>(value.get<int64_t>());
    if (!fits) throw InputError(file, line, field, "is out of range: " + value.dump());
    return value.get<T>();
}

}  // namespace srllm::core
