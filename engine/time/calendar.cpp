// Solar Hijri by arithmetic, Umm al-Qura from ICU (see calendar.h for which
// references they follow and why).
#include "tarikh/calendar.h"

#include <unicode/calendar.h>
#include <unicode/locid.h>
#include <unicode/timezone.h>

#include <algorithm>
#include <cassert>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace tarikh {
namespace {

constexpr int64_t floor_div(int64_t a, int64_t b) {
    int64_t q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

constexpr int64_t days_since_epoch(Day d) { return d.time_since_epoch().count(); }
Day day_from_epoch(int64_t days) { return Day{date::days{static_cast<int>(days)}}; }

// ---------------------------------------------------------------------------
// Solar Hijri
//
// The 33-year rule (ICU's `persian` calendar): year y is leap when
// (25y + 11) mod 33 < 8, i.e. 8 leap years in every 33.
//
// Counting them: since 25 ≡ -8 (mod 33), (25y + 11) mod 33 = 32 - ((8y + 21) mod 33),
// so y is leap exactly when (8y + 21) mod 33 ≥ 25, which is exactly when
// ⌊(8(y+1) + 21)/33⌋ - ⌊(8y + 21)/33⌋ = 1 (the step from 8y+21 to 8y+29 crosses a
// multiple of 33). Hence ⌊(8y + 21)/33⌋ grows by one after each leap year, and
// 1 Farvardin of year y lies 365(y - y0) + ⌊(8y + 21)/33⌋ - ⌊(8y0 + 21)/33⌋
// days after 1 Farvardin of any year y0. The anchor is 1 Farvardin 1404 =
// 2025-03-21 (the year Hinnant's 2820-year solar_hijri.h gets wrong).
// ---------------------------------------------------------------------------

constexpr int64_t kAnchorYear = 1404;
// constexpr, not a dynamic initializer: other translation units may convert
// dates during their own static initialization.
constexpr int64_t kAnchorFarvardin1 =
    days_since_epoch(Day{date::year{2025} / date::March / 21});

constexpr int64_t leap_count_term(int64_t year) { return floor_div(8 * year + 21, 33); }

// 1 Farvardin of `year`, in days since 1970-01-01.
int64_t farvardin1(int64_t year) {
    return kAnchorFarvardin1 + 365 * (year - kAnchorYear) + leap_count_term(year) -
           leap_count_term(kAnchorYear);
}

// Days before month `month` (1-based) in a Solar Hijri year: six months of 31
// days, then five of 30, then Esfand.
int64_t days_before_month(unsigned month) {
    return month <= 7 ? 31 * (month - 1) : 186 + 30 * (month - 7);
}

// ---------------------------------------------------------------------------
// Islamic (Umm al-Qura)
//
// ICU's `islamic-umalqura` carries the official Saudi table for 1300–1600 AH
// and switches to civil arithmetic outside it. ICU calendars are mutable and
// not thread-safe, so the month starts of the table's years are read once into
// an immutable array; other years clone a pristine prototype per call.
// ---------------------------------------------------------------------------

constexpr int kTableFirstYear = 1300;
constexpr int kTableLastYear = 1600;
constexpr int64_t kJulianDayOfUnixEpoch = 2440588;  // 1970-01-01

// A calendar with its zone at GMT, so that its day boundaries are ours.
std::unique_ptr<icu::Calendar> make_icu_calendar(const char* locale) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Calendar> cal(
        icu::Calendar::createInstance(icu::TimeZone::getGMT()->clone(), icu::Locale(locale), status));
    if (U_FAILURE(status) || !cal) throw std::runtime_error(std::string("ICU calendar unavailable: ") + locale);
    return cal;
}

const icu::Calendar& umalqura_prototype() {
    static const std::unique_ptr<icu::Calendar> prototype = make_icu_calendar("@calendar=islamic-umalqura");
    return *prototype;
}

std::unique_ptr<icu::Calendar> umalqura_clone() {
    std::unique_ptr<icu::Calendar> cal(umalqura_prototype().clone());
    if (!cal) throw std::runtime_error("ICU calendar clone failed");
    return cal;
}

void check(UErrorCode status) {
    if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU calendar: ") + u_errorName(status));
}

int64_t icu_islamic_to_days(icu::Calendar& cal, int year, unsigned month, unsigned day) {
    UErrorCode status = U_ZERO_ERROR;
    cal.clear();
    cal.set(UCAL_EXTENDED_YEAR, year);
    cal.set(UCAL_MONTH, static_cast<int32_t>(month) - 1);
    cal.set(UCAL_DATE, static_cast<int32_t>(day));
    int32_t julian_day = cal.get(UCAL_JULIAN_DAY, status);
    check(status);
    return julian_day - kJulianDayOfUnixEpoch;
}

IslamicDate icu_days_to_islamic(icu::Calendar& cal, int64_t days) {
    UErrorCode status = U_ZERO_ERROR;
    cal.setTime(static_cast<UDate>(days) * U_MILLIS_PER_DAY, status);
    IslamicDate result{cal.get(UCAL_EXTENDED_YEAR, status),
                       static_cast<unsigned>(cal.get(UCAL_MONTH, status) + 1),
                       static_cast<unsigned>(cal.get(UCAL_DATE, status))};
    check(status);
    return result;
}

// Month starts of AH 1300–1600 (days since 1970-01-01), plus 1 Muharram 1601
// so that every month in the table has an end.
class UmmAlQuraTable {
public:
    UmmAlQuraTable() {
        auto cal = umalqura_clone();
        starts_.reserve((kTableLastYear - kTableFirstYear + 1) * 12 + 1);
        for (int year = kTableFirstYear; year <= kTableLastYear; ++year)
            for (unsigned month = 1; month <= 12; ++month)
                starts_.push_back(icu_islamic_to_days(*cal, year, month, 1));
        starts_.push_back(icu_islamic_to_days(*cal, kTableLastYear + 1, 1, 1));
    }

