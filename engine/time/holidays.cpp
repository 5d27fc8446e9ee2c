// Holiday rules: parsing holidays.tsv's date column, the two Easter computi,
// and occurrences in a year or near a day, in any of the three calendars.
#include "tarikh/holidays.h"

#include "tarikh/calendar.h"

#include <charconv>
#include <cstdlib>

namespace tarikh {
namespace {

using namespace date;

// A signed integer filling all of `s` ("+49", "-2", "4").
std::optional<int> whole_int(std::string_view s) {
    if (!s.empty() && s.front() == '+') s.remove_prefix(1);
    int v = 0;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (s.empty() || ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
    return v;
}

// Days since 1970-01-01 of a day of the proleptic Julian calendar (Hinnant's
// days_from_civil with the Julian leap rule: 1461 days in every 4 years).
int64_t julian_to_days(int64_t y, unsigned m, unsigned d) {
    y -= m <= 2;
    const int64_t era = (y >= 0 ? y : y - 3) / 4;
    const int64_t yoe = y - era * 4;
    const int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    // 719470: days from Julian 0000-03-01 to 1970-01-01 (Gregorian), so that
    // Julian 5 October 1582 is Gregorian 15 October 1582.
    return era * 1461 + yoe * 365 + doy - 719470;
}

// The rule's day in `year` of its calendar, before the offset and length.
std::optional<Day> rule_day(const HolidayRule& r, int year) {
    switch (r.kind) {
        case HolidayRule::Kind::Fixed: return day_in(r.calendar, year, r.month, r.day);
        case HolidayRule::Kind::WesternEaster: return western_easter(year);
        case HolidayRule::Kind::OrthodoxEaster: return orthodox_easter(year);
        case HolidayRule::Kind::NthWeekday: return nth_weekday_of_month(r.calendar, year, r.month, r.weekday, r.nth);
    }
    return std::nullopt;
}

// The calendar whose years number the rule's occurrences (Easter: Gregorian).
Calendar rule_calendar(const HolidayRule& r) {
    return r.kind == HolidayRule::Kind::Fixed || r.kind == HolidayRule::Kind::NthWeekday ? r.calendar
                                                                                         : Calendar::Gregorian;
}

}  // namespace

std::optional<HolidayRule> parse_holiday_rule(Calendar calendar, std::string_view rule, int offset_days,
                                              int length_days, std::string* error) {
    auto fail = [&](std::string why) -> std::optional<HolidayRule> {
        if (error) *error = std::string(rule) + ": " + why;
        return std::nullopt;
    };
    if (length_days < 1) return fail("a holiday lasts at least one day");
    HolidayRule r;
    r.calendar = calendar;
    r.offset_days = offset_days;
    r.length_days = length_days;
    if (rule == "easter" || rule == "orthodox-easter") {
        if (calendar != Calendar::Gregorian) return fail("Easter is a Gregorian rule");
        r.kind = rule == "easter" ? HolidayRule::Kind::WesternEaster : HolidayRule::Kind::OrthodoxEaster;
        return r;
    }
    // MM-DD or MM-wD#N
    const size_t dash = rule.find('-');
    if (dash == std::string_view::npos) return fail("expected MM-DD, MM-wD#N, easter or orthodox-easter");
    auto month = whole_int(rule.substr(0, dash));
    if (!month || *month < 1 || *month > 12) return fail("month out of 1-12");
    r.month = unsigned(*month);
    std::string_view rest = rule.substr(dash + 1);
    if (rest.starts_with("w")) {
        const size_t hash = rest.find('#');
        if (hash == std::string_view::npos) return fail("expected MM-wD#N");
        auto wd = whole_int(rest.substr(1, hash - 1));
        auto nth = whole_int(rest.substr(hash + 1));
        if (!wd || *wd < 1 || *wd > 7) return fail("weekday out of 1-7 (ISO, 1 = Monday)");
        if (!nth || *nth == 0 || *nth > 5 || *nth < -1) return fail("expected #1 to #5, or #-1 for the last");
        r.kind = HolidayRule::Kind::NthWeekday;
        r.weekday = unsigned(*wd);
        r.nth = *nth;
        return r;
    }
    auto day = whole_int(rest);
    if (!day || *day < 1 || *day > 31) return fail("day out of 1-31");
    r.kind = HolidayRule::Kind::Fixed;
    r.day = unsigned(*day);
    return r;
}

Day western_easter(int y) {
    // The anonymous Gregorian algorithm (Meeus, Astronomical Algorithms, ch. 8).
    const int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
    const int h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4;
    const int l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451;
    const int n = h + l - 7 * m + 114;
    return Day{year{y} / month{unsigned(n / 31)} / day{unsigned(n % 31 + 1)}};
}

Day orthodox_easter(int y) {
    // Meeus's Julian algorithm gives the Julian date; the day is then the same
    // instant counted in Gregorian days.
    const int a = y % 4, b = y % 7, c = y % 19;
    const int d = (19 * c + 15) % 30, e = (2 * a + 4 * b - d + 34) % 7;
    const int n = d + e + 114;
    return Day{days{julian_to_days(y, unsigned(n / 31), unsigned(n % 31 + 1))}};
}

std::optional<Day> nth_weekday_of_month(Calendar c, int y, unsigned month, unsigned wd, int nth) {
    if (month < 1 || month > 12 || wd < 1 || wd > 7 || nth == 0 || nth < -1 || nth > 5) return std::nullopt;
    const Interval m = month_span(c, y, month);
    const weekday want{wd % 7};
    if (nth == -1) return *m.latest - (weekday{*m.latest} - want);
    const Day d = *m.earliest + (want - weekday{*m.earliest}) + weeks{nth - 1};
    if (d > *m.latest) return std::nullopt;
    return d;
}

std::optional<Interval> holiday_in_year(const HolidayRule& r, int year) {
    auto d = rule_day(r, year);
    if (!d) return std::nullopt;
    const Day first = *d + days{r.offset_days};
    return Interval{first, first + days{r.length_days - 1}};
}

std::optional<Interval> holiday_in(const HolidayRule& r, Calendar c, int year) {
    const Calendar own = rule_calendar(r);
    if (c == own) return holiday_in_year(r, year);
    // The years of the two calendars overlap; a lunar year is 11 days shorter,
    // so one Gregorian year may hold two occurrences (Eid al-Fitr in 2000):
    // the first is meant.
    const Interval span = year_span(c, year);
    for (int y = year_of(own, *span.earliest); y <= year_of(own, *span.latest); ++y)
        if (auto iv = holiday_in_year(r, y); iv && *iv->earliest >= *span.earliest && *iv->earliest <= *span.latest)
            return iv;
    return std::nullopt;
}

std::optional<Interval> holiday_near(const HolidayRule& r, Day ref, Lean lean) {
    const Calendar own = rule_calendar(r);
    const int y0 = year_of(own, ref);
    std::optional<Interval> best;
    long best_distance = 0;
    for (int y = y0 - 1; y <= y0 + 1; ++y) {
        auto iv = holiday_in_year(r, y);
        if (!iv) continue;
        if (lean == Lean::Forward && *iv->latest < ref) continue;
        if (lean == Lean::Backward && *iv->earliest > ref) continue;
        // Forward takes the first, Backward the last: the nearest of those left.
        const long distance = std::labs(long((*iv->earliest - ref).count()));
        if (!best || distance < best_distance) best = iv, best_distance = distance;
    }
    return best;
}

}  // namespace tarikh
