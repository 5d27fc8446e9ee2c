#include "tarikh/human_date.h"

#include "tarikh/calendar.h"

#include <cctype>

namespace tarikh {
namespace {

// What an interval is, before any early/mid/late.
struct Unit {
    enum Kind { Day, Week, Month, Season, Quarter, Half, Year, Decade, Century, MonthRange, DayRange } kind = DayRange;
    Calendar calendar = Calendar::Gregorian;
    int year = 0;
    int index = 0;  // month 1–12, season 0–3 (spring … winter), quarter 1–4, half 1–2, century number
    tarikh::Day first{}, last{};
};

bool digits_at(std::string_view s, size_t at, size_t n) {
    if (at + n > s.size()) return false;
    for (size_t i = at; i < at + n; ++i)
        if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
    return true;
}

int number_at(std::string_view s, size_t at, size_t n) { return std::stoi(std::string(s.substr(at, n))); }

// Whether [a, b] is exactly one or more whole months of `cal`, and which.
struct MonthSpan {
    bool whole = false;
    int first_year = 0, first_month = 0, last_year = 0, last_month = 0;
};

MonthSpan months_of(Calendar cal, Day a, Day b) {
    auto ymd = [&](Day d) -> std::pair<std::pair<int, int>, unsigned> {
        switch (cal) {
            case Calendar::SolarHijri: {
                auto s = to_solar_hijri(d);
                return {{s.year, static_cast<int>(s.month)}, s.day};
            }
            case Calendar::Islamic: {
                auto s = to_islamic(d);
                return {{s.year, static_cast<int>(s.month)}, s.day};
            }
            case Calendar::Gregorian: break;
        }
        const date::year_month_day g{d};
        return {{static_cast<int>(g.year()), static_cast<int>(static_cast<unsigned>(g.month()))},
                static_cast<unsigned>(g.day())};
    };
    const auto [start, start_day] = ymd(a);
    const auto [end, end_day] = ymd(b);
    const auto after = ymd(b + date::days{1});
    MonthSpan m;
    m.whole = start_day == 1 && after.second == 1;
    m.first_year = start.first;
    m.first_month = start.second;
    m.last_year = end.first;
    m.last_month = end.second;
    (void)end_day;
    return m;
}

int months_between(const MonthSpan& m) { return (m.last_year - m.first_year) * 12 + m.last_month - m.first_month + 1; }

// The unit a TIMEX code names (Gregorian), when it names one.
bool unit_from_value(std::string_view v, const Interval& iv, Unit& u) {
    if (v.size() == 7 && digits_at(v, 0, 4) && v[4] == '-') {
        const std::string_view tail = v.substr(5);
        static constexpr std::string_view kSeasons[] = {"SP", "SU", "FA", "WI"};
        for (int i = 0; i < 4; ++i)
            if (tail == kSeasons[i]) {
                u = {Unit::Season, Calendar::Gregorian, number_at(v, 0, 4), i};
                return true;
            }
        if (tail[0] == 'Q' && tail[1] >= '1' && tail[1] <= '4') {
            u = {Unit::Quarter, Calendar::Gregorian, number_at(v, 0, 4), tail[1] - '0'};
            return true;
        }
        if (tail[0] == 'H' && (tail[1] == '1' || tail[1] == '2')) {
            u = {Unit::Half, Calendar::Gregorian, number_at(v, 0, 4), tail[1] - '0'};
            return true;
        }
    }
    if (v.size() >= 8 && digits_at(v, 0, 4) && v[4] == '-' && v[5] == 'W') {
        u = {Unit::Week, Calendar::Gregorian, 0, 0, *iv.earliest, *iv.latest};
        return true;
    }
    if (v.size() == 3 && digits_at(v, 0, 3)) {
        u = {Unit::Decade, Calendar::Gregorian, number_at(v, 0, 3) * 10};
        return true;
    }
    if (v.size() == 2 && digits_at(v, 0, 2)) {
        u = {Unit::Century, Calendar::Gregorian, 0, number_at(v, 0, 2) + 1};
        return true;
    }
    return false;
}

// A value written as a range of days ("2023-09-23/2023-10-22": a Solar Hijri
// or Islamic unit) keeps the whole unit where the interval may be a part of it.
Interval whole_unit(std::string_view v, const Interval& iv) {
    const size_t slash = v.find('/');
    if (slash == std::string_view::npos) return iv;
    auto a = parse_iso(v.substr(0, slash)), b = parse_iso(v.substr(slash + 1));
    if (a && b && *a <= *b) return {a, b};
    return iv;
}

Unit classify(const Interval& iv, Granularity g, std::string_view value) {
    Unit u;
    if (unit_from_value(value, iv, u)) return u;
    const Interval whole = whole_unit(value, iv);
    const Day a = *whole.earliest, b = *whole.latest;
    u.first = a;
    u.last = b;
    if (a == b) {
        u.kind = Unit::Day;
        return u;
    }
    for (Calendar cal : {Calendar::Gregorian, Calendar::SolarHijri, Calendar::Islamic}) {
        const MonthSpan m = months_of(cal, a, b);
        if (!m.whole) continue;
        const int n = months_between(m);
        u.calendar = cal;
        u.year = m.first_year;
        if (n == 1) {
            u.kind = Unit::Month;
            u.index = m.first_month;
            return u;
        }
        if (n == 3 && g == Granularity::Season && cal == Calendar::SolarHijri && (m.first_month - 1) % 3 == 0) {
            u.kind = Unit::Season;
            u.index = (m.first_month - 1) / 3;  // Farvardin opens spring
            return u;
        }
        if (m.first_month == 1 && m.last_month == 12) {
            if (n == 12) {
                u.kind = Unit::Year;
                return u;
            }
            if (n == 120 && u.year % 10 == 0) {
                u.kind = Unit::Decade;
                return u;
            }
            if (n == 1200 && u.year % 100 == 1 && cal == Calendar::Gregorian) {
                u.kind = Unit::Century;
                u.index = u.year / 100 + 1;
                return u;
            }
        }
        if (cal == Calendar::Gregorian) {
            u.kind = Unit::MonthRange;
            return u;
        }
    }
    u.calendar = Calendar::Gregorian;
    u.kind = Unit::DayRange;
    return u;
}

std::string calendar_name(Calendar c) { return std::string(to_string(c)); }

class Phrase {
public:
    explicit Phrase(const Messages& w) : w_(w) {}

