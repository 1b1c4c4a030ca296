#include "core/io/safetensors.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <fstream>

#include <nlohmann/json.hpp>

#include "core/common/diagnostics.h"
#include "core/common/durable-file.h"
#include "core/common/folder-file.h"
#include "core/common/input-file.h"

namespace srllm::core {
namespace {

struct DtypeRow {
    const char* name;
    torch::Dtype dtype;
};
// NOTE: the same names as kDtypeSizes in core/io/safetensors-header.cpp.
const DtypeRow kDtypes[] = {{"F32", torch::kFloat32}, {"F16", torch::kFloat16}, {"BF16", torch::kBFloat16},
                            {"F64", torch::kFloat64}, {"I8", torch::kInt8},     {"U8", torch::kUInt8},
                            {"I16", torch::kInt16},   {"I32", torch::kInt32},   {"I64", torch::kInt64},
                            {"BOOL", torch::kBool}};

[[noreturn]] void fail(const std::filesystem::path& file, const std::string& tensor, const std::string& message) {
    throw InputError(file.string(), 0, tensor.empty() ? std::string{} : "tensor '" + tensor + "'", message);
}

}  // namespace

std::string safetensorsDtypeName(torch::Dtype dtype) {
    for (const auto& row : kDtypes)
        if (row.dtype == dtype) return row.name;
    throw InputError("", 0, "dtype", std::string("torch dtype ") + c10::toString(dtype) + " has no safetensors name");
}

torch::Dtype torchDtypeFromSafetensors(const std::string& name, const std::string& file, const std::string& tensor) {
    for (const auto& row : kDtypes)
        if (name == row.name) return row.dtype;
    safetensorsElementSize(name, file, tensor);  // throws, naming the supported dtypes
    throw std::logic_error("safetensors dtype " + name + " has a size but no torch type");
}

std::shared_ptr<SafetensorsFile> SafetensorsFile::open(const std::filesystem::path& path) {
    std::shared_ptr<SafetensorsFile> file(new SafetensorsFile());
    file->m_path = path;
    // O_NONBLOCK: a FIFO named like a weights file would otherwise block here forever (#12).
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) fail(path, "", std::string("cannot open: ") + std::strerror(errno));
    struct stat info {};
    if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
        ::close(fd);
        fail(path, "", "not a regular file");
    }
    const auto fileSize = static_cast<uint64_t>(info.st_size);
    if (fileSize == 0) {
        ::close(fd);
        parseSafetensorsHeader({}, path.string());  // throws: too short for the header length
    }
    // MAP_PRIVATE + PROT_WRITE: copy-on-write, so in-place ops on returned tensors never reach the file.
    void* mapping = ::mmap(nullptr, fileSize, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
    ::close(fd);
    if (mapping == MAP_FAILED) fail(path, "", std::string("cannot memory-map: ") + std::strerror(errno));
    file->m_mapping = mapping;
    file->m_mappingSize = fileSize;
    SafetensorsHeader header = parseSafetensorsHeader({static_cast<const char*>(mapping), fileSize}, path.string());
    file->m_entries = std::move(header.entries);
    file->m_metadata = std::move(header.metadata);
    file->m_data = static_cast<const uint8_t*>(mapping) + header.dataOffset;
    return file;
}

SafetensorsFile::~SafetensorsFile() {
    if (m_mapping) ::munmap(m_mapping, m_mappingSize);
}

const SafetensorsEntry* SafetensorsFile::find(const std::string& name) const {
    const auto it = std::lower_bound(m_entries.begin(), m_entries.end(), name,
                                     [](const SafetensorsEntry& e, const std::string& n) { return e.name < n; });
    return it != m_entries.end() && it->name == name ? &*it : nullptr;
}

torch::Tensor SafetensorsFile::tensor(const std::string& name) const {
    const SafetensorsEntry* entry = find(name);
    if (!entry) fail(m_path, name, "not in this file");
    const auto options = torch::TensorOptions().dtype(torchDtypeFromSafetensors(entry->dtype, m_path.string(), name));
    auto* data = const_cast<uint8_t*>(m_data + entry->begin);
    const auto alignment = static_cast<uintptr_t>(options.dtype().itemsize());
    if (reinterpret_cast<uintptr_t>(data) % alignment != 0)
        return torch::from_blob(data, entry->shape, options).clone();
    auto self = shared_from_this();
    return torch::from_blob(data, entry->shape, [self](void*) {}, options);
}

