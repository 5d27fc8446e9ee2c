// A deterministic fuzz of the parser (SQLite's rule: fuzz what parses
// untrusted input): random sequences of date words, digits in three scripts,
// punctuation, line breaks, tatweel, ZWNJ and invalid bytes must never crash
// and must always give ordered spans inside the input.
#include "tarikh/parser.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace tarikh {
namespace {

const std::vector<std::string> kPieces = {
    "۱۵", "٧", "2023", "۱۴۰۲", "1445", "۱۹20", "99", "0", "31", "12", "فروردین", "اسفند", "دی‌ماه", "آذر", "آذار",
    "تشرين الأول", "كانون", "أكتوبر", "كتوبر", "کتبر", "ا", "أ", "October", "May", "Q3", "H2", "the", "late", "early",
    "اواخر", "مطلع", "دهه", "التسعينيات", "قرن", "بیستم", "سال", "عام", "عامي", "بين", "و", "تا", "از", "-", "/", "(",
    ")", ")", "،", ",", ".", " ", " ", " ", "\n", "\n\n", "ـــ", "\u200c", "هـ", "ه.ش", "میلادی", "پیش", "بعد", "قبل",
    "گذشته", "الماضي", "همان", "نفسه", "امسال", "امروز", "أمس", "جنگ", "قره‌باغ", "۴۴", "روزه", "الانتفاضة",
    "الثانية", "درصد", "نفر", "%", "\xFF", "\xC0\x80", "\xE2\x82", "\xD8", "ﻻ", "ﺍ", "date", "Tuesday", "رمضان", "هفته"};

TEST(ParserFuzz, RandomDateSoupNeverBreaksSpans) {
    const Parser parser;
    std::mt19937 rng(20261123);
    std::uniform_int_distribution<size_t> pick(0, kPieces.size() - 1), len(0, 60);
    std::uniform_int_distribution<int> lang(0, 3);
    for (int round = 0; round < 3000; ++round) {
        std::string text;
        for (size_t n = len(rng); n > 0; --n) text += kPieces[pick(rng)];
        ParseOptions opt;
        int l = lang(rng);
        if (l < 3) opt.lang = static_cast<Lang>(l);
        if (round % 2) opt.dct = parse_iso("2025-11-08");
        ParseResult r;
        ASSERT_NO_THROW(r = parser.parse(text, opt)) << text;
        uint32_t prev = 0;
        for (const Mention& m : r.mentions) {
            ASSERT_LE(prev, m.span.begin) << text;
            ASSERT_LT(m.span.begin, m.span.end) << text;
            ASSERT_LE(m.span.end, text.size()) << text;
            if (m.interval.anchored()) ASSERT_LE(*m.interval.earliest, *m.interval.latest) << text;
            prev = m.span.end;
            ASSERT_FALSE(mention_to_json(m, "fuzz", text).empty());
        }
    }
}

}  // namespace
}  // namespace tarikh