    static bool covers_year(int year) { return year >= kTableFirstYear && year <= kTableLastYear; }
    bool covers_day(int64_t days) const { return days >= starts_.front() && days < starts_.back(); }

    int64_t month_start(int year, unsigned month) const { return starts_[index(year, month)]; }
    int64_t month_length(int year, unsigned month) const {
        size_t i = index(year, month);
        return starts_[i + 1] - starts_[i];
    }

    IslamicDate date_of(int64_t days) const {
        // The last month start not after `days`.
        auto it = std::upper_bound(starts_.begin(), starts_.end(), days) - 1;
        size_t i = static_cast<size_t>(it - starts_.begin());
        return {kTableFirstYear + static_cast<int>(i / 12), static_cast<unsigned>(i % 12 + 1),
                static_cast<unsigned>(days - *it + 1)};
    }

private:
    static size_t index(int year, unsigned month) {
        return static_cast<size_t>(year - kTableFirstYear) * 12 + (month - 1);
    }
    std::vector<int64_t> starts_;
};

const UmmAlQuraTable& umm_al_qura() {
    static const UmmAlQuraTable table;
    return table;
}

Interval days_interval(int64_t first, int64_t last) {
    return Interval{day_from_epoch(first), day_from_epoch(last)};
}

}  // namespace

// --- Solar Hijri ------------------------------------------------------------

bool solar_hijri_leap(int year) {
    return leap_count_term(int64_t(year) + 1) - leap_count_term(year) == 1;
}

unsigned solar_hijri_month_length(int year, unsigned month) {
    assert(month >= 1 && month <= 12);
    if (month <= 6) return 31;
    if (month <= 11) return 30;
    return solar_hijri_leap(year) ? 30 : 29;
}

Day from_solar_hijri(int year, unsigned month, unsigned day) {
    assert(month >= 1 && month <= 12);
    assert(day >= 1 && day <= solar_hijri_month_length(year, month));
    return day_from_epoch(farvardin1(year) + days_before_month(month) + (day - 1));
}

SolarHijriDate to_solar_hijri(Day d) {
    const int64_t days = days_since_epoch(d);
    // A mean year is 12053/33 days; the estimate is off by at most one year.
    int64_t year = kAnchorYear + floor_div((days - kAnchorFarvardin1) * 33, 12053);
    while (farvardin1(year + 1) <= days) ++year;
    while (farvardin1(year) > days) --year;
    const int64_t day_of_year = days - farvardin1(year);  // 0-based
    unsigned month, day;
    if (day_of_year < 186) {
        month = static_cast<unsigned>(day_of_year / 31) + 1;
        day = static_cast<unsigned>(day_of_year % 31) + 1;
    } else {
        month = static_cast<unsigned>((day_of_year - 186) / 30) + 7;
        day = static_cast<unsigned>((day_of_year - 186) % 30) + 1;
    }
    return {static_cast<int>(year), month, day};
}

Interval solar_hijri_month(int year, unsigned month) {
    const int64_t first = days_since_epoch(from_solar_hijri(year, month, 1));
    return days_interval(first, first + solar_hijri_month_length(year, month) - 1);
}

