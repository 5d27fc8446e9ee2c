#include "tagger/rules/grammar.h"

#include <algorithm>

namespace tarikh::tagger::rules {

// ---- lexicon access ------------------------------------------------------------

// Words carry affixes: Arabic clitics w f (and), b l k (prepositions), the
// Persian ezafe y. A word not in the lexicon is tried without each affix its
// language lists for date words (affixes.tsv), in the order listed.
const EntryList* Grammar::look_up(uint32_t i) {
    looked_[i] = true;
    if (t_[i].type == TokenType::Number) return nullptr;
    std::string_view w = text(i);
    auto lookup = [&](std::string_view word) { return lex_.may_start(lang_, word) ? lex_.lookup(lang_, word) : nullptr; };
    if (const EntryList* e = lookup(w)) return found(i, e);
    if (auto s = without_affix(w, lookup)) {
        clitic_[i] = s->skip;
        return found(i, s->found);
    }
    return nullptr;
}

const EntryList* Grammar::found(uint32_t i, const EntryList* e) {
    uint64_t bits = 0;
    for (const LexEntry* x : *e) bits |= kind_bit(x->kind);
    kinds_[i] = bits;
    return entries_[i] = e;
}

// The bytes of a prefix that stay out of a date's span: all of them, except
// the letters its replacement still shows (the l of ll, for al).
uint8_t outside_span(const text::Affix& p) {
    size_t common = 0;
    while (common < p.form.size() && common < p.replacement.size() &&
           p.form[p.form.size() - 1 - common] == p.replacement[p.replacement.size() - 1 - common])
        ++common;
    // Whole UTF-8 letters only: back off to a letter boundary.
    while (common > 0 && (static_cast<uint8_t>(p.form[p.form.size() - common]) & 0xC0) == 0x80) --common;
    return static_cast<uint8_t>(p.form.size() - common);
}


bool Grammar::glued_and(uint32_t i) {
    if (i >= size() || !entries(i) || !clitic_[i]) return false;
    const EntryList* clitic = lex_.lookup(lang_, text(i).substr(0, clitic_[i]));
    return clitic && std::any_of(clitic->begin(), clitic->end(), [](const LexEntry* e) {
        return e->kind == LexKind::Prep && e->prep == Prep::And && e->rest.empty();
    });
}

bool Grammar::rest_matches(const LexEntry& e, uint32_t i) const {
    if (!e.rest.empty() && i + e.rest.size() >= size()) return false;
    for (size_t k = 0; k < e.rest.size(); ++k)
        if (text(i + 1 + static_cast<uint32_t>(k)) != e.rest[k]) return false;
    return true;
}

Hit Grammar::hit(uint32_t i, LexKind kind) {
    if (i >= size()) return {};
    const EntryList* list = entries(i);
    if (!list || !(kinds_[i] & kind_bit(kind))) return {};
    for (const LexEntry* e : *list)
        if (e->kind == kind && rest_matches(*e, i)) return {e, i + 1 + static_cast<uint32_t>(e->rest.size())};
    return {};
}

Hit Grammar::hit_if(uint32_t i, LexKind kind, bool (*pred)(const LexEntry&)) {
    if (i >= size()) return {};
    const EntryList* list = entries(i);
    if (!list || !(kinds_[i] & kind_bit(kind))) return {};
    for (const LexEntry* e : *list)
        if (e->kind == kind && pred(*e) && rest_matches(*e, i)) return {e, i + 1 + static_cast<uint32_t>(e->rest.size())};
    return {};
}


bool Grammar::time_prep_before(uint32_t i) {
    // "in March", "since May", "during Ramadan"; not "to march", "and may".
    if (i == 0) return false;
    Hit h = hit(i - 1, LexKind::Prep);
    return h && h.end == i && (h.entry->prep == Prep::In || h.entry->prep == Prep::From || h.entry->prep == Prep::During);
}

bool Grammar::prep_before(uint32_t i) {
    if (i == 0) return false;
    // A one-word preposition right before, or a year word (sal, ʿam) before that.
    uint32_t p = i - 1;
    if (Hit h = hit(p, LexKind::Prep); h && h.end == i) return true;
    return false;
}

bool Grammar::quantity_after(uint32_t i) {
    return i < size() && (has(i, LexKind::Quantity) || is_punct(i, '%'));
}

std::optional<Grammar::HitBefore> Grammar::hit_ending_at(uint32_t end, LexKind kind, uint32_t reach, uint32_t floor,
                                                          bool (*pred)(const LexEntry&)) {
    for (uint32_t k = end > floor + reach ? end - reach : floor; k < end; ++k) {
        Hit h = pred ? hit_if(k, kind, pred) : hit(k, kind);
        if (h && h.end == end) return HitBefore{k, h};
    }
    return std::nullopt;
}


bool Grammar::quantifier_before(uint32_t i) { return hit_ending_at(i, LexKind::Quantifier, 3).has_value(); }

Hit Grammar::year_word_before_number(uint32_t i) {
    Hit yw = hit_if(i, LexKind::Unit, [](const LexEntry& e) { return e.has(kYearWord); });
    return yw && is_number(yw.end) ? yw : Hit{};
}

}  // namespace tarikh::tagger::rules
