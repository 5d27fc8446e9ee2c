#include "bidi_text.h"

#include <unicode/ubidi.h>
#include <unicode/uchar.h>
#include <unicode/ushape.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <memory>

namespace tarikh::viewer {
namespace {

// A logical paragraph in UTF-16 with, per code unit, what the drawing needs to
// know about it.
struct Units {
    std::u16string text;
    std::vector<uint8_t> mark;     // inside a highlighted byte range
    std::vector<uint8_t> dropped;  // not drawn: controls, lam-alef filler
};

bool is_invisible(char16_t c) {
    return c == 0x200B || c == 0x200C || c == 0x200D || c == 0x200E || c == 0x200F ||
           (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0xFEFF || c == 0x061C ||
           c == 0x00AD;
}

bool is_space(UChar32 c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == 0x00A0 || c == 0x2028; }

// Decodes UTF-8 (invalid bytes become U+FFFD), folds whitespace runs into one
// space and trims both ends.
Units decode(std::string_view s, const std::vector<ByteRange>& highlight) {
    Units u;
    u.text.reserve(s.size());
    bool pending_space = false;
    int32_t i = 0;
    const int32_t n = static_cast<int32_t>(s.size());
    while (i < n) {
        const size_t at = static_cast<size_t>(i);
        UChar32 c;
        U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, n, c);
        if (c < 0) c = 0xFFFD;
        if (is_space(c)) {
            pending_space = !u.text.empty();
            continue;
        }
        bool m = false;
        for (const auto& r : highlight)
            if (at >= r.begin && at < r.end) m = true;
        if (pending_space) {
            // A space between two highlighted characters is highlighted too.
            bool prev_mark = !u.mark.empty() && u.mark.back();
            u.text.push_back(u' ');
            u.mark.push_back(prev_mark && m);
            pending_space = false;
        }
        char16_t buf[2];
        int32_t len = 0;
        U16_APPEND_UNSAFE(buf, len, c);
        for (int32_t k = 0; k < len; ++k) {
            u.text.push_back(buf[k]);
            u.mark.push_back(m);
        }
    }
    u.dropped.assign(u.text.size(), 0);
    for (size_t k = 0; k < u.text.size(); ++k)
        if (is_invisible(u.text[k])) u.dropped[k] = 1;
    return u;
}

// Shapes in place. Fixed length keeps a 1:1 map between logical and shaped
// units (so highlights and line breaks stay where they were): ICU then writes a
// lam-alef ligature in one of the two places and a space in the other (which
// one depends on the context), and that space is dropped.
void shape(Units& u) {
    if (u.text.empty()) return;
    std::u16string out(u.text.size(), u'\0');
    UErrorCode err = U_ZERO_ERROR;
    int32_t len = u_shapeArabic(reinterpret_cast<const UChar*>(u.text.data()), static_cast<int32_t>(u.text.size()),
                                reinterpret_cast<UChar*>(out.data()), static_cast<int32_t>(out.size()),
                                U_SHAPE_LETTERS_SHAPE | U_SHAPE_TEXT_DIRECTION_LOGICAL | U_SHAPE_LENGTH_FIXED_SPACES_NEAR,
                                &err);
    if (U_FAILURE(err) || len != static_cast<int32_t>(u.text.size())) return;  // draw unshaped rather than nothing
    for (size_t k = 0; k < out.size(); ++k) {
        if (out[k] == u' ' && u.text[k] != u' ') u.dropped[k] = 1;
        // ICU also turns harakat into their spacing forms (U+FE70…); the font's
        // zero-advance combining marks sit on the letter instead.
        if (u_getCombiningClass(u.text[k]) > 0) out[k] = u.text[k];
    }
    u.text = std::move(out);
}

bool paragraph_rtl(const std::u16string& t) {
    return ubidi_getBaseDirection(reinterpret_cast<const UChar*>(t.data()), static_cast<int32_t>(t.size())) == UBIDI_RTL;
}

void append_utf8(std::string& out, UChar32 c) {
    char buf[4];
    int32_t len = 0;
    U8_APPEND_UNSAFE(buf, len, c);
    out.append(buf, static_cast<size_t>(len));
}

// The visible code points of [a, b) in logical order, as UTF-8 (for measuring).
std::string logical_utf8(const Units& u, size_t a, size_t b) {
    std::string out;
    for (size_t k = a; k < b;) {
        UChar32 c;
        size_t start = k;
        U16_NEXT(u.text.data(), k, b, c);
        if (!u.dropped[start]) append_utf8(out, c);
    }
    return out;
}

struct UBiDiCloser {
    void operator()(UBiDi* b) const { ubidi_close(b); }
};

// Puts [a, b) in visual order at the paragraph's level and cuts it into
// segments of equal highlight.
VisualLine reorder(const Units& u, size_t a, size_t b, bool rtl) {
    VisualLine line;
    line.rtl = rtl;
    const int32_t n = static_cast<int32_t>(b - a);
    if (n <= 0) return line;
    std::unique_ptr<UBiDi, UBiDiCloser> bidi(ubidi_open());
    UErrorCode err = U_ZERO_ERROR;
    ubidi_setPara(bidi.get(), reinterpret_cast<const UChar*>(u.text.data() + a), n, rtl ? 1 : 0, nullptr, &err);
    std::vector<int32_t> order(static_cast<size_t>(n));
    if (U_SUCCESS(err)) ubidi_getVisualMap(bidi.get(), order.data(), &err);
    if (U_FAILURE(err)) {
        for (int32_t k = 0; k < n; ++k) order[static_cast<size_t>(k)] = k;
    }
    const UBiDiLevel* levels = U_SUCCESS(err) ? ubidi_getLevels(bidi.get(), &err) : nullptr;

    // Visual order of code points (a surrogate pair is reversed as a unit by
    // ubidi_getVisualMap only when reading left to right, so walk by code point
    // starts: in an RTL run the map lists the trail before the lead).
    struct Cp {
        UChar32 c;
        int32_t logical;
        bool odd;
    };
    std::vector<Cp> cps;
    cps.reserve(static_cast<size_t>(n));
    for (int32_t v = 0; v < n; ++v) {
        int32_t l = order[static_cast<size_t>(v)];
        char16_t unit = u.text[a + static_cast<size_t>(l)];
        if (U16_IS_TRAIL(unit) && l > 0 && U16_IS_LEAD(u.text[a + static_cast<size_t>(l) - 1])) continue;
        UChar32 c = unit;
        if (U16_IS_LEAD(unit) && l + 1 < n && U16_IS_TRAIL(u.text[a + static_cast<size_t>(l) + 1]))
            c = U16_GET_SUPPLEMENTARY(unit, u.text[a + static_cast<size_t>(l) + 1]);
        bool odd = levels ? (levels[l] & 1) : false;
        if (odd) c = u_charMirror(c);
        cps.push_back({c, l, odd});
    }
    // In a right-to-left run a combining mark lands before (left of) its base;
    // fonts draw zero-advance marks over the glyph before them, so put each
    // base back in front of its marks (ubidi's KEEP_BASE_COMBINING).
    for (size_t k = 0; k < cps.size();) {
        if (cps[k].odd && u_getCombiningClass(cps[k].c) > 0) {
            size_t j = k;
            while (j < cps.size() && cps[j].odd && u_getCombiningClass(cps[j].c) > 0) ++j;
            if (j < cps.size() && cps[j].odd) {
                std::rotate(cps.begin() + static_cast<long>(k), cps.begin() + static_cast<long>(j),
                            cps.begin() + static_cast<long>(j) + 1);
                k = j + 1;
                continue;
            }
            k = j;
            continue;
        }
        ++k;
    }
    for (const Cp& cp : cps) {
        size_t at = a + static_cast<size_t>(cp.logical);
        if (u.dropped[at]) continue;
        bool m = u.mark[at];
        if (line.segments.empty() || line.segments.back().mark != m) line.segments.push_back({{}, m});
        append_utf8(line.segments.back().text, cp.c);
    }
    return line;
}

}  // namespace

std::string VisualLine::text() const {
    std::string out;
    for (const auto& s : segments) out += s.text;
    return out;
}

bool needs_bidi(std::string_view s) {
    // Hebrew, Arabic, Syriac, Thaana, NKo… (U+0590–U+08FF) start with lead
    // byte D6–DF or E0 A0–A3; presentation forms with EF AC–BB; the bidi
    // controls U+200E/F, U+202A–E, U+2066–9 with E2 80 / E2 81.
    for (size_t i = 0; i < s.size(); ++i) {
        auto b = static_cast<unsigned char>(s[i]);
        if (b >= 0xD6 && b <= 0xDF) return true;
        if (b == 0xE0 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) <= 0xA3) return true;
        if (b == 0xEF && i + 1 < s.size()) {
            auto c = static_cast<unsigned char>(s[i + 1]);
            if (c >= 0xAC && c <= 0xBB) return true;
        }
        if (b == 0xE2 && i + 2 < s.size()) {
            auto c = static_cast<unsigned char>(s[i + 1]), d = static_cast<unsigned char>(s[i + 2]);
            if (c == 0x80 && (d == 0x8E || d == 0x8F || (d >= 0xAA && d <= 0xAE))) return true;
            if (c == 0x81 && d >= 0xA6 && d <= 0xA9) return true;
        }
    }
    return false;
}