Interval solar_hijri_year(int year) {
    return days_interval(farvardin1(year), farvardin1(int64_t(year) + 1) - 1);
}

// --- Islamic (Umm al-Qura) --------------------------------------------------

Day from_islamic(int year, unsigned month, unsigned day) {
    assert(month >= 1 && month <= 12);
    assert(day >= 1 && day <= 30);
    if (UmmAlQuraTable::covers_year(year))
        return day_from_epoch(umm_al_qura().month_start(year, month) + (day - 1));
    auto cal = umalqura_clone();
    return day_from_epoch(icu_islamic_to_days(*cal, year, month, day));
}

IslamicDate to_islamic(Day d) {
    const int64_t days = days_since_epoch(d);
    const UmmAlQuraTable& table = umm_al_qura();
    if (table.covers_day(days)) return table.date_of(days);
    auto cal = umalqura_clone();
    return icu_days_to_islamic(*cal, days);
}

unsigned islamic_month_length(int year, unsigned month) {
    assert(month >= 1 && month <= 12);
    if (UmmAlQuraTable::covers_year(year))
        return static_cast<unsigned>(umm_al_qura().month_length(year, month));
    auto cal = umalqura_clone();
    const int64_t first = icu_islamic_to_days(*cal, year, month, 1);
    const int64_t next = month == 12 ? icu_islamic_to_days(*cal, year + 1, 1, 1)
                                     : icu_islamic_to_days(*cal, year, month + 1, 1);
    return static_cast<unsigned>(next - first);
}

Interval islamic_month(int year, unsigned month) {
    const int64_t first = days_since_epoch(from_islamic(year, month, 1));
    return days_interval(first, first + islamic_month_length(year, month) - 1);
}

Interval islamic_year(int year) {
    const int64_t first = days_since_epoch(from_islamic(year, 1, 1));
    const int64_t next = days_since_epoch(from_islamic(year + 1, 1, 1));
    return days_interval(first, next - 1);
}

// --- Any calendar ------------------------------------------------------------

std::optional<Day> day_in(Calendar c, int year, unsigned month, unsigned day) {
    if (month < 1 || month > 12 || day < 1 || day > month_length(c, year, month)) return std::nullopt;
    switch (c) {
        case Calendar::SolarHijri: return from_solar_hijri(year, month, day);
        case Calendar::Islamic: return from_islamic(year, month, day);
        case Calendar::Gregorian: break;
    }
    return Day{date::year{year} / date::month{month} / date::day{day}};
}

unsigned month_length(Calendar c, int year, unsigned month) {
    switch (c) {
        case Calendar::SolarHijri: return solar_hijri_month_length(year, month);
        case Calendar::Islamic: return islamic_month_length(year, month);
        case Calendar::Gregorian: break;
    }
    return unsigned((date::year{year} / date::month{month} / date::last).day());
}

int year_of(Calendar c, Day d) {
    switch (c) {
        case Calendar::SolarHijri: return to_solar_hijri(d).year;
        case Calendar::Islamic: return to_islamic(d).year;
        case Calendar::Gregorian: break;
    }
    return int(date::year_month_day{d}.year());
}

Interval month_span(Calendar c, int year, unsigned month) {
    switch (c) {
        case Calendar::SolarHijri: return solar_hijri_month(year, month);
        case Calendar::Islamic: return islamic_month(year, month);
        case Calendar::Gregorian: break;
    }
    return {Day{date::year{year} / date::month{month} / 1}, Day{date::year{year} / date::month{month} / date::last}};
}

Interval year_span(Calendar c, int year) {
    switch (c) {
        case Calendar::SolarHijri: return solar_hijri_year(year);
        case Calendar::Islamic: return islamic_year(year);
        case Calendar::Gregorian: break;
    }
    return {Day{date::year{year} / date::January / 1}, Day{date::year{year} / date::December / 31}};
}

CalendarDate date_in(Calendar c, Day d) {
    switch (c) {
        case Calendar::SolarHijri: {
            const SolarHijriDate s = to_solar_hijri(d);
            return {s.year, s.month, s.day};
        }
        case Calendar::Islamic: {
            const IslamicDate i = to_islamic(d);
            return {i.year, i.month, i.day};
        }
        case Calendar::Gregorian: break;
    }
    const date::year_month_day ymd{d};
    return {int(ymd.year()), unsigned(ymd.month()), unsigned(ymd.day())};
}

}  // namespace tarikh
