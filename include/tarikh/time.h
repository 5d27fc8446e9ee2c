// The time model (DESIGN §3): days as date::sys_days, inclusive intervals,
// granularity, fuzzy modifiers and the calendars a mention was written in.
#pragma once

#include <date/date.h>

#include <optional>
#include <string>
#include <string_view>

namespace tarikh {

using Day = date::sys_days;

enum class Granularity { Day, Week, Month, Season, Quarter, Half, Year, Decade, Century, Unknown };
enum class Mod { None, Start, Mid, End, Approx };
enum class Calendar { Gregorian, SolarHijri, Islamic };

// An inclusive interval of days. Either bound may be unknown (an unanchored
// "a month later" has neither).
struct Interval {
    std::optional<Day> earliest;
    std::optional<Day> latest;

    bool anchored() const { return earliest.has_value() && latest.has_value(); }
    friend bool operator==(const Interval&, const Interval&) = default;
};

std::string_view to_string(Granularity g);
std::string_view to_string(Mod m);       // "" for Mod::None, else "START", "MID", "END", "APPROX"
std::string_view to_string(Calendar c);  // "gregorian", "solar_hijri", "islamic"

std::optional<Granularity> granularity_from_string(std::string_view s);
std::optional<Mod> mod_from_string(std::string_view s);  // "" gives Mod::None
std::optional<Calendar> calendar_from_string(std::string_view s);

// The years tarikh handles, everywhere: what four ISO digits hold and every
// reader of its output accepts. A date computed outside them ("999 centuries
// ago") gets null bounds; a date read outside them is refused.
inline constexpr int kFirstYear = 1;
inline constexpr int kLastYear = 9999;
bool in_year_range(Day d);

// ISO 8601 calendar date, e.g. "2023-10-07"; years below 1000 are padded to
// four digits ("0622-07-16").
std::string format_iso(Day d);
// Strictly YYYY-MM-DD with a day that exists (no "2023-02-30") in years
// 0001–9999; nullopt otherwise.
std::optional<Day> parse_iso(std::string_view s);

}  // namespace tarikh
