#include "tarikh/export.h"

#include <algorithm>
#include <string>

namespace tarikh {

std::string one_line(std::string_view text, size_t max_chars) {
    std::string out;
    size_t chars = 0, i = 0;
    while (i < text.size() && chars < max_chars) {
        const auto b = static_cast<unsigned char>(text[i]);
        const size_t len = std::min<size_t>(b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4, text.size() - i);
        if (text[i] == '\n' || text[i] == '\r' || text[i] == '\t') {
            if (!out.empty() && out.back() != ' ') out += ' ';
        } else {
            out.append(text, i, len);
        }
        i += len;
        ++chars;
    }
    if (i < text.size()) out += "\u2026";
    return out;
}

}  // namespace tarikh
