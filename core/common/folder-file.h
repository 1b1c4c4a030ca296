#pragma once
// Files of a model, tokenizer or adapter folder, which may come from a stranger (#12): a name the folder
// itself supplies (a shard in model.safetensors.index.json) must be a plain file name, and an entry that is a
// symbolic link must resolve to a regular file inside the folder, so that loading, or copying a tokenizer
// into a new model, never reads ~/.ssh/id_rsa or a FIFO through a crafted link. One exception keeps
// Hugging Face's cache working: snapshots/REV/NAME may point into the same repository's blobs/ folder.
#include <filesystem>
#include <string_view>

namespace srllm::core {

// folder/name, after checking that `name` is one plain file name (not empty, ".", ".." or with a '/'), so a
// name taken from a file or typed by a user can neither read nor write outside `folder`; throws InputError.
// Every reader below checks this first; writers that name files after data (run or job folders) use it too.
std::filesystem::path fileInFolder(const std::filesystem::path& folder, std::string_view name);

// Whether folder/name exists. Throws InputError naming the entry when the name is not a plain file name,
// or the entry exists but leads outside the folder or to something that is not a regular file.
bool folderHas(const std::filesystem::path& folder, std::string_view name);

// folder/name under the same checks; also throws InputError (naming folder/name) when it does not exist.
std::filesystem::path folderFile(const std::filesystem::path& folder, std::string_view name);

}  // namespace srllm::core
