#include "tagger/resolve.h"

#include "tarikh/calendar.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstdlib>

namespace tarikh::tagger {
namespace {

using namespace date;

int rank(Granularity g) {
    switch (g) {
        case Granularity::Day: return 0;
        case Granularity::Week: return 1;
        case Granularity::Month: return 2;
        case Granularity::Season: case Granularity::Quarter: return 3;
        case Granularity::Half: return 4;
        case Granularity::Year: return 5;
        case Granularity::Decade: return 6;
        case Granularity::Century: return 7;
        case Granularity::Unknown: return 8;
    }
    return 8;
}

// A year out of 1–9999 (time.h): "999 centuries ago", "9999 … 999 years
// later". date::year holds 16 bits and would wrap (−32363), and ISO's four
// digits end at 9999; resolve() gives such a mention null bounds.
struct OutOfYears {};

// The year `y` as an int, checked; computed in 64 bits so that counts of
// units times their length cannot overflow on the way.
int checked_year(int64_t y) {
    if (y < kFirstYear || y > kLastYear) throw OutOfYears{};
    return static_cast<int>(y);
}

// A count of days or weeks that keeps a Day within the years.
int checked_days(int64_t n) {
    if (n < -int64_t{kLastYear} * 366 || n > int64_t{kLastYear} * 366) throw OutOfYears{};
    return static_cast<int>(n);
}

Day first_of(int64_t y, unsigned m) { return sys_days{year{checked_year(y)} / month{m} / 1}; }
Day last_of(int64_t y, unsigned m) { return sys_days{year{checked_year(y)} / month{m} / last}; }

// Months counted from year 0, so month arithmetic is integer arithmetic.
int64_t month_index(year_month_day d) { return int64_t(int(d.year())) * 12 + int(unsigned(d.month())) - 1; }
Day from_month_index(int64_t idx) { return first_of(idx >= 0 ? idx / 12 : (idx - 11) / 12, unsigned(((idx % 12) + 12) % 12) + 1); }

int year_in(Calendar c, Day d) {
    switch (c) {
        case Calendar::SolarHijri: return to_solar_hijri(d).year;
        case Calendar::Islamic: return to_islamic(d).year;
        case Calendar::Gregorian: break;
    }
    return int(year_month_day{d}.year());
}

Interval year_interval(Calendar c, int64_t y64) {
    const int y = checked_year(y64);
    switch (c) {
        case Calendar::SolarHijri: return solar_hijri_year(y);
        case Calendar::Islamic: return islamic_year(y);
        case Calendar::Gregorian: break;
    }
    return {first_of(y, 1), last_of(y, 12)};
}

Interval month_interval(Calendar c, int y, int m) {
    checked_year(y);
    switch (c) {
        case Calendar::SolarHijri: return solar_hijri_month(y, m);
        case Calendar::Islamic: return islamic_month(y, m);
        case Calendar::Gregorian: break;
    }
    return {first_of(y, m), last_of(y, m)};
}

// Months [from, to] (1-based, `to` may pass 12) of year y in calendar c.
Interval months_interval(Calendar c, int y, int from, int to) {
    auto norm = [&](int m, int& yy) { yy = y + (m - 1) / 12; return (m - 1) % 12 + 1; };
    int y1, y2;
    int m1 = norm(from, y1), m2 = norm(to, y2);
    return {month_interval(c, y1, m1).earliest, month_interval(c, y2, m2).latest};
}

// Season 1–4 (spring … winter) of year y: Solar Hijri seasons are its months
// in threes (bhar = Farvardin–Khordad); other years take the meteorological
// seasons (spring = Mar–May … winter = Dec–Feb of the next year).
Interval season_interval(Calendar c, int y, int season) {
    if (c == Calendar::SolarHijri) {
        const int m = (season - 1) * 3 + 1;
        return months_interval(c, y, m, m + 2);
    }
    const int m = season * 3;
    return months_interval(Calendar::Gregorian, y, m, m + 2);
}

std::optional<Day> day_of(Calendar c, int y, int m, int d) {
    checked_year(y);
    switch (c) {
        case Calendar::SolarHijri:
            if (d > int(solar_hijri_month_length(y, m))) return std::nullopt;
            return from_solar_hijri(y, m, d);
        case Calendar::Islamic:
            if (d > int(islamic_month_length(y, m))) return std::nullopt;
            return from_islamic(y, m, d);
        case Calendar::Gregorian: break;
    }
    year_month_day ymd{year{y}, month{unsigned(m)}, day{unsigned(d)}};
    if (!ymd.ok()) return std::nullopt;
    return sys_days{ymd};
}

// Thirds of the unit (DESIGN §3): a month by days, longer units by months.
Interval apply_mod(Interval iv, Granularity g, Mod mod, Calendar c = Calendar::Gregorian) {
    if (mod == Mod::None || mod == Mod::Approx || !iv.anchored()) return iv;
    if (c == Calendar::SolarHijri && g != Granularity::Month && g != Granularity::Day && g != Granularity::Week) {
        // thirds in Solar Hijri months: awayl sal 1402 is Farvardin–Tir
        auto index = [](Day d) { auto s = to_solar_hijri(d); return s.year * 12 + int(s.month) - 1; };
        auto start = [](int idx) { return *solar_hijri_month(idx / 12, unsigned(idx % 12) + 1).earliest; };
        int m0 = index(*iv.earliest), m1 = index(*iv.latest + days{1});
        int third = (m1 - m0) / 3;
        if (third <= 0) return iv;
        if (mod == Mod::Start) return {*iv.earliest, start(m0 + third) - days{1}};
        if (mod == Mod::Mid) return {start(m0 + third), start(m1 - third) - days{1}};
        return {start(m1 - third), *iv.latest};
    }
    const Day a = *iv.earliest, z = *iv.latest;
    if (g == Granularity::Day) return iv;
    if (g == Granularity::Week) {
        // thirds of seven days, sharing their edges: nhayt al-asbu' al-mqbl (the end of next week) is its last three days
        if (mod == Mod::Start) return {a, a + days{2}};
        if (mod == Mod::Mid) return {a + days{2}, a + days{4}};
        return {a + days{4}, z};
    }
    if (g == Granularity::Month) {
        Day b1 = a + days{10}, b2 = a + days{20};
        if (mod == Mod::Start) return {a, b1 - days{1}};
        if (mod == Mod::Mid) return {b1, b2 - days{1}};
        return {b2, z};
    }
    int64_t m0 = month_index(year_month_day{a}), m1 = month_index(year_month_day{z + days{1}});
    int64_t third = (m1 - m0) / 3;
    if (third <= 0) return iv;
    if (mod == Mod::Start) return {a, from_month_index(m0 + third) - days{1}};
    if (mod == Mod::Mid) return {from_month_index(m0 + third), from_month_index(m1 - third) - days{1}};
    return {from_month_index(m1 - third), z};
}

std::string iso_range(const Interval& iv) {
    if (!iv.anchored()) return "";
    if (*iv.earliest == *iv.latest) return format_iso(*iv.earliest);
    return format_iso(*iv.earliest) + "/" + format_iso(*iv.latest);
}

std::string gregorian_value(const Interval& iv, Granularity g) {
    if (!iv.anchored()) return "";
    year_month_day a{*iv.earliest};
    int y = int(a.year());
    unsigned m = unsigned(a.month());
    switch (g) {
        case Granularity::Day: return format_iso(*iv.earliest);
        case Granularity::Month: return fmt::format("{:04}-{:02}", y, m);
        case Granularity::Year: return fmt::format("{:04}", y);
        case Granularity::Quarter: return fmt::format("{:04}-Q{}", y, (m - 1) / 3 + 1);
        case Granularity::Half: return fmt::format("{:04}-H{}", y, (m - 1) / 6 + 1);
        case Granularity::Decade: return fmt::format("{:03}", y / 10);
        case Granularity::Century: return fmt::format("{:02}", (y - 1) / 100);
        case Granularity::Week: {
            // ISO week of the interval's middle day
            Day mid = *iv.earliest + days{3};
            year_month_day md{mid};
            Day thursday = mid - (weekday{mid} - Thursday) + days{0};
            (void)md;
            year_month_day ty{thursday};
            Day jan1 = sys_days{ty.year() / January / 1};
            int week = int((thursday - jan1).count()) / 7 + 1;
            return fmt::format("{:04}-W{:02}", int(ty.year()), week);
        }
        default: return iso_range(iv);
    }
}

const char* season_code(int s) {
    static const char* codes[] = {"", "SP", "SU", "FA", "WI"};
    return codes[s];
}

struct Resolved {
    Interval interval;
    std::string value;
    std::string native;
    Granularity granularity;
};

// The year a relative base points to, in calendar c.
std::optional<int> base_year(const RelativeBase& base, Calendar c, const ResolveState& st, Anchor& anchor) {
    if (base.rel == Rel::Same) {
        if (st.previous && st.previous->interval.earliest) {
            anchor = Anchor::Previous;
            return year_in(c, *st.previous->interval.earliest);
        }
        if (!st.dct) return std::nullopt;
        anchor = Anchor::Document;
        return year_in(c, *st.dct);
    }
    if (!st.dct) return std::nullopt;
    anchor = Anchor::Document;
    int y = year_in(c, *st.dct);
    return base.rel == Rel::Last ? y - 1 : base.rel == Rel::Next ? y + 1 : y;
}

Interval unit_containing(Day d, Granularity g, int n, Calendar c, int week_start);

// Decades and centuries: named with or without their century (altsʿynyat,
// thmanynyat alqrn almaḍy, the 1990s, qrn bystm), or relative to the DCT.
std::optional<Resolved> resolve_coarse(DatePoint p, const ResolveState& st, Anchor& anchor) {
    Resolved r;
    r.granularity = p.granularity;
    if (p.decade_digit >= 0) {
        int century_start = 1900;
        if (p.century) century_start = (p.century - 1) * 100;
        else if (p.base.rel != Rel::None) {
            if (!st.dct) return std::nullopt;
            anchor = Anchor::Document;
            int c = (int(year_month_day{*st.dct}.year()) - 1) / 100 + 1;
            c += p.base.rel == Rel::Last ? -1 : p.base.rel == Rel::Next ? 1 : 0;
            century_start = (c - 1) * 100;
        }
        p.decade = century_start + p.decade_digit * 10;
        p.calendar = Calendar::Gregorian;
        p.granularity = r.granularity = Granularity::Decade;
    }
    if (p.granularity == Granularity::Century) {
        int c = p.century;
        if (!c) {
            if (!st.dct) return std::nullopt;
            anchor = Anchor::Document;
            c = (int(year_month_day{*st.dct}.year()) - 1) / 100 + 1 + (p.base.rel == Rel::Last ? -1 : p.base.rel == Rel::Next ? 1 : 0);
        }
        r.interval = {first_of((c - 1) * 100 + 1, 1), last_of(c * 100, 12)};
        r.value = fmt::format("{:02}", c - 1);
        return r;
    }
    if (p.decade < 0) return std::nullopt;
    if (p.calendar == Calendar::SolarHijri) {
        r.interval = {solar_hijri_year(p.decade).earliest, solar_hijri_year(p.decade + 9).latest};
        r.value = iso_range(r.interval);
        r.native = fmt::format("{:03}", p.decade / 10);
    } else {
        r.interval = {first_of(p.decade, 1), last_of(p.decade + 9, 12)};
        r.value = fmt::format("{:03}", p.decade / 10);
    }
    return r;
}

// A date before the Common Era is out of the store's years (README, Limits):
// it keeps its TIMEX3 value (BC0500, BC04 for the fifth century BC) and null bounds.
bool before_era(const DatePoint& p) { return (p.year && *p.year <= 0) || p.century < 0; }

std::string before_era_value(const DatePoint& p) {
    if (p.century < 0) return fmt::format("BC{:02}", -p.century - 1);
    std::string v = fmt::format("BC{:04}", -*p.year);
    if (p.month) v += fmt::format("-{:02}", p.month);
    if (p.month && p.day) v += fmt::format("-{:02}", p.day);
    return v;
}

bool coarse(const DatePoint& p) {
    return p.decade_digit >= 0 || p.granularity == Granularity::Century || p.granularity == Granularity::Decade;
}

Lean lean_of(const DatePoint& p) { return p.future ? Lean::Forward : p.past ? Lean::Backward : Lean::Nearest; }

// What a date without a year counts from (DESIGN §3): an explicit date
// earlier in its clause (or opening its sentence), else the DCT (leaning as the tense says), else the
// previous explicit date of the document. `days_only`: a weekday counts only
// from a day.
struct Reference {
    Interval span;
    Lean lean = Lean::Nearest;
    Anchor anchor = Anchor::Document;
};

std::optional<Reference> reference_for(const DatePoint& p, const ResolveState& st, bool days_only) {
    auto fits = [&](const Mention& m) {
        return m.interval.anchored() && (days_only ? m.granularity == Granularity::Day : rank(m.granularity) <= rank(Granularity::Year));
    };
    // A dateline in the text is the DCT itself: it anchors by tense.
    const bool sentence_is_dct = st.sentence_date && st.dct && st.sentence_date->interval.earliest == st.dct &&
                                 st.sentence_date->interval.latest == st.dct;
    if (st.sentence_date && fits(*st.sentence_date) && !sentence_is_dct)
        return Reference{st.sentence_date->interval, Lean::Nearest, Anchor::Previous};
    if (st.dct) return Reference{{*st.dct, *st.dct}, lean_of(p), Anchor::Document};
    if (st.previous && fits(*st.previous) && st.previous->anchor != Anchor::NamedEvent)
        return Reference{st.previous->interval, Lean::Nearest, Anchor::Previous};
    return std::nullopt;
}

// Days between two intervals; 0 when they overlap.
long gap_days(const Interval& a, const Interval& b) {
    if (*a.latest < *b.earliest) return long((*b.earliest - *a.latest).count());
    if (*b.latest < *a.earliest) return long((*a.earliest - *b.latest).count());
    return 0;
}

// The days a yearless point covers in year y of its calendar; nullopt when
// that year has no such day (30 Esfand of a common year, a fifth Friday).
std::optional<Interval> occurrence(const DatePoint& p, int y) {
    if (p.nth && p.weekday) {
        auto d = nth_weekday_of_month(p.calendar, y, unsigned(p.month), unsigned(p.weekday), p.nth);
        if (!d) return std::nullopt;
        return Interval{*d, *d};
    }
    if (p.day) {
        auto d = day_of(p.calendar, y, p.month, p.day);
        if (!d) return std::nullopt;
        return Interval{*d, *d};
    }
    return month_interval(p.calendar, y, p.month);
}

// The year of a month (and day) written without one: among the occurrences
// around the reference, one on the weekday written with it if any is, else
// the nearest the tense allows.
std::optional<int> nearest_year(const DatePoint& p, const Reference& ref) {
    const int y0 = year_in(p.calendar, *ref.span.earliest);
    std::optional<int> best;
    long best_gap = 0;
    bool best_agrees = false;
    for (int y = y0 - 1; y <= y0 + 1; ++y) {
        auto iv = occurrence(p, y);
        if (!iv) continue;
        const bool agrees = p.weekday && !p.nth && weekday{*iv->earliest} == weekday{unsigned(p.weekday % 7)};
        if (!agrees) {
            if (ref.lean == Lean::Forward && *iv->latest < *ref.span.earliest) continue;
            if (ref.lean == Lean::Backward && *iv->earliest > *ref.span.latest) continue;
        }
        const long gap = gap_days(*iv, ref.span);
        if (!best || (agrees && !best_agrees) || (agrees == best_agrees && gap < best_gap)) {
            best = y;
            best_gap = gap;
            best_agrees = agrees;
        }
    }
    return best;
}

// The year a point without one takes: from a relative word (last March,
// this summer, rmḍan hdha alʿam) or from the reference. False when nothing
// gives one.
bool infer_year(DatePoint& p, const ResolveState& st, Anchor& anchor) {
    Calendar c = p.calendar;
    if (p.month == 0 && p.base.solar) c = p.calendar = Calendar::SolarHijri;
    if (p.base.rel != Rel::None && p.base.unit == Granularity::Month && p.month) {
        // last March: the most recent March over before the reference
        if (!st.dct) return false;
        anchor = Anchor::Document;
        int y = year_in(c, *st.dct);
        Interval this_year = month_interval(c, y, p.month);
        if (p.base.rel == Rel::Last) p.year = *this_year.latest < *st.dct ? y : y - 1;
        else if (p.base.rel == Rel::Next) p.year = *this_year.earliest > *st.dct ? y : y + 1;
        else p.year = y;
        return true;
    }
    if (p.base.rel != Rel::None && p.base.unit == Granularity::Season) {
        // last summer: the most recent summer over before the reference;
        // next winter: the first to begin after it; this spring: this year's.
        if (!st.dct) return false;
        anchor = Anchor::Document;
        const int y0 = year_in(c, *st.dct);
        p.year = y0;
        if (p.base.rel == Rel::Last || p.base.rel == Rel::Next) {
            for (int d = 0; d < 3; ++d) {
                const int y = p.base.rel == Rel::Last ? y0 - d : y0 + d - 1;
                const Interval iv = season_interval(c, y, p.season);
                if (p.base.rel == Rel::Last ? *iv.latest < *st.dct : *iv.earliest > *st.dct) {
                    p.year = y;
                    break;
                }
            }
        }
        return true;
    }
    if (p.base.rel != Rel::None && p.base.unit == Granularity::Month && p.nth) {
        // the last Thursday of the month: of this (last, next) month
        if (!st.dct) return false;
        anchor = Anchor::Document;
        const int shift = p.base.rel == Rel::Last ? -1 : p.base.rel == Rel::Next ? 1 : 0;
        const auto here = date_in(c, *unit_containing(*st.dct, Granularity::Month, shift, c, 1).earliest);
        p.year = here.year;
        p.month = int(here.month);
        return true;
    }
    if (p.base.rel != Rel::None) {
        // "rmḍan hdha alʿam": the press counts "this year" in Gregorian
        // years; the Islamic month is then the one that starts in it.
        auto y = base_year(p.base, c == Calendar::Islamic ? Calendar::Gregorian : c, st, anchor);
        if (!y) return false;
        p.year = *y;
        return true;
    }
    if (!p.month) return false;
    auto ref = reference_for(p, st, false);
    if (!ref) return false;
    anchor = ref->anchor;
    p.year = nearest_year(p, *ref);
    return p.year.has_value();
}

// The interval of a point whose year is known, in its own calendar; nullopt
// when that day does not exist.
std::optional<Resolved> point_span(const DatePoint& p) {
    Resolved r;
    r.granularity = p.granularity;
    const int y = *p.year;
    const Calendar c = p.calendar;
    switch (p.granularity) {
        case Granularity::Day: {
            if (p.month < 1 || p.month > 12) return std::nullopt;
            auto iv = p.nth && p.weekday ? occurrence(p, y) : std::nullopt;
            auto d = p.nth && p.weekday ? (iv ? iv->earliest : std::nullopt) : day_of(c, y, p.month, p.day);
            if (!d) return std::nullopt;
            r.interval = {*d, *d};
            r.value = format_iso(*d);
            if (c != Calendar::Gregorian) {
                const auto n = date_in(c, *d);
                r.native = fmt::format("{:04}-{:02}-{:02}", n.year, n.month, n.day);
            }
            return r;
        }
        case Granularity::Month:
            if (p.month < 1 || p.month > 12) return std::nullopt;
            r.interval = month_interval(c, y, p.month);
            if (c != Calendar::Gregorian) r.native = fmt::format("{:04}-{:02}", y, p.month);
            break;
        case Granularity::Year:
            r.interval = year_interval(c, y);
            if (c != Calendar::Gregorian) r.native = fmt::format("{:04}", y);
            break;
        case Granularity::Season: {
            r.interval = season_interval(c, y, p.season);
            if (c == Calendar::SolarHijri) r.native = fmt::format("{:04}-{}", y, season_code(p.season));
            r.value = c == Calendar::SolarHijri ? iso_range(r.interval) : fmt::format("{:04}-{}", y, season_code(p.season));
            break;
        }
        case Granularity::Quarter:
        case Granularity::Half: {
            int len = p.granularity == Granularity::Quarter ? 3 : 6;
            int m = (p.part - 1) * len + 1;
            r.interval = months_interval(c, y, m, m + len - 1);
            std::string code = fmt::format("{}{}", p.granularity == Granularity::Quarter ? "Q" : "H", p.part);
            if (c == Calendar::Gregorian) r.value = fmt::format("{:04}-{}", y, code);
            else r.native = fmt::format("{:04}-{}", y, code);
            break;
        }
        default:
            return std::nullopt;
    }
    if (r.value.empty()) r.value = c == Calendar::Gregorian ? gregorian_value(r.interval, r.granularity) : iso_range(r.interval);
    return r;
}

// rmḍan 2018: an Islamic month in a Gregorian year is the one that starts in
// it. False when none does.
bool islamic_in_gregorian_year(DatePoint& p) {
    if (p.calendar != Calendar::Islamic || *p.year <= 1700 || !p.month) return true;
    const int gy = *p.year;
    const int hy = (gy - 622) * 33 / 32;
    for (int cand = hy - 1; cand <= hy + 2; ++cand) {
        if (int(year_month_day{*islamic_month(cand, p.month).earliest}.year()) == gy) {
            p.year = cand;
            return true;
        }
    }
    return false;
}

// A point: its year (stated, relative or inferred), then its interval.
// `anchor` says where the year came from.
std::optional<Resolved> resolve_point(DatePoint p, const ResolveState& st, Anchor& anchor) {
    anchor = Anchor::Absolute;
    if (before_era(p)) return std::nullopt;
    if (coarse(p)) return resolve_coarse(p, st, anchor);
    // The same day of another year: the previous date's month and day in the
    // year's calendar; without a previous day, the year alone.
    if (p.same_day == Rel::Same && st.previous && st.previous->granularity == Granularity::Day && st.previous->interval.earliest) {
        const auto d = date_in(p.calendar, *st.previous->interval.earliest);
        p.month = int(d.month);
        p.day = int(d.day);
        p.granularity = Granularity::Day;
        anchor = Anchor::Previous;
    } else if (p.same_day == Rel::This && st.dct) {
        if (!p.year && !infer_year(p, st, anchor)) return std::nullopt;
        const auto d = date_in(p.calendar, *st.dct);
        p.month = int(d.month);
        p.day = int(d.day);
        p.granularity = Granularity::Day;
        if (p.calendar == Calendar::Gregorian && p.month == 2 && p.day == 29) p.day = 28;  // 29 February of a common year
    }
    if (!p.year && !infer_year(p, st, anchor)) return std::nullopt;
    if (!islamic_in_gregorian_year(p)) return std::nullopt;
    return point_span(p);
}

// The unit of `g` that contains `d`, in calendar c, shifted by n units.
Interval unit_containing(Day d, Granularity g, int n, Calendar c, int week_start) {
    switch (g) {
        case Granularity::Day: return {d + days{checked_days(n)}, d + days{checked_days(n)}};
        case Granularity::Week: {
            weekday start = weekday{static_cast<unsigned>(week_start % 7)};
            Day s = d - (weekday{d} - start) + days{checked_days(int64_t{n} * 7)};
            return {s, s + days{6}};
        }
        case Granularity::Month:
            if (c == Calendar::SolarHijri) {
                auto sh = to_solar_hijri(d);
                int64_t idx = int64_t{sh.year} * 12 + int(sh.month) - 1 + n;
                return solar_hijri_month(checked_year(idx / 12), unsigned(idx % 12) + 1);
            } else {
                int64_t idx = month_index(year_month_day{d}) + n;
                return {from_month_index(idx), from_month_index(idx + 1) - days{1}};
            }
        case Granularity::Season: {
            int64_t idx = month_index(year_month_day{d});
            int64_t s = ((idx + 1) / 3) * 3 - 1 + 3 * int64_t{n};  // seasons start in Mar, Jun, Sep, Dec
            return {from_month_index(s), from_month_index(s + 3) - days{1}};
        }
        case Granularity::Quarter: {
            int64_t idx = month_index(year_month_day{d});
            int64_t q = (idx / 3) * 3 + 3 * int64_t{n};
            return {from_month_index(q), from_month_index(q + 3) - days{1}};
        }
        case Granularity::Half: {
            int64_t idx = month_index(year_month_day{d});
            int64_t h = (idx / 6) * 6 + 6 * int64_t{n};
            return {from_month_index(h), from_month_index(h + 6) - days{1}};
        }
        case Granularity::Year: return year_interval(c, int64_t{year_in(c, d)} + n);
        case Granularity::Decade: {
            int64_t y = (int(year_month_day{d}.year()) / 10 + int64_t{n}) * 10;
            return {first_of(std::max<int64_t>(y, 1), 1), last_of(y + 9, 12)};
        }
        case Granularity::Century: {
            int64_t cc = (int(year_month_day{d}.year()) - 1) / 100 + 1 + int64_t{n};
            return {first_of((cc - 1) * 100 + 1, 1), last_of(cc * 100, 12)};
        }
        case Granularity::Unknown: break;
    }
    return {};
}

Day shift_day(Day d, Granularity g, int n) {
    year_month_day ymd{d};
    switch (g) {
        case Granularity::Day: return d + days{checked_days(n)};
        case Granularity::Week: return d + days{checked_days(int64_t{n} * 7)};
        case Granularity::Month: case Granularity::Season: case Granularity::Quarter: case Granularity::Half: {
            const int64_t per = g == Granularity::Month ? 1 : g == Granularity::Half ? 6 : 3;
            const int64_t idx = month_index(ymd) + n * per;
            const year_month ym{year{checked_year(idx >= 0 ? idx / 12 : (idx - 11) / 12)}, month{unsigned(((idx % 12) + 12) % 12) + 1}};
            auto out = ym / ymd.day();
            return out.ok() ? sys_days{out} : sys_days{ym / last};
        }
        case Granularity::Year: case Granularity::Decade: case Granularity::Century: {
            const int64_t per = g == Granularity::Year ? 1 : g == Granularity::Decade ? 10 : 100;
            const year y{checked_year(int(ymd.year()) + n * per)};
            auto out = y / ymd.month() / ymd.day();
            return out.ok() ? sys_days{out} : sys_days{y / ymd.month() / last};
        }
        case Granularity::Unknown: break;
    }
    return d;
}

std::string duration_value(Granularity g, int n) {
    switch (g) {
        case Granularity::Day: return fmt::format("P{}D", n);
        case Granularity::Week: return fmt::format("P{}W", n);
        case Granularity::Month: return fmt::format("P{}M", n);
        case Granularity::Season: case Granularity::Quarter: return fmt::format("P{}Q", n);
        case Granularity::Half: return fmt::format("P{}M", n * 6);
        case Granularity::Year: return fmt::format("P{}Y", n);
        case Granularity::Decade: return fmt::format("P{}DE", n);
        case Granularity::Century: return fmt::format("P{}CE", n);
        case Granularity::Unknown: break;
    }
    return "P";
}

// The TIMEX3 suffix of a part of the day joined to a day ("Tuesday night": T + NI).
std::string part_of_day(int part) {
    static constexpr std::array<std::string_view, 5> codes{"", "TMO", "TAF", "TEV", "TNI"};
    return part > 0 && part < int(codes.size()) ? std::string(codes[size_t(part)]) : std::string();
}

// A length whose count the text leaves open ("several years") is PXY.
std::string length_value(Granularity g, int n) {
    if (n >= 0) return duration_value(g, n);
    return "PX" + duration_value(g, 1).substr(2);
}

std::string unknown_value(Granularity g) {
    switch (g) {
        case Granularity::Day: return "XXXX-XX-XX";
        case Granularity::Month: return "XXXX-XX";
        default: return "XXXX";
    }
}

// The day a weekday stands for (DESIGN §3): the last or next one; the one of
// a named week ("Tuesday of next week"); alone, the nearest the reference
// (within three days either side), or by the tense the first on or after it,
// the last on or before it.
std::optional<Day> weekday_day(const RawDate& raw, const LanguageSettings& set, const ResolveState& st, Anchor& anchor) {
    const weekday want{static_cast<unsigned>(raw.weekday % 7)};
    if (raw.unit == Granularity::Week) {
        if (!st.dct) return std::nullopt;
        anchor = Anchor::Document;
        const Interval week = unit_containing(*st.dct, Granularity::Week, raw.n, Calendar::Gregorian, set.week_start);
        return *week.earliest + (want - weekday{*week.earliest});
    }
    if (raw.n != 0) {
        if (!st.dct) return std::nullopt;
        anchor = Anchor::Document;
        const Day d = *st.dct;
        if (raw.n > 0) return d + days{1} + (want - weekday{d + days{1}});
        return d - days{1} - (weekday{d - days{1}} - want);
    }
    auto ref = reference_for(raw.a, st, true);
    if (!ref) return std::nullopt;
    anchor = ref->anchor;
    const Day r = *ref->span.earliest;
    const Day after = r + (want - weekday{r});  // first on or after
    const Day before = r - (weekday{r} - want);  // last on or before
    if (ref->lean == Lean::Forward) return after;
    if (ref->lean == Lean::Backward) return before;
    return (after - r) <= (r - before) ? after : before;
}

// The days of a holiday: of the year written with it (ʿyd alfṭr 2024, nwrwz
// 1403, "this year's"), else the occurrence the reference picks.
std::optional<Interval> holiday_interval(const RawDate& raw, const HolidayRule& rule, const LanguageSettings& set,
                                         const ResolveState& st, Anchor& anchor) {
    (void)set;
    if (raw.a.year) {
        anchor = Anchor::Absolute;
        return holiday_in(rule, raw.a.calendar, *raw.a.year);
    }
    if (raw.a.base.rel != Rel::None) {
        const Calendar c = raw.a.base.solar ? Calendar::SolarHijri : Calendar::Gregorian;
        auto y = base_year(raw.a.base, c, st, anchor);
        if (!y) return std::nullopt;
        auto iv = holiday_in(rule, c, *y);
        // "nwrwz amsal" said in Bahman of a future plan: this year's holiday is
        // long past, the next one weeks away, and the clause is not past.
        constexpr days kSoon{60};
        if (raw.a.base.rel == Rel::This && !raw.a.past && st.dct && iv && iv->latest && *iv->latest < *st.dct)
            if (auto next = holiday_in(rule, c, *y + 1); next && next->earliest && *next->earliest - *st.dct <= kSoon) return next;
        return iv;
    }
    auto ref = reference_for(raw.a, st, false);
    if (!ref) return std::nullopt;
    anchor = ref->anchor;
    // A year-long reference (ʿam 2019 … ʿyd alfṭr) holds its occurrence.
    if (ref->anchor == Anchor::Previous && *ref->span.latest - *ref->span.earliest > days{31}) {
        const auto mid = *ref->span.earliest + (*ref->span.latest - *ref->span.earliest) / 2;
        if (auto iv = holiday_near(rule, mid, Lean::Nearest)) return iv;
    }
    return holiday_near(rule, *ref->span.earliest, ref->lean);
}

// "qbl asbwʿ", "dw rwz pysh", "three days later": the day N (or 7N) days from
// the DCT, or the previous date moved by as many days (DESIGN §3). False when
// nothing anchors it (the mention then has null bounds).
bool shift_by_days(Mention& m, const RawDate& raw, const ResolveState& st) {
    const int n = checked_days(int64_t{raw.n} * (raw.unit == Granularity::Week ? 7 : 1));
    m.granularity = Granularity::Day;
    m.calendar = Calendar::Gregorian;
    if (raw.from_previous && st.previous && st.previous->interval.anchored()) {
        m.interval = {*st.previous->interval.earliest + days{n}, *st.previous->interval.latest + days{n}};
        m.anchor = Anchor::Previous;
    } else if ((!raw.from_previous || (raw.dct_if_first && !st.previous)) && st.dct) {
        m.interval = {*st.dct + days{n}, *st.dct + days{n}};
        m.anchor = Anchor::Document;
    } else {
        m.value = unknown_value(Granularity::Day);
        m.anchor = Anchor::None;
        return false;
    }
    m.value = iso_range(m.interval);
    return true;
}

// Chooses among the readings of a named event: a year nearby, a length
// ("44-day"), the reading chosen earlier in the document, else the default.
uint32_t choose_event(const RawDate& raw, const Lexicon& lex, ResolveState& st, std::string& reason) {
    const auto& cands = raw.event->events;
    if (cands.size() == 1) return cands.front();
    const auto& evs = lex.events();
    if (raw.context_days > 0) {
        for (uint32_t c : cands) {
            const Interval& iv = evs[c].interval;
            int len = int((*iv.latest - *iv.earliest).count()) + 1;
            if (std::abs(len - raw.context_days) <= 1) { reason = "duration"; return c; }
        }
    }
    if (raw.context_year) {
        for (uint32_t c : cands) {
            const Interval& iv = evs[c].interval;
            if (int(year_month_day{*iv.earliest}.year()) <= raw.context_year &&
                raw.context_year <= int(year_month_day{*iv.latest}.year())) {
                reason = "year";
                return c;
            }
        }
    }
    if (auto it = st.events_chosen.find(cands); it != st.events_chosen.end()) { reason = "document"; return it->second; }
    // A mention of one of the candidates earlier in the document decides too
    // (the 44-day war, then "the Karabakh war"): the latest such mention.
    for (auto it = st.events_seen.rbegin(); it != st.events_seen.rend(); ++it)
        if (std::find(cands.begin(), cands.end(), *it) != cands.end()) { reason = "document"; return *it; }
    reason = "default";
    return cands.front();
}

// The value of one whole unit (a year, a month…) of calendar `c`: Gregorian
// TIMEX3, or the days with the Solar Hijri year or month as `native`.
void set_unit_value(Mention& m, Granularity unit, Calendar c) {
    if (c == Calendar::Gregorian) {
        m.value = gregorian_value(m.interval, unit);
        return;
    }
    m.value = iso_range(m.interval);
    auto sh = to_solar_hijri(*m.interval.earliest);
    m.native = unit == Granularity::Year ? fmt::format("{:04}", sh.year) : fmt::format("{:04}-{:02}", sh.year, sh.month);
}

// "sh sal pysh az pyman abrahym": the unit `n` units before the start of the
// date (after its end when n > 0: "two years after the war" counts from the
// war's last day). The mention no longer is the named event, only anchored on it.
void move_by(Mention& m, Granularity unit, int n, const LanguageSettings& set) {
    if (!m.interval.anchored()) {
        m.value = unknown_value(unit);
        m.granularity = unit;
        return;
    }
    // Years and months before a Solar Hijri date count in its calendar.
    const Calendar c = m.calendar == Calendar::SolarHijri && (unit == Granularity::Year || unit == Granularity::Month)
                           ? Calendar::SolarHijri : Calendar::Gregorian;
    const Day ref = n < 0 ? *m.interval.earliest : *m.interval.latest;
    m.interval = unit_containing(ref, unit, n, c, set.week_start);
    m.granularity = unit;
    m.calendar = c;
    m.native.clear();
    set_unit_value(m, unit, c);
    m.mod = Mod::None;
    m.event.clear();
    m.event_reason.clear();
    m.confidence *= 0.9f;
}

}  // namespace

std::optional<Interval> point_interval(const DatePoint& p) {
    if (!p.year || p.base.rel != Rel::None) return std::nullopt;
    ResolveState none;
    Anchor a;
    try {
        auto r = resolve_point(p, none, a);
        if (!r || !r->interval.anchored() || !in_year_range(*r->interval.earliest) || !in_year_range(*r->interval.latest))
            return std::nullopt;
        return r->interval;
    } catch (const OutOfYears&) {
        return std::nullopt;
    }
}

namespace {

// A mention whose time lies outside the years keeps its text and kind, and
// gets null bounds and no anchor, like a date nothing anchors.
void unanchor(Mention& m) {
    m.interval = {};
    m.value = unknown_value(m.granularity);
    m.native.clear();
    m.anchor = Anchor::None;
}

bool within_years(const Interval& iv) {
    return !iv.anchored() || (in_year_range(*iv.earliest) && in_year_range(*iv.latest));
}

std::optional<Mention> resolve_unchecked(const RawDate& raw, const Lexicon& lexicon, const LanguageSettings& set,
                                         ResolveState& st) {
    Mention m;
    m.confidence = raw.confidence;
    switch (raw.kind) {
        case RawKind::Point: {
            Anchor anchor;
            auto r = resolve_point(raw.a, st, anchor);
            m.granularity = raw.a.granularity == Granularity::Unknown ? Granularity::Year : raw.a.granularity;
            m.calendar = raw.a.calendar;
            m.mod = raw.a.mod;
            if (!r) {
                // Valid text whose year the document does not give: XXXX-10
                // (a day that does not exist, 30 February or a fifth Sunday,
                // keeps its text with null bounds: DESIGN §3)
                if (before_era(raw.a)) {
                    m.value = before_era_value(raw.a);
                } else if (raw.a.month && !raw.a.year && raw.a.calendar == Calendar::Gregorian && !raw.a.nth) {
                    m.value = raw.a.day ? fmt::format("XXXX-{:02}-{:02}", raw.a.month, raw.a.day) : fmt::format("XXXX-{:02}", raw.a.month);
                } else {
                    m.value = unknown_value(m.granularity);
                }
                m.anchor = Anchor::None;
                m.confidence *= 0.7f;
                return m;
            }
            m.granularity = r->granularity;
            m.interval = apply_mod(r->interval, r->granularity, raw.a.mod, raw.a.calendar);
            m.value = r->value;
            m.native = r->native;
            m.anchor = anchor;
            if (m.calendar == Calendar::Islamic) m.tolerance_days = 2;
            break;
        }
        case RawKind::Range: {
            Anchor a1, a2;
            auto r1 = resolve_point(raw.a, st, a1);
            auto r2 = resolve_point(raw.b, st, a2);
            m.granularity = raw.b.granularity;
            m.calendar = raw.b.calendar;
            if (!r1 || !r2) {
                m.value = unknown_value(m.granularity);
                m.anchor = Anchor::None;
                return m;
            }
            Interval i1 = apply_mod(r1->interval, r1->granularity, raw.a.mod);
            Interval i2 = apply_mod(r2->interval, r2->granularity, raw.b.mod);
            // A range reversed by bidi extraction (2004-2000) is the same range.
            if (*i1.earliest > *i2.earliest) { std::swap(i1, i2); std::swap(r1, r2); }
            m.interval = {std::min(*i1.earliest, *i2.earliest), std::max(*i1.latest, *i2.latest)};
            // A Solar Hijri or Islamic end is itself a range of days
            // ("2019-03-21/2020-03-19"): then the whole range as days.
            const bool day_ranges = r1->value.find('/') != std::string::npos || r2->value.find('/') != std::string::npos;
            m.value = day_ranges ? iso_range(m.interval) : r1->value + "/" + r2->value;
            if (!r1->native.empty() || !r2->native.empty())
                m.native = (r1->native.empty() ? r1->value : r1->native) + "/" + (r2->native.empty() ? r2->value : r2->native);
            m.granularity = rank(r1->granularity) > rank(r2->granularity) ? r1->granularity : r2->granularity;
            m.anchor = (a1 == Anchor::Absolute && a2 == Anchor::Absolute) ? Anchor::Absolute : a1 != Anchor::Absolute ? a1 : a2;
            if (m.calendar == Calendar::Islamic) m.tolerance_days = 2;
            break;
        }
        case RawKind::Shift: {
            if (raw.counted && (raw.unit == Granularity::Day || raw.unit == Granularity::Week)) {
                if (!shift_by_days(m, raw, st)) return m;
                break;
            }
            m.granularity = raw.unit;
            Calendar c = raw.solar ? Calendar::SolarHijri : Calendar::Gregorian;
            m.calendar = c;
            const Mention* prev = st.previous ? &*st.previous : nullptr;
            std::optional<Day> ref;
            if (raw.from_previous && prev && prev->interval.earliest) {
                ref = prev->interval.earliest;
                m.anchor = Anchor::Previous;
                // "a month later" after a year stays a year, moved by a month
                if (rank(prev->granularity) > rank(raw.unit) && raw.n != 0) {
                    m.granularity = prev->granularity;
                    m.interval = {shift_day(*prev->interval.earliest, raw.unit, raw.n),
                                  shift_day(*prev->interval.latest, raw.unit, raw.n)};
                    m.value = iso_range(m.interval);
                    break;
                }
                // "the same year" / "a month later" count in the previous mention's calendar
                c = prev->calendar == Calendar::SolarHijri &&
                    (raw.unit == Granularity::Year || raw.unit == Granularity::Month) ? Calendar::SolarHijri : Calendar::Gregorian;
                m.calendar = c;
            } else if (raw.from_previous && raw.n > 0) {
                ref = std::nullopt;  // "a month later" with nothing before it
            } else if (raw.from_previous && raw.n < 0 && st.dct) {
                // "a year earlier" with nothing before it: the news compares with
                // the time it reports, the DCT's
                ref = st.dct;
                m.anchor = Anchor::Document;
            } else if (st.dct) {
                ref = st.dct;
                m.anchor = Anchor::Document;
            }
            if (!ref) {
                m.value = unknown_value(raw.unit);
                m.anchor = Anchor::None;
                return m;
            }
            m.interval = unit_containing(*ref, raw.unit, raw.n, c, set.week_start);
            m.interval = apply_mod(m.interval, raw.unit, raw.mod);
            m.mod = raw.mod;
            set_unit_value(m, raw.unit, c);
            break;
        }
        case RawKind::PastSpan: {
            m.type = MentionType::Duration;
            m.granularity = raw.unit;
            m.value = duration_value(raw.unit, raw.n);
            if (st.dct) {
                m.interval = {shift_day(*st.dct, raw.unit, -raw.n), *st.dct};
                m.anchor = Anchor::Document;
                if (!within_years(m.interval)) throw OutOfYears{};
            } else {
                m.anchor = Anchor::None;
            }
            return m;  // a span is not a reference point for what follows
        }
        case RawKind::Deictic: {
            m.granularity = Granularity::Day;
            bool present = raw.deictic == Deictic::Now || raw.deictic == Deictic::UntilNow;
            if (!st.dct) {
                m.value = present ? "PRESENT_REF" : "XXXX-XX-XX";
                m.anchor = Anchor::None;
                if (raw.shift_n != 0) move_by(m, raw.shift_unit, raw.shift_n, set);
                return m;
            }
            int offset = raw.deictic == Deictic::Yesterday ? -1 : raw.deictic == Deictic::Tomorrow ? 1
                       : raw.deictic == Deictic::DayBeforeYesterday ? -2 : raw.deictic == Deictic::DayAfterTomorrow ? 2 : 0;
            Day d = *st.dct + days{offset};
            m.interval = {d, d};
            m.value = present ? "PRESENT_REF" : format_iso(d) + part_of_day(raw.daypart);
            m.anchor = Anchor::Document;
            if (present && raw.shift_n == 0) return m;  // "now" does not move the reference
            break;
        }
        case RawKind::Weekday: {
            m.granularity = Granularity::Day;
            auto d = weekday_day(raw, set, st, m.anchor);
            if (!d) {
                m.value = "XXXX-XX-XX";
                m.anchor = Anchor::None;
                return m;
            }
            m.interval = {*d, *d};
            m.value = format_iso(*d) + part_of_day(raw.daypart);
            break;
        }
        case RawKind::Holiday: {
            const HolidayInfo& h = lexicon.holidays()[raw.holiday];
            m.granularity = Granularity::Day;
            m.calendar = h.rule.calendar;
            auto iv = holiday_interval(raw, h.rule, set, st, m.anchor);
            if (!iv) {
                m.value = "XXXX-XX-XX";
                m.anchor = Anchor::None;
                return m;
            }
            m.interval = *iv;
            if (raw.holiday_day) {
                const Day d = *iv->earliest + days{raw.holiday_day - 1};
                m.interval = {d, d};
            }
            m.value = iso_range(m.interval);
            if (m.calendar == Calendar::Islamic) m.tolerance_days = 2;
            break;
        }
        case RawKind::Duration:
            m.type = MentionType::Duration;
            m.granularity = raw.unit;
            m.value = length_value(raw.unit, raw.n);
            m.mod = raw.mod;
            m.anchor = Anchor::None;
            return m;  // a length the text does not place: no bounds, no reference for what follows
        case RawKind::Set:
            m.type = MentionType::Set;
            m.granularity = raw.weekday ? Granularity::Day : raw.unit;
            m.value = raw.weekday ? fmt::format("XXXX-WXX-{}", raw.weekday) : length_value(raw.unit, raw.n);
            m.anchor = Anchor::None;
            return m;
        case RawKind::Reference:
            m.value = raw.future_ref ? "FUTURE_REF" : "PAST_REF";
            m.anchor = Anchor::None;
            m.granularity = Granularity::Unknown;
            return m;
        case RawKind::Event: {
            uint32_t chosen = choose_event(raw, lexicon, st, m.event_reason);
            if (raw.event->events.size() == 1) m.event_reason.clear();
            st.events_chosen[raw.event->events] = chosen;
            st.events_seen.push_back(chosen);
            const NamedEventInfo& ev = lexicon.events()[chosen];
            m.event = ev.id;
            m.interval = ev.interval;
            m.granularity = ev.granularity;
            m.value = iso_range(ev.interval);
            m.anchor = Anchor::NamedEvent;
            if (raw.mod != Mod::None && raw.mod != Mod::Approx) {
                // early in a war: a third of its months (of its days when shorter than a quarter)
                const Day a = *ev.interval.earliest, z = *ev.interval.latest;
                const days third = (z - a + days{1}) / 3;
                if (z - a > days{90}) m.interval = apply_mod(ev.interval, Granularity::Year, raw.mod);
                else if (raw.mod == Mod::Start) m.interval = {a, a + third - days{1}};
                else if (raw.mod == Mod::Mid) m.interval = {a + third, z - third};
                else m.interval = {z - third + days{1}, z};
                m.mod = raw.mod;
                m.value = iso_range(m.interval);
            }
            if (m.event_reason == "default") m.confidence = 0.6f;
            break;
        }
    }
    if (raw.shift_n != 0) move_by(m, raw.shift_unit, raw.shift_n, set);
    if (raw.fiscal && m.granularity == Granularity::Year && m.interval.anchored()) m.value = "FY" + m.value;
    if (!within_years(m.interval)) throw OutOfYears{};
    if (m.interval.anchored()) st.previous = m;
    if (is_reference_date(m)) st.sentence_date = m;
    return m;
}

}  // namespace

std::optional<Mention> resolve(const RawDate& raw, const Lexicon& lexicon, const LanguageSettings& set,
                               ResolveState& st) {
    try {
        return resolve_unchecked(raw, lexicon, set, st);
    } catch (const OutOfYears&) {
        Mention m;
        m.confidence = raw.confidence * 0.7f;
        m.type = raw.kind == RawKind::PastSpan ? MentionType::Duration : MentionType::Date;
        m.granularity = raw.kind == RawKind::Point || raw.kind == RawKind::Range ? raw.a.granularity
                        : raw.kind == RawKind::Shift || raw.kind == RawKind::PastSpan ? raw.unit
                                                                                      : Granularity::Unknown;
        m.calendar = raw.kind == RawKind::Point || raw.kind == RawKind::Range ? raw.a.calendar : Calendar::Gregorian;
        unanchor(m);
        if (m.type == MentionType::Duration) m.value = duration_value(raw.unit, raw.n);
        return m;
    }
}

}  // namespace tarikh::tagger
