// Fuzz target: a PEFT adapter folder's adapter_config.json.
#include "core/io/adapter-config.h"
#include "fuzz/fuzz-support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const auto path = srllm::fuzz::writeInput("adapter_config.json", {reinterpret_cast<const char*>(data), size});
    srllm::fuzz::expectInputErrors(path.string(), [&] { srllm::core::readAdapterConfig(path.parent_path()); });
    return 0;
}
