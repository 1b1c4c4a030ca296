#include "core/data/python-list-literal.h"

#include <cctype>
#include <cstdint>
#include <cstdio>

namespace srllm::core {

namespace {

void appendUtf8(std::string& out, uint32_t cp) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

class Parser {
public:
    explicit Parser(std::string_view s) : m_s(s) {}

    PythonListParse run() {
        PythonListParse result;
        skipSpace();
        if (!eat('[')) return fail(result, "expected '['");
        skipSpace();
        while (!eat(']')) {
            if (m_pos >= m_s.size()) return fail(result, "missing ']'");
            std::string value;
            if (!readString(value)) return fail(result, m_error);
            result.values.push_back(std::move(value));
            skipSpace();
            if (eat(',')) {
                skipSpace();
            } else if (m_pos < m_s.size() && m_s[m_pos] != ']') {
                return fail(result, "expected ',' or ']'");
            }
        }
        skipSpace();
        if (m_pos != m_s.size()) return fail(result, "unexpected text after ']'");
        result.ok = true;
        return result;
    }

private:
    PythonListParse fail(PythonListParse& r, const std::string& what) {
        r.ok = false;
        r.values.clear();
        r.error = what + " at character " + std::to_string(m_pos + 1);
        return r;
    }
    void skipSpace() {
        while (m_pos < m_s.size() && (m_s[m_pos] == ' ' || m_s[m_pos] == '\t' || m_s[m_pos] == '\n' ||
                                      m_s[m_pos] == '\r'))
            ++m_pos;
    }
    bool eat(char c) {
        if (m_pos < m_s.size() && m_s[m_pos] == c) {
            ++m_pos;
            return true;
        }
        return false;
    }
    bool readHex(int digits, uint32_t& cp) {
        cp = 0;
        for (int i = 0; i < digits; ++i, ++m_pos) {
            if (m_pos >= m_s.size() || !std::isxdigit(static_cast<unsigned char>(m_s[m_pos]))) {
                m_error = "bad hex escape";
                return false;
            }
            const char c = static_cast<char>(std::tolower(static_cast<unsigned char>(m_s[m_pos])));
            cp = cp * 16 + static_cast<uint32_t>(c <= '9' ? c - '0' : c - 'a' + 10);
        }
        if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            m_error = "escape is not a Unicode scalar value";
            return false;
        }
        return true;
    }
    bool readString(std::string& out) {
        if (m_pos >= m_s.size() || (m_s[m_pos] != '\'' && m_s[m_pos] != '"')) {
            m_error = "expected a quoted string";
            return false;
        }
        const char quote = m_s[m_pos++];
        for (;;) {
            if (m_pos >= m_s.size()) {
                m_error = "string never closed";
                return false;
            }
            const char c = m_s[m_pos++];
            if (c == quote) return true;
            if (c != '\\') {
                out.push_back(c);
                continue;
            }
            if (m_pos >= m_s.size()) continue;  // reported as "never closed" on the next turn
            const char e = m_s[m_pos++];
            uint32_t cp = 0;
            switch (e) {
                case 'n': out.push_back('\n'); break;
                case 'r': out.push_back('\r'); break;
                case 't': out.push_back('\t'); break;
                case '\\': case '\'': case '"': out.push_back(e); break;
                case '\n': break;  // line continuation
                case 'x': if (!readHex(2, cp)) return false; appendUtf8(out, cp); break;
                case 'u': if (!readHex(4, cp)) return false; appendUtf8(out, cp); break;
                case 'U': if (!readHex(8, cp)) return false; appendUtf8(out, cp); break;
                default: out.push_back('\\'); out.push_back(e); break;  // Python keeps unknown escapes
            }
        }
    }

    std::string_view m_s;
    size_t m_pos = 0;
    std::string m_error;
};

}  // namespace

PythonListParse parsePythonStringList(std::string_view literal) { return Parser(literal).run(); }

std::string pythonStringListRepr(const std::vector<std::string>& values) {
    std::string out = "[";
    for (size_t i = 0; i < values.size(); ++i) {
        const auto& v = values[i];
        const bool useDouble = v.find('\'') != std::string::npos && v.find('"') == std::string::npos;
        const char quote = useDouble ? '"' : '\'';
        if (i > 0) out += ", ";
        out.push_back(quote);
        for (const char c : v) {
            const auto u = static_cast<unsigned char>(c);
            if (c == '\\') out += "\\\\";
            else if (c == quote) out += std::string("\\") + quote;
            else if (c == '\n') out += "\\n";
            else if (c == '\r') out += "\\r";
            else if (c == '\t') out += "\\t";
            else if (u < 0x20 || u == 0x7F) {
                char hex[8];
                std::snprintf(hex, sizeof hex, "\\x%02x", u);
                out += hex;
            } else {
                out.push_back(c);
            }
        }
        out.push_back(quote);
    }
    return out + "]";
}

}  // namespace srllm::core
