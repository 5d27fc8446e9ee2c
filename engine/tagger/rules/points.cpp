#include "tagger/rules/grammar.h"

#include <algorithm>

namespace tarikh::tagger::rules {

std::optional<Grammar::MonthAt> Grammar::month_at(uint32_t i) {
    Hit m = hit(i, LexKind::Month);
    if (!m) return std::nullopt;
    uint32_t end = m.end;
    // Nov. 10, Sept. 11, Oct. 2023; not the full stop after "in March."
    if (is_punct(end, '.') && t_[end].joined && is_number(end + 1)) ++end;
    // ayar/mayw, aktwbr/tshryn alawl: two names of one month
    if ((is_punct(end, '/') || is_punct(end, '-')) && end + 1 < size()) {
        if (Hit m2 = hit(end + 1, LexKind::Month); m2 && m2.entry->number == m.entry->number) end = m2.end;
    }
    // dy mah: the word "month" after a month of its calendar
    if (Hit mw = hit(end, LexKind::MonthWord); mw && mw.entry->calendar == m.entry->calendar) end = mw.end;
    return MonthAt{m.entry, end};
}

std::optional<RawDate> Grammar::day_month(uint32_t i, bool partial_ok) {
    auto d = day_at(i);
    // alʿashr mn tshryn althany: an ordinal word as the day
    // alywm alsabʿ wālʿshryn mn: the word "day" before it
    if (!d) {
        uint32_t k = i;
        if (Hit dw = hit(k, LexKind::Unit); dw && dw.entry->unit == Granularity::Day && !dw.entry->has(kPlural) && !dw.entry->number)
            k = dw.end;
        // rwz byst w dwm bhmn: after the word "day" the month may follow the ordinal directly
        if (auto o = spelled_number(k); o && o->ordinal && o->value >= 1 && o->value <= 31) {
            Hit of = hit(o->end, LexKind::Prep);
            if ((of && (of.entry->prep == Prep::From || of.entry->prep == Prep::Of)) || k > i)
                d = std::make_pair(o->value, o->end);
        }
    }
    if (!d) return std::nullopt;
    uint32_t j = d->second;
    if (Hit of = hit(j, LexKind::Prep); of && (of.entry->prep == Prep::From || of.entry->prep == Prep::Of)) j = of.end;  // 7 mn aktwbr
    // ghrt shhr dhy alhjt, al'ashr mn shhr rmdan: the word "month" before its name
    if (Hit mw = hit(j, LexKind::Unit); mw && mw.entry->unit == Granularity::Month && !mw.entry->has(kPlural) && month_at(mw.end))
        j = mw.end;
    auto m = month_at(j);
    if (!m) return std::nullopt;
    RawDate r(Rule::DayMonthYear, RawKind::Point, i, m->end);
    r.a.calendar = m->entry->calendar;
    r.a.month = m->entry->number;
    r.a.day = d->first;
    r.a.granularity = Granularity::Day;
    uint32_t k = m->end;
    if (is_punct(k, ',')) ++k;
    // 12 mars/ādhar mn ʿam 1985: "of [the year]" before the year
    if (Hit of = hit(k, LexKind::Prep); of && (of.entry->prep == Prep::Of || of.entry->prep == Prep::From) &&
                                        (is_number(of.end) || year_word_before_number(of.end)))
        k = of.end;
    if (Hit yw = year_word_before_number(k)) k = yw.end;
    if (auto y = year_at(k, true, set_.two_digit_solar_years && r.a.calendar == Calendar::SolarHijri)) {
        r.a.year = y->value;
        if (y->explicit_calendar && y->calendar != r.a.calendar && r.a.calendar == Calendar::Gregorian) r.a.calendar = y->calendar;
        r.last = y->end;
        r.confidence = m->entry->has(kFragment) ? 0.7f : 0.95f;
        return r;
    }
    if (!partial_ok || m->entry->has(kFragment)) return std::nullopt;
    // "15 mars" / "nwambr hman sal": the year comes from elsewhere
    r.rule = Rule::DayMonth;
    r.confidence = 0.8f;
    uint32_t kb = r.last;
    if (Hit of = hit(kb, LexKind::Prep); of && (of.entry->prep == Prep::Of || of.entry->prep == Prep::From)) kb = of.end;
    if (auto base = year_relative(kb)) {  // 10 December of this year
        r.a.base = base->a.base;
        r.last = base->last;
    } else if (Hit rel = hit(r.last, LexKind::Rel);
               rel && (rel.entry->rel == Rel::Last || rel.entry->rel == Rel::Next || rel.entry->rel == Rel::This)) {
        // 21 February last, 7 June this (month): the month relative to the reference
        r.rule = Rule::DayMonthRel;
        r.a.base = {rel.entry->rel, Granularity::Month, false};
        r.last = rel.end;
    }
    return r;
}

std::optional<RawDate> Grammar::month_first(uint32_t i, bool partial_ok) {
    auto m = month_at(i);
    if (!m) return std::nullopt;
    if (set_.day_after_month) {
        if (auto r = month_day_range_year(i, *m)) return r;
        if (auto r = month_day_year(i, *m)) return r;
        if (partial_ok)
            if (auto r = month_day(i, *m)) return r;
    }
    if (auto r = month_year(i, *m)) return r;
    // Two names of one month (ayar/mayw) leave no doubt it is a month.
    const bool doubled = m->end > i + 1 + m->entry->rest.size() && m->entry->calendar != Calendar::SolarHijri;
    if (!partial_ok || (m->entry->has(kFragment) && !doubled)) return std::nullopt;
    if (auto r = month_relative_year(i, *m)) return r;
    if (auto r = month_rel(i, *m)) return r;
    if (doubled) {
        RawDate r = month_alone(i, *m, Rule::MonthDoubled);
        r.confidence = 0.75f;
        return r;
    }
    if (auto r = month_word_month(i, *m)) return r;
    return month_after_cue(i, *m);
}

RawDate Grammar::month_alone(uint32_t i, const MonthAt& m, Rule rule) {
    RawDate r(rule, RawKind::Point, i, m.end);
    r.a.calendar = m.entry->calendar;
    r.a.month = m.entry->number;
    r.a.granularity = Granularity::Month;
    return r;
}

// <month> <day>-<day> [,] <year>: June 13–24, 2025
std::optional<RawDate> Grammar::month_day_range_year(uint32_t i, const MonthAt& m) {
    auto d = day_at(m.end);
    if (!d || !is_punct(d->second, '-')) return std::nullopt;
    auto d2 = day_at(d->second + 1);
    if (!d2) return std::nullopt;
    uint32_t k = d2->second;
    if (is_punct(k, ',')) ++k;
    auto y = year_at(k, true, false);
    if (!y) return std::nullopt;
    RawDate r = month_alone(i, m, Rule::MonthDayRangeYear);
    r.kind = RawKind::Range;
    r.a.day = d->first;
    r.a.year = y->value;
    r.a.granularity = Granularity::Day;
    r.b = r.a;
    r.b.day = d2->first;
    r.last = y->end;
    r.confidence = 0.95f;
    return r;
}

// The day after a month name, unless a second day follows it ("13-24").
std::optional<std::pair<int, uint32_t>> Grammar::single_day_after(const MonthAt& m) {
    auto d = day_at(m.end);
    if (!d || (is_punct(d->second, '-') && day_at(d->second + 1))) return std::nullopt;
    return d;
}

// <month> <day> [,] <year>: March 29, 2023
std::optional<RawDate> Grammar::month_day_year(uint32_t i, const MonthAt& m) {
    auto d = single_day_after(m);
    if (!d) return std::nullopt;
    uint32_t k = d->second;
    if (is_punct(k, ',')) ++k;
    auto y = year_at(k, true, false);
    if (!y) return std::nullopt;
    RawDate r = month_alone(i, m, Rule::MonthDayYear);
    r.a.day = d->first;
    r.a.year = y->value;
    r.a.granularity = Granularity::Day;
    r.last = y->end;
    r.confidence = 0.95f;
    return r;
}

// <month> <day>: Nov 3 (not "Nov 3, 4": a list, or "Nov 3 2" a number)
std::optional<RawDate> Grammar::month_day(uint32_t i, const MonthAt& m) {
    auto d = single_day_after(m);
    if (!d) return std::nullopt;
    uint32_t k = d->second;
    if (is_punct(k, ',')) ++k;
    if (is_number(k)) return std::nullopt;
    RawDate r = month_alone(i, m, Rule::MonthDay);
    r.a.day = d->first;
    r.a.granularity = Granularity::Day;
    r.last = d->second;
    r.confidence = 0.8f;
    return r;
}

// <month> [,] [of] [<year word>] <year>: October 2023, dy mah 1402
std::optional<RawDate> Grammar::month_year(uint32_t i, const MonthAt& m) {
    uint32_t k = m.end;
    if (is_punct(k, ',')) ++k;
    // abryl / nysan mn ʿam 1923: "of [the year]" before the year
    if (Hit of = hit(k, LexKind::Prep); of && (of.entry->prep == Prep::Of || of.entry->prep == Prep::From) &&
                                        (is_number(of.end) || year_word_before_number(of.end)))
        k = of.end;
    if (Hit yw = year_word_before_number(k)) k = yw.end;
    auto y = year_at(k, true, set_.two_digit_solar_years && m.entry->calendar == Calendar::SolarHijri);
    if (!y) return std::nullopt;
    RawDate r = month_alone(i, m, Rule::MonthYear);
    r.a.year = y->value;
    if (y->explicit_calendar && m.entry->calendar == Calendar::Gregorian) r.a.calendar = y->calendar;
    r.last = y->end;
    r.confidence = m.entry->has(kFragment) ? 0.7f : 0.95f;
    return r;
}

// <month> [of] <relative year>: November of that year, October of last year
std::optional<RawDate> Grammar::month_relative_year(uint32_t i, const MonthAt& m) {
    uint32_t k = m.end;
    if (Hit of = hit(k, LexKind::Prep); of && (of.entry->prep == Prep::Of || of.entry->prep == Prep::From)) k = of.end;
    auto base = year_relative(k);
    if (!base) return std::nullopt;
    RawDate r = month_alone(i, m, Rule::MonthRelativeYear);
    r.a.base = base->a.base;
    r.last = base->last;
    r.confidence = 0.85f;
    return r;
}

// <month> <last|next|this>: the most recent such month before the reference
std::optional<RawDate> Grammar::month_rel(uint32_t i, const MonthAt& m) {
    Hit rel = hit(m.end, LexKind::Rel);
    if (!(rel && (rel.entry->rel == Rel::Last || rel.entry->rel == Rel::Next || rel.entry->rel == Rel::This))) return std::nullopt;
    RawDate r = month_alone(i, m, Rule::MonthRel);
    r.a.base = {rel.entry->rel, Granularity::Month, false};
    r.last = rel.end;
    r.confidence = 0.8f;
    return r;
}

// <the word month> <month>: the word "month" makes any month name a date.
// "fiscal 1990", "fiscal year 1990": that fiscal year; "this fiscal year",
// "last fiscal year": the DCT's or the one before. Its bounds are the
// calendar year it is named after (whose fiscal year it is, and when that
// starts, the text rarely says).
std::optional<RawDate> Grammar::fiscal_year(uint32_t i) {
    const uint32_t j = skip_article(i);
    Hit rel = hit(j, LexKind::Rel);
    const bool relative = rel && (rel.entry->rel == Rel::This || rel.entry->rel == Rel::Last || rel.entry->rel == Rel::Next);
    Hit fiscal = hit(relative ? rel.end : j, LexKind::Fiscal);
    if (!fiscal) return std::nullopt;
    uint32_t k = fiscal.end;
    Hit year_word = hit_if(k, LexKind::Unit, [](const LexEntry& e) { return e.unit == Granularity::Year && !e.has(kPlural); });
    if (year_word) k = year_word.end;
    RawDate r(Rule::FiscalYear, RawKind::Point, i, k);
    r.fiscal = true;
    r.confidence = 0.85f;
    if (relative) {
        if (!year_word || is_number(k)) return std::nullopt;
        r.kind = RawKind::Shift;
        r.unit = Granularity::Year;
        r.n = rel.entry->rel == Rel::Last ? -1 : rel.entry->rel == Rel::Next ? 1 : 0;
        return r;
    }
    auto y = year_at(k, true, false);
    if (!y || y->calendar != Calendar::Gregorian) return std::nullopt;
    r.a.granularity = Granularity::Year;
    r.a.year = y->value;
    r.last = y->end;
    return r;
}

// <last|next|this> <month>: "last June" is the last June over before the
// reference, "next March" the first to begin after it, "this May" the
// reference year's (as month-rel, the other word order)
std::optional<RawDate> Grammar::rel_month(uint32_t i) {
    Hit rel = hit(i, LexKind::Rel);
    if (!(rel && (rel.entry->rel == Rel::Last || rel.entry->rel == Rel::Next || rel.entry->rel == Rel::This))) return std::nullopt;
    auto m = month_at(rel.end);
    if (!m || m->entry->has(kFragment)) return std::nullopt;
    RawDate r = month_alone(i, *m, Rule::RelMonth);
    r.a.base = {rel.entry->rel, Granularity::Month, false};
    r.confidence = 0.8f;
    return r;
}

std::optional<RawDate> Grammar::month_word_month(uint32_t i, const MonthAt& m) {
    if (i == 0) return std::nullopt;
    Hit mw = hit(i - 1, LexKind::Unit);
    if (!(mw && mw.end == i && mw.entry->unit == Granularity::Month && !mw.entry->number && !mw.entry->has(kPlural)))
        return std::nullopt;
    RawDate r = month_alone(i, m, Rule::MonthWordMonth);
    r.confidence = 0.75f;
    return r;
}

// A bare month needs a preposition or a modifier before it: in March, early October
std::optional<RawDate> Grammar::month_after_cue(uint32_t i, const MonthAt& m) {
    // the end of March: a modifier, perhaps with "of", before it
    auto mod_ends_at = [&](uint32_t at) { return hit_ending_at(at, LexKind::Mod, 1).has_value(); };
    bool after_mod = mod_ends_at(i);
    if (auto of = hit_ending_at(i, LexKind::Prep, 1, 0, [](const LexEntry& e) { return e.prep == Prep::Of; }); of && !after_mod) {
        const uint32_t k = of->first;
        after_mod = mod_ends_at(k) || (k > 0 && has(k - 1, LexKind::Article) && mod_ends_at(k - 1));
    }
    if (m.entry->has(kContext) && !after_mod) {  // a modifier says it is a month
        if (!set_.context_months_after_preposition || !time_prep_before(i)) return std::nullopt;
        // "from zero to three", not from the month Safar
        if (Hit to = hit(m.end, LexKind::Prep); to && to.entry->prep == Prep::To && (is_number(to.end) || has(to.end, LexKind::Num)))
            return std::nullopt;
    }
    if (!prep_before(i) && !(i > 0 && has(i - 1, LexKind::Mod) && hit(i - 1, LexKind::Mod).end == i)) return std::nullopt;
    RawDate r = month_alone(i, m, Rule::MonthAfterCue);
    r.confidence = 0.7f;
    return r;
}

// A year whose value comes from the reference: hman sal, alʿam almaḍy, amsal, this year.
std::optional<RawDate> Grammar::year_relative(uint32_t i) {
    RawDate r(Rule::RelativeYear, RawKind::Point, i, i);
    r.a.granularity = Granularity::Year;
    if (Hit rd = hit(i, LexKind::RelDate); rd && rd.entry->unit == Granularity::Year) {
        r.a.base = {rd.entry->rel, Granularity::Year, rd.entry->has(kSolar)};
        r.last = rd.end;
        return r;
    }
    uint32_t j = skip_article(i);
    // REL UNIT: hman sal, nfs alʿam, this year, the same year
    if (Hit rel = hit(j, LexKind::Rel); rel && (rel.entry->rel == Rel::Same || rel.entry->rel == Rel::This ||
                                                rel.entry->rel == Rel::Last || rel.entry->rel == Rel::Next)) {
        if (Hit u = hit(rel.end, LexKind::Unit); u && u.entry->unit == Granularity::Year && !u.entry->has(kPlural) && !is_number(u.end)) {
            // "the same year" follows the calendar of the year it refers back to
            r.a.base = {rel.entry->rel, Granularity::Year,
                        set_.relative_calendar == Calendar::SolarHijri && rel.entry->rel != Rel::Same};
            r.last = u.end;
            return r;
        }
    }
    // UNIT REL: sal gdhshth, alʿam almaḍy, alʿam nfsh
    if (Hit u = hit(i, LexKind::Unit); u && u.entry->unit == Granularity::Year && !u.entry->has(kPlural)) {
        if (Hit rel = hit(u.end, LexKind::Rel); rel && (rel.entry->rel == Rel::Same || rel.entry->rel == Rel::This ||
                                                        rel.entry->rel == Rel::Last || rel.entry->rel == Rel::Next)) {
            // "the same year" follows the calendar of the year it refers back to
            r.a.base = {rel.entry->rel, Granularity::Year,
                        set_.relative_calendar == Calendar::SolarHijri && rel.entry->rel != Rel::Same};
            r.last = rel.end;
            return r;
        }
    }
    return std::nullopt;
}

std::optional<RawDate> Grammar::same_day_year(uint32_t i) {
    auto same = [&](uint32_t k) -> std::pair<uint32_t, Rel> {
        Hit rel = hit(k, LexKind::Rel);
        if (rel && (rel.entry->rel == Rel::Same || rel.entry->rel == Rel::This)) return {rel.end, rel.entry->rel};
        return {kNone, Rel::None};
    };
    auto day_word = [&](uint32_t k) {
        Hit u = hit(k, LexKind::Unit);
        return u && u.entry->unit == Granularity::Day && !u.entry->has(kPlural) && !u.entry->number ? u.end : kNone;
    };
    uint32_t j = skip_article(i);
    auto [k, rel] = same(j);
    if (k != kNone) {
        k = day_word(k);
    } else if (k = day_word(j); k != kNone) {  // alywm dhath, chnyn rwzy: the word "same" after the day
        std::tie(k, rel) = same(k);
    }
    if (k == kNone) return std::nullopt;
    if (Hit of = hit(k, LexKind::Prep); of && (of.entry->prep == Prep::Of || of.entry->prep == Prep::From || of.entry->prep == Prep::In))
        k = of.end;
    RawDate r(Rule::SameDayYear, RawKind::Point, i, k);
    r.a.granularity = Granularity::Year;
    r.a.same_day = rel;
    r.confidence = 0.85f;
    if (auto y = year_after(k)) {
        r.last = y->end;
        r.a.year = y->value;
        r.a.calendar = y->calendar;
        return r;
    }
    // this day of last year: a year relative to the reference
    auto base = year_relative(k);
    if (rel != Rel::This || !base || base->a.base.rel == Rel::Same) return std::nullopt;
    r.last = base->last;
    r.a.base = base->a.base;
    r.a.base.solar = false;  // the day is the reference's Gregorian day
    return r;
}

std::optional<Grammar::Year> Grammar::year_after(uint32_t k) {
    bool two = false;
    if (Hit yw = year_word_before_number(k)) {
        two = set_.two_digit_solar_years && yw.entry->has(kTwoDigit);
        k = yw.end;
    }
    auto y = year_at(k, true, two);
    if (y && !y->explicit_calendar && !y->two_digit && t_[k].digits != 4) return std::nullopt;
    return y;
}

std::optional<RawDate> Grammar::season(uint32_t i) {
    if (auto r = rel_season(i)) return r;
    if (auto r = season_year(i)) return r;
    return season_rel(i);
}

static RawDate season_at(uint32_t i, Rule rule, int season) {
    RawDate r(rule, RawKind::Point, i, i);
    r.a.granularity = Granularity::Season;
    r.a.season = season;
    return r;
}

static bool names_this_last_or_next(Rel x) { return x == Rel::Last || x == Rel::Next || x == Rel::This; }

// <last|next|this> <season>: last summer, this spring
std::optional<RawDate> Grammar::rel_season(uint32_t i) {
    Hit rel = hit(i, LexKind::Rel);
    if (!rel || !names_this_last_or_next(rel.entry->rel)) return std::nullopt;
    Hit se = hit(rel.end, LexKind::Season);
    if (!se) return std::nullopt;
    RawDate r = season_at(i, Rule::RelSeason, se.entry->number);
    r.a.base = {rel.entry->rel, Granularity::Season, set_.relative_calendar == Calendar::SolarHijri};
    r.last = se.end;
    r.confidence = 0.8f;
    return r;
}

// <season> [of] <year>, <season> [of] <relative year>: summer 2022, summer of this year
std::optional<RawDate> Grammar::season_year(uint32_t i) {
    Hit se = hit(i, LexKind::Season);
    if (!se) return std::nullopt;
    RawDate r = season_at(i, Rule::SeasonYear, se.entry->number);
    if (with_year(r, se.end)) return r;
    return std::nullopt;
}

// <season> <last|next|this>
std::optional<RawDate> Grammar::season_rel(uint32_t i) {
    Hit se = hit(i, LexKind::Season);
    if (!se) return std::nullopt;
    Hit rel = hit(se.end, LexKind::Rel);
    if (!rel || !names_this_last_or_next(rel.entry->rel)) return std::nullopt;
    RawDate r = season_at(i, Rule::SeasonRel, se.entry->number);
    r.a.base = {rel.entry->rel, Granularity::Season, set_.relative_calendar == Calendar::SolarHijri};
    r.last = rel.end;
    r.confidence = 0.8f;
    return r;
}

void Grammar::mark_tense(RawDate& r) {
    constexpr uint32_t kReach = 10;  // tokens: a verb is near its time phrase
    // A colon opens reported speech: "he added: … we will have", whose tense
    // is not the speech verb's.
    auto sentence_end = [&](uint32_t k) {
        return is_punct(k, '.') || is_punct(k, '!') || is_punct(k, '?') || is_punct(k, ':');  // folding made the Arabic U+061F a '?'
    };
    // The nearest cue is the verb the date belongs to ("announced Tuesday
    // that it will host…": past), the one before it at equal distance; a
    // past form right after a future word is part of its verb ("will be
    // signed", "khwahd shd").
    auto future_before = [&](uint32_t k) {
        for (uint32_t j = k; j-- > 0 && k - j <= 3 && !sentence_end(j);)
            if (has(j, LexKind::Future)) return true;
        return false;
    };
    // A past verb after a comma that follows the date is the attribution of
    // the whole clause ("… to reschedule the loans in June, a banker said"):
    // the clause's own verb before the date, if any, says its tense.
    auto comma_between = [&](uint32_t from, uint32_t to) {
        for (uint32_t j = from; j < to; ++j)
            if (is_punct(j, ',')) return true;
        return false;
    };
    bool attributed = false;
    bool before_open = true, after_open = true;
    for (uint32_t d = 1; d <= kReach && (before_open || after_open); ++d) {
        const uint32_t before = r.first >= d ? r.first - d : kNone, after = r.last + d - 1;
        before_open = before_open && before != kNone && !sentence_end(before);
        after_open = after_open && after < size() && !sentence_end(after);
        for (uint32_t k : {before_open ? before : kNone, after_open ? after : kNone}) {
            if (k == kNone) continue;
            if (has(k, LexKind::Future)) { r.a.future = true; return; }
            if (has(k, LexKind::Past)) {
                if (k == after && comma_between(r.last, k) && !future_before(k)) {
                    attributed = true;
                    after_open = false;
                    continue;
                }
                (future_before(k) ? r.a.future : r.a.past) = true;
                return;
            }
        }
    }
    if (attributed) r.a.past = true;
}

bool Grammar::with_year(RawDate& r, uint32_t k) {
    if (Hit of = hit(k, LexKind::Prep); of && (of.entry->prep == Prep::Of || of.entry->prep == Prep::From)) k = of.end;
    if (auto y = year_after(k)) {
        r.a.year = y->value;
        r.a.calendar = y->calendar;
        r.last = y->end;
        r.confidence = 0.9f;
        return true;
    }
    if (auto base = year_relative(k)) {
        r.a.base = base->a.base;
        r.last = base->last;
        r.confidence = 0.85f;
        return true;
    }
    // alnṣf althany mn alʿam, nymh dwm sal: "the year" alone is the year
    // spoken of, the previous date's, else the DCT's
    if (Hit yw = hit_if(k, LexKind::Unit, [](const LexEntry& e) { return e.has(kYearWord) && !e.has(kPlural) && !e.number; });
        yw && !is_number(yw.end) && !has(yw.end, LexKind::Num)) {
        r.a.base = {Rel::Same, Granularity::Year, false};
        r.a.calendar = set_.relative_calendar;
        r.last = yw.end;
        r.confidence = 0.75f;
        return true;
    }
    return false;
}

std::optional<RawDate> Grammar::part_of_year(uint32_t i) {
    RawDate r;
    r.first = i;
    uint32_t k;
    uint32_t j = skip_article(i);
    if (j >= size()) return std::nullopt;
    // Q3 2024, H2 2022
    if (Hit pp = hit(j, LexKind::PartPrefix); pp && is_number(pp.end) && t_[pp.end].joined) {
        r.rule = Rule::PartPrefixYear;
        r.a.granularity = pp.entry->part == PartKind::Quarter ? Granularity::Quarter : Granularity::Half;
        r.a.part = static_cast<int>(t_[pp.end].number);
        k = pp.end + 1;
    } else if (Hit p = hit(j, LexKind::Part)) {
        // nymh dwm, alnṣf althany, sh-mahh swm; sh mahh amsal: the first six months of this year
        Hit o = hit(p.end, LexKind::Ordinal);
        if (!o && !p.entry->has(kFirst)) return std::nullopt;
        r.rule = o ? Rule::PartOrdinalYear : Rule::PartFirstYear;
        r.a.granularity = p.entry->part == PartKind::Quarter ? Granularity::Quarter : Granularity::Half;
        r.a.part = o ? o.entry->number : 1;
        k = o ? o.end : p.end;
    } else if (Hit o = hit(j, LexKind::Ordinal)) {
        // second half of 2022, third quarter, third-quarter
        uint32_t after = o.end;
        if (is_punct(after, '-') && t_[after].joined && after + 1 < size() && t_[after + 1].joined) ++after;
        Hit p = hit(after, LexKind::Part);
        if (!p) return std::nullopt;
        r.rule = Rule::OrdinalPartYear;
        r.a.granularity = p.entry->part == PartKind::Quarter ? Granularity::Quarter : Granularity::Half;
        r.a.part = o.entry->number;
        k = p.end;
    } else {
        return std::nullopt;
    }
    if (r.a.part < 1 || r.a.part > (r.a.granularity == Granularity::Quarter ? 4 : 2)) return std::nullopt;
    if (with_year(r, k)) return r;
    // "the third quarter", "first-half profit": of the reference's year, as
    // the business press counts; not "the second half of the match"
    if (r.rule != Rule::OrdinalPartYear) return std::nullopt;
    if (Hit of = hit(k, LexKind::Prep); of && of.entry->prep == Prep::Of) return std::nullopt;
    r.a.base = {Rel::This, Granularity::Year, false};
    r.last = k;
    r.confidence = 0.75f;
    return r;
}

std::optional<RawDate> Grammar::months_of_year(uint32_t i) {
    uint32_t j = skip_article(i);
    // "the first six months of 1989": the ordinal before the count, with a year
    if (Hit o = hit(j, LexKind::Ordinal); o && o.entry->number >= 1)
        if (auto c = count_at(o.end); c && !is_number(o.end) && c->first >= 2 && c->first * o.entry->number <= 12)
            if (Hit u = hit(c->second, LexKind::Unit); u && u.entry->unit == Granularity::Month && u.entry->has(kPlural)) {
                RawDate r(Rule::MonthsOfYear, RawKind::Range, i, u.end);
                r.a.granularity = Granularity::Month;
                if (!with_year(r, u.end)) return std::nullopt;  // "the first nine months" alone is a length
                r.b = r.a;
                r.a.month = (o.entry->number - 1) * c->first + 1;
                r.b.month = o.entry->number * c->first;
                return r;
            }
    int n = 0;
    if (auto c = count_at(j); c && !is_number(j)) { n = c->first; j = c->second; }
    Hit u = hit(j, LexKind::Unit);
    if (!u || u.entry->unit != Granularity::Month) return std::nullopt;
    uint32_t k = u.end;
    if (u.entry->number > 1 && !n) n = u.entry->number;  // a dual: alshhryn
    if (auto c = count_at(k); c && !n && set_.count_after_unit && !is_number(k)) { n = c->first; k = c->second; }
    Hit o = hit(k, LexKind::Ordinal);
    if (!o || n < 2 || o.entry->number < 1 || n * o.entry->number > 12) return std::nullopt;
    RawDate r(Rule::MonthsOfYear, RawKind::Range, i, o.end);
    r.a.granularity = Granularity::Month;
    if (!with_year(r, o.end)) {
        // the previous date's year, in the calendar this language counts years in
        r.a.base = {Rel::Same, Granularity::Year, false};
        r.a.calendar = set_.relative_calendar;
        r.confidence = 0.7f;
    } else if (r.a.base.solar) {
        r.a.calendar = Calendar::SolarHijri;
    }
    r.b = r.a;
    r.a.month = (o.entry->number - 1) * n + 1;
    r.b.month = o.entry->number * n;
    return r;
}

std::optional<RawDate> Grammar::month_of(uint32_t k) {
    if (Hit of = hit(k, LexKind::Prep); of && (of.entry->prep == Prep::Of || of.entry->prep == Prep::From)) k = of.end;
    if (Hit mw = hit(k, LexKind::Unit); mw && mw.entry->unit == Granularity::Month && !mw.entry->has(kPlural) && month_at(mw.end))
        k = mw.end;
    auto m = month_at(k);
    if (!m || m->entry->has(kFragment)) return std::nullopt;
    std::optional<RawDate> month = month_year(k, *m);
    if (!month) month = month_relative_year(k, *m);
    if (!month) month = month_rel(k, *m);
    if (!month) month = month_alone(k, *m, Rule::MonthAfterCue);
    return month;
}

std::optional<RawDate> Grammar::week_of_month(uint32_t i) {
    uint32_t j = skip_article(i);
    Hit w = hit(j, LexKind::Unit);
    if (!w || w.entry->unit != Granularity::Week || w.entry->has(kPlural) || w.entry->number) return std::nullopt;
    Hit o = hit(w.end, LexKind::Ordinal);
    if (!o || o.entry->number < 1 || o.entry->number > 4) return std::nullopt;
    auto month = month_of(o.end);
    if (!month) return std::nullopt;
    RawDate r(Rule::WeekOfMonth, RawKind::Range, i, month->last);
    r.a = r.b = month->a;
    r.a.granularity = r.b.granularity = Granularity::Day;
    r.a.day = (o.entry->number - 1) * 7 + 1;
    r.b.day = o.entry->number * 7;
    r.confidence = 0.8f;
    return r;
}

std::optional<RawDate> Grammar::ten_days(uint32_t i) {
    uint32_t j = skip_article(i);
    Hit ten = hit(j, LexKind::Unit);
    if (!(ten && ten.entry->unit == Granularity::Decade && !ten.entry->has(kPlural))) ten = hit(j, LexKind::Num);
    if (!ten || (ten.entry->kind == LexKind::Num && ten.entry->number != 10)) return std::nullopt;
    int third = 0;
    uint32_t k = ten.end;
    if (Hit o = hit(k, LexKind::Ordinal); o && o.entry->number >= 1 && o.entry->number <= 3) third = o.entry->number, k = o.end;
    else if (Hit m = hit(k, LexKind::Mod); m && m.entry->mod == Mod::End) third = 3, k = m.end;
    else if (Hit rel = hit(k, LexKind::Rel); rel && rel.entry->rel == Rel::Last) third = 3, k = rel.end;
    if (!third) return std::nullopt;
    auto month = month_of(k);
    if (!month) return std::nullopt;
    // The thirds of a month are its ten-day parts (DESIGN §3: early/mid/late).
    RawDate r = *month;
    r.rule = Rule::TenDays;
    r.first = i;
    r.a.mod = third == 1 ? Mod::Start : third == 2 ? Mod::Mid : Mod::End;
    r.confidence = 0.85f;
    return r;
}

std::optional<RawDate> Grammar::point(uint32_t i, bool bare_year_ok, bool partial_ok) {
    if (i >= size()) return std::nullopt;
    // range() and any() both ask for the point at the same token: remember it.
    const bool common = bare_year_ok && partial_ok;
    if (common && memo_token_ == i) return memo_;
    std::optional<RawDate> best;
    auto consider = [&](std::optional<RawDate> r) {
        if (r && (!best || r->last > best->last)) best = std::move(r);
    };
    consider(numeric_date(i));
    consider(numeric_month_year(i));
    consider(day_month(i, partial_ok));
    consider(month_first(i, partial_ok));
    if (partial_ok) consider(rel_month(i));
    consider(year_expr(i, bare_year_ok));
    consider(season(i));
    consider(part_of_year(i));
    // Parts of months and years, and the same day of a year, start with a unit, a count, an ordinal or "same".
    if (const uint32_t j = skip_article(i); has_any(j, {LexKind::Unit, LexKind::Num, LexKind::Ordinal, LexKind::Rel})) {
        consider(months_of_year(i));
        consider(ten_days(i));
        consider(week_of_month(i));
        consider(same_day_year(i));
    }
    consider(decade(i));
    consider(century(i));
    if (common) { memo_token_ = i; memo_ = best; }
    return best;
}

// early/mid/late X: awayl dhh 1990, mntṣf althmanynyat, the late 1990s, mid-2022
std::optional<RawDate> Grammar::modified(uint32_t i) {
    uint32_t j = skip_article(i);
    Hit m = hit(j, LexKind::Mod);
    if (!m) return std::nullopt;
    uint32_t k = m.end;
    if (is_punct(k, '-') && t_[k].joined) ++k;
    if (Hit of = hit(k, LexKind::Prep); of && (of.entry->prep == Prep::Of || of.entry->prep == Prep::From)) k = of.end;
    k = skip_article(k);
    std::optional<RawDate> inner = point(k, true, true);
    // bnhayt shhr aghsts (at the end of the month of August): the word "month" before the month's name
    if (!inner)
        if (Hit mw = hit(k, LexKind::Unit); mw && mw.entry->unit == Granularity::Month && !mw.entry->has(kPlural) && month_at(mw.end))
            inner = point(mw.end, true, true);
    if (!inner) {
        if (auto base = year_relative(k)) inner = base;
    }
    // awayl jng jhany dwm: the first third of a named event
    if (!inner)
        if (auto ev = named_event(k)) {
            ev->first = i;
            ev->mod = m.entry->mod;
            ev->via = Rule::ModPoint;
            return ev;
        }
    // "the end of the year", "the beginning of the decade": the reference's own unit
    if (!inner && k > 0 && has(k - 1, LexKind::Article) && hit(k - 1, LexKind::Article).end == k)
        if (Hit u = hit(k, LexKind::Unit); u && !u.entry->has(kPlural) && !u.entry->number &&
                                           u.entry->unit != Granularity::Day && !is_number(u.end) && !has(u.end, LexKind::Rel)) {
            RawDate r(Rule::ModUnit, RawKind::Shift, i, u.end);
            r.unit = u.entry->unit;
            r.mod = m.entry->mod;
            r.confidence = 0.75f;
            return r;
        }
    if (!inner) {
        // bdaya alshhr almqbl, awakhr mah gdhshth, early next year: a part of a relative unit
        if (auto rel = relative(k); rel && rel->kind == RawKind::Shift && rel->unit != Granularity::Day) {
            rel->first = i;
            rel->mod = m.entry->mod;
            rel->via = Rule::ModRelative;
            return rel;
        }
    }
    // "late Tuesday", "early Friday": the day, the word kept in the span
    if (!inner && j == i)
        if (auto day = weekday(k); day && day->kind == RawKind::Weekday) {
            day->first = i;
            day->via = Rule::ModPoint;
            return day;
        }
    if (!inner || inner->kind != RawKind::Point) return std::nullopt;
    inner->first = i;
    inner->a.mod = m.entry->mod;
    inner->via = Rule::ModPoint;
    return inner;
}

// X–Y, az X ta Y, from X to Y, byn ʿamy X w Y, sal-hay X w Y
}  // namespace tarikh::tagger::rules
