// Strict UTF-8 decoding of one code point. normalize() and to_source() must
// agree byte for byte on where code points start and how long they are, so
// both decode through this one function.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace tarikh::text {

struct Decoded {
    char32_t cp;  // the code point; meaningless when len == 0
    unsigned len; // bytes consumed; 0 when the byte at the position is invalid
};

inline bool is_continuation(uint8_t b) { return (b & 0xC0) == 0x80; }

// What Unicode Table 3-7 allows after a lead byte: the length of the
// sequence it starts (0: it starts none: a continuation byte, C0/C1, always
// overlong, or F5..FF) and the range of the second byte, which rules out
// overlong forms, UTF-16 surrogates and code points above U+10FFFF; the
// bytes after it are continuation bytes.
struct LeadByte {
    unsigned length;
    uint8_t low, high;
};
inline LeadByte lead_byte(uint8_t b0) {
    if (b0 >= 0xC2 && b0 <= 0xDF) return {2, 0x80, 0xBF};
    if (b0 == 0xE0) return {3, 0xA0, 0xBF};
    if (b0 == 0xED) return {3, 0x80, 0x9F};
    if (b0 >= 0xE1 && b0 <= 0xEF) return {3, 0x80, 0xBF};
    if (b0 == 0xF0) return {4, 0x90, 0xBF};
    if (b0 >= 0xF1 && b0 <= 0xF3) return {4, 0x80, 0xBF};
    if (b0 == 0xF4) return {4, 0x80, 0x8F};
    return {0, 0, 0};
}

// Decodes the sequence starting at p[0] (p[0] >= 0x80; ASCII is handled by the
// caller). Rejects what the Unicode standard rejects: lone continuation bytes,
// truncated sequences, overlong forms, surrogates and code points above
// U+10FFFF. On rejection only the first byte is consumed (len 0 → caller emits
// one replacement for it), so decoding resynchronizes at the next byte and a
// rejected byte never swallows a valid character after it.
inline Decoded decode_multibyte(const uint8_t* p, size_t avail) {
    const LeadByte lead = lead_byte(p[0]);
    if (lead.length == 0 || avail < lead.length || p[1] < lead.low || p[1] > lead.high) return {0, 0};
    char32_t cp = p[0] & (0x7F >> lead.length);
    for (unsigned k = 1; k < lead.length; ++k) {
        if (!is_continuation(p[k])) return {0, 0};
        cp = cp << 6 | (p[k] & 0x3F);
    }
    return {cp, lead.length};
}

// The code point at s[i] of text that is already valid UTF-8 (folded text, the
// data files): the fast read for scanning, without decode_multibyte's checks.
// `len` gets its byte length; a stray or truncated byte reads as U+FFFD of
// length 1, so a scan never stalls or overruns.
inline char32_t decode_at(std::string_view s, size_t i, unsigned& len) {
    const auto b = static_cast<uint8_t>(s[i]);
    if (b < 0x80) { len = 1; return b; }
    len = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
    if (len == 1 || i + len > s.size()) { len = 1; return 0xFFFD; }
    char32_t c = b & (0x7F >> len);
    for (unsigned k = 1; k < len; ++k) c = (c << 6) | (static_cast<uint8_t>(s[i + k]) & 0x3F);
    return c;
}

// Appends code point c (at most U+10FFFF) as UTF-8.
inline void append_utf8(std::string& out, char32_t c) {
    if (c < 0x80) {
        out += char(c);
    } else if (c < 0x800) {
        out += char(0xC0 | (c >> 6));
        out += char(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += char(0xE0 | (c >> 12));
        out += char(0x80 | ((c >> 6) & 0x3F));
        out += char(0x80 | (c & 0x3F));
    } else {
        out += char(0xF0 | (c >> 18));
        out += char(0x80 | ((c >> 12) & 0x3F));
        out += char(0x80 | ((c >> 6) & 0x3F));
        out += char(0x80 | (c & 0x3F));
    }
}

}  // namespace tarikh::text
