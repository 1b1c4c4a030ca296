// Fuzz target: a model folder's config.json. A config that loads must also survive being written back and
// read again (what `srllm model new` and saveModel do).
#include "core/model/model-config.h"
#include "fuzz/fuzz-support.h"

using namespace srllm::core;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const auto path = srllm::fuzz::writeInput("config.json", {reinterpret_cast<const char*>(data), size});
    srllm::fuzz::expectInputErrors(path.string(), [&] {
        const ModelConfig config = loadModelConfig(path);
        parseModelConfig(modelConfigToJson(config), "written back");
    });
    return 0;
}
