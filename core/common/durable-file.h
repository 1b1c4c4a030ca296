#pragma once
// Crash-safe file writes (llm.c / nanoGPT checkpoints): write a temp file in the same folder, fsync it,
// rename it over the target, fsync the folder. A crash leaves either the old file or the new one.
#include <filesystem>
#include <functional>
#include <string_view>

namespace srllm::core {

// Streams bytes through `write` (called once with a sink taking (data, size)) into `file` durably.
// Throws InputError naming the file (hint: disk full / not writable) on any I/O failure.
void writeFileDurable(const std::filesystem::path& file,
                      const std::function<void(const std::function<void(const void*, size_t)>&)>& write);
void writeFileDurable(const std::filesystem::path& file, std::string_view bytes);

// fsyncs a folder so a rename or a new entry inside it survives a power loss.
void syncDirectory(const std::filesystem::path& dir);

}  // namespace srllm::core
