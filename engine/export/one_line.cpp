#include "tarikh/export.h"

#include <algorithm>
#include <string>

namespace tarikh {

namespace {

// Characters that steer a terminal or the text's direction rather than show:
// C0 and C1 controls (ESC starts escape sequences), DEL, and the bidi
// embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), which
// can reorder what follows them on the line ("Trojan Source").
bool steers_display(std::string_view ch) {
    const auto b0 = static_cast<unsigned char>(ch[0]);
    if (ch.size() == 1) return b0 < 0x20 || b0 == 0x7F;
    if (ch.size() == 2) return b0 == 0xC2 && static_cast<unsigned char>(ch[1]) < 0xA0;  // U+0080–U+009F
    if (ch.size() == 3 && b0 == 0xE2) {
        const auto b1 = static_cast<unsigned char>(ch[1]), b2 = static_cast<unsigned char>(ch[2]);
        return (b1 == 0x80 && b2 >= 0xAA && b2 <= 0xAE) || (b1 == 0x81 && b2 >= 0xA6 && b2 <= 0xA9);
    }
    return false;
}

}  // namespace

std::string one_line(std::string_view text, size_t max_chars) {
    std::string out;
    size_t chars = 0, i = 0;
    while (i < text.size() && chars < max_chars) {
        const auto b = static_cast<unsigned char>(text[i]);
        const size_t len = std::min<size_t>(b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4, text.size() - i);
        const std::string_view ch = text.substr(i, len);
        if (text[i] == '\n' || text[i] == '\r' || text[i] == '\t') {
            if (!out.empty() && out.back() != ' ') out += ' ';
        } else if (!steers_display(ch)) {
            out.append(ch);
        }
        i += len;
        ++chars;
    }
    if (i < text.size()) out += "\u2026";
    return out;
}

}  // namespace tarikh
