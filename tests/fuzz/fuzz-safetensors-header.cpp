// Fuzz target: the safetensors header (length, JSON, dtype, shape and offset checks) over a whole file's bytes.
#include <string_view>

#include "core/io/safetensors-header.h"
#include "fuzz/fuzz-support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string file = "input.safetensors";
    srllm::fuzz::expectInputErrors(file, [&] {
        srllm::core::parseSafetensorsHeader({reinterpret_cast<const char*>(data), size}, file);
    });
    return 0;
}
