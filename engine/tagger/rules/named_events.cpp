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

std::optional<RawDate> Grammar::named_event(uint32_t i) {
    const EntryList* list = event_names(i);
    if (!list) return std::nullopt;
    for (const LexEntry* e : *list) {
        // Match the name's tokens, letting one year stand inside it: jng 2020 qrh-bagh
        uint32_t k = i + 1;
        int inserted_year = 0;
        bool ok = true;
        for (const std::string& want : e->rest) {
            if (k < size() && text(k) == want) { ++k; continue; }
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
            // A place name is the event only next to a year or a year word.
            bool near_year = (is_number(k) && t_[k].digits == 4) || has(k, LexKind::Unit) || inserted_year;
            if (!near_year) continue;
        }
        RawDate r;
        r.rule = Rule::NamedEvent;
        r.kind = RawKind::Event;
        r.first = i;
        r.last = k;
        r.event = e;
        r.context_year = inserted_year;
        r.confidence = 0.9f;
        return r;
    }
    return std::nullopt;
}

}  // namespace tarikh::tagger::rules
