#include "core/tokenizer/tokenizer-files.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "core/common/diagnostics.h"

namespace srllm::core {

std::string readTextFile(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw InputError(file.string(), 0, "", "cannot open file (hint: check the path and permissions)");
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

nlohmann::json readJsonFile(const std::filesystem::path& file) {
    const std::string text = readTextFile(file);
    try {
        return nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
        const size_t end = std::min<size_t>(e.byte, text.size());
        const int64_t line = 1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(end), '\n');
        throw InputError(file.string(), line, "", std::string("malformed JSON: ") + e.what());
    }
}

}  // namespace srllm::core
