#include "core/io/safetensors-header.h"

#include <algorithm>
#include <bit>
#include <cstring>

#include "core/common/diagnostics.h"
#include "core/common/input-file.h"

static_assert(std::endian::native == std::endian::little, "safetensors stores little-endian bytes");

namespace srllm::core {
namespace {

constexpr uint64_t kMaxDim = uint64_t{1} << 48;  // larger than any real tensor dimension; stops overflow early

struct DtypeSize {
    const char* name;
    size_t bytes;
};
constexpr DtypeSize kDtypeSizes[] = {{"F32", 4}, {"F16", 2}, {"BF16", 2}, {"F64", 8}, {"I8", 1},
                                     {"U8", 1},  {"I16", 2}, {"I32", 4},  {"I64", 8}, {"BOOL", 1}};

[[noreturn]] void fail(const std::string& file, const std::string& tensor, const std::string& message) {
    throw InputError(file, 0, tensor.empty() ? std::string{} : "tensor '" + tensor + "'", message);
}

// Checks one header entry and returns it; `dataSize` is the byte count after the header.
SafetensorsEntry parseEntry(const std::string& file, const std::string& name, const nlohmann::json& value,
                            uint64_t dataSize) {
    if (!value.is_object()) fail(file, name, "header entry is not a JSON object");
    SafetensorsEntry entry;
    entry.name = name;
    const auto dtype = value.find("dtype");
    if (dtype == value.end() || !dtype->is_string()) fail(file, name, "missing string field 'dtype'");
    entry.dtype = dtype->get<std::string>();
    const size_t elementSize = safetensorsElementSize(entry.dtype, file, name);
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
    if (entry.begin > entry.end) fail(file, name, "data_offsets " + offsets->dump() + " end before they begin");
    if (entry.end > dataSize)
        fail(file, name, "data_offsets " + offsets->dump() + " reach past the data section (" +
                             std::to_string(dataSize) + " bytes; hint: truncated file?)");
    const uint64_t expected = count * elementSize;
    if (entry.end - entry.begin != expected)
        fail(file, name, "data_offsets span " + std::to_string(entry.end - entry.begin) + " bytes but shape " +
                             formatShape(entry.shape) + " of " + entry.dtype + " needs " + std::to_string(expected));
    return entry;
}

}  // namespace

std::string formatShape(std::span<const int64_t> shape) {
    std::string text = "[";
    for (size_t i = 0; i < shape.size(); ++i) {
        if (i > 0) text += ',';
        text += std::to_string(shape[i]);
    }
    return text + "]";
}

size_t safetensorsElementSize(const std::string& dtype, const std::string& file, const std::string& tensor) {
    for (const auto& row : kDtypeSizes)
        if (dtype == row.name) return row.bytes;
    throw InputError(file, 0, tensor.empty() ? "dtype" : "tensor '" + tensor + "'",
                     "unsupported dtype '" + dtype + "' (supported: F32 F16 BF16 F64 I8 U8 I16 I32 I64 BOOL)");
}

SafetensorsHeader parseSafetensorsHeader(std::string_view fileBytes, const std::string& file) {
    const uint64_t fileSize = fileBytes.size();
    if (fileSize < 8)
        fail(file, "", "file is " + std::to_string(fileSize) + " bytes, too short for the 8-byte header length");
    uint64_t headerSize = 0;
    std::memcpy(&headerSize, fileBytes.data(), 8);
    if (headerSize > fileSize - 8)
        fail(file, "", "header length " + std::to_string(headerSize) + " exceeds the file size " +
                           std::to_string(fileSize) + " (hint: not a safetensors file, or truncated)");
    const auto json = parseJsonText(fileBytes.substr(8, headerSize), file, 0, "header");
    if (!json.is_object()) fail(file, "", "header is not a valid JSON object");
    SafetensorsHeader header;
    header.dataOffset = 8 + headerSize;
    const uint64_t dataSize = fileSize - header.dataOffset;
    for (const auto& [name, value] : json.items()) {
        if (name == "__metadata__") {
            if (!value.is_object()) fail(file, "", "'__metadata__' is not a JSON object");
            for (const auto& [key, text] : value.items()) {
                if (!text.is_string()) fail(file, "", "'__metadata__' value of '" + key + "' is not a string");
                header.metadata[key] = text.get<std::string>();
            }
            continue;
        }
        header.entries.push_back(parseEntry(file, name, value, dataSize));
    }
    std::vector<const SafetensorsEntry*> byOffset;
    for (const auto& entry : header.entries)
        if (entry.begin != entry.end) byOffset.push_back(&entry);
    std::sort(byOffset.begin(), byOffset.end(), [](auto* a, auto* b) { return a->begin < b->begin; });
    // #12: compared with the farthest-reaching earlier tensor, not just the previous one, which let a
    // tensor overlap one that an empty or shorter tensor separated it from.
    const SafetensorsEntry* farthest = nullptr;
    for (const SafetensorsEntry* entry : byOffset) {
        if (farthest && entry->begin < farthest->end)
            fail(file, entry->name, "bytes overlap those of tensor '" + farthest->name + "'");
        if (!farthest || entry->end > farthest->end) farthest = entry;
    }
    // nlohmann's object is a std::map, so entries already come sorted by name.
    return header;
}

}  // namespace srllm::core
