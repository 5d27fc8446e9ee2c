#include "tagger/rules/grammar.h"

#include <algorithm>

namespace tarikh::tagger::rules {

// The relative family, tried in this order at a token (after an article).
std::optional<RawDate> Grammar::relative(uint32_t i) {
    const uint32_t j = skip_article(i);
    for (auto rule : {&Grammar::rel_count_unit, &Grammar::later_unit, &Grammar::count_unit_rel, &Grammar::rel_count_units,
                      &Grammar::unit_count_rel, &Grammar::rel_unit, &Grammar::reldate_word}) {
        Match m = (this->*rule)(i, j);
        if (m.date || m.veto) return m.date;
    }
    return earlier_later_unit(i);
}

// <earlier|later> <this unit>: "earlier this year", "later this month" are
// the reference's unit, the word kept in the span as TIMEX3 keeps it
std::optional<RawDate> Grammar::earlier_later_unit(uint32_t i) {
    Hit rel = hit(i, LexKind::Rel);
    if (!rel || (rel.entry->rel != Rel::Earlier && rel.entry->rel != Rel::Later)) return std::nullopt;
    Hit self = hit(rel.end, LexKind::Rel);
    if (!self || self.entry->rel != Rel::This) return std::nullopt;
    auto r = relative(rel.end);
    if (!r || r->kind != RawKind::Shift || r->n != 0 || r->from_previous) return std::nullopt;
    r->first = i;
    r->via = Rule::EarlierLaterUnit;
    return r;
}

static bool is_shift_rel(Rel x) { return x == Rel::Last || x == Rel::Next || x == Rel::This || x == Rel::Same; }

// <ago|later> [about] [<count>] <unit>, where the language puts the word
// first: "qbl thlath snwat" (three years ago), "bʿd shhr" (a month later)
Match Grammar::rel_count_unit(uint32_t i, uint32_t j) {
    Hit rel = hit(j, LexKind::Rel);
    if (!(rel && (rel.entry->rel == Rel::Ago || rel.entry->rel == Rel::Later) && set_.ago_before_count)) return Match::none();
    RawDate r(Rule::RelCountUnit, RawKind::Shift, i, rel.end);
    uint32_t k = rel.end;
    int n = 1;
    // about so long ago, more than two decades ago
    if (Hit q = hit(k, LexKind::Quantifier)) {
        k = q.end;
        r.mod = Mod::Approx;
    } else if (Hit md = hit(k, LexKind::Mod); md && md.entry->mod == Mod::Approx) {
        k = md.end;
        r.mod = Mod::Approx;
    }
    if (auto c = count_at(k)) { n = c->first; k = c->second; }
    Hit u = hit(k, LexKind::Unit);
    // a unit before a year ("before the year 2020") is no "a year ago"
    if (!u || is_number(u.end)) return Match::none();
    if (u.entry->number) n = u.entry->number;
    // the count after the unit where the language puts it there
    else if (auto c2 = count_at(u.end); c2 && n == 1 && set_.count_after_unit) { n = c2->first; u.end = c2->second; }
    if (n <= 0) return Match::none();
    r.unit = u.entry->unit;
    r.n = rel.entry->rel == Rel::Ago ? -n : n;
    r.from_previous = rel.entry->rel == Rel::Later;
    r.dct_if_first = r.from_previous;
    r.counted = true;
    r.last = u.end;
    r.confidence = 0.8f;
    return r;
}

// <later> <unit>: "the following year", "the following day": one unit after the previous date
Match Grammar::later_unit(uint32_t i, uint32_t j) {
    Hit rel = hit(j, LexKind::Rel);
    if (!(rel && rel.entry->rel == Rel::Later && set_.later_before_unit)) return Match::none();
    Hit u = hit(rel.end, LexKind::Unit);
    if (!(u && !u.entry->number && !u.entry->has(kPlural))) return Match::none();
    RawDate r(Rule::LaterUnit, RawKind::Shift, i, u.end);
    r.unit = u.entry->unit;
    r.n = 1;
    r.from_previous = true;
    r.confidence = 0.8f;
    return r;
}

// <count> <unit> <rel>: three years ago, a month later, a year earlier, the past three decades
Match Grammar::count_unit_rel(uint32_t i, uint32_t j) {
    auto c = count_at(j);
    if (!c) return Match::none();
    Hit u = hit(c->second, LexKind::Unit);
    if (!u || u.entry->number) return Match::none();
    Hit rel = hit(u.end, LexKind::Rel);
    if (!rel || c->first <= 0) return Match::none();
    RawDate r(Rule::CountUnitRel, RawKind::Shift, i, rel.end);
    r.unit = u.entry->unit;
    const Rel x = rel.entry->rel;
    if (x == Rel::Earlier && !quantifier_before(j)) {  // "a year earlier": before the previous date
        r.n = -c->first;
        r.from_previous = true;
        r.confidence = 0.85f;
        return r;
    }
    if ((x == Rel::Ago || x == Rel::Later || x == Rel::FromNow) && !quantifier_before(j)) {
        // "three years before X" where the ago word with "from" means before
        if (x == Rel::Ago && set_.ago_from_is_before) {
            if (Hit p = hit(rel.end, LexKind::Prep); p && p.entry->prep == Prep::From) return Match::vetoed();
        }
        r.n = x == Rel::Ago ? -c->first : c->first;
        r.from_previous = x == Rel::Later;  // "from now" counts from the DCT
        r.counted = true;
        r.confidence = 0.85f;
        return r;
    }
    if (x == Rel::Last || x == Rel::Recent) {  // the last ten years
        r.kind = RawKind::PastSpan;
        r.n = c->first;
        r.confidence = 0.8f;
        return r;
    }
    return Match::none();
}

// <last> <count> <units>: the past two decades, the last three years
Match Grammar::rel_count_units(uint32_t i, uint32_t j) {
    Hit rel = hit(j, LexKind::Rel);
    if (!rel || rel.entry->rel != Rel::Last) return Match::none();
    auto c = count_at(rel.end);
    if (!c || (c->first <= 1 && c->first != -1)) return Match::none();
    Hit u = hit(c->second, LexKind::Unit);
    if (!u || !u.entry->has(kPlural)) return Match::none();
    if (c->first == -1) {  // "the past few years": a length ending now, of no stated count (PXY, no bounds)
        RawDate r(Rule::RelCountUnits, RawKind::Duration, i, u.end);
        r.unit = u.entry->unit;
        r.n = -1;
        return r;
    }
    RawDate r(Rule::RelCountUnits, RawKind::PastSpan, i, u.end);
    r.unit = u.entry->unit;
    r.n = c->first;
    return r;
}

// <unit> [<count>] <rel>: last week (unit first), the past two decades,
// the past three years (count after the unit), recent years. Not after a
// count the rules above turned down ("aged 51 years after", "two years
// before X").
Match Grammar::unit_count_rel(uint32_t i, uint32_t j) {
    Hit u = hit(j, LexKind::Unit);
    if (!u || count_ends_at(j)) return Match::none();
    uint32_t k = u.end;
    int n = u.entry->number;
    if (auto c = count_at(k); c && set_.count_after_unit) { n = c->first; k = c->second; }
    Hit rel = hit(k, LexKind::Rel);
    if (!rel) return Match::none();
    RawDate r(Rule::UnitCountRel, RawKind::Shift, i, rel.end);
    Rel x = rel.entry->rel;
    // "<week> <ago>" without a count is the last one where the language says
    // so, as with <last> (but <ago> <from> X is before X)
    if (x == Rel::Ago && n == 0 && set_.unit_ago_is_last && !u.entry->has(kPlural)) {
        Hit from = hit(rel.end, LexKind::Prep);
        if (from && from.entry->prep == Prep::From) return Match::vetoed();
        x = Rel::Last;
    }
    if (u.entry->has(kPlural) && (x == Rel::Recent || x == Rel::Last || x == Rel::Next) && n == 0) {
        r.kind = RawKind::Reference;
        r.future_ref = x == Rel::Next;
        r.confidence = 0.6f;
        return r;
    }
    if (x == Rel::Last && n >= 2) {
        r.kind = RawKind::PastSpan;
        r.unit = u.entry->unit;
        r.n = n;
        return r;
    }
    if (!u.entry->has(kPlural) && n == 0 && (is_shift_rel(x) || x == Rel::Later)) {
        r.unit = u.entry->unit;
        r.n = x == Rel::Last ? -1 : (x == Rel::Next || x == Rel::Later) ? 1 : 0;
        r.from_previous = x == Rel::Same || x == Rel::Later;
        r.solar = set_.relative_calendar == Calendar::SolarHijri &&
                  (u.entry->unit == Granularity::Year || u.entry->unit == Granularity::Month) && x != Rel::Later;
        r.confidence = 0.85f;
        // "the past day" is yesterday where the language says so; elsewhere
        // it is rarely a date
        if (r.unit == Granularity::Day && x != Rel::Later && !(set_.last_day_is_yesterday && x == Rel::Last)) return Match::vetoed();
        return r;
    }
    return Match::none();
}

// <rel> <unit>: this year, last week, the same year, recent years
Match Grammar::rel_unit(uint32_t i, uint32_t j) {
    Hit rel = hit(j, LexKind::Rel);
    if (!rel) return Match::none();
    const Rel x = rel.entry->rel;
    Hit u = hit(rel.end, LexKind::Unit);
    if (!u || is_number(u.end)) return Match::none();
    RawDate r(Rule::RelUnit, RawKind::Shift, i, u.end);
    if (u.entry->has(kPlural) && x == Rel::Recent) {
        r.kind = RawKind::Reference;
        r.confidence = 0.6f;
        return r;
    }
    if (!u.entry->has(kPlural) && is_shift_rel(x) && u.entry->unit != Granularity::Day && !u.entry->number) {
        r.unit = u.entry->unit;
        r.n = x == Rel::Last ? -1 : x == Rel::Next ? 1 : 0;
        r.from_previous = x == Rel::Same;
        r.solar = set_.relative_calendar == Calendar::SolarHijri &&
                  (u.entry->unit == Granularity::Year || u.entry->unit == Granularity::Month);
        r.confidence = 0.85f;
        return r;
    }
    return Match::none();
}

// One word that is a whole relative date (this year, last year in one word)
Match Grammar::reldate_word(uint32_t i, uint32_t j) {
    Hit rd = hit(j, LexKind::RelDate);
    if (!rd) return Match::none();
    RawDate r(Rule::RelDateWord, RawKind::Shift, i, rd.end);
    r.unit = rd.entry->unit;
    r.n = rd.entry->rel == Rel::Last ? -1 : rd.entry->rel == Rel::Next ? 1 : 0;
    r.solar = rd.entry->has(kSolar);
    r.confidence = 0.9f;
    return r;
}

std::optional<RawDate> Grammar::deictic(uint32_t i) {
    // "this morning", "last night": today's or yesterday's part of the day
    if (Hit rel = hit(i, LexKind::Rel); rel && (rel.entry->rel == Rel::This || rel.entry->rel == Rel::Last))
        if (Hit part = hit(rel.end, LexKind::DayPart); part && part.entry->number) {
            RawDate r(Rule::RelDaypart, RawKind::Deictic, i, part.end);
            r.deictic = rel.entry->rel == Rel::This ? Deictic::Today : Deictic::Yesterday;
            r.daypart = part.entry->number;
            r.confidence = 0.85f;
            return r;
        }
    Hit d = hit(i, LexKind::Deictic);
    if (!d) return std::nullopt;
    RawDate r(Rule::DeicticWord, RawKind::Deictic, i, d.end);
    r.deictic = d.entry->deictic;
    r.confidence = 0.85f;
    if (r.deictic == Deictic::PastRef || r.deictic == Deictic::FutureRef) {  // "recently": a time, but no interval
        // "the future of the alliance" is a topic, not a time
        if (Hit of = hit(d.end, LexKind::Prep); of && of.entry->prep == Prep::Of) return std::nullopt;
        r.kind = RawKind::Reference;
        r.future_ref = r.deictic == Deictic::FutureRef;
        r.confidence = 0.6f;
    }
    return r;
}

// Tuesday, 27 January 2026 / alarbʿa' 7 aktwbr; or a weekday alone: alsbt almnṣrm, on Tuesday
std::optional<RawDate> Grammar::weekday(uint32_t i) {
    // "last Tuesday", "next Friday": the relative word first
    if (Hit rel = hit(i, LexKind::Rel); rel && (rel.entry->rel == Rel::Last || rel.entry->rel == Rel::Next)) {
        if (Hit w = hit(rel.end, LexKind::Weekday); w && !has(w.end, LexKind::ObjectMarker)) {
            RawDate r(Rule::RelWeekday, RawKind::Weekday, i, w.end);
            r.weekday = w.entry->number;
            r.n = rel.entry->rel == Rel::Last ? -1 : 1;
            return r;
        }
    }
    Hit w = hit(i, LexKind::Weekday);
    if (!w) return std::nullopt;
    // Tuesday, 27 January; alathnyn almwafq 20 aghsṭs; pnjshnbh (5 my): the
    // weekday written with the date picks its year
    uint32_t k = w.end;
    const bool paren = is_punct(k, '(');
    if (is_punct(k, ',') || paren) ++k;
    k = skip_article(k);
    if (auto p = point(k, false, true); p && p->a.granularity == Granularity::Day) {
        p->first = i;
        p->via = Rule::WeekdayDate;
        p->a.weekday = w.entry->number;
        if (paren && is_punct(p->last, ')')) ++p->last;
        return p;
    }
    RawDate r;
    r.kind = RawKind::Weekday;
    r.first = i;
    r.weekday = w.entry->number;
    r.last = w.end;
    if (Hit rel = hit(w.end, LexKind::Rel); rel && (rel.entry->rel == Rel::Last || rel.entry->rel == Rel::Next)) {
        r.rule = Rule::WeekdayRel;
        r.n = rel.entry->rel == Rel::Last ? -1 : 1;
        r.last = rel.end;
        return r;
    }
    if (weekday_of_week(r, w.end)) return r;
    if (set_.weekday_after_preposition && prep_before(i)) {
        r.rule = Rule::PrepWeekday;
        return r;
    }
    // "rwz dwshnbh", "ywm alathnyn", "msa' alathnyn": the word "day" or a part
    // of a day makes dwshnbh Monday, not Dushanbe
    if (i > 0) {
        Hit d = hit(i - 1, LexKind::Unit);
        const bool day_word = d && d.end == i && d.entry->unit == Granularity::Day && !d.entry->has(kPlural);
        Hit part = hit(i - 1, LexKind::DayPart);
        if (day_word || (part && part.end == i)) {
            r.rule = Rule::DayWordWeekday;
            return r;
        }
    }
    // "Tuesday night": the part of the day after it
    if (Hit part = hit(w.end, LexKind::DayPart); part && set_.daypart_after_weekday) {
        r.rule = Rule::WeekdayDaypart;
        return r;
    }
    // The press dates an act by a weekday alone, between the verb or its
    // subject and the object ("rfʿt washnṭn alathnyn shkwā", "said Monday");
    // not one a number follows (a count: "al-ahad ashar", eleven), nor one
    // after an article (a name: "The Sunday Times"), nor one after "today",
    // "tomorrow" (ghadan al-ahad: the deictic word dates it, and the weekday
    // alone would be read by the tense of the saying), nor a weekday form
    // that is also a word (aḥd: one).
    if (!set_.weekday_alone || w.entry->has(kContext) || hit(w.end, LexKind::Num) ||
        (i > 0 && (hit(i - 1, LexKind::Article) || hit(i - 1, LexKind::Deictic))) || !bare_weekday_ok(i, w.end))
        return std::nullopt;
    r.rule = Rule::WeekdayAlone;
    r.confidence = 0.7f;
    return r;
}

bool Grammar::bare_weekday_ok(uint32_t i, uint32_t end) {
    if (hit_ending_at(i, LexKind::Recurrence, 2)) return false;
    if (has(end, LexKind::ObjectMarker)) return false;
    return set_.weekday_after_preposition || !prep_before(i);
}

bool Grammar::weekday_of_week(RawDate& r, uint32_t k) {
    if (Hit of = hit(k, LexKind::Prep); of && (of.entry->prep == Prep::Of || of.entry->prep == Prep::From)) k = of.end;
    auto week = relative(k);
    if (!week || week->kind != RawKind::Shift || week->unit != Granularity::Week || week->from_previous || week->counted ||
        week->n < -1 || week->n > 1 || week->mod != Mod::None)
        return false;
    r.rule = Rule::WeekdayOfWeek;
    r.unit = Granularity::Week;
    r.n = week->n;
    r.last = week->last;
    return true;
}

// [the] <first|last> <weekday> [of] [<the month>] <month> [<year>]: awl jmʿa mn
// rmḍan, the last Friday of November, ākhr khmys mn alshhr (this month's);
// <weekday> <ordinal> [of] …: alaḥd alkhams mn alshhr
std::optional<RawDate> Grammar::nth_weekday(uint32_t i) {
    const uint32_t j = skip_article(i);
    int nth = 0;
    uint32_t k = j;
    if (Hit o = hit(j, LexKind::Ordinal); o && o.entry->number >= 1 && o.entry->number <= 5) { nth = o.entry->number; k = o.end; }
    else if (Hit l = hit(j, LexKind::Rel); l && l.entry->rel == Rel::Last) { nth = -1; k = l.end; }
    else if (Hit e = hit(j, LexKind::Mod); e && e.entry->mod == Mod::End) { nth = -1; k = e.end; }
    Hit w = hit(k, LexKind::Weekday);
    if (!w) return std::nullopt;
    k = w.end;
    RawDate r(Rule::NthWeekday, RawKind::Point, i, k);
    if (!nth) {
        Hit o = hit(k, LexKind::Ordinal);
        if (!o || o.entry->number < 1 || o.entry->number > 5) return std::nullopt;
        nth = o.entry->number;
        k = o.end;
        r.rule = Rule::WeekdayNth;
    }
    if (Hit of = hit(k, LexKind::Prep); of && (of.entry->prep == Prep::Of || of.entry->prep == Prep::From)) k = of.end;
    k = skip_article(k);
    r.a.granularity = Granularity::Day;
    r.a.weekday = w.entry->number;
    r.a.nth = nth;
    r.confidence = 0.85f;
    Hit unit = hit(k, LexKind::Unit);
    const bool month_word = unit && unit.entry->unit == Granularity::Month && !unit.entry->has(kPlural);
    if (auto m = month_at(month_word ? unit.end : k)) {
        r.a.calendar = m->entry->calendar;
        r.a.month = m->entry->number;
        r.last = m->end;
        if (auto y = year_at(r.last, true, false)) {
            r.a.year = y->value;
            if (y->explicit_calendar && r.a.calendar == Calendar::Gregorian) r.a.calendar = y->calendar;
            r.last = y->end;
        } else if (auto base = year_relative(r.last)) {
            r.a.base = base->a.base;
            r.last = base->last;
        }
        return r;
    }
    if (!month_word) return std::nullopt;
    // "of the month", "of next month": the reference's month
    r.a.base = {Rel::This, Granularity::Month, false};
    r.last = unit.end;
    if (Hit rel = hit(unit.end, LexKind::Rel); rel && (rel.entry->rel == Rel::Last || rel.entry->rel == Rel::Next || rel.entry->rel == Rel::This)) {
        r.a.base.rel = rel.entry->rel;
        r.last = rel.end;
    }
    return r;
}

std::optional<std::pair<Granularity, int>> Grammar::count_and_unit_ending_at(uint32_t end, uint32_t floor,
                                                                           uint32_t& first) {
    auto unit = hit_ending_at(end, LexKind::Unit, 3, floor);
    if (!unit) return std::nullopt;
    const LexEntry& u = *unit->hit.entry;
    if (u.number) {  // a dual: ʿamyn, salyan
        first = unit->first;
        return std::pair{u.unit, u.number};
    }
    if (auto c = count_ending_at(unit->first, floor, true)) {
        first = c->first;
        return std::pair{u.unit, c->second};
    }
    if (u.has(kPlural)) return std::nullopt;  // "years before": how many?
    first = unit->first;  // "the year before": one
    return std::pair{u.unit, 1};
}

std::optional<Grammar::AnchoredShift> Grammar::shift_before(uint32_t i, const RawDate* previous) {
    if (i == 0) return std::nullopt;
    const uint32_t floor = previous ? previous->last : 0;
    auto sign_of = [](Rel r) { return r == Rel::Ago || r == Rel::Before ? -1 : r == Rel::Later || r == Rel::After ? 1 : 0; };
    uint32_t first = 0;
    // "from": sh sal pysh az X, qbl az X, bʿd ʿamyn mn X
    if (auto from = hit_ending_at(i, LexKind::Prep, 2, floor, [](const LexEntry& e) { return e.prep == Prep::From; })) {
        const uint32_t p = from->first;
        // The count and unit already read as a shift: "bʿd ʿamyn", "sh sal bʿd"
        if (previous && previous->kind == RawKind::Shift && previous->last == p && previous->n != 0 &&
            previous->unit != Granularity::Unknown)
            return AnchoredShift{previous->first, previous->unit, previous->n, true};
        // [NUM] UNIT REL: the grammar leaves "sh sal pysh" before az alone
        auto shifting = [](const LexEntry& e) {
            return e.rel == Rel::Ago || e.rel == Rel::Before || e.rel == Rel::Later || e.rel == Rel::After;
        };
        if (auto rel = hit_ending_at(p, LexKind::Rel, 2, floor, shifting))
            if (auto cu = count_and_unit_ending_at(rel->first, floor, first))
                return AnchoredShift{first, cu->first, sign_of(rel->hit.entry->rel) * cu->second, false};
        return std::nullopt;
    }
    // NUM UNIT before|after X
    if (auto rel = hit_ending_at(i, LexKind::Rel, 2, floor)) {
        const Rel x = rel->hit.entry->rel;
        if (x != Rel::Before && x != Rel::After) return std::nullopt;
        if (auto cu = count_and_unit_ending_at(rel->first, floor, first))
            return AnchoredShift{first, cu->first, sign_of(x) * cu->second, false};
    }
    return std::nullopt;
}

// Words that only connect or qualify (fy, w, of, nfr) never begin a date;
}  // namespace tarikh::tagger::rules
