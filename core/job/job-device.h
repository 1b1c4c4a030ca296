#pragma once
// Device names of a job ("auto", "cpu", "cuda", "cuda:N"), parsed without libtorch so the GUI and
// `srllm job new` validate them; the engine resolves "auto" (core/train/train-device.h).
#include <string>

namespace srllm::core {

struct DeviceName {
    enum class Kind { Auto, Cpu, Cuda };
    Kind kind = Kind::Auto;
    int index = -1;  // cuda:N; -1 = the current CUDA device

    std::string text() const;  // "auto", "cpu", "cuda", "cuda:1"
};

// Throws InputError(file, 0, field, ...) listing the valid forms for anything else.
DeviceName parseDeviceName(const std::string& text, const std::string& file = {}, const std::string& field = "device");

}  // namespace srllm::core
