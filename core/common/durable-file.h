#pragma once
// Crash-safe file writes (llm.c / nanoGPT checkpoints): write a temp file in the same folder, fsync it,
// rename it over the target, fsync the folder. A crash leaves either the old file or the new one.
// The one primitive every saver uses (safetensors, configs, tokenizers, adapters, checkpoints, job files);
// torch-free, compiled into srllm_common.
#include <filesystem>
#include <functional>
#include <string_view>

namespace srllm::core {

// Streams bytes through `write` (called once with a sink taking (data, size)) into `file` durably.
// Throws InputError naming the file (hint: disk full / not writable) on any I/O failure.
void writeFileDurable(const std::filesystem::path& file,
                      const std::function<void(const std::function<void(const void*, size_t)>&)>& write);
void writeFileDurable(const std::filesystem::path& file, std::string_view bytes);

// Writes a folder that must appear whole (adapter/, model/, best/, merged/): `write` fills a temporary
// sibling "NAME.tmp-PID" (through writeFileDurable), which then replaces `folder` in one atomic exchange;
// the old content is deleted afterwards. A crash leaves the old folder or the new one, plus at most a
// leftover temporary that the next write (or a job's Discard) removes.
void writeFolderDurable(const std::filesystem::path& folder,
                        const std::function<void(const std::filesystem::path& temp)>& write);

// fsyncs a folder so a rename or a new entry inside it survives a power loss.
void syncDirectory(const std::filesystem::path& dir);

}  // namespace srllm::core
