#include "core/data/annotation-jsonl.h"

namespace srllm::core {

AnnotationJsonlReader::AnnotationJsonlReader(std::string path, std::string whoKey)
    : m_lines(std::move(path)), m_whoKey(std::move(whoKey)) {}

std::optional<AnnotationImportRecord> AnnotationJsonlReader::next() {
    auto o = m_lines.next();
    if (!o) return std::nullopt;
    m_lines.warnUnknownKeys(*o, {m_whoKey, "item", "labels", "rewrite", "spans"}, m_warnings);
    AnnotationImportRecord record;
    record.line = o->line;
    record.item = m_lines.requireString(*o, "item");
    record.annotator = m_lines.requireString(*o, m_whoKey);
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
