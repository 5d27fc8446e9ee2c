// Holiday rules against days known from published calendars: Easter tables,
// Iran's official calendar (ICU `persian`) and Umm al-Qura (ICU
// `islamic-umalqura`; the values below were read from ICU 72).
#include "text/tsv.h"
#include "embedded_data.h"
#include "tarikh/calendar.h"
#include "tarikh/holidays.h"

#include <gtest/gtest.h>

#include <charconv>
#include <set>

namespace tarikh {
namespace {

Day ymd(int y, unsigned m, unsigned d) { return Day{date::year{y} / date::month{m} / date::day{d}}; }
Interval one_day(int y, unsigned m, unsigned d) { return {ymd(y, m, d), ymd(y, m, d)}; }

HolidayRule rule(Calendar c, std::string_view text, int offset = 0, int days = 1) {
    std::string error;
    auto r = parse_holiday_rule(c, text, offset, days, &error);
    EXPECT_TRUE(r.has_value()) << error;
    return r.value_or(HolidayRule{});
}

TEST(Holidays, WesternEasterMatchesPublishedTables) {
    EXPECT_EQ(western_easter(2000), ymd(2000, 4, 23));
    EXPECT_EQ(western_easter(2008), ymd(2008, 3, 23));
    EXPECT_EQ(western_easter(2019), ymd(2019, 4, 21));
    EXPECT_EQ(western_easter(2021), ymd(2021, 4, 4));
    EXPECT_EQ(western_easter(2024), ymd(2024, 3, 31));
    EXPECT_EQ(western_easter(2025), ymd(2025, 4, 20));
    EXPECT_EQ(western_easter(1818), ymd(1818, 3, 22));  // the earliest possible day
    EXPECT_EQ(western_easter(2038), ymd(2038, 4, 25));  // the latest possible day
}

TEST(Holidays, WesternEasterIsASundayBetween22MarchAnd25April) {
    for (int y = 1583; y <= 3000; ++y) {
        const Day e = western_easter(y);
        ASSERT_EQ(date::weekday{e}, date::Sunday) << y;
        ASSERT_GE(e, ymd(y, 3, 22)) << y;
        ASSERT_LE(e, ymd(y, 4, 25)) << y;
    }
}

TEST(Holidays, OrthodoxEasterIsTheJulianComputusAsAGregorianDay) {
    EXPECT_EQ(orthodox_easter(2010), ymd(2010, 4, 4));   // the same day as the Western one
    EXPECT_EQ(orthodox_easter(2021), ymd(2021, 5, 2));
    EXPECT_EQ(orthodox_easter(2023), ymd(2023, 4, 16));
    EXPECT_EQ(orthodox_easter(2024), ymd(2024, 5, 5));
    EXPECT_EQ(orthodox_easter(2025), ymd(2025, 4, 20));
    for (int y = 1900; y <= 2099; ++y) {
        const Day e = orthodox_easter(y);
        ASSERT_EQ(date::weekday{e}, date::Sunday) << y;
        // In these centuries the Julian 22 March – 25 April is Gregorian 4 April – 8 May.
        ASSERT_GE(e, ymd(y, 4, 4)) << y;
        ASSERT_LE(e, ymd(y, 5, 8)) << y;
        ASSERT_GE(e, western_easter(y)) << y;
    }
}

TEST(Holidays, NthAndLastWeekdayOfAMonthInEachCalendar) {
    // Thanksgiving: the fourth Thursday of November.
    EXPECT_EQ(nth_weekday_of_month(Calendar::Gregorian, 2020, 11, 4, 4), ymd(2020, 11, 26));
    EXPECT_EQ(nth_weekday_of_month(Calendar::Gregorian, 2023, 3, 1, 1), ymd(2023, 3, 6));
    EXPECT_EQ(nth_weekday_of_month(Calendar::Gregorian, 2021, 11, 5, -1), ymd(2021, 11, 26));
    // November 2019 has four Thursdays and five Fridays.
    EXPECT_EQ(nth_weekday_of_month(Calendar::Gregorian, 2019, 11, 4, -1), ymd(2019, 11, 28));
    EXPECT_EQ(nth_weekday_of_month(Calendar::Gregorian, 2019, 11, 4, 5), std::nullopt);
    EXPECT_EQ(nth_weekday_of_month(Calendar::Gregorian, 2019, 11, 5, 5), ymd(2019, 11, 29));
    // Ramadan 1439 ran 16 May – 14 June 2018: its last Friday (Quds Day) was 8 June.
    EXPECT_EQ(nth_weekday_of_month(Calendar::Islamic, 1439, 9, 5, -1), ymd(2018, 6, 8));
    // Ramadan 1445 began on Monday 11 March 2024: its first Friday was 15 March.
    EXPECT_EQ(nth_weekday_of_month(Calendar::Islamic, 1445, 9, 5, 1), ymd(2024, 3, 15));
    // Esfand 1402 (20 Feb – 19 Mar 2024): its last Wednesday was 13 March.
    EXPECT_EQ(nth_weekday_of_month(Calendar::SolarHijri, 1402, 12, 3, -1), ymd(2024, 3, 13));
}

TEST(Holidays, RulesParseAndRefuseWhatTheyCannotRead) {
    std::string error;
    EXPECT_FALSE(parse_holiday_rule(Calendar::Gregorian, "13-01", 0, 1, &error));
    EXPECT_NE(error.find("13-01"), std::string::npos);
    EXPECT_FALSE(parse_holiday_rule(Calendar::Gregorian, "11-w8#4", 0, 1));
    EXPECT_FALSE(parse_holiday_rule(Calendar::Gregorian, "11-w4#6", 0, 1));
    EXPECT_FALSE(parse_holiday_rule(Calendar::Gregorian, "11-w4", 0, 1));
    EXPECT_FALSE(parse_holiday_rule(Calendar::Islamic, "easter", 0, 1));
    EXPECT_FALSE(parse_holiday_rule(Calendar::Gregorian, "12-25", 0, 0));
    EXPECT_FALSE(parse_holiday_rule(Calendar::Gregorian, "christmas", 0, 1));
    EXPECT_FALSE(parse_holiday_rule(Calendar::Gregorian, "12-25x", 0, 1));
}

// Every row of engine/data/holidays.tsv is a rule that parses and gives a day
// in the years news is about.
TEST(Holidays, TheDataFileHoldsOnlyRulesThatParse) {
    std::set<std::string, std::less<>> ids;
    int rows = 0;
    text::for_each_tsv_row(embedded_data("data/holidays.tsv"), [&](const std::vector<std::string_view>& f) {
        ++rows;
        ASSERT_GE(f.size(), 5u) << f[0];
        EXPECT_TRUE(ids.emplace(f[0]).second) << "duplicate id " << f[0];
        auto calendar = calendar_from_string(f[1]);
        ASSERT_TRUE(calendar) << f[0] << ": calendar " << f[1];
        int offset = 0, days = 0;
        std::from_chars(f[3].data() + (f[3].starts_with('+') ? 1 : 0), f[3].data() + f[3].size(), offset);
        std::from_chars(f[4].data(), f[4].data() + f[4].size(), days);
        std::string error;
        auto r = parse_holiday_rule(*calendar, f[2], offset, days, &error);
        ASSERT_TRUE(r) << f[0] << ": " << error;
        const int year = *calendar == Calendar::SolarHijri ? 1403 : *calendar == Calendar::Islamic ? 1445 : 2024;
        EXPECT_TRUE(holiday_in_year(*r, year)) << f[0];
    });
    EXPECT_GT(rows, 40);
}

TEST(Holidays, SolarHijriHolidaysAndPeriods) {
    EXPECT_EQ(holiday_in_year(rule(Calendar::SolarHijri, "01-01"), 1403), one_day(2024, 3, 20));
    EXPECT_EQ(holiday_in_year(rule(Calendar::SolarHijri, "09-30"), 1402), one_day(2023, 12, 21));
    // Sacred Defence Week, 31 Shahrivar – 6 Mehr: 22–28 September 2022.
    EXPECT_EQ(holiday_in_year(rule(Calendar::SolarHijri, "06-31", 0, 7), 1401),
              (Interval{ymd(2022, 9, 22), ymd(2022, 9, 28)}));
    // The Ten Days of Dawn, 12–22 Bahman 1402.
    EXPECT_EQ(holiday_in_year(rule(Calendar::SolarHijri, "11-12", 0, 11), 1402),
              (Interval{ymd(2024, 2, 1), ymd(2024, 2, 11)}));
    // Chaharshanbe Suri: the eve of the last Wednesday of Esfand 1402.
    EXPECT_EQ(holiday_in_year(rule(Calendar::SolarHijri, "12-w3#-1", -1), 1402), one_day(2024, 3, 12));
    // Nowruz in a Gregorian year: 1 Farvardin 1403.
    EXPECT_EQ(holiday_in(rule(Calendar::SolarHijri, "01-01"), Calendar::Gregorian, 2024), one_day(2024, 3, 20));
}

TEST(Holidays, IslamicHolidaysFollowUmmAlQura) {
    const HolidayRule fitr = rule(Calendar::Islamic, "10-01");
    EXPECT_EQ(holiday_in_year(fitr, 1445), one_day(2024, 4, 10));
    EXPECT_EQ(holiday_in(fitr, Calendar::Gregorian, 2024), one_day(2024, 4, 10));
    // 2000 held two Eids al-Fitr (AH 1420 and 1421): the first is meant.
    EXPECT_EQ(holiday_in(fitr, Calendar::Gregorian, 2000), one_day(2000, 1, 8));
    EXPECT_EQ(holiday_in(rule(Calendar::Islamic, "12-10"), Calendar::Gregorian, 2023), one_day(2023, 6, 28));
    EXPECT_EQ(holiday_in_year(rule(Calendar::Islamic, "01-10"), 1441), one_day(2019, 9, 9));
    EXPECT_EQ(holiday_in_year(rule(Calendar::Islamic, "09-w5#-1"), 1439), one_day(2018, 6, 8));
    // The first ten days of Muharram 1437.
    EXPECT_EQ(holiday_in_year(rule(Calendar::Islamic, "01-01", 0, 10), 1437),
              (Interval{ymd(2015, 10, 14), ymd(2015, 10, 23)}));
}

TEST(Holidays, GregorianRulesWithOffsets) {
    EXPECT_EQ(holiday_in_year(rule(Calendar::Gregorian, "easter", -2), 2021), one_day(2021, 4, 2));
    EXPECT_EQ(holiday_in_year(rule(Calendar::Gregorian, "easter", 49), 2021), one_day(2021, 5, 23));
    EXPECT_EQ(holiday_in_year(rule(Calendar::Gregorian, "11-w1#1", 1), 2020), one_day(2020, 11, 3));
    EXPECT_EQ(holiday_in_year(rule(Calendar::Gregorian, "05-w1#-1"), 2024), one_day(2024, 5, 27));
}

TEST(Holidays, TheOccurrenceNearADay) {
    const HolidayRule arbaeen = rule(Calendar::Islamic, "02-20");
    // 20 Safar 1445 was 5 September 2023: nearest to 20 August 2023, and the next one.
    EXPECT_EQ(holiday_near(arbaeen, ymd(2023, 8, 20), Lean::Nearest), one_day(2023, 9, 5));
    EXPECT_EQ(holiday_near(arbaeen, ymd(2023, 8, 20), Lean::Forward), one_day(2023, 9, 5));
    // Looking back from then: 20 Safar 1444, 16 September 2022.
    EXPECT_EQ(holiday_near(arbaeen, ymd(2023, 8, 20), Lean::Backward), one_day(2022, 9, 16));
    const HolidayRule christmas = rule(Calendar::Gregorian, "12-25");
    EXPECT_EQ(holiday_near(christmas, ymd(2022, 12, 10), Lean::Nearest), one_day(2022, 12, 25));
    EXPECT_EQ(holiday_near(christmas, ymd(2023, 1, 10), Lean::Nearest), one_day(2022, 12, 25));
    EXPECT_EQ(holiday_near(christmas, ymd(2023, 1, 10), Lean::Forward), one_day(2023, 12, 25));
    EXPECT_EQ(holiday_near(christmas, ymd(2022, 12, 25), Lean::Backward), one_day(2022, 12, 25));
    // A period that has begun is still the one meant looking forward.
    const HolidayRule week = rule(Calendar::SolarHijri, "06-31", 0, 7);
    EXPECT_EQ(holiday_near(week, ymd(2022, 9, 25), Lean::Forward), (Interval{ymd(2022, 9, 22), ymd(2022, 9, 28)}));
    EXPECT_EQ(holiday_near(rule(Calendar::Gregorian, "easter"), ymd(2025, 4, 10), Lean::Nearest), one_day(2025, 4, 20));
}

TEST(Calendars, OneDispatchForTheThreeCalendars) {
    EXPECT_EQ(day_in(Calendar::SolarHijri, 1404, 1, 1), ymd(2025, 3, 21));
    EXPECT_EQ(day_in(Calendar::Islamic, 1445, 10, 1), ymd(2024, 4, 10));
    EXPECT_EQ(day_in(Calendar::Gregorian, 2024, 2, 29), ymd(2024, 2, 29));
    EXPECT_EQ(day_in(Calendar::Gregorian, 2023, 2, 29), std::nullopt);
    EXPECT_EQ(day_in(Calendar::SolarHijri, 1402, 12, 30), std::nullopt);  // 1402 is not a leap year
    EXPECT_EQ(day_in(Calendar::SolarHijri, 1403, 13, 1), std::nullopt);
    EXPECT_EQ(month_length(Calendar::Gregorian, 2024, 2), 29u);
    EXPECT_EQ(year_of(Calendar::SolarHijri, ymd(2025, 3, 20)), 1403);
    EXPECT_EQ(year_of(Calendar::Islamic, ymd(2024, 4, 10)), 1445);
    EXPECT_EQ(month_span(Calendar::SolarHijri, 1403, 2), (Interval{ymd(2024, 4, 20), ymd(2024, 5, 20)}));
    EXPECT_EQ(year_span(Calendar::Gregorian, 2024), (Interval{ymd(2024, 1, 1), ymd(2024, 12, 31)}));
}

}  // namespace
}  // namespace tarikh
