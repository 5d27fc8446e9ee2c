// Human dates (tarikh/human_date.h): what a person reads instead of a TIMEX
// code, in English, Persian and Arabic, for every kind of interval the
// parser gives.
#include "store_fixtures.h"

#include "tarikh/human_date.h"
#include "tarikh/messages.h"
#include "tarikh/parser.h"

#include <gtest/gtest.h>

namespace tarikh {
namespace {

// The first date mention of `text`, said in `lang`'s words.
std::string said(const std::string& text, std::string_view lang = "en") {
    Parser parser;
    for (const Mention& m : parser.parse(text).mentions)
        if (m.type == MentionType::Date) return human_date(m.interval, m.granularity, m.mod, m.value, Messages::of(lang));
    return "(no date)";
}

TEST(HumanDate, EveryUnitTheParserGivesReadsAsAPersonSaysIt) {
    EXPECT_EQ(said("7 October 2023"), "7 October 2023");
    EXPECT_EQ(said("October 2023"), "October 2023");
    EXPECT_EQ(said("summer 2018"), "summer 2018");
    EXPECT_EQ(said("the 1990s"), "1990s");
    EXPECT_EQ(said("early 1990s"), "early 1990s");
    EXPECT_EQ(said("Q1 2023"), "Q1 2023");
    EXPECT_EQ(said("the first half of 2022"), "first half of 2022");
    EXPECT_EQ(said("the 20th century"), "20th century");
    EXPECT_EQ(said("2019"), "2019");
    EXPECT_EQ(said("مهر ۱۴۰۲"), "Mehr 1402");
    EXPECT_EQ(said("تابستان ۱۴۰۲"), "summer 1402 SH");
    EXPECT_EQ(said("سال ۱۴۰۲"), "1402 SH");
    EXPECT_EQ(said("اواخر سال ۱۴۰۱"), "late 1401 SH");
    EXPECT_EQ(said("رمضان ۱۴۴۵"), "Ramadan 1445");
    EXPECT_EQ(said("from November 2021 to March 2022"), "November 2021 – March 2022");
    EXPECT_EQ(said("from 27 September to 10 November 2020"), "27 September – 10 November 2020");
}

TEST(HumanDate, PersianAndArabicWordsAndDigits) {
    EXPECT_EQ(said("October 2023", "fa"), "اکتبر ۲۰۲۳");
    EXPECT_EQ(said("مهر ۱۴۰۲", "fa"), "مهر ۱۴۰۲");
    EXPECT_EQ(said("تابستان ۱۴۰۲", "fa"), "تابستان ۱۴۰۲");
    EXPECT_EQ(said("early 1990s", "fa"), "اوایل دههٔ ۱۹۹۰");
    EXPECT_EQ(said("رمضان ۱۴۴۵", "ar"), "رمضان ١٤٤٥");
    EXPECT_EQ(said("summer 2018", "ar"), "صيف ٢٠١٨");
}

TEST(HumanDate, NoTimexCodeEverShows) {
    const Messages& en = Messages::of("en");
    EXPECT_EQ(human_date(Interval{}, Granularity::Unknown, Mod::None, "XXXX-XX-XX", en), "undated");
    EXPECT_EQ(human_date(Interval{}, Granularity::Unknown, Mod::None, "PAST_REF", en), "undated");
    using testing::day;
    EXPECT_EQ(human_date({day(1990, 1, 1), day(1999, 12, 31)}, Granularity::Decade, Mod::None, "199", en), "1990s");
    EXPECT_EQ(human_date({day(2018, 6, 1), day(2018, 8, 31)}, Granularity::Season, Mod::None, "2018-SU", en),
              "summer 2018");
    // A corrected interval carries no unit: it is read from its days.
    EXPECT_EQ(human_date({day(2021, 3, 21), day(2022, 3, 20)}, Granularity::Day, Mod::None, "", en), "1400 SH");
    EXPECT_EQ(human_date({day(2020, 2, 3), day(2020, 2, 9)}, Granularity::Day, Mod::None, "2020-02-03/2020-02-09", en),
              "3 – 9 February 2020");
}

TEST(Messages, PluralsFollowEachLanguagesRules) {
    // Patterns given in the test: the rules come from CLDR, not from us.
    EXPECT_EQ(Messages::of("en").count(17408), "17,408");
    EXPECT_EQ(Messages::of("fa").count(17408), "۱۷٬۴۰۸");
    EXPECT_EQ(Messages::of("fa").digits(1402), "۱۴۰۲");
    EXPECT_EQ(Messages::of("en").month(Calendar::SolarHijri, 7), "Mehr");
    EXPECT_EQ(Messages::of("fa").month(Calendar::SolarHijri, 7), "مهر");
    EXPECT_EQ(Messages::of("en").month(Calendar::Islamic, 9), "Ramadan");
    // A key no language has is shown as written.
    EXPECT_STREQ(Messages::of("fa").tr("no such key"), "no such key");
}

}  // namespace
}  // namespace tarikh
