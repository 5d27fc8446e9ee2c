// Lengths and frequencies: what TIMEX3 types DURATION ("18 months", "a
// decade") and SET ("annually", "every Monday", "5% a year"). They are read
// after the dates, only in words no date took, so "three years ago", "the
// past three years" and "two years after the war" (a date moved) keep their
// date readings; a length or frequency never dates an event.
#include "tagger/rules/grammar.h"

#include <algorithm>

namespace tarikh::tagger::rules {
namespace {

// Only these words can begin a length or a frequency; most words of a text
// are none of them, and this test is most of the pass's cost.
bool can_start_length(const EntryList* list) {
    if (!list) return false;
    for (const LexEntry* e : *list)
        switch (e->kind) {
            case LexKind::Frequency: case LexKind::Recurrence: case LexKind::Num: case LexKind::Unit: case LexKind::Article:
            case LexKind::Quantifier: case LexKind::Mod:
                return true;
            default: break;
        }
    return false;
}

}  // namespace

void Grammar::add_lengths_and_frequencies(std::vector<RawDate>& dates) {
    std::vector<RawDate> found;
    size_t next = 0;  // the first date not wholly before token i
    uint32_t i = 0;
    while (i < size()) {
        while (next < dates.size() && dates[next].last <= i) ++next;
        if (next < dates.size() && dates[next].first <= i) {
            i = dates[next].last;
            continue;
        }
        const Token& tok = t_[i];
        const bool candidate = (tok.type == TokenType::Number && tok.digits <= 3) ||
                               (tok.type == TokenType::Word && can_start_length(entries(i)));
        const uint32_t limit = next < dates.size() ? dates[next].first : size();
        if (candidate)
            if (auto r = length_or_frequency(i); r && r->last <= limit) {
                i = r->last;
                found.push_back(std::move(*r));
                continue;
            }
        ++i;
    }
    if (found.empty()) return;
    std::vector<RawDate> merged;
    merged.reserve(dates.size() + found.size());
    std::merge(std::make_move_iterator(dates.begin()), std::make_move_iterator(dates.end()),
               std::make_move_iterator(found.begin()), std::make_move_iterator(found.end()), std::back_inserter(merged),
               [](const RawDate& a, const RawDate& b) { return a.first < b.first; });
    dates = std::move(merged);
}

std::optional<RawDate> Grammar::length_or_frequency(uint32_t i) {
    for (auto rule : {&Grammar::set_frequency, &Grammar::set_every, &Grammar::set_per_unit, &Grammar::duration_count_unit})
        if (auto r = (this->*rule)(i)) return r;
    return std::nullopt;
}

static RawDate length_at(uint32_t i, uint32_t last, RawKind kind, Rule rule, Granularity unit, int n) {
    RawDate r(rule, kind, i, last);
    r.unit = unit;
    r.n = n;
    r.confidence = 0.75f;
    return r;
}

// annually, weekly: one word for every unit
std::optional<RawDate> Grammar::set_frequency(uint32_t i) {
    Hit f = hit(i, LexKind::Frequency);
    if (!f) return std::nullopt;
    return length_at(i, f.end, RawKind::Set, Rule::SetFrequency, f.entry->unit, 1);
}

// <every> [<count>] <unit|weekday>: each year, every two weeks, every Monday
std::optional<RawDate> Grammar::set_every(uint32_t i) {
    Hit every = hit(i, LexKind::Recurrence);
    if (!every) return std::nullopt;
    uint32_t k = every.end;
    if (Hit w = hit(k, LexKind::Weekday); w && !w.entry->has(kContext)) {
        RawDate r = length_at(i, w.end, RawKind::Set, Rule::SetEvery, Granularity::Week, 1);
        r.weekday = w.entry->number;
        return r;
    }
    int n = 1;
    if (auto c = count_at(k); c && c->first > 1) { n = c->first; k = c->second; }
    Hit u = hit(k, LexKind::Unit);
    if (!u || (n == 1 && u.entry->has(kPlural)) || is_number(u.end)) return std::nullopt;
    if (u.entry->number) n = u.entry->number;
    return length_at(i, u.end, RawKind::Set, Rule::SetEvery, u.entry->unit, n);
}

// <quantity> <a> <unit>: "5% a year", "$100 a month": so much per unit
std::optional<RawDate> Grammar::set_per_unit(uint32_t i) {
    Hit one = hit(i, LexKind::Num);
    if (!one || one.entry->number != 1 || i == 0) return std::nullopt;
    // a quantity, or a count, just before: "8% a year", "150 million shares a day"
    if (has(i - 1, LexKind::Prep)) return std::nullopt;
    bool quantity = false;
    for (uint32_t k = i > 3 ? i - 3 : 0; k < i && !quantity; ++k)
        quantity = is_punct(k, '%') || is_number(k) || has(k, LexKind::Quantity);
    if (!quantity) return std::nullopt;
    Hit u = hit(one.end, LexKind::Unit);
    if (!u || u.entry->has(kPlural) || u.entry->number || is_number(u.end)) return std::nullopt;
    return length_at(i, u.end, RawKind::Set, Rule::SetPerUnit, u.entry->unit, 1);
}

// [the] [<next>|<first>] <count> [-] <unit>: 18 months, a decade, three-year, several
// years (an unstated count), the nine months, the next six months (TIMEX3
// keeps the article and the word in the span); not "the year 2000" (a year
// word before a number)
std::optional<RawDate> Grammar::duration_count_unit(uint32_t i) {
    // "more than three years", "about two weeks": TIMEX3 keeps the qualifier in the span
    Mod mod = Mod::None;
    uint32_t q = i;
    if (Hit quantifier = hit(i, LexKind::Quantifier)) q = quantifier.end;
    else if (Hit approx = hit(i, LexKind::Mod); approx && approx.entry->mod == Mod::Approx) q = approx.end, mod = Mod::Approx;
    if (q > i) {
        auto inner = duration_count_unit(q);
        if (!inner || inner->mod != Mod::None || inner->first != q) return std::nullopt;
        inner->first = i;
        inner->mod = mod;
        return inner;
    }
    uint32_t j = skip_article(i);
    if (Hit next = hit(j, LexKind::Rel); next && next.entry->rel == Rel::Next && j > i) j = next.end;
    // "the first nine months" (of a year the text does not name)
    else if (Hit first = hit(j, LexKind::Ordinal); first && first.entry->number == 1 && j > i) j = first.end;
    if (Hit u = hit(j, LexKind::Unit); u && u.entry->number && !is_number(u.end))  // a dual: ʿamyn
        return length_at(i, u.end, RawKind::Duration, Rule::DurationCountUnit, u.entry->unit, u.entry->number);
    auto c = count_at(j);
    if (!c || c->first == 0) return std::nullopt;
    uint32_t k = c->second;
    const bool hyphen = is_punct(k, '-') && t_[k].joined && k + 1 < size() && t_[k + 1].joined;
    if (hyphen) ++k;
    Hit u = hit(k, LexKind::Unit);
    if (!u || u.entry->number || is_number(u.end)) return std::nullopt;
    if (u.entry->has(kContext) && c->first == 1) return std::nullopt;  // "a quarter of the vote"
    // "almost two years ago": a time the date rules turned down, not a length
    if (Hit rel = hit(u.end, LexKind::Rel); rel && (rel.entry->rel == Rel::Ago || rel.entry->rel == Rel::Later ||
                                                    rel.entry->rel == Rel::Earlier || rel.entry->rel == Rel::FromNow))
        return std::nullopt;
    return length_at(i, u.end, RawKind::Duration, Rule::DurationCountUnit, u.entry->unit, c->first);
}

}  // namespace tarikh::tagger::rules
