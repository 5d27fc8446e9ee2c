// The time model's names and ISO dates.
#include "tarikh/time.h"

#include <gtest/gtest.h>

#include <string>

namespace tarikh {
namespace {

using namespace date::literals;

TEST(TimeNames, GranularityRoundTrips) {
    const Granularity all[] = {Granularity::Day,    Granularity::Week,    Granularity::Month,
                               Granularity::Season, Granularity::Quarter, Granularity::Half,
                               Granularity::Year,   Granularity::Decade,  Granularity::Century,
                               Granularity::Unknown};
    for (Granularity g : all) EXPECT_EQ(granularity_from_string(to_string(g)), g) << to_string(g);
    EXPECT_EQ(to_string(Granularity::Day), "day");
    EXPECT_EQ(to_string(Granularity::Quarter), "quarter");
    EXPECT_EQ(to_string(Granularity::Century), "century");
    EXPECT_EQ(to_string(Granularity::Unknown), "unknown");
    EXPECT_EQ(granularity_from_string("Day"), std::nullopt);
    EXPECT_EQ(granularity_from_string(""), std::nullopt);
}

TEST(TimeNames, ModRoundTrips) {
    EXPECT_EQ(to_string(Mod::None), "");
    EXPECT_EQ(to_string(Mod::Start), "START");
    EXPECT_EQ(to_string(Mod::Mid), "MID");
    EXPECT_EQ(to_string(Mod::End), "END");
    EXPECT_EQ(to_string(Mod::Approx), "APPROX");
    for (Mod m : {Mod::None, Mod::Start, Mod::Mid, Mod::End, Mod::Approx})
        EXPECT_EQ(mod_from_string(to_string(m)), m);
    EXPECT_EQ(mod_from_string("start"), std::nullopt);
    EXPECT_EQ(mod_from_string("LATE"), std::nullopt);
}

TEST(TimeNames, CalendarRoundTrips) {
    EXPECT_EQ(to_string(Calendar::Gregorian), "gregorian");
    EXPECT_EQ(to_string(Calendar::SolarHijri), "solar_hijri");
    EXPECT_EQ(to_string(Calendar::Islamic), "islamic");
    for (Calendar c : {Calendar::Gregorian, Calendar::SolarHijri, Calendar::Islamic})
        EXPECT_EQ(calendar_from_string(to_string(c)), c);
    EXPECT_EQ(calendar_from_string("persian"), std::nullopt);
}

TEST(IsoDate, Formats) {
    EXPECT_EQ(format_iso(Day{2023_y / 10 / 7}), "2023-10-07");
    EXPECT_EQ(format_iso(Day{2024_y / 2 / 29}), "2024-02-29");
    EXPECT_EQ(format_iso(Day{1970_y / 1 / 1}), "1970-01-01");
    // Years below 1000 keep four digits.
    EXPECT_EQ(format_iso(Day{date::year{622} / 7 / 16}), "0622-07-16");
    EXPECT_EQ(format_iso(Day{date::year{5} / 1 / 1}), "0005-01-01");
    EXPECT_EQ(format_iso(Day{date::year{0} / 12 / 31}), "0000-12-31");
}

TEST(IsoDate, ParsesValidDays) {
    EXPECT_EQ(parse_iso("2023-10-07"), Day{2023_y / 10 / 7});
    EXPECT_EQ(parse_iso("2024-02-29"), Day{2024_y / 2 / 29});
    EXPECT_EQ(parse_iso("0622-07-16"), Day{date::year{622} / 7 / 16});
    EXPECT_EQ(parse_iso("2000-02-29"), Day{2000_y / 2 / 29});
}

TEST(IsoDate, RejectsWhatIsNotStrictlyYyyyMmDd) {
    for (const char* bad : {"2023-02-30", "2023-02-29", "1900-02-29", "2023-13-01", "2023-00-10",
                            "2023-04-31", "2023-01-00", "2023-1-05", "2023-01-5", "23-01-05",
                            "20230105", "2023/01/05", " 2023-01-05", "2023-01-05 ", "2023-01-05T00",
                            "2023-0a-05", "+023-01-05", "", "2023-01-0\xd9"})
        EXPECT_EQ(parse_iso(bad), std::nullopt) << bad;
}

TEST(IsoDate, RoundTripsEveryDayOfFourCenturies) {
    for (Day d = Day{1800_y / 1 / 1}; d <= Day{2200_y / 12 / 31}; d += date::days{1}) {
        auto parsed = parse_iso(format_iso(d));
        ASSERT_TRUE(parsed.has_value()) << format_iso(d);
        ASSERT_EQ(*parsed, d);
    }
}

}  // namespace
}  // namespace tarikh