    std::string day(Day d, bool with_year) const {
        const date::year_month_day g{d};
        const int y = static_cast<int>(g.year());
        const int m = static_cast<int>(static_cast<unsigned>(g.month()));
        const int dd = static_cast<int>(static_cast<unsigned>(g.day()));
        return w_.format(with_year ? "date.day" : "date.day.noyear",
                         {{"day", w_.digits(dd)}, {"month", w_.month(Calendar::Gregorian, m)}, {"year", year(y)}});
    }
    std::string month(Calendar cal, int y, int m, bool with_year) const {
        return w_.format(with_year ? "date.month" : "date.month.noyear", {{"month", w_.month(cal, m)}, {"year", year(y)}});
    }
    std::string year(int y) const {
        if (y >= 1) return w_.digits(y);
        return w_.format("date.bce", {{"year", w_.digits(1 - y)}});  // astronomical year 0 is 1 BCE
    }
    // A phrase in a calendar other than the Gregorian says so ("1402 SH").
    std::string in_calendar(Calendar cal, std::string text) const {
        if (cal == Calendar::Gregorian) return text;
        return w_.format("date.in." + calendar_name(cal), {{"date", std::move(text)}});
    }
    std::string of(const Unit& u) const {
        static constexpr const char* kSeasons[] = {"date.season.SP", "date.season.SU", "date.season.FA", "date.season.WI"};
        switch (u.kind) {
            case Unit::Day: return day(u.first, true);
            case Unit::Week: return w_.format("date.week", {{"date", day(u.first, true)}});
            case Unit::Month: return month(u.calendar, u.year, u.index, true);
            case Unit::Season: return in_calendar(u.calendar, w_.format(kSeasons[u.index], {{"year", year(u.year)}}));
            case Unit::Quarter:
                return w_.format("date.quarter", {{"quarter", w_.digits(u.index)}, {"year", year(u.year)}});
            case Unit::Half: return w_.format("date.half", {{"half", std::to_string(u.index)}, {"year", year(u.year)}});
            case Unit::Year: return in_calendar(u.calendar, year(u.year));
            case Unit::Decade: return in_calendar(u.calendar, w_.format("date.decade", {{"decade", w_.digits(u.year)}}));
            case Unit::Century: return w_.format("date.century", {{"century", int64_t{u.index}}});
            case Unit::MonthRange: {
                const date::year_month_day a{u.first}, b{u.last};
                const bool same_year = a.year() == b.year();
                return w_.format("date.range",
                                 {{"from", month(Calendar::Gregorian, static_cast<int>(a.year()),
                                                 static_cast<int>(static_cast<unsigned>(a.month())), !same_year)},
                                  {"to", month(Calendar::Gregorian, static_cast<int>(b.year()),
                                               static_cast<int>(static_cast<unsigned>(b.month())), true)}});
            }
            case Unit::DayRange: {
                const date::year_month_day a{u.first}, b{u.last};
                // "3 – 9 February 2020", "27 September – 10 November 2020"
                const std::string from = a.year() != b.year()   ? day(u.first, true)
                                         : a.month() != b.month() ? day(u.first, false)
                                                                  : w_.digits(static_cast<unsigned>(a.day()));
                return w_.format("date.range", {{"from", from}, {"to", day(u.last, true)}});
            }
        }
        return {};
    }

private:
    const Messages& w_;
};

}  // namespace

std::string human_date(const Interval& iv, Granularity g, Mod mod, std::string_view value, const Messages& words) {
    if (!iv.anchored()) return std::string(words.text("date.undated"));
    const Phrase phrase(words);
    std::string out = phrase.of(classify(iv, g, value));
    if (mod != Mod::None) out = words.format("date.mod." + std::string(to_string(mod)), {{"date", std::move(out)}});
    return out;
}

std::string human_date(const Event& e, const Messages& words) {
    return human_date(e.interval, e.granularity, e.mod, e.value, words);
}

}  // namespace tarikh
