// Recurring days and periods of the three calendars: Nowruz and Yalda, the
// Eids and Ashura, Christmas and both Easters, Thanksgiving, Sacred Defence
// Week. Each is a rule (engine/data/holidays.tsv holds them, without a word of
// any language) that gives its occurrence in a year or the one nearest a day.
// DESIGN §3: a holiday is given as its day, a holiday period as its whole span.
#pragma once

#include "tarikh/time.h"

#include <optional>
#include <string>
#include <string_view>

namespace tarikh {

// Which occurrence of something that recurs a text means when it gives no
// year: the nearest to the reference, or the first on or after it (a future
// cue), or the last on or before it (a past cue).
enum class Lean { Nearest, Forward, Backward };

struct HolidayRule {
    enum class Kind {
        Fixed,           // a month and day of `calendar`: 1 Farvardin, 10 Muharram, 25 December
        WesternEaster,   // Easter Sunday by the Gregorian computus
        OrthodoxEaster,  // Easter Sunday by the Julian computus, as a Gregorian day
        NthWeekday,      // the nth (or, with nth = -1, the last) weekday of a month of `calendar`
    };
    Kind kind = Kind::Fixed;
    Calendar calendar = Calendar::Gregorian;
    unsigned month = 0, day = 0;   // Fixed; NthWeekday uses month
    unsigned weekday = 0;          // NthWeekday: ISO weekday, 1 = Monday … 7 = Sunday
    int nth = 0;                   // NthWeekday: 1–5, or -1 for the last
    int offset_days = 0;           // days after the rule's day (Good Friday is Easter −2)
    int length_days = 1;           // the period's length: 7 for هفته دفاع مقدس
};

// Reads a rule as holidays.tsv writes it, in `calendar`:
//   "12-25"                   a fixed month-day
//   "easter"                  Western Easter (a Gregorian rule)
//   "orthodox-easter"         Orthodox Easter (a Gregorian rule)
//   "11-w4#4", "09-w5#-1"     the 4th ISO weekday 4 (Thursday) of November,
//                             the last weekday 5 (Friday) of the 9th month
// then moved by `offset_days` (Good Friday: easter, -2) and lasting
// `length_days`. nullopt (with `error` saying why) for anything else.
std::optional<HolidayRule> parse_holiday_rule(Calendar calendar, std::string_view rule, int offset_days,
                                              int length_days, std::string* error = nullptr);

// The occurrence in `year` of the rule's own calendar (for Easter, the
// Gregorian year); nullopt when that year has no such day (a fifth Friday).
std::optional<Interval> holiday_in_year(const HolidayRule& rule, int year);

// The first occurrence that starts in `year` of calendar `c`: "Eid al-Fitr
// 2024" (an Islamic day in a Gregorian year), "عید نوروز ۱۴۰۳".
std::optional<Interval> holiday_in(const HolidayRule& rule, Calendar c, int year);

// The occurrence nearest `ref` (by its first day), or with Lean::Forward the
// first that does not end before it, with Lean::Backward the last that does
// not start after it.
std::optional<Interval> holiday_near(const HolidayRule& rule, Day ref, Lean lean);

// Easter Sunday of Gregorian year `year`, by the Western (Gregorian) and the
// Orthodox (Julian) computus; both as Gregorian days.
Day western_easter(int year);
Day orthodox_easter(int year);

// The nth weekday (ISO 1–7) of a month of calendar `c`, counted from its
// start; nth = -1 is the last. nullopt when the month has no such day
// (the fifth Sunday of a month with four).
std::optional<Day> nth_weekday_of_month(Calendar c, int year, unsigned month, unsigned weekday, int nth);

}  // namespace tarikh
