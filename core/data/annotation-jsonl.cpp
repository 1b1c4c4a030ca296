#include "core/data/annotation-jsonl.h"

namespace srllm::core {

namespace {
const std::vector<std::string> kKnownKeys = {"annotator", "item", "labels", "rewrite", "spans"};
}

AnnotationJsonlReader::AnnotationJsonlReader(std::string path) : m_lines(std::move(path)) {}

std::optional<AnnotationImportRecord> AnnotationJsonlReader::next() {
    auto o = m_lines.next();
    if (!o) return std::nullopt;
    m_lines.warnUnknownKeys(*o, kKnownKeys, m_warnings);
    AnnotationImportRecord record;
    record.line = o->line;
    record.item = m_lines.requireId(*o, "item");
    record.annotator = m_lines.requireString(*o, "annotator");
    record.labels = m_lines.optionalObject(*o, "labels");
    for (const auto& [key, value] : record.labels.items()) {
        bool ok = value.is_string();
        if (value.is_array()) {
            ok = true;
            for (const auto& v : value) ok = ok && v.is_string();
        }
        if (!ok)
            throw InputError(path(), o->line, "labels." + key,
                             "expected \"Value\" or [\"Value\", ...], got " + value.dump());
    }
    record.spans = m_lines.optionalSpans(*o, "spans");
    record.rewrite = m_lines.optionalString(*o, "rewrite");
    if (record.rewrite && record.rewrite->empty()) record.rewrite.reset();
    return record;
}

}  // namespace srllm::core
