#include "core/common/folder-file.h"

#include <string>

#include "core/common/diagnostics.h"

namespace srllm::core {

namespace fs = std::filesystem;

namespace {

bool within(const fs::path& path, const fs::path& root) {
    const fs::path relative = path.lexically_relative(root);
    return !relative.empty() && *relative.begin() != "..";
}

}  // namespace

fs::path fileInFolder(const fs::path& folder, std::string_view name) {
    if (name.empty() || name == "." || name == ".." || name.find('/') != std::string_view::npos)
        throw InputError((folder / name).string(), 0, "", "'" + std::string(name) + "' is not a file name inside " +
                                                              folder.string() + " (a name may not leave its folder)");
    return folder / name;
}

bool folderHas(const fs::path& folder, std::string_view name) {
    const fs::path entry = fileInFolder(folder, name);
    std::error_code error;
    const auto link = fs::symlink_status(entry, error);
    if (!fs::exists(link)) return false;
    const fs::path resolved = fs::canonical(entry, error);
    if (error || !fs::is_regular_file(resolved))
        throw InputError(entry.string(), 0, "", "not a regular file (a folder, device, pipe or broken link)");
    if (!fs::is_symlink(link)) return true;
    const fs::path root = fs::canonical(folder);
    const bool hubSnapshot = root.parent_path().filename() == "snapshots";
    if (within(resolved, root) || (hubSnapshot && within(resolved, root.parent_path().parent_path() / "blobs")))
        return true;
    throw InputError(entry.string(), 0, "",
                     "is a link to " + resolved.string() + ", outside the folder (hint: copy the file into " +
                         folder.string() + "; a model, tokenizer or adapter may only read its own folder)");
}

fs::path folderFile(const fs::path& folder, std::string_view name) {
    if (!folderHas(folder, name)) throw InputError((folder / name).string(), 0, "", "no such file in the folder");
    return folder / name;
}

}  // namespace srllm::core
