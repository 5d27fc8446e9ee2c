// Sentence segmentation: punctuation in three languages, abbreviations and
// decimals, paragraphs, and the hard-wrapped text of PDF extraction.
#include "events/sentences.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace tarikh::events {
namespace {

using ::testing::ElementsAre;

std::vector<std::string> sentences(std::string_view text, const std::vector<Span>& keep = {},
                                   const std::vector<Span>& alone = {}) {
    std::vector<std::string> out;
    for (Span s : split_sentences(text, keep, alone)) out.emplace_back(text.substr(s.begin, s.end - s.begin));
    return out;
}

Span span_of(std::string_view text, std::string_view part) {
    size_t b = text.find(part);
    EXPECT_NE(b, std::string_view::npos) << part;
    return {uint32_t(b), uint32_t(b + part.size())};
}

TEST(Sentences, TerminalMarks) {
    EXPECT_THAT(sentences("One. Two! Three? Four"), ElementsAre("One.", "Two!", "Three?", "Four"));
    EXPECT_THAT(sentences("آیا می‌آید؟ بله."), ElementsAre("آیا می‌آید؟", "بله."));
    EXPECT_THAT(sentences("هل يأتي؟ نعم… ربما."), ElementsAre("هل يأتي؟", "نعم…", "ربما."));
}

TEST(Sentences, NotAtDecimalsDomainsOrAbbreviations) {
    EXPECT_THAT(sentences("Growth was 3.5 percent. Then it fell."),
                ElementsAre("Growth was 3.5 percent.", "Then it fell."));
    EXPECT_THAT(sentences("The U.S. and Iran met. Talks went on."),
                ElementsAre("The U.S. and Iran met.", "Talks went on."));
    EXPECT_THAT(sentences("Gen. Smith left. He came back."), ElementsAre("Gen. Smith left.", "He came back."));
    EXPECT_THAT(sentences("see Zman.co.il for more. Next."), ElementsAre("see Zman.co.il for more.", "Next."));
    // Seed 002 writes the domain with a space: "Zman.co. il".
    EXPECT_THAT(sentences("در سال ۲۰۲۲ ) Zman.co. il( اعلام کرد. بعد"),
                ElementsAre("در سال ۲۰۲۲ ) Zman.co. il( اعلام کرد.", "بعد"));
    EXPECT_THAT(sentences("رشد ۳.۵ درصد بود. پایان."), ElementsAre("رشد ۳.۵ درصد بود.", "پایان."));
}

TEST(Sentences, ClosingQuotesStayWithTheSentence) {
    EXPECT_THAT(sentences("He said \"no.\" Then left."), ElementsAre("He said \"no.\"", "Then left."));
    // Bidi extraction flips guillemets: the closing one comes out as «.
    EXPECT_THAT(sentences("گفت: »ما ماندیم.« سپس رفت."), ElementsAre("گفت: »ما ماندیم.«", "سپس رفت."));
}

TEST(Sentences, ParagraphsEndSentences) {
    // Each line a paragraph (most lines end a sentence): a line break ends a sentence too.
    const std::string text =
        "A headline without a full stop\nThe first paragraph ends here.\nThe second one too.\n\nA third.";
    EXPECT_FALSE(is_hard_wrapped(text));
    EXPECT_THAT(sentences(text), ElementsAre("A headline without a full stop", "The first paragraph ends here.",
                                             "The second one too.", "A third."));
}

TEST(Sentences, HardWrappedLinesAreSpaces) {
    // Seed 002: a line break (and even a blank line, a column or page break)
    // every few words; the sentence goes on.
    const std::string text =
        "از اواخـــر دهـــه ۲۰۰۰، آذربایجـــان به یکی \n\n"
        "از بزرگترین واردکنندگان تسلیحات \n"
        "اسرائیلی تبدیل شد و ۶۰ تا ۶۹ درصد \n"
        "از واردات نظامـــی خـــود را از اســـرائیل \n"
        "تأمین کرد. قراردادهای جدید نظامی \n"
        "در ســـپتامبر ۲۰۲۴ امضـــا شـــد کـــه \n"
        "نهتنها میلیاردها دلار برای اســـرائیل \n"
        "درآمدزایی کرد.";
    EXPECT_TRUE(is_hard_wrapped(text));
    auto got = sentences(text);
    ASSERT_EQ(got.size(), 2u);
    EXPECT_TRUE(got[0].starts_with("از اواخـــر"));
    EXPECT_TRUE(got[0].ends_with("تأمین کرد."));
    EXPECT_TRUE(got[1].starts_with("قراردادهای جدید"));
}

TEST(Sentences, HeadingsInWrappedTextStandAlone) {
    const std::string text =
        "پرتنش باقی مانده است. \n\n"
        "  به نام قفقاز، به کام تلآویو\n"
        "در جنـــگ ۴۴ روزه قرهبـــاغ، آذربایجـــان موفق شـــد مرز خود با ایـــران را ۱۰۰ کیلومتر \n"
        "افزایش دهد. در این جنگ، اســـرائیل به عنوان متحد اســـتراتژیک آذربایجان، با \n"
        "تأمین تســـلیحات پیشـــرفته، نقش کلیدی در پیروزی باکو ایفا کرد، درحالیکه \n"
        "ایران از ارمنستان حمایت میکرد";
    auto got = sentences(text);
    ASSERT_EQ(got.size(), 4u);
    EXPECT_EQ(got[1], "به نام قفقاز، به کام تلآویو");
    EXPECT_TRUE(got[2].starts_with("در جنـــگ ۴۴ روزه"));
    EXPECT_TRUE(got[2].ends_with("افزایش دهد."));
}

TEST(Sentences, KeepTogetherSpansAreNeverCut) {
    // Seed 002: the range ")۲۰۰۰-\n\n۲۰۰۴(" runs over a blank line in a paragraph text.
    const std::string text = "Line one ends here.\nIn 2000-\n\n2004 it stayed.\nDone.";
    EXPECT_THAT(sentences(text), ElementsAre("Line one ends here.", "In 2000-", "2004 it stayed.", "Done."));
    EXPECT_THAT(sentences(text, {span_of(text, "2000-\n\n2004")}),
                ElementsAre("Line one ends here.", "In 2000-\n\n2004 it stayed.", "Done."));
}

TEST(Sentences, StandAloneSpansAreCutOff) {
    const std::string text = " date 2025-11-08 قاسم مؤمنی اظهار کرد: آمریکا. بعد.";
    EXPECT_THAT(sentences(text, {}, {span_of(text, "2025-11-08")}),
                ElementsAre("date", "2025-11-08", "قاسم مؤمنی اظهار کرد: آمریکا.", "بعد."));
}

TEST(Sentences, SpansAreTrimmedAndPointIntoTheInput) {
    const std::string text = "  \n Hello there.   \n\n  ";
    auto spans = split_sentences(text);
    ASSERT_EQ(spans.size(), 1u);
    EXPECT_EQ(text.substr(spans[0].begin, spans[0].end - spans[0].begin), "Hello there.");
    EXPECT_TRUE(split_sentences("").empty());
    EXPECT_TRUE(split_sentences(" . ! \n\n ").empty());
}

TEST(Sentences, ClauseMarks) {
    const std::string text = "a،b,c؛d;e:f";
    EXPECT_EQ(clause_mark_at(text, 1), 2u);  // ،
    EXPECT_EQ(clause_mark_at(text, 0), 0u);
    EXPECT_EQ(clause_mark_at(text, 4), 1u);  // ,
    EXPECT_EQ(clause_mark_at(text, 6), 2u);  // ؛
}

}  // namespace
}  // namespace tarikh::events
