// The scan: at each token that can start a date, every rule family
// (rules/*.cpp) is asked and the longest reading wins; then dates moved by a
// count of units before them, lengths that are no dates, the tense of dates
// without a year, and named events' context years.
#include "tagger/grammar.h"

#include "tagger/rules/grammar.h"

#include <algorithm>
#include <optional>

namespace tarikh::tagger {
namespace rules {
namespace {

// Words that only connect or qualify (fy, w, of, nfr) never begin a date;
// most frequent lexicon words are of that kind, so skipping them is cheap speed.
bool can_start(const EntryList* list) {
    if (!list) return false;
    for (const LexEntry* e : *list) {
        switch (e->kind) {
            case LexKind::Era: case LexKind::Quantity: case LexKind::Quantifier: case LexKind::Future:
            case LexKind::Anaphor: case LexKind::DayPart: case LexKind::DaySuffix: case LexKind::MonthWord:
            case LexKind::DecadeSuffix: case LexKind::Past: case LexKind::Recurrence: case LexKind::ObjectMarker:
            case LexKind::NameHead: case LexKind::Frequency: break;
            case LexKind::Prep: if (e->prep == Prep::From || e->prep == Prep::Between) return true; break;
            case LexKind::Rel: if (e->rel != Rel::Before && e->rel != Rel::After) return true; break;
            default: return true;
        }
    }
    return false;
}

}  // namespace

std::optional<RawDate> Grammar::any(uint32_t i) {
    std::optional<RawDate> best;
    auto consider = [&](std::optional<RawDate> r) {
        if (r && (!best || r->last > best->last)) best = std::move(r);
    };
    consider(named_event(i));
    consider(range(i));
    if (is_number(i) || has_any(i, {LexKind::Unit, LexKind::Weekday})) consider(day_list(i));
    consider(modified(i));
    consider(point(i, true, true));
    consider(relative(i));
    consider(deictic(i));
    consider(weekday(i));
    consider(nth_weekday(i));
    consider(holiday(i));
    consider(fiscal_year(i));
    if (has_any(skip_article(i), {LexKind::Ordinal, LexKind::Unit})) consider(holiday_day(i));
    return best;
}

std::vector<RawDate> Grammar::run() {
    std::vector<RawDate> out;
    uint32_t i = 0;
    while (i < size()) {
        const Token& tok = t_[i];
        // Only numbers and lexicon words can start a date: skip the rest cheaply.
        bool candidate = (tok.type == TokenType::Number && tok.digits <= 4) ||
                         (tok.type == TokenType::Word && (can_start(entries(i)) || event_names(i) != nullptr));
        if (!candidate) { ++i; continue; }
        // "The Sunday Times", "amam jmʿh", "alamyn alʿam": date words in a name
        if (Hit nd = hit(i, LexKind::NonDate)) { i = nd.end; continue; }
        std::optional<RawDate> r = any(i);
        if (!r || r->last <= i) { ++i; continue; }
        r->skip_bytes = clitic_[r->first];
        i = r->last;
        if (names_a_place(*r)) continue;
        out.push_back(std::move(*r));
    }
    // A date moved by a count of units before or after it.
    std::vector<RawDate> moved;
    moved.reserve(out.size());
    for (RawDate& r : out) {
        if (r.kind == RawKind::Point || r.kind == RawKind::Range || r.kind == RawKind::Event || r.kind == RawKind::Deictic) {
            if (auto s = shift_before(r.first, moved.empty() ? nullptr : &moved.back())) {
                if (s->absorbs_previous) moved.pop_back();
                r.first = s->first;
                r.skip_bytes = clitic_[s->first];
                r.shift_unit = s->unit;
                r.shift_n = s->n;
            }
        }
        moved.push_back(std::move(r));
    }
    // A shift that no date follows but "from"/"of" does is a length, not a
    // time: "bʿd 30 ʿama mn alkwmydya" is after thirty years of comedy, not
    // thirty years after the previous date; "sh sal bʿd az twafq" counts
    // from an agreement the text does not date.
    // "bʿd ʿamyn mn dhlk" (two years after that) does count from the
    // previous date: the anaphor joins the shift.
    std::erase_if(moved, [&](RawDate& r) {
        if (r.kind != RawKind::Shift || r.n == 0 || r.last >= size()) return false;
        Hit from = hit(r.last, LexKind::Prep);
        if (!from || from.entry->prep != Prep::From) return false;
        if (Hit that = hit(from.end, LexKind::Anaphor)) {
            r.last = that.end;
            return false;
        }
        return true;
    });
    out = std::move(moved);
    // Dates without a year, weekdays alone and holidays take the tense of their clause.
    for (RawDate& r : out) {
        const bool yearless = (r.kind == RawKind::Point && !r.a.year && r.a.month && r.a.base.rel == Rel::None) ||
                              (r.kind == RawKind::Weekday && r.n == 0 && r.unit == Granularity::Unknown) ||
                              (r.kind == RawKind::Holiday && !r.a.year && (r.a.base.rel == Rel::None || r.a.base.rel == Rel::This));
        if (yearless) mark_tense(r);
    }
    // "yesterday afternoon", "Tuesday night": the part of the day joins the day
    for (size_t n = 0; n < out.size(); ++n) {
        RawDate& r = out[n];
        if (r.daypart || !(r.kind == RawKind::Weekday || (r.kind == RawKind::Deictic && r.deictic != Deictic::Now &&
                                                          r.deictic != Deictic::UntilNow)))
            continue;
        Hit part = hit(r.last, LexKind::DayPart);
        if (!part || !part.entry->number || (n + 1 < out.size() && out[n + 1].first < part.end)) continue;
        r.last = part.end;
        r.daypart = part.entry->number;
        r.via = Rule::DayDaypart;
    }
    add_lengths_and_frequencies(out);
    // A named event learns a year or a length from its neighbours.
    for (RawDate& r : out) {
        if (r.kind != RawKind::Event || r.context_year) continue;
        uint32_t lo = r.first > 12 ? r.first - 12 : 0, hi = std::min(size(), r.last + 12);
        for (uint32_t k = lo; k < hi; ++k) {
            if (k >= r.first && k < r.last) {
                // a length inside the name: jng 44 rwzh
                if (is_number(k) && t_[k].digits <= 3) {
                    if (Hit u = hit(k + 1, LexKind::Unit); u && u.entry->unit == Granularity::Day) r.context_days = static_cast<int>(t_[k].number);
                }
                continue;
            }
            if (is_number(k) && t_[k].digits == 4 && t_[k].number >= 1900 && t_[k].number <= 2100 && !r.context_year)
                r.context_year = static_cast<int>(t_[k].number);
        }
    }
    return out;
}

// "mjtmʿ frhngy hnry 29 bhmn", "shārʿ 26 ywlyw": a day and month without a
// year after a noun that places are named by, its adjectives between, is the
// place's name. A preposition, number or mark between ends the noun phrase.
bool Grammar::names_a_place(const RawDate& r) {
    if (r.kind != RawKind::Point || !r.a.day || !r.a.month || r.a.year || r.a.base.rel != Rel::None) return false;
    constexpr uint32_t kReach = 3;  // the noun and two adjectives
    for (uint32_t k = r.first; k-- > 0 && r.first - k <= kReach;) {
        if (has(k, LexKind::NameHead)) return true;
        if (t_[k].type != TokenType::Word || entries(k)) return false;
    }
    return false;
}

std::vector<const LexEntry*> Grammar::read_as(const RawDate& r) {
    std::vector<const LexEntry*> out;
    for (uint32_t k = r.first; k < r.last && k < size(); ++k)
        if (const EntryList* list = entries(k))
            for (const LexEntry* e : *list)
                if (rest_matches(*e, k)) out.push_back(e);
    if (r.event) out.push_back(r.event);
    return out;
}

}  // namespace rules

std::vector<RawDate> find_dates(std::string_view folded, const std::vector<Token>& tokens, Lang lang,
                                const Lexicon& lexicon) {
    return rules::Grammar(folded, tokens, lang, lexicon).run();
}

std::vector<std::vector<const LexEntry*>> entries_of(std::string_view folded, const std::vector<Token>& tokens, Lang lang,
                                                     const Lexicon& lexicon, const std::vector<RawDate>& dates) {
    rules::Grammar g(folded, tokens, lang, lexicon);
    std::vector<std::vector<const LexEntry*>> out;
    out.reserve(dates.size());
    for (const RawDate& r : dates) out.push_back(g.read_as(r));
    return out;
}

}  // namespace tarikh::tagger
