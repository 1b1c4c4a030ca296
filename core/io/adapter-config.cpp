#include "core/io/adapter-config.h"

#include "core/common/folder-file.h"
#include "core/common/input-file.h"
#include "core/io/peft-format.h"

namespace srllm::core {

AdapterLoad parseAdapterConfig(const nlohmann::json& json, const std::string& file) {
    if (!json.is_object()) throw InputError(file, 0, "", "expected a JSON object");
    // #12: json.value() threw nlohmann's type_error for a non-string peft_type instead of naming the field.
    const auto type = json.find(peft::kFieldPeftType);
    if (type != json.end() && !type->is_null() && (!type->is_string() || type->get<std::string>() != peft::kPeftTypeLora))
        throw InputError(file, 0, peft::kFieldPeftType, "is " + type->dump() + "; only LORA adapters are supported");
    auto parsed = parseLoraConfig(json, file);
    AdapterLoad out;
    out.config = std::move(parsed.config);
    out.warnings = std::move(parsed.warnings);
    return out;
}

AdapterLoad readAdapterConfig(const std::filesystem::path& dir) {
    const auto file = dir / peft::kAdapterConfigFile;
    if (!folderHas(dir, peft::kAdapterConfigFile)) {
        throw InputError(dir.string(), 0, "", std::string("no ") + peft::kAdapterConfigFile +
                                                  " here (hint: pass the folder a PEFT adapter was saved to)");
    }
    return parseAdapterConfig(readJsonFile(file), file.string());
}

}  // namespace srllm::core
