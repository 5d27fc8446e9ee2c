// What the grammar found, before resolution: the structure of a date
// expression in its own calendar, with the parts the text left open.
#pragma once

#include "tagger/lexicon.h"
#include "tagger/rules/rule.h"
#include "tarikh/time.h"

#include <cstdint>
#include <optional>

namespace tarikh::tagger {

// Where an unstated year (or century) comes from.
struct RelativeBase {
    Rel rel = Rel::None;      // This, Last, Next, Same; None: stated or inferred
    Granularity unit = Granularity::Year;
    bool solar = false;       // a Persian amsal: the Solar Hijri year
};

// A calendar date as written, possibly partial (month without year, a season,
// a decade…). Fields are in `calendar`.
struct DatePoint {
    Calendar calendar = Calendar::Gregorian;
    Granularity granularity = Granularity::Year;
    std::optional<int> year;   // before the Common Era: negative (500 BC is -500), never resolved to days
    int month = 0;         // 1–12; 0: none
    int day = 0;           // 1–31; 0: none
    int season = 0;        // 1 spring … 4 winter
    int part = 0;          // quarter 1–4 or half 1–2 (granularity says which)
    int decade = -1;       // first year of a decade (1990, or 1370 for a Solar Hijri dhh 70)
    int decade_digit = -1; // a decade name without its century (altsʿynyat = 9)
    int century = 0;       // ordinal century: 20 = 1901–2000; negative before the Common Era
    // Tense cues of its clause (DESIGN §3): a date without a year is the
    // first occurrence on or after the reference when future, the last on or
    // before it when past, else the nearest.
    bool future = false;
    bool past = false;
    int weekday = 0;       // ISO weekday written with the date (Thursday, 5 January): picks the year
    int nth = 0;           // with weekday and month: the nth (1–5) or last (-1) such weekday of the month
    // "the same day of 2003": the month and day of the previous date (Same) or
    // of the reference (This: fy mthl hdha alywm mn alʿam almaḍy), in the year given
    Rel same_day = Rel::None;
    Mod mod = Mod::None;
    RelativeBase base;     // for the year (or the century of a decade name)
};

enum class RawKind : uint8_t {
    Point,        // a date, complete or partial
    Range,        // from `a` to `b`
    Shift,        // n units before/after a reference (ago, later, last week, this year)
    PastSpan,     // the past n units: a duration ending at the reference
    Deictic,      // today, yesterday, now…
    Weekday,      // a weekday relative to the reference
    Reference,    // PAST_REF, FUTURE_REF: no interval
    Event,        // a named event
    Holiday,      // a recurring day or period (Nowruz, Eid al-Fitr, Christmas): `holiday`, year in `a`
    Duration,     // a length the text does not place: `n` units (n < 0: an unstated count, "several years")
    Set,          // a frequency: every `n` units ("annually", "5% a year"), or every `weekday`
};

struct RawDate {
    RawDate() = default;
    // A rule opens its reading with its own name (what `tarikh parse
    // --explain` shows), the kind of date and the tokens [first, last) read
    // so far; a rule that reads on moves `last`.
    RawDate(Rule rule, RawKind kind, uint32_t first, uint32_t last) : kind(kind), first(first), last(last), rule(rule) {}

    RawKind kind = RawKind::Point;
    uint32_t first = 0, last = 0;  // token range [first, last)
    uint32_t skip_bytes = 0;       // a clitic (w, b…) glued to the first token, outside the span
    DatePoint a, b;
    // Shift / PastSpan: `n` units from the reference. Shift with n = 0 is the
    // reference's own unit ("this week"); `from_previous` anchors on the
    // previous mention ("a month later", "the same year") rather than the DCT.
    Granularity unit = Granularity::Unknown;
    int n = 0;
    bool from_previous = false;
    bool dct_if_first = false;  // from_previous, but from the DCT when no date precedes (bʿd thlathh ayam)
    // "N units ago / later": a count of days or weeks is a day, N or 7N days
    // away (qbl asbwʿ: the day a week back, DESIGN §3), not a whole week.
    bool counted = false;
    bool solar = false;
    bool fiscal = false;   // a fiscal year ("fiscal 1990", "this fiscal year"): TIMEX3 value FY1990
    Mod mod = Mod::None;
    Deictic deictic = Deictic::Today;
    // Weekday: `weekday` alone (n = 0: nearest, or by the tense in `a`), the
    // last or next one (n = -1, 1), or with unit Week the one of the week n
    // weeks from the reference's ("Tuesday of next week").
    int weekday = 0;
    uint32_t holiday = 0;  // Holiday: index into Lexicon::holidays
    int daypart = 0;       // Weekday, Deictic: a part of the day joined to it (1 MO, 2 AF, 3 EV, 4 NI; LexEntry::number)
    int holiday_day = 0;   // Holiday: its nth day only (khams ayam ʿyd alfṭr: the fifth), 0: all of it
    bool future_ref = false;
    // Event: the matched name and what the context says about it.
    const LexEntry* event = nullptr;
    int context_year = 0;
    int context_days = 0;
    float confidence = 0.9f;
    // The rule that read it, and the one that wrapped that reading, if any
    // ("mod-point" around "month-year" for "early March 2020").
    Rule rule = Rule::None;
    Rule via = Rule::None;
    // Any kind: the date then moved by `shift_n` units, "sh sal pysh az X",
    // "bʿd ʿamyn mn X", "two years after X" (0: not moved).
    Granularity shift_unit = Granularity::Unknown;
    int shift_n = 0;
};

}  // namespace tarikh::tagger
