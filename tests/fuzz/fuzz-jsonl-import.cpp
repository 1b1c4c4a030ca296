// Fuzz target: JSONL import. The first byte picks the item reader (`jsonl`) or the `annotations` reader
// feeding db::importAnnotations into a small project, which checks items, labels and spans.
#include <filesystem>
#include <memory>

#include "core/data/annotation-jsonl.h"
#include "core/data/import-format.h"
#include "core/data/jsonl-items.h"
#include "db/annotation-import.h"
#include "db/database.h"
#include "db/item-import.h"
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

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const auto [selector, rest] = fuzz::select(data, size);
    const std::string path = fuzz::writeInput("input.jsonl", rest).string();
    fuzz::expectInputErrors(path, [&] { core::detectImportFormat(path); });
    if (selector & 1) {
        fuzz::expectInputErrors(path, [&] {
            core::AnnotationJsonlReader reader(path);
            db::importAnnotations(project(), reader, {});
        });
        project().db().exec("DELETE FROM annotations; DELETE FROM annotators");
    } else {
        fuzz::expectInputErrors(path, [&] {
            core::JsonlItemReader reader(path);
            while (reader.next()) {
            }
        });
    }
    return 0;
}