std::string visual_line(std::string_view utf8, bool* rtl) {
    Units u = decode(utf8, {});
    shape(u);
    bool r = paragraph_rtl(u.text);
    if (rtl) *rtl = r;
    return reorder(u, 0, u.text.size(), r).text();
}

std::vector<VisualLine> layout_paragraph(std::string_view utf8, float max_width, const MeasureFn& measure,
                                         const std::vector<ByteRange>& highlight) {
    Units u = decode(utf8, highlight);
    shape(u);
    const bool rtl = paragraph_rtl(u.text);
    std::vector<VisualLine> lines;
    const size_t n = u.text.size();
    auto width = [&](size_t a, size_t b) { return measure(logical_utf8(u, a, b)); };
    auto emit = [&](size_t a, size_t b) {
        VisualLine line = reorder(u, a, b, rtl);
        line.width = width(a, b);
        lines.push_back(std::move(line));
    };
    if (max_width <= 0 || n == 0) {
        if (n) emit(0, n);
        return lines;
    }
    size_t a = 0;
    while (a < n) {
        // Greedy: take words while the line fits; the whole rest first, as
        // most sentences in a tooltip fit on a line or two.
        if (width(a, n) <= max_width) {
            emit(a, n);
            break;
        }
        size_t best = a;  // end of the longest fitting prefix ending at a space
        for (size_t k = a + 1; k < n; ++k) {
            if (u.text[k] != u' ') continue;
            if (width(a, k) > max_width) break;
            best = k;
        }
        if (best == a) {
            // One word wider than the line: cut it between code points.
            size_t k = a;
            size_t fit = a;
            while (k < n && u.text[k] != u' ') {
                size_t next = k;
                UChar32 c;
                U16_NEXT(u.text.data(), next, n, c);
                (void)c;
                if (width(a, next) > max_width && fit > a) break;
                fit = next;
                k = next;
            }
            best = fit;
        }
        emit(a, best);
        a = best;
        while (a < n && u.text[a] == u' ') ++a;
    }
    return lines;
}

std::string localized_number(long long n, DigitScript script) {
    std::string digits = std::to_string(n);
    if (script == DigitScript::Latin) return digits;
    std::string out;
    const UChar32 zero = script == DigitScript::Persian ? 0x06F0 : 0x0660;
    for (char ch : digits) {
        if (ch >= '0' && ch <= '9')
            append_utf8(out, zero + (ch - '0'));
        else
            out.push_back(ch);
    }
    return out;
}

}  // namespace tarikh::viewer
