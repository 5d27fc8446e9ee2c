// Solar Hijri and Umm al-Qura conversions, checked against known dates and
// against ICU's `persian` and `islamic-umalqura` calendars (the references).
#include "tarikh/calendar.h"

#include <gtest/gtest.h>
#include <unicode/calendar.h>
#include <unicode/locid.h>
#include <unicode/timezone.h>

#include <memory>
#include <thread>
#include <vector>

namespace tarikh {
namespace {

using namespace date::literals;

constexpr int kJulianDayOfUnixEpoch = 2440588;

// An ICU calendar of the given kind, on GMT so that its days are our days.
class IcuCalendar {
public:
    explicit IcuCalendar(const char* locale) {
        UErrorCode status = U_ZERO_ERROR;
        cal_.reset(icu::Calendar::createInstance(icu::TimeZone::getGMT()->clone(),
                                                 icu::Locale(locale), status));
        if (U_FAILURE(status)) cal_.reset();
    }
    bool ok() const { return cal_ != nullptr; }

    Day day_of(int year, int month, int day) {
        UErrorCode status = U_ZERO_ERROR;
        cal_->clear();
        cal_->set(UCAL_EXTENDED_YEAR, year);
        cal_->set(UCAL_MONTH, month - 1);
        cal_->set(UCAL_DATE, day);
        int32_t jd = cal_->get(UCAL_JULIAN_DAY, status);
        EXPECT_TRUE(U_SUCCESS(status));
        return Day{date::days{jd - kJulianDayOfUnixEpoch}};
    }

