// Conversions between Gregorian days and the two other calendars of the region.
//
// Solar Hijri follows ICU's `persian` calendar (the 33-year arithmetic rule that
// matches Iran's official calendar for 1178–1633 SH); Howard Hinnant's
// solar_hijri.h uses the 2820-year cycle and is a day off for years like 1404.
// The Islamic calendar is Umm al-Qura, taken from ICU's `islamic-umalqura`
// (a table for 1300–1600 AH, the civil arithmetic outside it). Lunar months
// depend on sighting, so a Hijri day is exact to about ±2 days in practice.
#pragma once

#include "tarikh/time.h"

namespace tarikh {

struct SolarHijriDate { int year; unsigned month; unsigned day; };
struct IslamicDate { int year; unsigned month; unsigned day; };

// Valid for any year; day/month must be in range (checked with asserts only).
Day from_solar_hijri(int year, unsigned month, unsigned day);
SolarHijriDate to_solar_hijri(Day d);
bool solar_hijri_leap(int year);
unsigned solar_hijri_month_length(int year, unsigned month);

Day from_islamic(int year, unsigned month, unsigned day);
IslamicDate to_islamic(Day d);
unsigned islamic_month_length(int year, unsigned month);

// Whole-unit spans in a calendar, as inclusive intervals of Gregorian days.
Interval solar_hijri_month(int year, unsigned month);
Interval solar_hijri_year(int year);
Interval islamic_month(int year, unsigned month);
Interval islamic_year(int year);

// The same for any of the three calendars, chosen by its enum: the one
// dispatch that callers use instead of switching on the calendar themselves.
// from_calendar and month_length want a month 1–12; a day past the month's
// length is not a day (day_in gives nullopt).
std::optional<Day> day_in(Calendar c, int year, unsigned month, unsigned day);
unsigned month_length(Calendar c, int year, unsigned month);
int year_of(Calendar c, Day d);
Interval month_span(Calendar c, int year, unsigned month);
Interval year_span(Calendar c, int year);
// The year, month and day of `d` in calendar `c`: day_in's inverse.
struct CalendarDate { int year; unsigned month; unsigned day; };
CalendarDate date_in(Calendar c, Day d);

}  // namespace tarikh
