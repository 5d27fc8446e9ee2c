#include "tagger/rules/grammar.h"

#include <algorithm>

namespace tarikh::tagger::rules {

std::optional<RawDate> Grammar::range(uint32_t i) {
    uint32_t j = i;
    bool between = false, opened = false, plural_years = false;
    if (Hit p = hit(j, LexKind::Prep); p && (p.entry->prep == Prep::From || p.entry->prep == Prep::Between)) {
        between = p.entry->prep == Prep::Between;
        opened = true;
        j = p.end;
    }
    j = skip_article(j);
    if (Hit yw = year_word_before_number(j)) {
        plural_years = yw.entry->has(kPlural) || yw.entry->unit == Granularity::Year;
        j = yw.end;
    }
    // Left side: a date, or just a day number or a year number that borrows from the right.
    std::optional<RawDate> left = point(j, true, true);
    if (!left) {
        // "March to May 2024": a month name that is also a word is a month
        // when a range to a dated month follows (checked below)
        if (Hit mo = hit(j, LexKind::Month); mo && !mo.entry->has(kFragment)) {
            Hit to = hit(mo.end, LexKind::Prep);
            if (is_punct(mo.end, '-') || (to && to.entry->prep == Prep::To)) {
                left = RawDate{};
                left->first = j;
                left->last = mo.end;
                left->a.granularity = Granularity::Month;
                left->a.month = mo.entry->number;
                left->a.calendar = mo.entry->calendar;
                left->confidence = 0.8f;
            }
        }
    }
    uint32_t after_left;
    if (left) {
        after_left = left->last;
    } else if (is_number(j) && t_[j].digits <= 4) {
        after_left = j + 1;
    } else {
        return std::nullopt;
    }
    // Prefer the longer reading where the left side is only a day: "15 to 20 March"
    uint32_t sep = after_left;
    bool dash = is_punct(sep, '-');
    Hit conn = dash ? Hit{} : hit(sep, LexKind::Prep);
    // "in 2021 and 2022": two years joined by "and" after a preposition
    bool year_list = left && left->a.granularity == Granularity::Year && left->a.year && prep_before(j);
    bool ok_sep = dash || (conn && (conn.entry->prep == Prep::To ||
                                    (conn.entry->prep == Prep::And && (between || plural_years || year_list))));
    uint32_t r0 = dash ? sep + 1 : conn ? conn.end : sep;
    // wmayw: "and" glued to the next date as a clitic
    if (!ok_sep && (between || plural_years) && glued_and(sep)) ok_sep = true, r0 = sep;
    if (!ok_sep) return std::nullopt;
    if (Hit yw = year_word_before_number(r0)) r0 = yw.end;
    std::optional<RawDate> right = point(r0, true, true);
    if (!right && left) {
        if (auto r = short_range_end(i, r0, *left)) return r;
    }
    if (!right || right->kind != RawKind::Point) return std::nullopt;
    // A month name taken on trust on the left needs a dated month on the right.
    if (left && left->a.granularity == Granularity::Month && !left->a.year && !(right->a.year && right->a.month)) return std::nullopt;
    RawDate r(Rule::Range, RawKind::Range, i, right->last);
    r.b = right->a;
    if (left && left->kind == RawKind::Point) {
        r.a = left->a;
    } else {
        // A bare number on the left: a day before "20 March", a year before "2004"
        int n = static_cast<int>(t_[j].number);
        r.a = r.b;
        if (r.b.granularity == Granularity::Day && t_[j].digits <= 2 && n >= 1 && n <= 31) {
            r.a.day = n;
        } else if (r.b.granularity == Granularity::Year && r.b.year && t_[j].digits == 4) {
            r.a.year = n;
        } else {
            return std::nullopt;
        }
    }
    // The left side borrows what it lacks from the right: "nwambr ta mars 2022"
    if (!r.a.year && r.a.base.rel == Rel::None && r.b.year) {
        if (r.a.granularity == Granularity::Month || r.a.granularity == Granularity::Day) {
            r.a.year = r.b.year;
            r.a.calendar = r.b.calendar;
            if (r.a.month > r.b.month && r.a.month && r.b.month) r.a.year = *r.b.year - 1;
        }
    }
    // "from 500 to 300 BC": the era after the range is the left side's too
    if (r.b.year && *r.b.year <= 0 && r.a.year && *r.a.year > 0 && r.a.granularity == Granularity::Year && !left)
        r.a.year = -*r.a.year;
    // Both sides plain years with a dash and no opening word: only real years.
    if (!opened && !plural_years && dash) {
        // ("3-5 May 2024": a day number before a day is a range of days)
        if (!(r.a.year && r.b.year && r.a.granularity == Granularity::Year && r.b.granularity == Granularity::Year) &&
            !(left && left->a.granularity != Granularity::Year) && !(!left && r.b.granularity == Granularity::Day))
            return std::nullopt;
    }
    r.confidence = std::min(left ? left->confidence : 0.9f, right->confidence);
    if (!opened && dash && r.a.granularity == Granularity::Year && r.b.granularity == Granularity::Year) {
        // two bare years joined by a dash must both look like years
        if (!(r.a.year && *r.a.year >= 1000 && r.b.year && *r.b.year >= 1000)) return std::nullopt;
    }
    return r;
}

std::optional<RawDate> Grammar::short_range_end(uint32_t i, uint32_t r0, const RawDate& left) {
    if (left.kind != RawKind::Point || left.a.granularity != Granularity::Year || !left.a.year || *left.a.year < 1000 ||
        left.a.base.rel != Rel::None)
        return std::nullopt;
    uint32_t k = r0;
    if (is_punct(k, '\'') && t_[k + 1 < size() ? k + 1 : k].joined) ++k;  // '86
    if (!is_number(k) || t_[k].digits != 2 || inside_bigger_number(k) || quantity_after(k + 1)) return std::nullopt;
    const int first = *left.a.year;
    int last = first / 100 * 100 + static_cast<int>(t_[k].number);
    if (last <= first) last += 100;  // 1999-00
    RawDate r(Rule::RangeShortEnd, RawKind::Range, i, k + 1);
    r.a = left.a;
    r.b = left.a;
    r.b.year = last;
    r.confidence = 0.8f;
    return r;
}

uint32_t Grammar::and_word_end(uint32_t k) {
    Hit a = hit(k, LexKind::Prep);
    return a && a.entry->prep == Prep::And && !clitic_[k] ? a.end : kNone;
}

// [<day word>] [<weekday> and <weekday>] <day> (, <day>)* and <day> <month> [<year>]:
// "3 and 4 March 2018", "21, 23 and 25 Farvardin", "ywmy 3 w4 mars".
std::optional<RawDate> Grammar::day_list(uint32_t i) {
    uint32_t j = i;
    if (Hit dw = hit(j, LexKind::Unit); dw && dw.entry->unit == Granularity::Day) j = dw.end;
    // Weekdays written before the days, one per day
    while (Hit wd = hit(j, LexKind::Weekday)) {
        uint32_t k = and_word_end(wd.end);
        if (k != kNone && has(k, LexKind::Weekday)) { j = k; continue; }
        j = wd.end;
        break;
    }
    if (!is_number(j) || t_[j].digits > 2 || t_[j].number < 1 || t_[j].number > 31) return std::nullopt;
    const int first_day = static_cast<int>(t_[j].number);
    uint32_t k = j + 1;
    for (;;) {
        uint32_t next = and_word_end(k);
        const bool joined_by_and = next != kNone;
        if (!joined_by_and && is_punct(k, ',')) next = k + 1;
        if (next == kNone) return std::nullopt;
        if (joined_by_and) {
            std::optional<RawDate> right = point(next, false, true);
            if (right && right->kind == RawKind::Point && right->a.granularity == Granularity::Day && right->a.day > first_day) {
                RawDate r(Rule::DayList, RawKind::Range, i, right->last);
                r.b = right->a;
                r.a = right->a;
                r.a.day = first_day;
                r.confidence = std::min(0.9f, right->confidence);
                return r;
            }
        }
        // another day of the list
        if (!is_number(next) || t_[next].digits > 2 || t_[next].number <= first_day || t_[next].number > 31)
            return std::nullopt;
        k = next + 1;
    }
}

}  // namespace tarikh::tagger::rules
