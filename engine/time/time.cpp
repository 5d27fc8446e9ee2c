// Names of the time model's enums as they appear in JSON and TIMEX3 output,
// and strict ISO 8601 calendar dates.
#include "tarikh/time.h"

#include <array>
#include <string>
#include <utility>

namespace tarikh {
namespace {

constexpr std::array<std::pair<Granularity, std::string_view>, 10> kGranularityNames{{
    {Granularity::Day, "day"},
    {Granularity::Week, "week"},
    {Granularity::Month, "month"},
    {Granularity::Season, "season"},
    {Granularity::Quarter, "quarter"},
    {Granularity::Half, "half"},
    {Granularity::Year, "year"},
    {Granularity::Decade, "decade"},
    {Granularity::Century, "century"},
    {Granularity::Unknown, "unknown"},
}};

constexpr std::array<std::pair<Mod, std::string_view>, 5> kModNames{{
    {Mod::None, ""},
    {Mod::Start, "START"},
    {Mod::Mid, "MID"},
    {Mod::End, "END"},
    {Mod::Approx, "APPROX"},
}};

constexpr std::array<std::pair<Calendar, std::string_view>, 3> kCalendarNames{{
    {Calendar::Gregorian, "gregorian"},
    {Calendar::SolarHijri, "solar_hijri"},
    {Calendar::Islamic, "islamic"},
}};

template <class Enum, size_t N>
std::string_view name_of(const std::array<std::pair<Enum, std::string_view>, N>& names, Enum value) {
    for (const auto& [v, name] : names)
        if (v == value) return name;
    return {};
}

template <class Enum, size_t N>
std::optional<Enum> value_of(const std::array<std::pair<Enum, std::string_view>, N>& names,
                             std::string_view s) {
    for (const auto& [v, name] : names)
        if (name == s) return v;
    return std::nullopt;
}

// Parses exactly `width` ASCII digits.
std::optional<int> digits(std::string_view s, size_t width) {
    if (s.size() != width) return std::nullopt;
    int value = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return std::nullopt;
        value = value * 10 + (c - '0');
    }
    return value;
}

void append_padded(std::string& out, unsigned value, int width) {
    char buf[16];
    int n = 0;
    do {
        buf[n++] = char('0' + value % 10);
        value /= 10;
    } while (value != 0);
    for (int i = n; i < width; ++i) out += '0';
    while (n > 0) out += buf[--n];
}

}  // namespace

std::string_view to_string(Granularity g) { return name_of(kGranularityNames, g); }
std::string_view to_string(Mod m) { return name_of(kModNames, m); }
std::string_view to_string(Calendar c) { return name_of(kCalendarNames, c); }

std::optional<Granularity> granularity_from_string(std::string_view s) {
    return value_of(kGranularityNames, s);
}
std::optional<Mod> mod_from_string(std::string_view s) { return value_of(kModNames, s); }
std::optional<Calendar> calendar_from_string(std::string_view s) {
    return value_of(kCalendarNames, s);
}

std::string format_iso(Day d) {
    const date::year_month_day ymd{d};
    const int year = int(ymd.year());
    std::string out;
    out.reserve(11);
    // ISO 8601 writes at least four year digits; years before 1 (astronomical
    // numbering, 0 = 1 BCE) get a minus sign in front of the four.
    if (year < 0) out += '-';
    append_padded(out, unsigned(year < 0 ? -year : year), 4);
    out += '-';
    append_padded(out, unsigned(ymd.month()), 2);
    out += '-';
    append_padded(out, unsigned(ymd.day()), 2);
    return out;
}

std::optional<Day> parse_iso(std::string_view s) {
    // Strictly YYYY-MM-DD: this parses our own output and test data, where
    // anything looser hides mistakes.
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    const auto year = digits(s.substr(0, 4), 4);
    const auto month = digits(s.substr(5, 2), 2);
    const auto day = digits(s.substr(8, 2), 2);
    if (!year || !month || !day) return std::nullopt;
    const date::year_month_day ymd{date::year{*year}, date::month(unsigned(*month)),
                                   date::day(unsigned(*day))};
    if (!ymd.ok() || *year < kFirstYear) return std::nullopt;
    return Day{ymd};
}

bool in_year_range(Day d) {
    static const Day first{date::year{kFirstYear} / 1 / 1}, last{date::year{kLastYear} / 12 / 31};
    return first <= d && d <= last;
}

}  // namespace tarikh
