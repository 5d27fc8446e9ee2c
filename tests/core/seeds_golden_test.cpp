// Golden expectations on the five seed articles, written by reading them:
// what a careful reader finds, traps included (PDF-split month names, a
// reversed mixed-digit range, quantities that are not years, dropped digits).
#include "tarikh/parser.h"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <string>

namespace tarikh {
namespace {

std::string read_seed(const std::string& name) {
    std::ifstream in(std::string(TARIKH_SOURCE_DIR) + "/seeds/" + name, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

struct Seed {
    std::string text;
    ParseResult result;
};

Seed parse_seed(const std::string& name) {
    static const Parser parser;
    Seed s{read_seed(name), {}};
    EXPECT_FALSE(s.text.empty()) << name;
    s.result = parser.parse(s.text);
    return s;
}

std::string span_text(const Seed& s, const Mention& m) { return s.text.substr(m.span.begin, m.span.end - m.span.begin); }

// The mention whose text contains `needle` (after the n-th occurrence).
const Mention* find(const Seed& s, const std::string& needle, int nth = 0) {
    for (const Mention& m : s.result.mentions)
        if (span_text(s, m).find(needle) != std::string::npos && nth-- == 0) return &m;
    return nullptr;
}

void expect_interval(const Mention* m, const char* a, const char* z, const std::string& what) {
    ASSERT_NE(m, nullptr) << what << ": not found";
    ASSERT_TRUE(m->interval.anchored()) << what << ": unanchored (" << m->value << ")";
    EXPECT_EQ(format_iso(*m->interval.earliest), a) << what;
    EXPECT_EQ(format_iso(*m->interval.latest), z) << what;
}

TEST(SeedsGolden, Datelines) {
    auto s0 = parse_seed("000_53f63c5791f19014.txt");
    EXPECT_EQ(s0.result.lang, lang_of("fa"));
    ASSERT_TRUE(s0.result.dct);
    EXPECT_EQ(format_iso(*s0.result.dct), "2026-01-27");  // "Tuesday, 27 January , 2026" at the very end
    auto s1 = parse_seed("001_1a966546b4fc3f60.txt");
    ASSERT_TRUE(s1.result.dct);
    EXPECT_EQ(format_iso(*s1.result.dct), "2025-11-08");  // " date 2025-11-08" opening the text
    auto s3 = parse_seed("003_24f4738793f23ab1.txt");
    EXPECT_EQ(s3.result.lang, lang_of("ar"));
    EXPECT_FALSE(s3.result.dct);
}

TEST(SeedsGolden, Article002ExplicitDates) {
    auto s = parse_seed("002_436d1943e68881f6.txt");
    EXPECT_EQ(s.result.lang, lang_of("fa"));
    expect_interval(find(s, "دسامبر"), "2023-12-01", "2023-12-31", "دسامبر ۲۰۲۳");
    expect_interval(find(s, "فوریه"), "2024-02-01", "2024-02-29", "فوریه ۲۰۲۴");
    expect_interval(find(s, "ژوئیه"), "2024-07-01", "2024-07-31", "ژوئیه ۲۰۲۴ (its در is on the line before)");
    // "در ا" … "کتبر ۲۰۲۴": the alef went to the end of the line
    const Mention* oct = find(s, "کتبر ۲۰۲۴");
    expect_interval(oct, "2024-10-01", "2024-10-31", "کتبر ۲۰۲۴");
    EXPECT_EQ(span_text(s, *oct), "کتبر ۲۰۲۴");
    // "در نوامبر همان سال" (with tatweel in سال): November of that same 2024
    const Mention* nov = find(s, "نوامبر همان");
    expect_interval(nov, "2024-11-01", "2024-11-30", "نوامبر همان سال");
    EXPECT_EQ(nov->anchor, Anchor::Previous);
    expect_interval(find(s, "ســـپتامبر"), "2024-09-01", "2024-09-30", "سپتامبر ۲۰۲۴ with tatweel");
    expect_interval(find(s, "اواخـــر"), "2006-09-01", "2009-12-31", "اواخر دهه ۲۰۰۰");
    expect_interval(find(s, "نوامبر ۲۰۲۱ تا مارس"), "2021-11-01", "2022-03-31", "نوامبر ۲۰۲۱ تا مارس ۲۰۲۲");
    expect_interval(find(s, "پاییز"), "2022-09-01", "2022-11-30", "پاییز ۲۰۲۲ (Gregorian year: meteorological)");
    expect_interval(find(s, "سالهای ۲۰۲۱"), "2021-01-01", "2022-12-31", "سالهای ۲۰۲۱ و ۲۰۲۲");
}

TEST(SeedsGolden, Article002Traps) {
    auto s = parse_seed("002_436d1943e68881f6.txt");
    // ")۲۰۰۰-\n\n۲۰۰۴(": a range across a blank line inside flipped parentheses
    expect_interval(find(s, "۲۰۰۰-"), "2000-01-01", "2004-12-31", "انتفاضه دوم )۲۰۰۰-۲۰۰۴(");
    // ")۱۹20-۱۹18(": mixed digits, reversed by bidi extraction
    const Mention* adr = find(s, "۱۹20");
    expect_interval(adr, "1918-01-01", "1920-12-31", "۱۹20-۱۹18");
    // "یک ماه بعد" after "اکتبر ۲۰۲۲" is November 2022
    const Mention* later = find(s, "یک ماه بعد");
    expect_interval(later, "2022-11-01", "2022-11-30", "یک ماه بعد");
    EXPECT_EQ(later->anchor, Anchor::Previous);
    expect_interval(find(s, "همان سال"), "2012-01-01", "2012-12-31", "در همان سال after ژوئن ۲۰۱۲");
    // Quantities are not years: ۶۰ درصد، ۶۰ تا ۶۹ درصد، ۵۵ درصد، ۱۰۰ کیلومتر، ۳۰۰۰ نفر
    for (const Mention& m : s.result.mentions) {
        std::string t = span_text(s, m);
        EXPECT_EQ(t.find("درصد"), std::string::npos) << t;
        EXPECT_EQ(t.find("۳۰۰۰"), std::string::npos) << t;
        EXPECT_EQ(t.find("کیلومتر"), std::string::npos) << t;
    }
    // "برای اولین بار در ۱۲ سال گذشته" is a span of twelve years, not a day 12
    const Mention* twelve = find(s, "سال گذشته");
    ASSERT_NE(twelve, nullptr);
    EXPECT_EQ(span_text(s, *twelve).rfind("۱۲", 0), 0u);
    EXPECT_EQ(twelve->type, MentionType::Duration);
    EXPECT_EQ(twelve->value, "P12Y");
}

TEST(SeedsGolden, Article002NamedEvents) {
    auto s = parse_seed("002_436d1943e68881f6.txt");
    const Mention* war44 = find(s, "۴۴");
    ASSERT_NE(war44, nullptr);
    EXPECT_EQ(war44->event, "second-karabakh-war");
    expect_interval(war44, "2020-09-27", "2020-11-10", "جنگ ۴۴ روزه قره‌باغ");
    // the bare "جنگ قرهباغ" after it: the document has already said which war
    const Mention* bare = find(s, "جنگ قرهباغ");
    ASSERT_NE(bare, nullptr);
    EXPECT_EQ(bare->event, "second-karabakh-war");
    EXPECT_EQ(bare->event_reason, "document");
    // "جنگ ۲۰۲۰ قرهباغ": a year inside the name
    const Mention* y2020 = find(s, "جنگ ۲۰۲۰");
    ASSERT_NE(y2020, nullptr);
    EXPECT_EQ(y2020->event, "second-karabakh-war");
    const Mention* intifada = find(s, "انتفاضه دوم");
    ASSERT_NE(intifada, nullptr);
    EXPECT_EQ(intifada->event, "second-intifada");
    // "یک قرن پیش از پیمان ابراهیم": a century before the accords, not the accords
    const Mention* century = find(s, "یک قرن پیش از پیمان ابراهیم");
    ASSERT_NE(century, nullptr);
    EXPECT_EQ(century->value, "19");
    EXPECT_TRUE(century->event.empty());
    expect_interval(century, "1901-01-01", "2000-12-31", "یک قرن پیش از پیمان ابراهیم");
}

TEST(SeedsGolden, Article001Relative) {
    auto s = parse_seed("001_1a966546b4fc3f60.txt");
    expect_interval(find(s, "۱۹۹۰"), "1990-01-01", "1999-12-31", "دههٔ ۱۹۹۰");
    const Mention* now = find(s, "اکنون");
    ASSERT_NE(now, nullptr);
    EXPECT_EQ(now->value, "PRESENT_REF");
    expect_interval(now, "2025-11-08", "2025-11-08", "اکنون");
    const Mention* decades = find(s, "سه دههٔ گذشته");
    ASSERT_NE(decades, nullptr);
    EXPECT_EQ(decades->value, "P3DE");
    const Mention* abraham = find(s, "پیمان ابراهیم");
    ASSERT_NE(abraham, nullptr);
    EXPECT_EQ(abraham->event, "abraham-accords");
}

TEST(SeedsGolden, ArabicArticles) {
    auto s3 = parse_seed("003_24f4738793f23ab1.txt");
    expect_interval(find(s3, "عام 2020"), "2020-01-01", "2020-12-31", "عام 2020");
    const Mention* acc = find(s3, "ابراهام");
    ASSERT_NE(acc, nullptr);
    EXPECT_EQ(acc->event, "abraham-accords");
    // no dateline: "last week" has no bounds rather than a guess
    const Mention* week = find(s3, "الأسبوع الماضي");
    ASSERT_NE(week, nullptr);
    EXPECT_FALSE(week->interval.anchored());
    // "17 كيلومترًا" is a distance
    for (const Mention& m : s3.result.mentions) EXPECT_EQ(span_text(s3, m).find("17"), std::string::npos);

    auto s4 = parse_seed("004_0eab1e3fa5b7244e.txt");
    // "أ" … "كتـوبر/تشرين الأول" with its day and year dropped: October, year unknown
    const Mention* oct = find(s4, "تشرين الأول");
    ASSERT_NE(oct, nullptr);
    EXPECT_EQ(oct->value, "XXXX-10");
    EXPECT_FALSE(oct->interval.anchored());
    const Mention* genocide = find(s4, "مذابح الأرمن");
    ASSERT_NE(genocide, nullptr);
    EXPECT_EQ(genocide->event, "armenian-genocide");
    // "بين عامي  و،": both years dropped; nothing to report, nothing invented
    for (const Mention& m : s4.result.mentions) EXPECT_EQ(span_text(s4, m).find("عامي"), std::string::npos);
}

TEST(SeedsGolden, SpansIndexTheInputAsGiven) {
    for (const char* name : {"000_53f63c5791f19014.txt", "001_1a966546b4fc3f60.txt", "002_436d1943e68881f6.txt",
                             "003_24f4738793f23ab1.txt", "004_0eab1e3fa5b7244e.txt"}) {
        auto s = parse_seed(name);
        EXPECT_FALSE(s.result.mentions.empty()) << name;
        uint32_t prev_end = 0;
        for (const Mention& m : s.result.mentions) {
            EXPECT_LT(m.span.begin, m.span.end);
            EXPECT_LE(m.span.end, s.text.size());
            EXPECT_GE(m.span.begin, prev_end) << name << ": mentions overlap or are out of order";
            prev_end = m.span.end;
            // a span starts and ends on code point boundaries
            EXPECT_NE(static_cast<unsigned char>(s.text[m.span.begin]) & 0xC0, 0x80);
            if (m.span.end < s.text.size()) EXPECT_NE(static_cast<unsigned char>(s.text[m.span.end]) & 0xC0, 0x80);
        }
    }
}

}  // namespace
}  // namespace tarikh
