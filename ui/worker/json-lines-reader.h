#pragma once
// Splits a worker's byte stream into lines and each line into a JSON object (the protocol of
// docs/JOBS.md). Bytes arrive in arbitrary chunks: a partial line waits for the rest; a blank line is
// skipped; a line that is not a JSON object, or longer than the limit, becomes a numbered problem
// instead of an object, and reading goes on with the next line. Not thread-safe; one per stream.
#include <cstdint>
#include <string>
#include <vector>

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QStringList>
#include <nlohmann/json.hpp>

namespace srllm::ui {

// Complete lines out of chunks; the trailing '\r' of CRLF is dropped. A line over maxLineBytes is
// dropped whole (its start and everything up to its newline) and reported as one over-long line.
class LineSplitter {
public:
    struct Line {
        int64_t number = 0;  // 1-based
        QByteArray text;
        bool tooLong = false;  // text is empty then
    };

    explicit LineSplitter(qsizetype maxLineBytes = 1 << 20) : m_maxLineBytes(maxLineBytes) {}

    std::vector<Line> feed(QByteArrayView bytes);
    // The last line when the stream ended without a newline (empty when there is none).
    std::vector<Line> finish();

private:
    void take(std::vector<Line>& out, QByteArrayView text);

    qsizetype m_maxLineBytes;
    QByteArray m_partial;
    bool m_skipping = false;  // inside an over-long line, waiting for its newline
    int64_t m_lineNumber = 0;
};

class JsonLinesReader {
    Q_DECLARE_TR_FUNCTIONS(JsonLinesReader)

public:
    struct Batch {
        std::vector<nlohmann::json> objects;
        QStringList problems;  // "line N: …", already translated
    };

    explicit JsonLinesReader(qsizetype maxLineBytes = 1 << 20) : m_lines(maxLineBytes) {}

    Batch feed(QByteArrayView bytes);
    Batch finish();

private:
    Batch parse(std::vector<LineSplitter::Line> lines) const;

    LineSplitter m_lines;
};

}  // namespace srllm::ui
