#pragma once
// A byte stream over a text file, read in fixed-size chunks (memory does not grow with the file),
// that skips a UTF-8 BOM, rejects invalid UTF-8 and tracks the physical line of every byte.
#include <cstdint>
#include <fstream>
#include <string>
#include <vector>

namespace srllm::core {

class Utf8FileInput {
public:
    // Throws InputError naming the path when it does not exist, is a folder or cannot be read.
    explicit Utf8FileInput(std::string path);

    // The next byte (0..255), or -1 at the end. Throws InputError at the first byte of an invalid or
    // truncated UTF-8 sequence, naming the line and byte column.
    int get();
    int peek();
    // Appends to `out` the bytes before the next '\n', '\r', '"' or `delimiter` (validated as get()
    // would), without returning each byte: the CSV reader's fast path. Returns how many were appended;
    // 0 when the next byte is one of those or the file has ended.
    size_t appendUntilSpecial(std::string& out, char delimiter);
    // Reads one physical line without its "\n" / "\r\n"; false at the end of the file.
    bool readLine(std::string& line);

    const std::string& path() const { return m_path; }
    int64_t line() const { return m_line; }  // line of the next byte (1-based)
    int64_t bytesRead() const { return m_offset; }
    int64_t bytesTotal() const { return m_size; }

private:
    bool fill();
    void validate(unsigned char byte);

    std::string m_path;
    std::ifstream m_file;
    std::vector<char> m_buffer;
    size_t m_pos = 0, m_end = 0;
    int64_t m_offset = 0, m_size = 0;
    int64_t m_line = 1, m_column = 1;  // column: 1-based byte column of the next byte
    // UTF-8 decoder state: continuation bytes still expected, the allowed range of the next one,
    // and where the current sequence started (for the error message).
    int m_pending = 0;
    unsigned char m_low = 0x80, m_high = 0xBF;
    int64_t m_seqLine = 1, m_seqColumn = 1;
    unsigned char m_seqLead = 0;
};

}  // namespace srllm::core
