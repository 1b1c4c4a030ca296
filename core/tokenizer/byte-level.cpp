#include "core/tokenizer/byte-level.h"

#include <unordered_map>

#include <utf8proc.h>

namespace srllm::core {
namespace {

std::array<char32_t, 256> byteCodePoints() {
    std::array<char32_t, 256> cps{};
    char32_t next = 256;
    for (int b = 0; b < 256; ++b) {
        const bool printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
        cps[b] = printable ? static_cast<char32_t>(b) : next++;
    }
    return cps;
}

const std::unordered_map<char32_t, unsigned char>& unicodeToByte() {
    static const std::unordered_map<char32_t, unsigned char> map = [] {
        std::unordered_map<char32_t, unsigned char> m;
        const auto cps = byteCodePoints();
        for (int b = 0; b < 256; ++b) m[cps[b]] = static_cast<unsigned char>(b);
        return m;
    }();
    return map;
}

}  // namespace

void appendUtf8(char32_t cp, std::string& out) {
    utf8proc_uint8_t buf[4];
    const auto len = utf8proc_encode_char(static_cast<utf8proc_int32_t>(cp), buf);
    out.append(reinterpret_cast<const char*>(buf), static_cast<size_t>(len));
}

size_t utf8CharLength(unsigned char lead) {
    if (lead < 0x80) return 1;
    if ((lead >> 5) == 0x6) return 2;
    if ((lead >> 4) == 0xE) return 3;
    if ((lead >> 3) == 0x1E) return 4;
    return 1;
}

const std::array<std::string, 256>& byteToUnicode() {
    static const std::array<std::string, 256> table = [] {
        std::array<std::string, 256> t;
        const auto cps = byteCodePoints();
        for (int b = 0; b < 256; ++b) appendUtf8(cps[b], t[b]);
        return t;
    }();
    return table;
}

void appendByteLevel(std::string_view bytes, std::string& out) {
    const auto& table = byteToUnicode();
    for (char c : bytes) out += table[static_cast<unsigned char>(c)];
}

std::string byteLevelDecode(std::string_view mapped) {
    const auto& map = unicodeToByte();
    std::string bytes;
    bytes.reserve(mapped.size());
    size_t i = 0;
    while (i < mapped.size()) {
        utf8proc_int32_t cp = 0;
        const auto len = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(mapped.data() + i),
                                          static_cast<utf8proc_ssize_t>(mapped.size() - i), &cp);
        const size_t step = len > 0 ? static_cast<size_t>(len) : 1;
        const auto it = len > 0 ? map.find(static_cast<char32_t>(cp)) : map.end();
        if (it != map.end()) {
            bytes += static_cast<char>(it->second);
        } else {
            bytes.append(mapped.substr(i, step));
        }
        i += step;
    }
    return bytes;
}

std::string utf8Lossy(std::string_view bytes) {
    std::string out;
    out.reserve(bytes.size());
    size_t i = 0;
    while (i < bytes.size()) {
        utf8proc_int32_t cp = 0;
        const auto len = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(bytes.data() + i),
                                          static_cast<utf8proc_ssize_t>(bytes.size() - i), &cp);
        if (len > 0) {
            out.append(bytes.substr(i, static_cast<size_t>(len)));
            i += static_cast<size_t>(len);
        } else {
            out += "\xEF\xBF\xBD";
            ++i;
        }
    }
    return out;
}

}  // namespace srllm::core
