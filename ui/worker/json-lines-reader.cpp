#include "ui/worker/json-lines-reader.h"

namespace srllm::ui {

std::vector<LineSplitter::Line> LineSplitter::feed(QByteArrayView bytes) {
    std::vector<Line> out;
    while (!bytes.isEmpty()) {
        const qsizetype newline = bytes.indexOf('\n');
        const QByteArrayView head = newline < 0 ? bytes : bytes.first(newline);
        if (m_skipping) {
            if (newline >= 0) m_skipping = false;
        } else if (m_partial.size() + head.size() > m_maxLineBytes) {
            // Report the over-long line once, now, and forget what was kept of it.
            out.push_back({++m_lineNumber, {}, true});
            m_partial.clear();
            m_skipping = newline < 0;
        } else if (newline < 0) {
            m_partial.append(head);
        } else {
            take(out, head);
        }
        if (newline < 0) break;
        bytes = bytes.sliced(newline + 1);
    }
    return out;
}

std::vector<LineSplitter::Line> LineSplitter::finish() {
    std::vector<Line> out;
    if (!m_partial.isEmpty()) take(out, {});
    m_skipping = false;
    return out;
}

void LineSplitter::take(std::vector<Line>& out, QByteArrayView text) {
    QByteArray line = m_partial + text.toByteArray();
    m_partial.clear();
    if (line.endsWith('\r')) line.chop(1);
    out.push_back({++m_lineNumber, std::move(line), false});
}

JsonLinesReader::Batch JsonLinesReader::feed(QByteArrayView bytes) { return parse(m_lines.feed(bytes)); }

JsonLinesReader::Batch JsonLinesReader::finish() { return parse(m_lines.finish()); }

JsonLinesReader::Batch JsonLinesReader::parse(std::vector<LineSplitter::Line> lines) const {
    Batch batch;
    for (LineSplitter::Line& line : lines) {
        if (line.tooLong) {
            batch.problems << tr("line %1: longer than the limit, skipped").arg(line.number);
            continue;
        }
        if (line.text.trimmed().isEmpty()) continue;
        nlohmann::json value = nlohmann::json::parse(line.text.cbegin(), line.text.cend(), nullptr, false);
        if (value.is_discarded()) {
            batch.problems << tr("line %1: not JSON: %2")
                                  .arg(line.number)
                                  .arg(QString::fromUtf8(line.text.left(120)));
        } else if (!value.is_object()) {
            batch.problems << tr("line %1: not a JSON object: %2")
                                  .arg(line.number)
                                  .arg(QString::fromUtf8(line.text.left(120)));
        } else {
            batch.objects.push_back(std::move(value));
        }
    }
    return batch;
}

}  // namespace srllm::ui
