#include "core/data/utf8-file-input.h"

#include <cstdio>
#include <filesystem>

#include "core/common/diagnostics.h"

namespace srllm::core {

namespace {
constexpr size_t kChunkBytes = 1 << 16;

[[noreturn]] void throwInvalidUtf8(const std::string& path, int64_t line, int64_t column, int byte) {
    char what[48] = "sequence cut off by the end of the file";
    if (byte >= 0) std::snprintf(what, sizeof what, "byte 0x%02X", byte);
    throw InputError(path, line, "",
                     "invalid UTF-8 at byte column " + std::to_string(column) + " (" + what +
                         ") (hint: re-save the file as UTF-8)");
}
}  // namespace

Utf8FileInput::Utf8FileInput(std::string path) : m_path(std::move(path)), m_buffer(kChunkBytes) {
    std::error_code ec;
    const auto status = std::filesystem::status(m_path, ec);
    if (!std::filesystem::exists(status)) throw InputError(m_path, 0, "", "file does not exist");
    if (std::filesystem::is_directory(status)) throw InputError(m_path, 0, "", "is a folder, not a file");
    m_file.open(m_path, std::ios::binary);
    if (!m_file) throw InputError(m_path, 0, "", "cannot open the file for reading (hint: check permissions)");
    const auto size = std::filesystem::file_size(m_path, ec);
    m_size = ec ? -1 : static_cast<int64_t>(size);
    if (fill() && m_end >= 3 && static_cast<unsigned char>(m_buffer[0]) == 0xEF &&
        static_cast<unsigned char>(m_buffer[1]) == 0xBB && static_cast<unsigned char>(m_buffer[2]) == 0xBF) {
        m_pos = 3;
        m_offset = 3;
    }
}

bool Utf8FileInput::fill() {
    if (m_pos < m_end) return true;
    if (!m_file) return false;
    m_file.read(m_buffer.data(), static_cast<std::streamsize>(m_buffer.size()));
    m_end = static_cast<size_t>(m_file.gcount());
    m_pos = 0;
    if (m_file.bad()) throw InputError(m_path, m_line, "", "read error");
    return m_end > 0;
}

void Utf8FileInput::validate(unsigned char byte) {
    if (m_pending > 0) {
        if (byte < m_low || byte > m_high) throwInvalidUtf8(m_path, m_seqLine, m_seqColumn, byte);
        --m_pending;
        m_low = 0x80;
        m_high = 0xBF;
        return;
    }
    if (byte < 0x80) return;
    m_seqLine = m_line;
    m_seqColumn = m_column;
    // Ranges from RFC 3629 section 4: no overlong forms, no surrogates, nothing above U+10FFFF.
    if (byte >= 0xC2 && byte <= 0xDF) {
        m_pending = 1;
    } else if (byte >= 0xE0 && byte <= 0xEF) {
        m_pending = 2;
        if (byte == 0xE0) m_low = 0xA0;
        if (byte == 0xED) m_high = 0x9F;
    } else if (byte >= 0xF0 && byte <= 0xF4) {
        m_pending = 3;
        if (byte == 0xF0) m_low = 0x90;
        if (byte == 0xF4) m_high = 0x8F;
    } else {
        throwInvalidUtf8(m_path, m_line, m_column, byte);
    }
}

int Utf8FileInput::peek() {
    if (!fill()) return -1;
    return static_cast<unsigned char>(m_buffer[m_pos]);
}

int Utf8FileInput::get() {
    if (!fill()) {
        if (m_pending > 0) throwInvalidUtf8(m_path, m_seqLine, m_seqColumn, -1);
        return -1;
    }
    const auto byte = static_cast<unsigned char>(m_buffer[m_pos++]);
    validate(byte);
    ++m_offset;
    if (byte == '\n') {
        ++m_line;
        m_column = 1;
    } else {
        ++m_column;
    }
    return byte;
}

size_t Utf8FileInput::appendUntilSpecial(std::string& out, char delimiter) {
    const auto stop = static_cast<unsigned char>(delimiter);
    size_t appended = 0;
    while (fill()) {
        const char* chunk = m_buffer.data();
        const size_t start = m_pos;
        const int64_t column = m_column;
        size_t i = start;
        for (; i < m_end; ++i) {
            const auto c = static_cast<unsigned char>(chunk[i]);
            if (c == stop || c == '\n' || c == '\r' || c == '"') break;
            // Only multi-byte sequences need the decoder, and no stop byte can be part of one.
            if (c >= 0x80 || m_pending > 0) {
                m_column = column + static_cast<int64_t>(i - start);  // the column validate() reports
                validate(c);
            }
        }
        const size_t n = i - start;
        out.append(chunk + start, n);
        appended += n;
        m_offset += static_cast<int64_t>(n);
        m_column = column + static_cast<int64_t>(n);
        m_pos = i;
        if (m_pos < m_end) break;  // stopped at a special byte
    }
    return appended;
}

bool Utf8FileInput::readLine(std::string& line) {
    line.clear();
    int c = get();
    if (c < 0) return false;
    while (c >= 0 && c != '\n') {
        line.push_back(static_cast<char>(c));
        c = get();
    }
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return true;
}

}  // namespace srllm::core
