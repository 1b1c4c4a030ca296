#include "app/cli/text-input.h"

#include <fstream>
#include <iostream>

#include "core/common/diagnostics.h"
#include "core/eval/text-units.h"

namespace srllm::cli {

namespace {

void checkUtf8(const std::string& text, const std::string& file, int64_t line) {
    const int64_t bad = core::firstInvalidUtf8(text);
    if (bad >= 0)
        throw core::InputError(file, line, "text", "invalid UTF-8 at byte " + std::to_string(bad + 1) +
                                                       " (hint: convert the input to UTF-8)");
}

std::vector<std::string> readLines(std::istream& in, const std::string& name) {
    std::vector<std::string> texts;
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        checkUtf8(line, name, static_cast<int64_t>(texts.size()) + 1);
        texts.push_back(line);
    }
    return texts;
}

}  // namespace

std::vector<std::string> readTexts(const std::vector<std::string>& arguments) {
    if (arguments.size() == 1 && arguments[0] == "-") return readLines(std::cin, "-");
    for (size_t i = 0; i < arguments.size(); ++i) checkUtf8(arguments[i], "argument " + std::to_string(i + 1), 0);
    return arguments;
}

std::vector<std::string> readTextLines(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw core::InputError(path, 0, "", "cannot read");
    return readLines(in, path);
}

}  // namespace srllm::cli
