#include "core/data/annotation-jsonl.h"

#include <iterator>

namespace srllm::core {

AnnotationJsonlReader::AnnotationJsonlReader(std::string path, std::string whoKey)
    : m_lines(std::move(path)), m_whoKey(std::move(whoKey)) {}

std::optional<AnnotationImportRecord> AnnotationJsonlReader::next() {
    auto o = m_lines.next();
    if (!o) return std::nullopt;
    std::vector<std::string> known = {m_whoKey, kItemKey, kLabelsKey, kRewriteKey, kSpansKey};
    known.insert(known.end(), std::begin(kExportOnlyKeys), std::end(kExportOnlyKeys));
    m_lines.warnUnknownKeys(*o, known, m_warnings);
    AnnotationImportRecord record;
    record.line = o->line;
    record.item = m_lines.requireId(*o, kItemKey);
    record.annotator = m_lines.requireString(*o, m_whoKey);
    record.labels = m_lines.optionalObject(*o, kLabelsKey);
    for (const auto& [key, value] : record.labels.items()) {
        bool ok = value.is_string();
        if (value.is_array()) {
            ok = true;
            for (const auto& v : value) ok = ok && v.is_string();
        }
        if (!ok)
            throw InputError(path(), o->line, std::string(kLabelsKey) + "." + key,
                             "expected \"Value\" or [\"Value\", ...], got " + value.dump());
    }
    record.spans = m_lines.optionalSpans(*o, kSpansKey);
    record.rewrite = m_lines.optionalString(*o, kRewriteKey);
    if (record.rewrite && record.rewrite->empty()) record.rewrite.reset();
    return record;
}

}  // namespace srllm::core
