#pragma once
// Reading and writing the safetensors format (an 8-byte little-endian header length, a JSON header
// {name: {dtype, shape, data_offsets}, "__metadata__": {str: str}}, then the raw tensor bytes).
// Reading memory-maps the file: tensors are zero-copy views over a private copy-on-write mapping that each
// tensor keeps alive, so in-place edits never reach the file. Every header field is bound-checked before
// use; a malformed file raises InputError naming the file and the tensor, never a crash or a huge allocation.
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <torch/torch.h>

namespace srllm::core {

// One tensor's header entry; offsets are relative to the start of the data section.
struct SafetensorsEntry {
    std::string name;
    std::string dtype;            // "F32", "F16", "BF16", "F64", "I8", "U8", "I16", "I32", "I64", "BOOL"
    std::vector<int64_t> shape;
    uint64_t begin = 0;
    uint64_t end = 0;
};

// "[8,4096]": how errors about tensors print a shape.
std::string formatShape(torch::IntArrayRef shape);

// The safetensors dtype name for a torch dtype, and back; both throw InputError for unsupported ones.
std::string safetensorsDtypeName(torch::Dtype dtype);
torch::Dtype torchDtypeFromSafetensors(const std::string& name, const std::string& file, const std::string& tensor);

// One memory-mapped .safetensors file. Thread-safe for concurrent reads once opened.
class SafetensorsFile : public std::enable_shared_from_this<SafetensorsFile> {
public:
    // Maps and validates the file; throws InputError (naming file and tensor) on any malformed header.
    static std::shared_ptr<SafetensorsFile> open(const std::filesystem::path& path);
    ~SafetensorsFile();
    SafetensorsFile(const SafetensorsFile&) = delete;
    SafetensorsFile& operator=(const SafetensorsFile&) = delete;

    const std::filesystem::path& path() const { return m_path; }
    const std::vector<SafetensorsEntry>& entries() const { return m_entries; }  // sorted by name
    const SafetensorsEntry* find(const std::string& name) const;                // nullptr when absent
    const std::map<std::string, std::string>& metadata() const { return m_metadata; }

    // A CPU tensor viewing the mapping (copied only when the bytes are misaligned for the dtype);
    // the tensor keeps this file mapped while it lives. Throws InputError when the name is absent.
    torch::Tensor tensor(const std::string& name) const;

private:
    SafetensorsFile() = default;
    std::filesystem::path m_path;
    std::vector<SafetensorsEntry> m_entries;
    std::map<std::string, std::string> m_metadata;
    const uint8_t* m_data = nullptr;  // start of the data section inside the mapping
    void* m_mapping = nullptr;
    size_t m_mappingSize = 0;
};

// A set of tensors stored in one file or sharded over several (model.safetensors.index.json).
class SafetensorsStore {
public:
    // path: a .safetensors file, a .safetensors.index.json file, or a folder holding
    // model.safetensors or model.safetensors.index.json. Throws InputError when none is found.
    static SafetensorsStore open(const std::filesystem::path& path);

    std::vector<std::string> names() const;  // sorted
    bool contains(const std::string& name) const { return m_owner.count(name) != 0; }
    const SafetensorsEntry& entry(const std::string& name) const;
    const std::filesystem::path& fileOf(const std::string& name) const;
    torch::Tensor tensor(const std::string& name) const;  // see SafetensorsFile::tensor

private:
    std::vector<std::shared_ptr<SafetensorsFile>> m_files;
    std::map<std::string, size_t> m_owner;  // tensor name -> index into m_files
};

// Every tensor of a file or store, by name (zero-copy views, as SafetensorsFile::tensor).
std::map<std::string, torch::Tensor> loadSafetensors(const std::filesystem::path& path);

// Writes tensors (made contiguous, CPU) with keys sorted, the header padded with spaces to a multiple
// of 8 bytes, and metadata as "__metadata__" (left out when empty). Crash-safe (core/common/durable-file.h).
void saveSafetensors(const std::filesystem::path& path, const std::map<std::string, torch::Tensor>& tensors,
                     const std::map<std::string, std::string>& metadata = {});

}  // namespace srllm::core
