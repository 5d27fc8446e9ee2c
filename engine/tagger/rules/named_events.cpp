#include "tagger/rules/grammar.h"

#include <algorithm>

namespace tarikh::tagger::rules {

const EntryList* Grammar::event_names(uint32_t i) {
    // Asked by the scan and again by the production at the same token.
    if (i == names_at_) return names_;
    names_at_ = i;
    names_ = find_event_names(i);
    return names_;
}

const EntryList* Grammar::find_event_names(uint32_t i) {
    std::string_view w = text(i);
    if (lex_.may_start(lang_, w))
        if (const EntryList* list = lex_.lookup_event(w)) return list;
    // A clitic glued to the name: lmjzra khwjaly, wḥrb aktwbr. (Every word is
    // asked: the cheap tests go first, and a date word is no event name.)
    if (t_[i].type != TokenType::Word || lex_.date_affixes(lang_).prefixes_of(w).empty() || entries(i)) return nullptr;
    auto lookup = [&](std::string_view name) { return lex_.may_start(lang_, name) ? lex_.lookup_event(name) : nullptr; };
    // (No event name starts with a word shorter than the shortest one listed.)
    if (auto s = without_affix(w, lookup, lex_.shortest_event_word()); s && s->skip) {
        clitic_[i] = s->skip;
        return s->found;
    }
    return nullptr;
}

bool Grammar::is_year_word(std::string_view w) {
    const EntryList* list = lex_.may_start(lang_, w) ? lex_.lookup(lang_, w) : nullptr;
    return list && std::any_of(list->begin(), list->end(), [](const LexEntry* e) {
        return e->kind == LexKind::Unit && e->has(kYearWord) && e->rest.empty();
    });
}

bool Grammar::event_spans_year(const LexEntry& e, int y) const {
    return std::any_of(e.events.begin(), e.events.end(), [&](uint32_t c) {
        const Interval& iv = lex_.events()[c].interval;
        return int(date::year_month_day{*iv.earliest}.year()) <= y && y <= int(date::year_month_day{*iv.latest}.year());
    });
}

std::optional<RawDate> Grammar::named_event(uint32_t i) {
    if (i >= size()) return std::nullopt;
    const EntryList* list = event_names(i);
    if (!list) return std::nullopt;
    for (const LexEntry* e : *list) {
        // Match the name's tokens, letting one year stand inside it: jng 2020 qrh-bagh
        uint32_t k = i + 1;
        int inserted_year = 0;
        bool ok = true, glued_year_word = false;
        for (size_t w = 0; w < e->rest.size(); ++w) {
            const std::string& want = e->rest[w];
            if (k < size() && text(k) == want) { ++k; continue; }
            // hrb aktwbrʿam 1973: the year word after the name lost its space
            if (w + 1 == e->rest.size() && k < size() && text(k).size() > want.size() && text(k).starts_with(want) &&
                is_year_word(text(k).substr(want.size()))) {
                glued_year_word = true;
                ++k;
                continue;
            }
            if (!inserted_year && is_number(k) && t_[k].digits == 4 && k + 1 < size() && text(k + 1) == want) {
                inserted_year = static_cast<int>(t_[k].number);
                k += 2;
                continue;
            }
            ok = false;
            break;
        }
        if (!ok) continue;
        // "the 2020 Karabakh war": a year right before the name
        if (!inserted_year && i > 0 && is_number(i - 1) && t_[i - 1].digits == 4) inserted_year = static_cast<int>(t_[i - 1].number);
        if (e->has(kContext)) {
            // A place name is the event only next to a year or a year word,
            // a preposition allowed between (ʿnqlab islamy dr sal 56).
            const uint32_t y = has(k, LexKind::Prep) ? hit(k, LexKind::Prep).end : k;
            bool near_year = (is_number(k) && t_[k].digits == 4) || has(k, LexKind::Unit) || inserted_year || glued_year_word ||
                             (is_number(y) && t_[y].digits == 4) || year_word_before_number(y);
            if (!near_year) continue;
        }
        // "hrb aktwbrʿam 1973": the year its glued year word introduces is the
        // event's (written apart, "ʿam 1973" stays a date of its own)
        if (glued_year_word && !inserted_year && is_number(k) && t_[k].digits == 4 &&
            event_spans_year(*e, static_cast<int>(t_[k].number))) {
            inserted_year = static_cast<int>(t_[k].number);
            ++k;
        }
        RawDate r(Rule::NamedEvent, RawKind::Event, i, k);
        r.event = e;
        r.context_year = inserted_year;
        r.confidence = 0.9f;
        return r;
    }
    return std::nullopt;
}

}  // namespace tarikh::tagger::rules
