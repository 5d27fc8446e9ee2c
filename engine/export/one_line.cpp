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

namespace {

size_t words_in(std::string_view s) {
    size_t n = 0;
    bool in_word = false;
    for (char c : s) {
        const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
        if (!space && !in_word) ++n;
        in_word = !space;
    }
    return n;
}

// The marks the extractor cuts clauses at, and sentence ends.
constexpr std::string_view kClauseMarks[] = {",", ";", ":", ".", "!", "?", "\n", "\u060C", "\u061B", "\u061F"};

bool ends_with_mark(std::string_view s, size_t& mark_size) {
    for (std::string_view m : kClauseMarks)
        if (s.size() >= m.size() && s.substr(s.size() - m.size()) == m) {
            mark_size = m.size();
            return true;
        }
    return false;
}

}  // namespace

std::string_view date_clause(std::string_view text, size_t date_begin, size_t date_end, size_t enough_words) {
    if (date_begin >= date_end || date_end > text.size()) return text;
    size_t begin = 0;
    for (std::string_view m : kClauseMarks) {
        const size_t before = text.rfind(m, date_begin);
        if (before != std::string_view::npos && before + m.size() <= date_begin) begin = std::max(begin, before + m.size());
    }
    size_t end = date_end;
    while (end < text.size()) {
        size_t next = text.size();
        for (std::string_view m : kClauseMarks) next = std::min(next, text.find(m, end));
        end = next;
        if (words_in(text.substr(begin, end - begin)) >= enough_words) break;
        if (end < text.size()) ++end;
    }
    std::string_view clause = text.substr(begin, end - begin);
    // Neither leading space nor a full stop or dangling comma at the end.
    for (;;) {
        const size_t before = clause.size();
        while (!clause.empty() && (clause.front() == ' ' || clause.front() == '\n' || clause.front() == '\t' ||
                                   clause.front() == '\r'))
            clause.remove_prefix(1);
        while (!clause.empty() && (clause.back() == ' ' || clause.back() == '\n' || clause.back() == '\r'))
            clause.remove_suffix(1);
        size_t mark = 0;
        if (ends_with_mark(clause, mark)) clause.remove_suffix(mark);
        if (clause.size() == before) break;
    }
    return clause.empty() ? text : clause;
}

}  // namespace tarikh
