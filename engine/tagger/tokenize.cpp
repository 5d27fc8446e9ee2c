#include "tagger/tokenize.h"

#include "text/utf8.h"

namespace tarikh::tagger {
namespace {

inline bool is_space(char32_t c) { return c == ' ' || c == '\n'; }

// Letters of Arabic script, minus its punctuation (folding has already mapped
// the Arabic comma, semicolon and question mark U+060C U+061B U+061F to ASCII,
// but « » U+06D4 and the like remain).
inline bool is_arabic_letter(char32_t c) {
    if (c >= 0x0600 && c <= 0x06FF) {
        switch (c) {
            case 0x060C: case 0x060D: case 0x060E: case 0x060F: case 0x061B: case 0x061E:
            case 0x061F: case 0x066A: case 0x066B: case 0x066C: case 0x066D: case 0x06D4:
                return false;
            default:
                return true;
        }
    }
    return (c >= 0x0750 && c <= 0x077F) || (c >= 0x08A0 && c <= 0x08FF);
}

inline bool is_latin_letter(char32_t c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7);
}

enum class Class { Space, Digit, Arabic, Latin, Other };

inline Class classify(char32_t c) {
    if (c < 0x80) {
        if (c >= '0' && c <= '9') return Class::Digit;
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return Class::Latin;
        if (is_space(c)) return Class::Space;
        return Class::Other;
    }
    if (is_arabic_letter(c)) return Class::Arabic;
    if (is_latin_letter(c)) return Class::Latin;
    return Class::Other;
}

}  // namespace

std::vector<Token> tokenize(std::string_view s) {
    std::vector<Token> out;
    out.reserve(s.size() / 5);
    bool gap = true, newline = false;
    size_t i = 0;
    while (i < s.size()) {
        char32_t c;
        unsigned n;
        c = text::decode_at(s, i, n);
        Class k = classify(c);
        if (k == Class::Space) {
            gap = true;
            newline |= (c == '\n');
            i += n;
            continue;
        }
        Token t;
        t.begin = static_cast<uint32_t>(i);
        t.joined = !gap && !out.empty();
        t.newline = newline;
        gap = newline = false;
        if (k == Class::Other) {
            t.type = TokenType::Punct;
            i += n;
        } else {
            // A run of one class: digits, Arabic letters or Latin letters.
            size_t j = i + n;
            while (j < s.size()) {
                char32_t d;
                unsigned m;
                d = text::decode_at(s, j, m);
                if (classify(d) != k) break;
                j += m;
            }
            if (k == Class::Digit) {
                t.type = TokenType::Number;
                size_t len = j - i;
                t.digits = static_cast<uint8_t>(len > 255 ? 255 : len);
                if (len <= 9) {
                    int64_t v = 0;
                    for (size_t p = i; p < j; ++p) v = v * 10 + (s[p] - '0');
                    t.number = v;
                }
            } else {
                t.type = TokenType::Word;
                t.arabic = (k == Class::Arabic);
            }
            i = j;
        }
        t.end = static_cast<uint32_t>(i);
        out.push_back(t);
    }
    return out;
}

}  // namespace tarikh::tagger
