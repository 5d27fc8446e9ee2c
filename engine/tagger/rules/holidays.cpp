// Holidays: a name of lang/<code>/holidays.tsv, with the year it is of when
// the text gives one; when it falls comes from data/holidays.tsv at resolution.
#include "tagger/rules/grammar.h"

namespace tarikh::tagger::rules {

// <holiday> [[<year word>] <year> | <relative year>]: ʿyd nwrwz 1403, Christmas
// 2019, ʿyd alfṭr hdha alʿam, Eid al-Adha
std::optional<RawDate> Grammar::holiday(uint32_t i) {
    Hit h = hit(i, LexKind::Holiday);
    if (!h) return std::nullopt;
    RawDate r(Rule::Holiday, RawKind::Holiday, i, h.end);
    r.holiday = static_cast<uint32_t>(h.entry->number);
    r.confidence = 0.85f;
    uint32_t k = h.end;
    if (Hit yw = year_word_before_number(k)) k = yw.end;
    if (auto y = year_at(k, true, set_.two_digit_solar_years)) {
        r.rule = Rule::HolidayYear;
        r.a.year = y->value;
        r.a.calendar = y->calendar;
        r.last = y->end;
    } else if (auto base = year_relative(h.end)) {
        r.rule = Rule::HolidayYear;
        r.a.base = base->a.base;
        r.last = base->last;
    }
    return r;
}

// <ordinal> <day(s)> [of] <holiday>, <day> <ordinal> [of] <holiday>
std::optional<RawDate> Grammar::holiday_day(uint32_t i) {
    auto day_word = [&](uint32_t k) {
        Hit u = hit(k, LexKind::Unit);
        return u && u.entry->unit == Granularity::Day && u.entry->number <= 1 ? u.end : kNone;
    };
    uint32_t j = skip_article(i), k = kNone;
    int n = 0;
    if (Hit o = hit(j, LexKind::Ordinal)) {
        n = o.entry->number;
        k = day_word(o.end);
        // awl ayam: an ordinal phrase that holds the word "days"
        if (k == kNone && !o.entry->rest.empty()) k = o.end;
    } else if (uint32_t d = day_word(j); d != kNone) {
        if (Hit o2 = hit(d, LexKind::Ordinal)) { n = o2.entry->number; k = o2.end; }
    }
    if (k == kNone || n < 1 || n > 40) return std::nullopt;
    if (Hit of = hit(k, LexKind::Prep); of && (of.entry->prep == Prep::Of || of.entry->prep == Prep::From)) k = of.end;
    auto r = holiday(k);
    if (!r) return std::nullopt;
    r->first = i;
    r->rule = Rule::HolidayDay;
    r->holiday_day = n;
    return r;
}

}  // namespace tarikh::tagger::rules
