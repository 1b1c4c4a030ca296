#include "core/io/safetensors.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <bit>
#include <cstring>
#include <fstream>

#include <nlohmann/json.hpp>

#include "core/common/diagnostics.h"
#include "core/common/durable-file.h"

static_assert(std::endian::native == std::endian::little, "safetensors stores little-endian bytes");

namespace srllm::core {
namespace {

constexpr uint64_t kMaxDim = uint64_t{1} << 48;  // larger than any real tensor dimension; stops overflow early

struct DtypeRow {
    const char* name;
    torch::Dtype dtype;
};
const DtypeRow kDtypes[] = {{"F32", torch::kFloat32}, {"F16", torch::kFloat16}, {"BF16", torch::kBFloat16},
                            {"F64", torch::kFloat64}, {"I8", torch::kInt8},     {"U8", torch::kUInt8},
                            {"I16", torch::kInt16},   {"I32", torch::kInt32},   {"I64", torch::kInt64},
                            {"BOOL", torch::kBool}};

[[noreturn]] void fail(const std::filesystem::path& file, const std::string& tensor, const std::string& message) {
    throw InputError(file.string(), 0, tensor.empty() ? std::string{} : "tensor '" + tensor + "'", message);
}

// Checks one header entry and returns it; `dataSize` is the byte count after the header.
SafetensorsEntry parseEntry(const std::filesystem::path& file, const std::string& name, const nlohmann::json& value,
                            uint64_t dataSize) {
    if (!value.is_object()) fail(file, name, "header entry is not a JSON object");
    SafetensorsEntry entry;
    entry.name = name;
    const auto dtype = value.find("dtype");
    if (dtype == value.end() || !dtype->is_string()) fail(file, name, "missing string field 'dtype'");
    entry.dtype = dtype->get<std::string>();
    const auto elementSize = c10::elementSize(torchDtypeFromSafetensors(entry.dtype, file.string(), name));
    const auto shape = value.find("shape");
    if (shape == value.end() || !shape->is_array()) fail(file, name, "missing array field 'shape'");
    uint64_t count = 1;
    for (const auto& dim : *shape) {
        if (!dim.is_number_unsigned() || dim.get<uint64_t>() > kMaxDim)
            fail(file, name, "shape " + shape->dump() + " has a dimension that is not a non-negative integer below 2^48");
        if (__builtin_mul_overflow(count, dim.get<uint64_t>(), &count) || count > kMaxDim)
            fail(file, name, "shape " + shape->dump() + " holds more than 2^48 elements");
        entry.shape.push_back(static_cast<int64_t>(dim.get<uint64_t>()));
    }
    const auto offsets = value.find("data_offsets");
    if (offsets == value.end() || !offsets->is_array() || offsets->size() != 2 || !(*offsets)[0].is_number_unsigned() ||
        !(*offsets)[1].is_number_unsigned())
        fail(file, name, "'data_offsets' must be two non-negative integers [begin, end]");
    entry.begin = (*offsets)[0].get<uint64_t>();
    entry.end = (*offsets)[1].get<uint64_t>();
    if (entry.begin > entry.end)
        fail(file, name, "data_offsets " + offsets->dump() + " end before they begin");
    if (entry.end > dataSize)
        fail(file, name, "data_offsets " + offsets->dump() + " reach past the data section (" +
                             std::to_string(dataSize) + " bytes; hint: truncated file?)");
    const uint64_t expected = count * static_cast<uint64_t>(elementSize);
    if (entry.end - entry.begin != expected)
        fail(file, name, "data_offsets span " + std::to_string(entry.end - entry.begin) + " bytes but shape " +
                             formatShape(entry.shape) + " of " + entry.dtype + " needs " + std::to_string(expected));
    return entry;
}

}  // namespace

std::string formatShape(torch::IntArrayRef shape) {
    std::string text = "[";
    for (size_t i = 0; i < shape.size(); ++i) {
        if (i > 0) text += ',';
        text += std::to_string(shape[i]);
    }
    return text + "]";
}

std::string safetensorsDtypeName(torch::Dtype dtype) {
    for (const auto& row : kDtypes)
        if (row.dtype == dtype) return row.name;
    throw InputError("", 0, "dtype", std::string("torch dtype ") + c10::toString(dtype) + " has no safetensors name");
}

torch::Dtype torchDtypeFromSafetensors(const std::string& name, const std::string& file, const std::string& tensor) {
    for (const auto& row : kDtypes)
        if (name == row.name) return row.dtype;
    throw InputError(file, 0, tensor.empty() ? "dtype" : "tensor '" + tensor + "'",
                     "unsupported dtype '" + name + "' (supported: F32 F16 BF16 F64 I8 U8 I16 I32 I64 BOOL)");
}

std::shared_ptr<SafetensorsFile> SafetensorsFile::open(const std::filesystem::path& path) {
    std::shared_ptr<SafetensorsFile> file(new SafetensorsFile());
    file->m_path = path;
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) fail(path, "", std::string("cannot open: ") + std::strerror(errno));
    struct stat info {};
    if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
        ::close(fd);
        fail(path, "", "not a regular file");
    }
    const auto fileSize = static_cast<uint64_t>(info.st_size);
    if (fileSize < 8) {
        ::close(fd);
        fail(path, "", "file is " + std::to_string(fileSize) + " bytes, too short for the 8-byte header length");
    }
    // MAP_PRIVATE + PROT_WRITE: copy-on-write, so in-place ops on returned tensors never reach the file.
    void* mapping = ::mmap(nullptr, fileSize, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
    ::close(fd);
    if (mapping == MAP_FAILED) fail(path, "", std::string("cannot memory-map: ") + std::strerror(errno));
    file->m_mapping = mapping;
    file->m_mappingSize = fileSize;
    const auto* bytes = static_cast<const uint8_t*>(mapping);

    uint64_t headerSize = 0;
    std::memcpy(&headerSize, bytes, 8);
    if (headerSize > fileSize - 8)
        fail(path, "", "header length " + std::to_string(headerSize) + " exceeds the file size " +
                           std::to_string(fileSize) + " (hint: not a safetensors file, or truncated)");
    const char* headerBegin = reinterpret_cast<const char*>(bytes + 8);
    const auto header = nlohmann::json::parse(headerBegin, headerBegin + headerSize, nullptr, false);
    if (header.is_discarded() || !header.is_object()) fail(path, "", "header is not a valid JSON object");
    const uint64_t dataSize = fileSize - 8 - headerSize;
    file->m_data = bytes + 8 + headerSize;

    for (const auto& [name, value] : header.items()) {
        if (name == "__metadata__") {
            if (!value.is_object()) fail(path, "", "'__metadata__' is not a JSON object");
            for (const auto& [key, text] : value.items()) {
                if (!text.is_string()) fail(path, "", "'__metadata__' value of '" + key + "' is not a string");
                file->m_metadata[key] = text.get<std::string>();
            }
            continue;
        }
        file->m_entries.push_back(parseEntry(path, name, value, dataSize));
    }
    std::vector<const SafetensorsEntry*> byOffset;
    for (const auto& entry : file->m_entries) byOffset.push_back(&entry);
    std::sort(byOffset.begin(), byOffset.end(), [](auto* a, auto* b) { return a->begin < b->begin; });
    for (size_t i = 1; i < byOffset.size(); ++i)
        if (byOffset[i]->begin < byOffset[i - 1]->end && byOffset[i]->begin != byOffset[i]->end)
            fail(path, byOffset[i]->name, "bytes overlap those of tensor '" + byOffset[i - 1]->name + "'");
    // nlohmann's object is a std::map, so entries already come sorted by name.
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
        if (fs::exists(path / "model.safetensors.index.json")) target = path / "model.safetensors.index.json";
        else if (fs::exists(path / "model.safetensors")) target = path / "model.safetensors";
        else
            throw InputError(path.string(), 0, "", "no model.safetensors or model.safetensors.index.json in this folder");
    }
    SafetensorsStore store;
    const std::string targetName = target.filename().string();
    if (targetName.size() < 5 || targetName.substr(targetName.size() - 5) != ".json") {
        store.m_files.push_back(SafetensorsFile::open(target));
        for (const auto& entry : store.m_files[0]->entries()) store.m_owner[entry.name] = 0;
        return store;
    }
    std::ifstream in(target);
    if (!in) throw InputError(target.string(), 0, "", "cannot open the shard index");
    const auto index = nlohmann::json::parse(in, nullptr, false);
    if (index.is_discarded() || !index.is_object()) throw InputError(target.string(), 0, "", "not a valid JSON object");
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
        if (added) store.m_files.push_back(SafetensorsFile::open(target.parent_path() / shardName));
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
