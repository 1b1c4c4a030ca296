#include "core/job/job-device.h"

#include "core/common/diagnostics.h"

namespace srllm::core {

std::string DeviceName::text() const {
    switch (kind) {
        case Kind::Auto: return "auto";
        case Kind::Cpu: return "cpu";
        case Kind::Cuda: return index < 0 ? "cuda" : "cuda:" + std::to_string(index);
    }
    return "auto";
}

DeviceName parseDeviceName(const std::string& text, const std::string& file, const std::string& field) {
    if (text == "auto") return {DeviceName::Kind::Auto, -1};
    if (text == "cpu") return {DeviceName::Kind::Cpu, -1};
    if (text == "cuda") return {DeviceName::Kind::Cuda, -1};
    const std::string prefix = "cuda:";
    if (text.rfind(prefix, 0) == 0 && text.size() > prefix.size() && text.size() <= prefix.size() + 3 &&
        text.find_first_not_of("0123456789", prefix.size()) == std::string::npos) {
        return {DeviceName::Kind::Cuda, std::stoi(text.substr(prefix.size()))};
    }
    throw InputError(file, 0, field, "unknown device '" + text + "' (hint: auto, cpu, cuda or cuda:N)");
}

}  // namespace srllm::core
