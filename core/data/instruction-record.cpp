#include "core/data/instruction-record.h"

#include <sstream>

#include "core/common/sha256.h"
#include "core/data/jsonl-lines.h"
#include "core/common/durable-file.h"

namespace srllm::core {

namespace k = instructionkey;

nlohmann::json instructionRecordToJson(const InstructionRecord& r) {
    nlohmann::json out = {{k::kPrompt, r.prompt}, {k::kResponse, r.response}};
    for (const auto& [key, value] : {std::pair{k::kItemUid, &r.itemUid}, {k::kText, &r.text}, {k::kSplit, &r.split},
                                     {k::kSource, &r.source}}) {
        if (!value->empty()) out[key] = *value;
    }
    return out;
}

void writeInstructionRecord(std::ostream& out, const InstructionRecord& record) {
    out << instructionRecordToJson(record).dump() << '\n';
}

std::string writeInstructionRecords(const std::filesystem::path& file, const std::vector<InstructionRecord>& records) {
    std::ostringstream text;
    for (const auto& r : records) writeInstructionRecord(text, r);
    const std::string bytes = text.str();
    writeFileDurable(file, bytes);
    Sha256 digest;
    digest.update(bytes);
    return "sha256:" + digest.finishHex();
}

std::vector<InstructionRecord> readInstructionRecords(const std::filesystem::path& file, Diagnostics& warnings,
                                                      bool allowEmpty) {
    if (allowEmpty && std::filesystem::is_regular_file(file) && std::filesystem::file_size(file) == 0) return {};
    JsonlLines lines(file.string());
    std::vector<InstructionRecord> out;
    while (auto object = lines.next()) {
        InstructionRecord r;
        r.line = object->line;
        r.prompt = lines.requireString(*object, k::kPrompt);
        r.response = lines.requireString(*object, k::kResponse);
        r.itemUid = lines.optionalString(*object, k::kItemUid).value_or("");
        r.text = lines.optionalString(*object, k::kText).value_or("");
        r.split = lines.optionalString(*object, k::kSplit).value_or("");
        r.source = lines.optionalString(*object, k::kSource).value_or("");
        lines.warnUnknownKeys(*object, {k::kPrompt, k::kResponse, k::kItemUid, k::kText, k::kSplit, k::kSource}, warnings);
        out.push_back(std::move(r));
    }
    if (out.empty() && !allowEmpty) {
        throw InputError(file.string(), 0, "",
                         "holds no records (hint: export with `srllm export --format instructions`, or create a job "
                         "with `srllm job new`)");
    }
    return out;
}

}  // namespace srllm::core
