// Persian and Arabic for a renderer that has neither shaping nor bidi.
//
// Dear ImGui draws one glyph per code point, left to right, and its maintainer
// does not plan to change that. So text is prepared before it is drawn: Arabic
// letters are replaced by their contextual presentation forms (ICU
// u_shapeArabic, in logical order, where joining is defined), the paragraph is
// broken into lines in logical order, and only then is each line put in visual
// order (ICU ubidi) with mirrored brackets. Breaking after reordering would put
// the end of a sentence on its first line.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace tarikh::viewer {

// Width in pixels of a visual-order UTF-8 string (ImGui::CalcTextSize in the UI).
// Widths do not depend on order: ImGui has no kerning.
using MeasureFn = std::function<float(std::string_view)>;

// A stretch of a visual line drawn in one style; `mark` is set inside a
// highlighted range (the date mention of a sentence).
struct TextSegment {
    std::string text;  // UTF-8, visual order, presentation forms
    bool mark = false;
};

struct VisualLine {
    std::vector<TextSegment> segments;  // left to right
    bool rtl = false;                   // the paragraph is right-to-left: right-align the line
    float width = 0;

    std::string text() const;           // the segments joined
};

// A byte range [begin, end) of the logical UTF-8 input to highlight.
struct ByteRange {
    size_t begin = 0, end = 0;
};

// True when `utf8` holds a right-to-left or Arabic-script code point, i.e. when
// it needs the work below. Pure Latin text can be drawn as it is.
bool needs_bidi(std::string_view utf8);

// One line: shaped, reordered, invisible controls (ZWNJ, ZWJ, bidi marks)
// dropped. Whitespace runs (newlines from PDF extraction included) become one
// space. `rtl` receives the paragraph direction when not null.
std::string visual_line(std::string_view utf8, bool* rtl = nullptr);

// A paragraph broken at spaces into lines no wider than `max_width` (a word
// wider than that is cut between code points), each in visual order.
// `max_width` <= 0 means one line.
std::vector<VisualLine> layout_paragraph(std::string_view utf8, float max_width, const MeasureFn& measure,
                                         const std::vector<ByteRange>& highlight = {});

// Digits of a number in another script: 1403 in Extended Arabic-Indic (Persian, U+06F0…) or Arabic-Indic (U+0660…) digits.
enum class DigitScript { Latin, Persian, Arabic };
std::string localized_number(long long n, DigitScript script);

}  // namespace tarikh::viewer
