#include "core/data/utf8-file-input.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdio>
#include <filesystem>

#include "core/common/diagnostics.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace srllm::core {

namespace {
constexpr int64_t kChunkBytes = 1 << 16, kMinChunkBytes = 1 << 12;

// `next`: the byte that broke the sequence `lead` started; -1 when `lead` cannot start one, -2 at the end of
// the file. #12: the message showed only `next`, so "caf\xE9 au" read "byte 0x20" (the space).
[[noreturn]] void throwInvalidUtf8(const std::string& path, int64_t line, int64_t column, int lead, int next) {
    char what[96];
    if (next == -1) std::snprintf(what, sizeof what, "byte 0x%02X cannot start a character", lead);
    else if (next == -2) std::snprintf(what, sizeof what, "byte 0x%02X starts a character the end of the file cuts off", lead);
    else std::snprintf(what, sizeof what, "byte 0x%02X starts a character that byte 0x%02X does not continue", lead, next);
    throw InputError(path, line, "",
                     "invalid UTF-8 at byte column " + std::to_string(column) + " (" + what +
                         ") (hint: re-save the file as UTF-8)");
}
}  // namespace

Utf8FileInput::Utf8FileInput(std::string path) : m_path(std::move(path)) {
    std::error_code ec;
    const auto status = std::filesystem::status(m_path, ec);
    if (!std::filesystem::exists(status)) throw InputError(m_path, 0, "", "file does not exist");
    if (std::filesystem::is_directory(status)) throw InputError(m_path, 0, "", "is a folder, not a file");
    // #12: opening a FIFO would block forever; devices never end.
    if (!std::filesystem::is_regular_file(status)) throw InputError(m_path, 0, "", "not a regular file (a device or pipe)");
    m_file.open(m_path, std::ios::binary);
    if (!m_file) throw InputError(m_path, 0, "", "cannot open the file for reading (hint: check permissions)");
    const auto size = std::filesystem::file_size(m_path, ec);
    m_size = ec ? -1 : static_cast<int64_t>(size);
    // A small file gets a small buffer (#12: zeroing 64 KiB per file opened was a tenth of the JSONL fuzz target's
    // time); a file that grows while read is still read whole, in more chunks.
    m_buffer.resize(static_cast<size_t>(std::clamp<int64_t>(m_size + 1, kMinChunkBytes, kChunkBytes)));
    if (fill() && m_end >= 3 && static_cast<unsigned char>(m_buffer[0]) == 0xEF &&
        static_cast<unsigned char>(m_buffer[1]) == 0xBB && static_cast<unsigned char>(m_buffer[2]) == 0xBF) {
        m_pos = 3;
        m_offset = 3;
    }
    const auto first = [&](size_t i) { return m_end > i ? static_cast<unsigned char>(m_buffer[i]) : 0; };
    if ((first(0) == 0xFF && first(1) == 0xFE) || (first(0) == 0xFE && first(1) == 0xFF))
        throw InputError(m_path, 1, "", "the file is UTF-16 (it starts with a UTF-16 byte-order mark) (hint: re-save it as UTF-8)");
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
        if (byte < m_low || byte > m_high) throwInvalidUtf8(m_path, m_seqLine, m_seqColumn, m_seqLead, byte);
        --m_pending;
        m_low = 0x80;
        m_high = 0xBF;
        return;
    }
    if (byte == 0)  // #12: valid UTF-8, but no text file holds one; it truncates text in C APIs downstream
        throw InputError(m_path, m_line, "", "NUL byte at byte column " + std::to_string(m_column) +
                                                 " (hint: a binary or UTF-16 file? re-save it as UTF-8 text)");
    if (byte < 0x80) return;
    m_seqLine = m_line;
    m_seqColumn = m_column;
    m_seqLead = byte;
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
        throwInvalidUtf8(m_path, m_line, m_column, byte, -1);
    }
}

int Utf8FileInput::peek() {
    if (!fill()) return -1;
    return static_cast<unsigned char>(m_buffer[m_pos]);
}

int Utf8FileInput::get() {
    if (!fill()) {
        if (m_pending > 0) throwInvalidUtf8(m_path, m_seqLine, m_seqColumn, m_seqLead, -2);
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

namespace {
// Bytes appendUntilSpecial() must look at: line ends, quotes, NUL and every byte of a multi-byte sequence.
constexpr std::array<bool, 256> kSpecial = [] {
    std::array<bool, 256> special{};
    for (int c = 0x80; c < 256; ++c) special[c] = true;
    for (unsigned char c : {'\n', '\r', '"', '\0'}) special[c] = true;
    return special;
}();

// The first byte of data[from, end) that is special or `stop`, or `end`. Plain ASCII runs are the import's
// hottest loop (#11 item 9: a table look-up per byte was 0.37 s of a million-row import); x86-64 always has
// SSE2, which tests 16 bytes at once; elsewhere the table does it byte by byte.
size_t skipPlain(const char* data, size_t from, size_t end, unsigned char stop) {
    const auto stopsAt = [&](size_t i) {
        return kSpecial[static_cast<unsigned char>(data[i])] || static_cast<unsigned char>(data[i]) == stop;
    };
    // In a non-Latin script nearly every byte stops the scan, so the first is tested alone: loading 16 bytes per
    // character cost Chinese text 18% more instructions than the byte loop did (1.6% with this test).
    if (from < end && stopsAt(from)) return from;
#if defined(__SSE2__)
    const __m128i lineFeed = _mm_set1_epi8('\n'), carriageReturn = _mm_set1_epi8('\r'), quote = _mm_set1_epi8('"');
    const __m128i nul = _mm_setzero_si128(), delimiter = _mm_set1_epi8(static_cast<char>(stop));
    for (; from + 16 <= end; from += 16) {
        const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + from));
        const __m128i ends = _mm_or_si128(_mm_cmpeq_epi8(bytes, lineFeed), _mm_cmpeq_epi8(bytes, carriageReturn));
        const __m128i others = _mm_or_si128(_mm_cmpeq_epi8(bytes, quote),
                                            _mm_or_si128(_mm_cmpeq_epi8(bytes, nul), _mm_cmpeq_epi8(bytes, delimiter)));
        // A byte's top bit marks it as part of a multi-byte sequence, so `bytes` itself joins the mask.
        const auto mask = static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(bytes, _mm_or_si128(ends, others))));
        if (mask != 0) return from + static_cast<size_t>(std::countr_zero(mask));
    }
#endif
    while (from < end && !stopsAt(from)) ++from;
    return from;
}
}  // namespace

size_t Utf8FileInput::appendUntilSpecial(std::string& out, char delimiter) {
    const auto stop = static_cast<unsigned char>(delimiter);
    size_t appended = 0;
    while (fill()) {
        const char* chunk = m_buffer.data();
        const size_t start = m_pos;
        const int64_t column = m_column;
        size_t i = start;
        for (; i < m_end; ++i) {
            if (m_pending == 0) i = skipPlain(chunk, i, m_end, stop);
            if (i == m_end) break;
            const auto c = static_cast<unsigned char>(chunk[i]);
            if (c == stop || c == '\n' || c == '\r' || c == '"') break;
            // Only multi-byte sequences and NUL need the decoder, and no stop byte can be part of one.
            m_column = column + static_cast<int64_t>(i - start);  // the column validate() reports
            validate(c);
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
