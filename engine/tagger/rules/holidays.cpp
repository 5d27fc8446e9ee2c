// Holidays: a name of lang/<code>/holidays.tsv, with the year it is of when
// the text gives one; when it falls comes from data/holidays.tsv at resolution.
#include "tagger/rules/grammar.h"

namespace tarikh::tagger::rules {

// <holiday> [[<year word>] <year> | <relative year>]: ʿyd nwrwz 1403, Christmas
// 2019, ʿyd alfṭr hdha alʿam, Eid al-Adha
std::optional<RawDate> Grammar::holiday(uint32_t i) {
    Hit h = hit(i, LexKind::Holiday);
    if (!h) return std::nullopt;
    RawDate r;
    r.rule = Rule::Holiday;
    r.kind = RawKind::Holiday;
    r.first = i;
    r.last = h.end;
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

}  // namespace tarikh::tagger::rules
