// The shaping and bidi helper against code points worked out by hand from the
// Unicode joining rules and the bidi algorithm.
#include "bidi_text.h"

#include <gtest/gtest.h>
#include <unicode/utf8.h>

#include <vector>

using namespace tarikh::viewer;

namespace {

std::vector<uint32_t> cps(std::string_view s) {
    std::vector<uint32_t> out;
    int32_t i = 0;
    const int32_t n = static_cast<int32_t>(s.size());
    while (i < n) {
        UChar32 c;
        U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, n, c);
        out.push_back(static_cast<uint32_t>(c));
    }
    return out;
}

// Character count as the width: 10 px per code point.
float ten_per_cp(std::string_view s) { return 10.0f * static_cast<float>(cps(s).size()); }

}  // namespace

TEST(BidiText, ArabicWordIsShapedAndReversed) {
    // س initial, lam-alef final ligature, م final… reversed for drawing left to right.
    bool rtl = false;
    EXPECT_EQ(cps(visual_line("سلام", &rtl)), (std::vector<uint32_t>{0xFEE1, 0xFEFC, 0xFEB3}));
    EXPECT_TRUE(rtl);
}

TEST(BidiText, LamAlefLigatureLeavesNoGap) {
    EXPECT_EQ(cps(visual_line("لا")), (std::vector<uint32_t>{0xFEFB}));
    // الإمارات: alef, lam + hamza-below alef ligature, م ا ر ا ت.
    EXPECT_EQ(cps(visual_line("الإمارات")),
              (std::vector<uint32_t>{0xFE95, 0xFE8D, 0xFEAD, 0xFE8E, 0xFEE3, 0xFEF9, 0xFE8D}));
}

TEST(BidiText, PersianZwnjBreaksTheJoinAndIsNotDrawn) {
    // می‌خواهم: ی takes its final form before the ZWNJ, خ starts a new word part.
    EXPECT_EQ(cps(visual_line("می‌خواهم")),
              (std::vector<uint32_t>{0xFEE2, 0xFEEB, 0xFE8D, 0xFEEE, 0xFEA7, 0xFBFD, 0xFEE3}));
}

TEST(BidiText, PersianLettersUseTheirOwnPresentationForms) {
    // پگاه: پ initial (FB58), گ medial (FB95), ا final, ه isolated.
    EXPECT_EQ(cps(visual_line("پگاه")), (std::vector<uint32_t>{0xFEE9, 0xFE8E, 0xFB95, 0xFB58}));
}

TEST(BidiText, DigitsStayLeftToRightInsideRightToLeft) {
    // سال ۱۴۰۳: the number keeps its order and goes to the left of the word.
    EXPECT_EQ(cps(visual_line("سال ۱۴۰۳")),
              (std::vector<uint32_t>{0x06F1, 0x06F4, 0x06F0, 0x06F3, 0x20, 0xFEDD, 0xFE8E, 0xFEB3}));
}

TEST(BidiText, BracketsAreMirroredInRightToLeftText) {
    EXPECT_EQ(cps(visual_line("(مصر)")), (std::vector<uint32_t>{0x28, 0xFEAE, 0xFEBC, 0xFEE3, 0x29}));
}

TEST(BidiText, PersianInsideEnglishKeepsTheParagraphLeftToRight) {
    bool rtl = true;
    auto v = cps(visual_line("Iran (ایران)", &rtl));
    EXPECT_FALSE(rtl);
    std::vector<uint32_t> want{'I', 'r', 'a', 'n', ' ', '(', 0xFEE5, 0xFE8D, 0xFEAE, 0xFBFE, 0xFE8D, ')'};
    EXPECT_EQ(v, want);
}

TEST(BidiText, CombiningMarksFollowTheirBase) {
    // كَتَبَ: each fatha stays after its letter once the word is reversed, so a
    // zero-advance mark is drawn over the right glyph.
    EXPECT_EQ(cps(visual_line("كَتَبَ")),
              (std::vector<uint32_t>{0xFE90, 0x064E, 0xFE98, 0x064E, 0xFEDB, 0x064E}));
}

TEST(BidiText, LatinPassesThrough) {
    EXPECT_FALSE(needs_bidi("Azerbaijan – Israel"));
    EXPECT_TRUE(needs_bidi("ایران"));
    EXPECT_TRUE(needs_bidi("مصر"));
    EXPECT_EQ(visual_line("Azerbaijan – Israel"), "Azerbaijan – Israel");
}

TEST(BidiText, WhitespaceFromPdfLinesCollapses) {
    EXPECT_EQ(visual_line("  Baku\n and   Tel Aviv \n"), "Baku and Tel Aviv");
}

TEST(BidiText, LinesAreBrokenInLogicalOrderThenReordered) {
    // 10 px per code point, 75 px per line: "یک دو" (50) then "سه چهار" (70).
    auto lines = layout_paragraph("یک دو سه چهار", 75, ten_per_cp);
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_TRUE(lines[0].rtl);
    EXPECT_TRUE(lines[1].rtl);
    // The first line holds the first words of the sentence, not the last.
    EXPECT_EQ(lines[0].text(), visual_line("یک دو"));
    EXPECT_EQ(lines[1].text(), visual_line("سه چهار"));
    EXPECT_FLOAT_EQ(lines[0].width, 50);
    // یک is ی initial + ک final, drawn right of دو.
    auto first = cps(lines[0].text());
    EXPECT_EQ(first.back(), 0xFBFEu);
    EXPECT_EQ(first[first.size() - 2], 0xFB8Fu);
}

TEST(BidiText, RightToLeftParagraphStaysRightToLeftOnEveryLine) {
    // The second line starts with a Latin word but belongs to a Persian paragraph.
    auto lines = layout_paragraph("دیدار در باکو OPEC نشست", 80, ten_per_cp);
    ASSERT_GE(lines.size(), 2u);
    for (const auto& l : lines) EXPECT_TRUE(l.rtl);
}

TEST(BidiText, LongWordIsCutBetweenCodePoints) {
    auto lines = layout_paragraph("abcdefghijklmnop", 50, ten_per_cp);
    ASSERT_EQ(lines.size(), 4u);
    EXPECT_EQ(lines[0].text(), "abcde");
    EXPECT_EQ(lines[3].text(), "p");
}

TEST(BidiText, HighlightMarksTheDateSpan) {
    const std::string s = "در ۷ اکتبر ۲۰۲۳ حمله شد";
    const std::string date = "۷ اکتبر ۲۰۲۳";
    size_t at = s.find(date);
    auto lines = layout_paragraph(s, 0, ten_per_cp, {{at, at + date.size()}});
    ASSERT_EQ(lines.size(), 1u);
    size_t marked = 0;
    std::string marked_text;
    for (const auto& seg : lines[0].segments)
        if (seg.mark) {
            marked += cps(seg.text).size();
            marked_text += seg.text;
        }
    EXPECT_EQ(marked, cps(date).size());
    for (uint32_t c : cps(marked_text)) {
        bool digit = c >= 0x06F0 && c <= 0x06F9;
        bool shaped = c >= 0xFB50;
        EXPECT_TRUE(digit || shaped || c == ' ') << std::hex << c;
    }
    // The whole line is still the plain visual line.
    EXPECT_EQ(lines[0].text(), visual_line(s));
}

TEST(BidiText, LocalizedDigits) {
    EXPECT_EQ(localized_number(1403, DigitScript::Persian), "۱۴۰۳");
    EXPECT_EQ(localized_number(1446, DigitScript::Arabic), "١٤٤٦");
    EXPECT_EQ(localized_number(2025, DigitScript::Latin), "2025");
}