SafetensorsStore SafetensorsStore::open(const std::filesystem::path& path) {
    namespace fs = std::filesystem;
    fs::path target = path;
    if (fs::is_directory(path)) {
        if (folderHas(path, "model.safetensors.index.json")) target = path / "model.safetensors.index.json";
        else if (folderHas(path, "model.safetensors")) target = path / "model.safetensors";
        else
            throw InputError(path.string(), 0, "",
                             "no model.safetensors or model.safetensors.index.json in this folder" +
                                 std::string(fs::exists(path / "pytorch_model.bin")
                                                 ? " (hint: pytorch_model.bin is never loaded: a pickled checkpoint can "
                                                   "run code; convert it to safetensors where you trust it)"
                                                 : ""));
    }
    SafetensorsStore store;
    const std::string targetName = target.filename().string();
    if (targetName.size() < 5 || targetName.substr(targetName.size() - 5) != ".json") {
        store.m_files.push_back(SafetensorsFile::open(target));
        for (const auto& entry : store.m_files[0]->entries()) store.m_owner[entry.name] = 0;
        return store;
    }
    const auto index = readJsonFile(target);
    if (!index.is_object()) throw InputError(target.string(), 0, "", "not a valid JSON object");
    const auto map = index.find("weight_map");
    if (map == index.end() || !map->is_object())
        throw InputError(target.string(), 0, "weight_map", "missing, or not an object {tensor: shard file}");
    std::map<std::string, size_t> shardIndex;
    for (const auto& [name, shard] : map->items()) {
        if (!shard.is_string()) throw InputError(target.string(), 0, "weight_map", "entry '" + name + "' is not a file name");
        const fs::path shardName = shard.get<std::string>();
        if (shardName.empty() || shardName.has_parent_path() || shardName == "." || shardName == "..")
            throw InputError(target.string(), 0, "weight_map",
                             "entry '" + name + "' names '" + shardName.string() + "', not a file beside the index");
        auto [it, added] = shardIndex.emplace(shardName.string(), store.m_files.size());
        const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
        if (added) store.m_files.push_back(SafetensorsFile::open(folderFile(folder, shardName.string())));
        const auto& file = store.m_files[it->second];
        if (!file->find(name))
            throw InputError(file->path().string(), 0, "tensor '" + name + "'",
                             "listed in " + target.filename().string() + " but absent from this shard");
        store.m_owner[name] = it->second;
    }
    return store;
}

std::vector<std::string> SafetensorsStore::names() const {
    std::vector<std::string> names;
    for (const auto& [name, file] : m_owner) names.push_back(name);
    return names;
}

const SafetensorsEntry& SafetensorsStore::entry(const std::string& name) const {
    const auto it = m_owner.find(name);
    if (it == m_owner.end()) throw InputError("", 0, "tensor '" + name + "'", "not in the safetensors files");
    return *m_files[it->second]->find(name);
}

const std::filesystem::path& SafetensorsStore::fileOf(const std::string& name) const {
    entry(name);
    return m_files[m_owner.at(name)]->path();
}

torch::Tensor SafetensorsStore::tensor(const std::string& name) const {
    entry(name);
    return m_files[m_owner.at(name)]->tensor(name);
}

std::map<std::string, torch::Tensor> loadSafetensors(const std::filesystem::path& path) {
    const auto store = SafetensorsStore::open(path);
    std::map<std::string, torch::Tensor> tensors;
    for (const auto& name : store.names()) tensors[name] = store.tensor(name);
    return tensors;
}

void saveSafetensors(const std::filesystem::path& path, const std::map<std::string, torch::Tensor>& tensors,
                     const std::map<std::string, std::string>& metadata) {
    nlohmann::json header = nlohmann::json::object();
    if (!metadata.empty()) header["__metadata__"] = metadata;
    std::vector<torch::Tensor> contiguous;
    uint64_t offset = 0;
    for (const auto& [name, tensor] : tensors) {
        auto data = tensor.detach().to(torch::kCPU).contiguous();
        const auto bytes = static_cast<uint64_t>(data.numel()) * data.element_size();
        header[name] = {{"dtype", safetensorsDtypeName(data.scalar_type())},
                        {"shape", data.sizes().vec()},
                        {"data_offsets", {offset, offset + bytes}}};
        offset += bytes;
        contiguous.push_back(std::move(data));
    }
    std::string text = header.dump();
    text.append((8 - text.size() % 8) % 8, ' ');
    const uint64_t headerSize = text.size();
    writeFileDurable(path, [&](const auto& sink) {
        sink(&headerSize, 8);
        sink(text.data(), text.size());
        for (const auto& data : contiguous) sink(data.data_ptr(), static_cast<size_t>(data.numel() * data.element_size()));
    });
}

}  // namespace srllm::core