    // {year, month, day} of a Gregorian day in this calendar.
    std::array<int, 3> fields_of(Day d) {
        UErrorCode status = U_ZERO_ERROR;
        cal_->setTime(static_cast<UDate>(d.time_since_epoch().count()) * U_MILLIS_PER_DAY, status);
        std::array<int, 3> f{cal_->get(UCAL_EXTENDED_YEAR, status), cal_->get(UCAL_MONTH, status) + 1,
                             cal_->get(UCAL_DATE, status)};
        EXPECT_TRUE(U_SUCCESS(status));
        return f;
    }

private:
    std::unique_ptr<icu::Calendar> cal_;
};

Day ymd(int y, unsigned m, unsigned d) { return Day{date::year{y} / date::month{m} / date::day{d}}; }

// --- Solar Hijri -----------------------------------------------------------

TEST(SolarHijri, KnownDates) {
    EXPECT_EQ(from_solar_hijri(1404, 1, 1), ymd(2025, 3, 21));  // where 2820-year rules say 03-20
    EXPECT_EQ(from_solar_hijri(1402, 1, 1), ymd(2023, 3, 21));
    EXPECT_EQ(from_solar_hijri(1402, 1, 15), ymd(2023, 4, 4));
    EXPECT_EQ(from_solar_hijri(1357, 11, 22), ymd(1979, 2, 11));
    EXPECT_EQ(from_solar_hijri(1401, 12, 1), ymd(2023, 2, 20));
    EXPECT_EQ(from_solar_hijri(1402, 10, 1), ymd(2023, 12, 22));

    const SolarHijriDate bahman22 = to_solar_hijri(ymd(1979, 2, 11));
    EXPECT_EQ(bahman22.year, 1357);
    EXPECT_EQ(bahman22.month, 11u);
    EXPECT_EQ(bahman22.day, 22u);
    const SolarHijriDate nowruz = to_solar_hijri(ymd(2025, 3, 21));
    EXPECT_EQ(nowruz.year, 1404);
    EXPECT_EQ(nowruz.month, 1u);
    EXPECT_EQ(nowruz.day, 1u);
    const SolarHijriDate eve = to_solar_hijri(ymd(2025, 3, 20));
    EXPECT_EQ(eve.year, 1403);
    EXPECT_EQ(eve.month, 12u);
    EXPECT_EQ(eve.day, 30u);  // 1403 is a leap year
}

TEST(SolarHijri, LeapYearsAndMonthLengths) {
    EXPECT_TRUE(solar_hijri_leap(1403));
    EXPECT_FALSE(solar_hijri_leap(1402));
    EXPECT_FALSE(solar_hijri_leap(1404));
    EXPECT_TRUE(solar_hijri_leap(1399));
    EXPECT_TRUE(solar_hijri_leap(1408));  // 5 years after 1403: the 33-year rule's long gap
    for (unsigned m = 1; m <= 6; ++m) EXPECT_EQ(solar_hijri_month_length(1402, m), 31u);
    for (unsigned m = 7; m <= 11; ++m) EXPECT_EQ(solar_hijri_month_length(1402, m), 30u);
    EXPECT_EQ(solar_hijri_month_length(1402, 12), 29u);
    EXPECT_EQ(solar_hijri_month_length(1403, 12), 30u);
    // Exactly 8 leap years in every 33.
    for (int start : {1300, 1333, 1366, 1399, 1432}) {
        int leaps = 0;
        for (int y = start; y < start + 33; ++y) leaps += solar_hijri_leap(y);
        EXPECT_EQ(leaps, 8) << start;
    }
}

TEST(SolarHijri, EveryMonthStartOf1300To1500MatchesIcu) {
    IcuCalendar icu("@calendar=persian");
    ASSERT_TRUE(icu.ok());
    for (int y = 1300; y <= 1500; ++y) {
        for (unsigned m = 1; m <= 12; ++m) {
            ASSERT_EQ(from_solar_hijri(y, m, 1), icu.day_of(y, int(m), 1)) << y << "-" << m;
        }
        // The last month's length is the leap rule: check it against ICU's next Nowruz.
        ASSERT_EQ(from_solar_hijri(y, 12, solar_hijri_month_length(y, 12)) + date::days{1},
                  icu.day_of(y + 1, 1, 1))
            << y;
    }
}

TEST(SolarHijri, EveryDayOf1900To2100RoundTripsAndMatchesIcu) {
    IcuCalendar icu("@calendar=persian");
    ASSERT_TRUE(icu.ok());
    for (Day d = ymd(1900, 1, 1); d <= ymd(2100, 12, 31); d += date::days{1}) {
        const SolarHijriDate sh = to_solar_hijri(d);
        ASSERT_EQ(from_solar_hijri(sh.year, sh.month, sh.day), d);
        const auto expected = icu.fields_of(d);
        ASSERT_EQ((std::array<int, 3>{sh.year, int(sh.month), int(sh.day)}), expected);
    }
}

TEST(SolarHijri, FarFromTheAnchorStillRoundTrips) {
    for (int y : {-500, 0, 1, 475, 1000, 1178, 1633, 2000, 3000}) {
        for (unsigned m : {1u, 7u, 12u}) {
            const Day d = from_solar_hijri(y, m, 1);
            const SolarHijriDate back = to_solar_hijri(d);
            EXPECT_EQ(back.year, y);
            EXPECT_EQ(back.month, m);
            EXPECT_EQ(back.day, 1u);
            const SolarHijriDate before = to_solar_hijri(d - date::days{1});
            EXPECT_EQ(from_solar_hijri(before.year, before.month, before.day), d - date::days{1});
        }
    }
}

TEST(SolarHijri, MonthAndYearIntervals) {
    EXPECT_EQ(solar_hijri_month(1402, 1), (Interval{ymd(2023, 3, 21), ymd(2023, 4, 20)}));
    EXPECT_EQ(solar_hijri_month(1402, 9), (Interval{ymd(2023, 11, 22), ymd(2023, 12, 21)}));  // Azar
    EXPECT_EQ(solar_hijri_month(1402, 12), (Interval{ymd(2024, 2, 20), ymd(2024, 3, 19)}));
    EXPECT_EQ(solar_hijri_month(1403, 12), (Interval{ymd(2025, 2, 19), ymd(2025, 3, 20)}));
    EXPECT_EQ(solar_hijri_year(1402), (Interval{ymd(2023, 3, 21), ymd(2024, 3, 19)}));
    EXPECT_EQ(solar_hijri_year(1403), (Interval{ymd(2024, 3, 20), ymd(2025, 3, 20)}));
    EXPECT_EQ(solar_hijri_year(1357), (Interval{ymd(1978, 3, 21), ymd(1979, 3, 20)}));
}

// --- Islamic (Umm al-Qura) -------------------------------------------------

TEST(Islamic, KnownDates) {
    EXPECT_EQ(from_islamic(1447, 1, 1), ymd(2025, 6, 26));
    EXPECT_EQ(from_islamic(1445, 9, 15), ymd(2024, 3, 25));
    EXPECT_EQ(from_islamic(1445, 9, 1), ymd(2024, 3, 11));
    const IslamicDate d = to_islamic(ymd(2024, 3, 25));
    EXPECT_EQ(d.year, 1445);
    EXPECT_EQ(d.month, 9u);
    EXPECT_EQ(d.day, 15u);
    EXPECT_EQ(islamic_month(1445, 9), (Interval{ymd(2024, 3, 11), ymd(2024, 4, 9)}));
    EXPECT_EQ(islamic_year(1446), (Interval{ymd(2024, 7, 7), ymd(2025, 6, 25)}));
}

TEST(Islamic, EveryMonthOf1300To1600MatchesIcu) {
    IcuCalendar icu("@calendar=islamic-umalqura");
    ASSERT_TRUE(icu.ok());
    for (int y = 1300; y <= 1600; ++y) {
        for (unsigned m = 1; m <= 12; ++m) {
            const Day first = from_islamic(y, m, 1);
            ASSERT_EQ(first, icu.day_of(y, int(m), 1)) << y << "-" << m;
            const unsigned length = islamic_month_length(y, m);
            ASSERT_TRUE(length == 29 || length == 30) << y << "-" << m;
            ASSERT_EQ(islamic_month(y, m), (Interval{first, first + date::days{length - 1}}));
        }
    }
}

TEST(Islamic, EveryDayOfTheTableMatchesIcu) {
    IcuCalendar icu("@calendar=islamic-umalqura");
    ASSERT_TRUE(icu.ok());
    const Day first = from_islamic(1300, 1, 1);
    const Day last = from_islamic(1601, 1, 1) + date::days{40};  // and a little past the table
    for (Day d = first - date::days{40}; d <= last; d += date::days{1}) {
        const IslamicDate h = to_islamic(d);
        ASSERT_EQ((std::array<int, 3>{h.year, int(h.month), int(h.day)}), icu.fields_of(d))
            << format_iso(d);
        ASSERT_EQ(from_islamic(h.year, h.month, h.day), d) << format_iso(d);
    }
}

TEST(Islamic, OutsideTheTableFollowsIcu) {
    IcuCalendar icu("@calendar=islamic-umalqura");
    ASSERT_TRUE(icu.ok());
    for (int y : {1, 622, 1000, 1299, 1601, 1700}) {
        for (unsigned m : {1u, 6u, 12u}) {
            EXPECT_EQ(from_islamic(y, m, 1), icu.day_of(y, int(m), 1)) << y << "-" << m;
            const unsigned length = islamic_month_length(y, m);
            EXPECT_TRUE(length == 29 || length == 30);
            const Day last = from_islamic(y, m, length);
            const IslamicDate back = to_islamic(last);
            EXPECT_EQ(back.year, y);
            EXPECT_EQ(back.month, m);
            EXPECT_EQ(back.day, length);
        }
    }
    EXPECT_EQ(islamic_year(1700).earliest, from_islamic(1700, 1, 1));
    EXPECT_EQ(*islamic_year(1700).latest + date::days{1}, from_islamic(1701, 1, 1));
}

TEST(Islamic, ConcurrentFirstUseIsSafe) {
    // The table is built on first use and ICU is called on clones outside it:
    // many threads at once must all get ICU's answers.
    std::vector<std::thread> threads;
    std::vector<int> failures(4, 0);
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([t, &failures] {
            for (int i = 0; i < 200; ++i) {
                const int y = (t % 2 == 0) ? 1400 + i % 100 : 1650 + i % 50;
                const unsigned m = 1 + unsigned(i % 12);
                const Day d = from_islamic(y, m, 1);
                const IslamicDate back = to_islamic(d);
                if (back.year != y || back.month != m || back.day != 1) ++failures[t];
            }
        });
    }
    for (auto& th : threads) th.join();
    for (int f : failures) EXPECT_EQ(f, 0);
}

// date_in is day_in's inverse in each calendar, over years of every calendar's range.
TEST(AnyCalendar, DateInUndoesDayIn) {
    for (Calendar c : {Calendar::Gregorian, Calendar::SolarHijri, Calendar::Islamic})
        for (int y : {-500, 1, 622, 1300, 1402, 1445, 2024, 2600})
            for (unsigned m = 1; m <= 12; ++m)
                for (unsigned d : {1u, month_length(c, y, m)}) {
                    const std::optional<Day> day = day_in(c, y, m, d);
                    ASSERT_TRUE(day);
                    const CalendarDate back = date_in(c, *day);
                    EXPECT_EQ(back.year, y);
                    EXPECT_EQ(back.month, m);
                    EXPECT_EQ(back.day, d);
                }
    EXPECT_EQ(date_in(Calendar::SolarHijri, Day{2023_y / 10 / 7}).month, 7u);  // 15 Mehr 1402
    EXPECT_EQ(date_in(Calendar::Islamic, Day{2024_y / 3 / 11}).month, 9u);     // 1 Ramadan 1445
}

}  // namespace
}  // namespace tarikh
