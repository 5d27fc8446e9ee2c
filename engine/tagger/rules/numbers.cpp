#include "tagger/rules/grammar.h"

#include <algorithm>

namespace tarikh::tagger::rules {

bool Grammar::count_ends_at(uint32_t j) { return count_ending_at(j, 0, false).has_value(); }

std::optional<std::pair<uint32_t, int>> Grammar::count_ending_at(uint32_t end, uint32_t floor, bool positive) {
    // Counts are at most a few tokens long ("twenty-five", "byst w pnj").
    for (uint32_t k = end > floor + 3 ? end - 3 : floor; k < end; ++k)
        if (auto c = count_at(k); c && c->second == end && (!positive || c->first > 0)) return std::pair{k, c->first};
    return std::nullopt;
}

// "1,200", "2.5", "1990/91": digits glued to punctuation glued to digits.
bool Grammar::inside_bigger_number(uint32_t i) const {
    auto glued_number_punct = [&](uint32_t p, uint32_t n) {
        return t_[p].type == TokenType::Punct && t_[n].joined && t_[p].joined == false ? false
             : t_[p].type == TokenType::Punct && (s_[t_[p].begin] == ',' || s_[t_[p].begin] == '.');
    };
    if (i >= 2 && t_[i].joined && t_[i - 1].joined && t_[i - 2].type == TokenType::Number && glued_number_punct(i - 1, i))
        return true;
    if (i + 2 < size() && t_[i + 1].joined && t_[i + 2].joined && t_[i + 2].type == TokenType::Number &&
        glued_number_punct(i + 1, i + 2))
        return true;
    return false;
}

// ---- numbers ------------------------------------------------------------------

// Each part of a spelled number is of another order (units, tens, hundreds,
// thousands): "four and twenty" is one number, "the first and the second" two.
std::optional<Grammar::Spelled> Grammar::spelled_number(uint32_t i) {
    auto part_at = [&](uint32_t k) -> std::optional<Spelled> {
        if (Hit o = hit(k, LexKind::Ordinal); o && o.entry->number > 0) return Spelled{o.entry->number, o.end, true};
        if (Hit n = hit(k, LexKind::Num); n && n.entry->number > 0) return Spelled{n.entry->number, n.end, false};
        return std::nullopt;
    };
    // The orders a value fills: a teen fills the units and the tens.
    auto orders = [](int v) -> unsigned {
        if (v < 10) return 1u;
        if (v < 20) return 3u;
        if (v < 100) return 2u;
        if (v < 1000) return 4u;
        return 8u;
    };
    if (!has_any(i, {LexKind::Ordinal, LexKind::Num})) return std::nullopt;
    auto s = part_at(i);
    if (!s) return std::nullopt;
    unsigned used = orders(s->value);
    for (;;) {
        uint32_t k = s->end;
        if (Hit a = hit(k, LexKind::Prep); a && a.entry->prep == Prep::And && !clitic_[k]) k = a.end;
        else if (!glued_and(k)) break;
        auto next = part_at(k);
        if (!next || (orders(next->value) & used)) break;
        used |= orders(next->value);
        s->value += next->value;
        s->end = next->end;
        s->ordinal = s->ordinal || next->ordinal;
    }
    return s;
}

std::optional<std::pair<int, uint32_t>> Grammar::day_at(uint32_t i) {
    // An ordinal word: "byst w dwm bhmn", "sy-am ādhr", "alrabʿ wālʿshryn" (callers want a month next to it)
    // (not "nymh awl āban", "dhh awl mhr": the first half, the first ten days)
    if (auto o = spelled_number(i); o && o->ordinal && o->value >= 1 && o->value <= 31) {
        if (i > 0 && (has(i - 1, LexKind::Part) || has(i - 1, LexKind::Unit) || has(i - 1, LexKind::DecadeWord)))
            return std::nullopt;
        // the tail of a longer number ("dwm" in "byst w dwm") is no day of its own
        if (i > 1 && and_word_end(i - 1) == i && (has(i - 2, LexKind::Num) || has(i - 2, LexKind::Ordinal))) return std::nullopt;
        return std::make_pair(o->value, o->end);
    }
    if (!is_number(i) || t_[i].digits > 2 || t_[i].number < 1 || t_[i].number > 31) return std::nullopt;
    uint32_t end = i + 1;
    if (end < size() && t_[end].joined && t_[end].type == TokenType::Word)
        if (Hit suffix = hit(end, LexKind::DaySuffix)) end = suffix.end;
    return std::make_pair(static_cast<int>(t_[i].number), end);
}

std::optional<std::pair<int, uint32_t>> Grammar::count_at(uint32_t i) {
    if (is_number(i)) {
        if (t_[i].digits > 3 || inside_bigger_number(i)) return std::nullopt;
        return std::make_pair(static_cast<int>(t_[i].number), i + 1);
    }
    if (Hit h = hit(i, LexKind::Num)) return std::make_pair(h.entry->number, h.end);
    return std::nullopt;
}

Calendar Grammar::calendar_of_bare_year(int y) const {
    if (set_.native_years == Calendar::SolarHijri && y >= 1300 && y < 1500) return Calendar::SolarHijri;
    return Calendar::Gregorian;
}

std::optional<Grammar::Year> Grammar::year_at(uint32_t i, bool after_year_word, bool two_digit_ok) {
    if (!is_number(i) || inside_bigger_number(i)) return std::nullopt;
    const Token& tok = t_[i];
    Year y{static_cast<int>(tok.number), Calendar::Gregorian, false, false, i + 1};
    Hit era = hit(i + 1, LexKind::Era);
    if (era) {
        y.calendar = era.entry->calendar;
        y.explicit_calendar = true;
        y.end = era.end;
        if (era.entry->number < 0) y.value = -y.value;  // 500 BC: year -500 (DatePoint::year)
        if (tok.digits >= 1 && tok.digits <= 4 && tok.number > 0) return y;
        return std::nullopt;
    }
    if (tok.digits == 4) {
        if (!after_year_word && quantity_after(i + 1)) return std::nullopt;
        y.calendar = calendar_of_bare_year(y.value);
        return y;
    }
    if (tok.digits == 2 && two_digit_ok) {
        y.two_digit = true;
        y.calendar = Calendar::SolarHijri;
        // sal 87 → 1387; sal 02 → 1402
        y.value = y.value >= 10 ? 1300 + y.value : 1400 + y.value;
        return y;
    }
    return std::nullopt;
}

std::optional<RawDate> Grammar::numeric_date(uint32_t i) {
    // 2023-10-07, 1402/01/15, 07/10/2023, 7.10.2023: three glued numbers
    if (!is_number(i) || i + 4 >= size()) return std::nullopt;
    char sep = s_[t_[i + 1].begin];
    if (!(sep == '-' || sep == '/' || sep == '.') || !is_punct(i + 1, sep) || !is_punct(i + 3, sep)) return std::nullopt;
    if (!is_number(i + 2) || !is_number(i + 4)) return std::nullopt;
    // Glued (17/9/2019), or spaced when an era word closes it (15 / 8 / 1442 h)
    bool glued = true;
    for (uint32_t k = i + 1; k <= i + 4; ++k) glued = glued && t_[k].joined;
    if (!glued && !hit(i + 5, LexKind::Era)) return std::nullopt;
    int a = static_cast<int>(t_[i].number), b = static_cast<int>(t_[i + 2].number), c = static_cast<int>(t_[i + 4].number);
    RawDate r(Rule::NumericDate, RawKind::Point, i, i + 5);
    r.a.granularity = Granularity::Day;
    if (t_[i].digits == 4 && t_[i + 2].digits <= 2 && t_[i + 4].digits <= 2) {
        r.a.year = a; r.a.month = b; r.a.day = c;
    } else if (t_[i].digits == 2 && a > 31 && t_[i + 2].digits <= 2 && t_[i + 4].digits <= 2 && set_.two_digit_solar_years) {
        // 98/08/24: a two-digit Solar Hijri year first (it cannot be a day)
        r.a.year = 1300 + a; r.a.month = b; r.a.day = c;
        r.a.calendar = Calendar::SolarHijri;
    } else if (t_[i + 4].digits == 4 && t_[i].digits <= 2 && t_[i + 2].digits <= 2) {
        // Day first, or month first (numeric_date_order mdy) unless that is impossible.
        bool month_first = set_.numeric_month_first && a <= 12 && b <= 31 && !(b <= 12 && sep == '.');
        if (month_first && b > 12) month_first = true;
        else if (a > 12) month_first = false;
        r.a.year = c;
        r.a.month = month_first ? a : b;
        r.a.day = month_first ? b : a;
    } else {
        return std::nullopt;
    }
    if (r.a.month < 1 || r.a.month > 12 || r.a.day < 1 || r.a.day > 31) return std::nullopt;
    if (r.a.calendar != Calendar::SolarHijri) r.a.calendar = calendar_of_bare_year(*r.a.year);
    if (Hit era = hit(r.last, LexKind::Era)) { r.a.calendar = era.entry->calendar; r.last = era.end; }
    r.confidence = 0.95f;
    return r;
}

// <month>/<year>: 11/2019, 4/2015 — not a piece of a longer number (93/3/0014)
std::optional<RawDate> Grammar::numeric_month_year(uint32_t i) {
    if (!is_number(i) || t_[i].digits > 2 || !is_punct(i + 1, '/') || !is_number(i + 2)) return std::nullopt;
    if (!t_[i + 1].joined || !t_[i + 2].joined || t_[i + 2].digits != 4) return std::nullopt;
    if (i > 0 && t_[i].joined && t_[i - 1].type == TokenType::Punct) return std::nullopt;
    if (i + 3 < size() && t_[i + 3].joined && t_[i + 3].type == TokenType::Punct && is_number(i + 4)) return std::nullopt;
    const int m = static_cast<int>(t_[i].number), y = static_cast<int>(t_[i + 2].number);
    const Calendar c = calendar_of_bare_year(y);
    if (m < 1 || m > 12 || !((y >= 1900 && y <= 2100) || c == Calendar::SolarHijri)) return std::nullopt;
    RawDate r(Rule::NumericMonthYear, RawKind::Point, i, i + 3);
    r.a.granularity = Granularity::Month;
    r.a.calendar = c;
    r.a.year = y;
    r.a.month = m;
    r.confidence = 0.85f;
    return r;
}

std::optional<RawDate> Grammar::year_expr(uint32_t i, bool bare_year_ok) {
    if (hit_if(i, LexKind::Unit, [](const LexEntry& e) { return e.has(kYearWord); })) return year_word_year(i);
    return year_alone(i, bare_year_ok);
}

// <year word> <year>: sal 2019, ʿam 1992, the year 2006, sal 87
std::optional<RawDate> Grammar::year_word_year(uint32_t i) {
    Hit yw = year_word_before_number(i);
    if (!yw) return spelled_year(i);
    bool two = set_.two_digit_solar_years && yw.entry->has(kTwoDigit);
    auto y = year_at(yw.end, true, two);
    if (!y) return std::nullopt;
    if (t_[yw.end].digits == 4 && quantity_after(y->end) && !y->explicit_calendar) return std::nullopt;
    RawDate r(Rule::YearWordYear, RawKind::Point, i, y->end);
    r.a.granularity = Granularity::Year;
    r.a.year = y->value;
    r.a.calendar = y->calendar;
    r.confidence = 0.95f;
    return r;
}

// <year word> <a year in words>: ʿam alfyn wʿshryn. Only thousands say it is
// a year, not "the year one" or a count.
std::optional<RawDate> Grammar::spelled_year(uint32_t i) {
    Hit yw = hit_if(i, LexKind::Unit, [](const LexEntry& e) { return e.has(kYearWord); });
    if (!yw) return std::nullopt;
    auto n = spelled_number(yw.end);
    if (!n || n->ordinal || n->value < 1000) return std::nullopt;
    RawDate r(Rule::YearWordYear, RawKind::Point, i, n->end);
    r.a.granularity = Granularity::Year;
    r.a.year = n->value;
    r.a.calendar = calendar_of_bare_year(n->value);
    if (Hit era = hit(r.last, LexKind::Era)) { r.a.calendar = era.entry->calendar; r.last = era.end; }
    r.confidence = 0.85f;
    return r;
}

// <year> <era>, or a bare number where a year is likely.
std::optional<RawDate> Grammar::year_alone(uint32_t i, bool bare_year_ok) {
    auto y = year_at(i, false, false);
    if (!y) return std::nullopt;
    RawDate r;
    r.first = i;
    r.a.granularity = Granularity::Year;
    r.a.year = y->value;
    r.a.calendar = y->calendar;
    r.last = y->end;
    if (y->explicit_calendar) { r.rule = Rule::YearEra; r.confidence = 0.95f; return r; }
    if (!bare_year_ok || quantifier_before(i)) return std::nullopt;
    r.rule = Rule::BareYear;
    // A bare number is a year when it looks like one here: 1900–2100 anywhere,
    // older years and Solar Hijri years only after a preposition.
    bool context = prep_before(i);
    if (y->calendar == Calendar::SolarHijri && !context) return std::nullopt;
    // "to 1400 trucks": after "to" an old number is more likely a count
    bool strong_context = context && hit(i - 1, LexKind::Prep).entry->prep != Prep::To;
    if (y->value >= 1900 && y->value <= 2100) { r.confidence = context ? 0.85f : 0.7f; return r; }
    if (y->value >= 1000 && y->value < 1900 && strong_context) { r.confidence = 0.7f; return r; }
    if (y->calendar == Calendar::SolarHijri) { r.confidence = 0.8f; return r; }
    return std::nullopt;
}

std::optional<RawDate> Grammar::decade(uint32_t i) {
    uint32_t j = skip_article(i);
    Hit unit = hit(j, LexKind::Unit);
    if (!(unit && unit.entry->unit == Granularity::Decade)) unit = {};
    uint32_t k = unit ? unit.end : j;
    if (auto r = decade_apostrophe(i, k)) return r;
    if (is_number(k) && !inside_bigger_number(k)) return decade_digits(i, k, unit);
    if (auto r = decade_number_word(i, k, unit)) return r;
    return decade_name(i, k);
}

static RawDate decade_at(uint32_t i, Rule rule) {
    RawDate r(rule, RawKind::Point, i, i);
    r.a.granularity = Granularity::Decade;
    return r;
}

// the '90s
std::optional<RawDate> Grammar::decade_apostrophe(uint32_t i, uint32_t k) {
    if (!(is_punct(k, '\'') && is_number(k + 1) && t_[k + 1].digits == 2 && t_[k + 1].number % 10 == 0 &&
          k + 2 < size() && t_[k + 2].joined && has(k + 2, LexKind::DecadeSuffix)))
        return std::nullopt;
    RawDate r = decade_at(i, Rule::DecadeApostrophe);
    r.a.decade = 1900 + static_cast<int>(t_[k + 1].number);
    r.last = k + 3;
    r.confidence = 0.85f;
    return r;
}

// <decade> 1990, the 1990s, 1990s; <decade> 70 (the Solar Hijri 1370s)
std::optional<RawDate> Grammar::decade_digits(uint32_t i, uint32_t k, Hit unit) {
    const Token& n = t_[k];
    bool plural_s = k + 1 < size() && t_[k + 1].joined &&
                    (has(k + 1, LexKind::DecadeSuffix) || (is_punct(k + 1, '\'') && has(k + 2, LexKind::DecadeSuffix)));
    if (n.digits == 4 && n.number % 10 == 0 && (unit || plural_s)) {
        RawDate r = decade_at(i, Rule::DecadeYear);
        r.a.decade = static_cast<int>(n.number);
        r.a.calendar = calendar_of_bare_year(r.a.decade);
        r.last = plural_s ? (is_punct(k + 1, '\'') ? k + 3 : k + 2) : k + 1;
        if (Hit era = hit(r.last, LexKind::Era)) { r.a.calendar = era.entry->calendar; r.last = era.end; }
        r.confidence = 0.9f;
        return r;
    }
    if (unit && n.digits == 2 && n.number % 10 == 0 && set_.two_digit_solar_years && unit.entry->has(kTwoDigit)) {
        RawDate r = decade_at(i, Rule::DecadeTwoDigits);
        r.a.decade = 1300 + static_cast<int>(n.number);
        r.a.calendar = Calendar::SolarHijri;
        r.last = k + 1;
        // <decade> 70 <Gregorian era>: the Gregorian 1970s
        if (Hit era = hit(r.last, LexKind::Era); era && era.entry->calendar == Calendar::Gregorian) {
            r.a.decade = 1900 + static_cast<int>(n.number);
            r.a.calendar = Calendar::Gregorian;
            r.last = era.end;
        }
        r.confidence = 0.85f;
        return r;
    }
    return std::nullopt;
}

// <decade> <seventy>: a Solar Hijri decade named in words
std::optional<RawDate> Grammar::decade_number_word(uint32_t i, uint32_t k, Hit unit) {
    if (!unit || !set_.two_digit_solar_years) return std::nullopt;
    Hit num = hit(k, LexKind::Num);
    if (!(num && num.entry->number >= 20 && num.entry->number <= 90 && num.entry->number % 10 == 0)) return std::nullopt;
    RawDate r = decade_at(i, Rule::DecadeNumberWord);
    r.a.decade = 1300 + num.entry->number;
    r.a.calendar = Calendar::SolarHijri;
    r.last = num.end;
    r.confidence = 0.8f;
    return r;
}

// the nineties, the eighties of the last century, the nineties of the twentieth century
std::optional<RawDate> Grammar::decade_name(uint32_t i, uint32_t k) {
    Hit dw = hit(k, LexKind::DecadeWord);
    if (!dw) return std::nullopt;
    RawDate r = decade_at(i, Rule::DecadeName);
    r.a.decade_digit = dw.entry->number;
    r.last = dw.end;
    r.confidence = 0.85f;
    if (auto c = century(r.last)) {
        if (c->a.century) r.a.century = c->a.century;
        else r.a.base = c->a.base;
        r.last = c->last;
    }
    return r;
}

static RawDate century_at(uint32_t i, Rule rule) {
    RawDate r(rule, RawKind::Point, i, i);
    r.a.granularity = Granularity::Century;
    return r;
}

std::optional<RawDate> Grammar::century(uint32_t i) {
    uint32_t j = skip_article(i);
    std::optional<RawDate> r;
    if (Hit u = hit(j, LexKind::Unit); u && u.entry->unit == Granularity::Century && !u.entry->has(kPlural))
        r = century_unit_first(i, j);
    else
        r = century_unit_last(i, j);
    // alqrn alkhams qbl almylad: a century before the era counts back
    if (r && r->a.century > 0)
        if (Hit era = hit(r->last, LexKind::Era); era && era.entry->number < 0) {
            r->a.century = -r->a.century;
            r->last = era.end;
        }
    return r;
}

// <century> <twentieth>, <century> 21, <century> <last>
std::optional<RawDate> Grammar::century_unit_first(uint32_t i, uint32_t j) {
    Hit u = hit(j, LexKind::Unit);
    if (Hit o = hit(u.end, LexKind::Ordinal)) {
        RawDate r = century_at(i, Rule::CenturyOrdinal);
        r.a.century = o.entry->number;
        r.last = o.end;
        return r;
    }
    if (is_number(u.end) && t_[u.end].digits <= 2 && t_[u.end].number >= 1) {
        RawDate r = century_at(i, Rule::CenturyNumber);
        r.a.century = static_cast<int>(t_[u.end].number);
        r.last = u.end + 1;
        return r;
    }
    if (Hit rel = hit(u.end, LexKind::Rel); rel && (rel.entry->rel == Rel::Last || rel.entry->rel == Rel::This || rel.entry->rel == Rel::Next)) {
        RawDate r = century_at(i, Rule::CenturyRel);
        r.a.base = {rel.entry->rel, Granularity::Century, false};
        r.last = rel.end;
        r.confidence = 0.8f;
        return r;
    }
    return std::nullopt;
}

// the twentieth century, the 20th century, last century
std::optional<RawDate> Grammar::century_unit_last(uint32_t i, uint32_t j) {
    if (Hit o = hit(j, LexKind::Ordinal)) {
        if (Hit u = hit(o.end, LexKind::Unit); u && u.entry->unit == Granularity::Century) {
            RawDate r = century_at(i, Rule::OrdinalCentury);
            r.a.century = o.entry->number;
            r.last = u.end;
            return r;
        }
    }
    if (auto d = day_at(j); d && d->second > j + 1) {
        if (Hit u = hit(d->second, LexKind::Unit); u && u.entry->unit == Granularity::Century) {
            RawDate r = century_at(i, Rule::DayCentury);
            r.a.century = d->first;
            r.last = u.end;
            return r;
        }
    }
    if (Hit rel = hit(j, LexKind::Rel); rel && (rel.entry->rel == Rel::Last || rel.entry->rel == Rel::This)) {
        if (Hit u = hit(rel.end, LexKind::Unit); u && u.entry->unit == Granularity::Century && !u.entry->has(kPlural)) {
            RawDate r = century_at(i, Rule::RelCentury);
            r.a.base = {rel.entry->rel, Granularity::Century, false};
            r.last = u.end;
            r.confidence = 0.8f;
            return r;
        }
    }
    return std::nullopt;
}

}  // namespace tarikh::tagger::rules
