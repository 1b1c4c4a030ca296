// Fuzz target: JSONL and annotation import. The first byte's low two bits pick the reader: 0 the item reader
// (`jsonl`), 1 the `annotations` reader feeding db::importAnnotations, 2 a doccano JSONL export and 3 a Label
// Studio JSON export, each mapped onto the taxonomy (db::planLabelMapping) and imported when the plan allows,
// as `srllm import` and the GUI's import dialog do. Writes go to a small project inside a transaction that is
// rolled back, so every input starts from the same three items.
#include <filesystem>
#include <memory>

#include "core/data/annotation-jsonl.h"
#include "core/data/external-annotations.h"
#include "core/data/import-format.h"
#include "core/data/jsonl-items.h"
#include "db/annotation-import.h"
#include "db/database.h"
#include "db/item-import.h"
#include "db/label-mapping.h"
#include "db/project.h"
#include "fuzz/fuzz-support.h"

using namespace srllm;

namespace {

// Items "1", "2" and "3", so that annotations can name an item by id or by text.
db::Project& project() {
    static const std::unique_ptr<db::Project> instance = [] {
        auto created = db::Project::create((fuzz::scratchDir() / "annotations.srllm").string());
        const auto items = fuzz::writeInput("items.jsonl", R"({"id":"1","text":"Women are bad at maths."}
{"id":"2","text":"Old people can't learn new things."}
{"id":"3","text":"Ünïcödé text 日本語 🙂"}
)");
        core::JsonlItemReader reader(items.string());
        db::importItems(*created, reader, "seed", {});
        return created;
    }();
    return *instance;
}

void importExternal(const core::ExternalFile& file) {
    const db::MappingPlan plan = db::planLabelMapping(project().db(), file, {});
    if (plan.ok()) db::importExternalAnnotations(project(), file, plan, "fuzz", {});
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const auto [selector, rest] = fuzz::select(data, size);
    const int reader = selector & 3;
    const std::string path = fuzz::writeInput(reader == 3 ? "input.json" : "input.jsonl", rest).string();
    fuzz::expectInputErrors(path, [&] { core::detectImportFormat(path); });
    if (reader == 0) {
        fuzz::expectInputErrors(path, [&] {
            core::JsonlItemReader items(path);
            while (items.next()) {
            }
        });
        return 0;
    }
    db::Transaction rolledBack(project().db());
    fuzz::expectInputErrors(path, [&] {
        if (reader == 1) {
            core::AnnotationJsonlReader annotations(path);
            db::importAnnotations(project(), annotations, {});
        } else {
            importExternal(reader == 2 ? core::readDoccanoJsonl(path, "fuzz") : core::readLabelStudioJson(path));
        }
    });
    return 0;
}
