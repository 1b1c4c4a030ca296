#pragma once
// The header of a safetensors file (an 8-byte little-endian header length, then a JSON object
// {name: {dtype, shape, data_offsets}, "__metadata__": {str: str}}, then the raw tensor bytes), parsed
// without libtorch so the fuzzer and tools check exactly the code that loads models. Every field is
// bound-checked against the file size before use: a malformed header raises InputError naming the file
// and the tensor, never a crash or a huge allocation.
#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace srllm::core {

// One tensor's header entry; offsets are relative to the start of the data section.
struct SafetensorsEntry {
    std::string name;
    std::string dtype;            // "F32", "F16", "BF16", "F64", "I8", "U8", "I16", "I32", "I64", "BOOL"
    std::vector<int64_t> shape;
    uint64_t begin = 0;
    uint64_t end = 0;
};

struct SafetensorsHeader {
    std::vector<SafetensorsEntry> entries;  // sorted by name
    std::map<std::string, std::string> metadata;
    uint64_t dataOffset = 0;  // where the data section starts in the file: 8 + the header length
};

// "[8,4096]": how errors about tensors print a shape.
std::string formatShape(std::span<const int64_t> shape);

// Bytes per element of a safetensors dtype; throws InputError naming file and tensor for an unsupported one.
// NOTE: the dtype names are also listed, with their torch types, in core/io/safetensors.cpp.
size_t safetensorsElementSize(const std::string& dtype, const std::string& file, const std::string& tensor);

// Parses and checks the header at the start of `fileBytes` (the whole file); `file` names it in errors.
SafetensorsHeader parseSafetensorsHeader(std::string_view fileBytes, const std::string& file);

}  // namespace srllm::core
