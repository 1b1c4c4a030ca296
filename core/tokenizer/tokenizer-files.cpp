#include "core/tokenizer/tokenizer-files.h"

#include <fstream>

#include "core/common/diagnostics.h"

namespace srllm::core {

void writeTextFileAtomic(const std::filesystem::path& file, const std::string& text) {
    const std::filesystem::path temp = file.string() + ".tmp";
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        if (!out) throw InputError(temp.string(), 0, "", "cannot create file (hint: is the folder writable?)");
        out << text;
        out.flush();
        if (!out) throw InputError(temp.string(), 0, "", "write failed (hint: is the disk full?)");
    }
    std::filesystem::rename(temp, file);
}

}  // namespace srllm::core
