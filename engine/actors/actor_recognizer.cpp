// ActorRecognizer: gazetteer matches over the folded text, checked against the
// text as written (English capitals), then ambiguous and context-only names
// settled by what else the text names.
#include "actors/gazetteer.h"
#include "actors/letters.h"
#include "tarikh/actors.h"

#include <algorithm>
#include <set>

namespace tarikh {

using actors::ActorEntry;
using actors::Gazetteer;
using actors::PhraseIndex;
using actors::TokenReadings;
using actors::WordToken;

namespace {

bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }

// Splits ASCII text into its runs of letters (other bytes separate them).
std::vector<std::string_view> letter_runs(std::string_view s) {
    std::vector<std::string_view> out;
    size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && !is_upper(s[i]) && !is_lower(s[i])) ++i;
        size_t start = i;
        while (i < s.size() && (is_upper(s[i]) || is_lower(s[i]))) ++i;
        if (i > start) out.push_back(s.substr(start, i - start));
    }
    return out;
}

// English names are proper nouns: every word the gazetteer capitalises must be
// capitalised in the text ("bin Salman" lets "bin" be either), and an acronym
// must be all capitals. Letters outside ASCII (Erdoğan's ğ) are not judged.
bool cased_as_a_name(std::string_view written, const ActorEntry& e) {
    if (e.all_caps) return std::none_of(written.begin(), written.end(), is_lower);
    std::vector<std::string_view> want = letter_runs(e.name), got = letter_runs(written);
    for (size_t k = 0; k < want.size() && k < got.size(); ++k)
        if (is_upper(want[k][0]) && !is_upper(got[k][0])) return false;
    return true;
}

struct Candidate {
    ActorMatch match;
    const ActorEntry* entry;
};

void collect(const Gazetteer& gaz, const NormalizedText& folded, std::string_view text,
             const std::vector<WordToken>& tokens, std::vector<Candidate>& out, const TokenReadings* shared) {
    const bool proper_case = gaz.index().morphology().proper_case;
    for (const PhraseIndex::Match& m : gaz.index().match(folded.text, tokens, shared)) {
        const ActorEntry& e = gaz.entry(m.payload);
        if (e.code.empty()) continue;  // a shadowing phrase: it only hides the names inside it
        Span span = source_span(m, folded, text, tokens);
        if (proper_case && !cased_as_a_name(text.substr(span.begin, span.end - span.begin), e)) continue;
        // Each glued affix is a small doubt more: the stripped word may be another word.
        float weight = e.weight * (1.0f - 0.05f * float(m.affixes));
        out.push_back({{span, e.code, e.type, weight}, &e});
    }
}

// Tokens that start with a letter of `lang`'s script: the Latin words of a
// Persian or Arabic text ("SOCAR", "Tel Aviv"), which the English gazetteer reads.
std::vector<WordToken> tokens_written_in(Lang lang, std::string_view folded, const std::vector<WordToken>& tokens) {
    std::vector<WordToken> out;
    for (const WordToken& t : tokens) {
        unsigned len;
        if (written_in(lang, actors::decode_at(folded, t.begin, len))) out.push_back(t);
    }
    return out;
}

// Context-only names count where an unambiguous name of the same country is
// also in the text; an ambiguous name takes the reading the text supports.
void settle(std::vector<Candidate>& cands) {
    std::set<std::string, std::less<>> evidence;
    for (const Candidate& c : cands)
        if (!c.entry->context && c.entry->alt.empty()) evidence.insert(c.entry->code);
    std::vector<Candidate> kept;
    for (Candidate& c : cands) {
        if (c.entry->context && !evidence.contains(c.entry->code)) continue;
        if (!c.entry->alt.empty() && !evidence.contains(c.entry->code) && evidence.contains(c.entry->alt))
            c.match.code = c.entry->alt;
        kept.push_back(std::move(c));
    }
    cands = std::move(kept);
}

}  // namespace

namespace actors {

std::vector<ActorMatch> recognize_actors(const NormalizedText& folded, std::string_view text, Lang lang,
                                         const std::vector<WordToken>& tokens, const TokenReadings* shared) {
    std::vector<Candidate> cands;
    collect(builtin_gazetteer(lang), folded, text, tokens, cands, shared);
    // Names in the languages its texts also carry ("Tel Aviv" in Persian news).
    for (Lang other : language(lang).also)
        collect(builtin_gazetteer(other), folded, text, tokens_written_in(other, folded.text, tokens), cands, nullptr);
    if (!language(lang).also.empty()) {
        std::stable_sort(cands.begin(), cands.end(), [](const Candidate& a, const Candidate& b) {
            return a.match.span.begin < b.match.span.begin;
        });
    }
    settle(cands);
    std::vector<ActorMatch> out;
    out.reserve(cands.size());
    for (Candidate& c : cands) out.push_back(std::move(c.match));
    return out;
}

}  // namespace actors

ActorRecognizer::ActorRecognizer() {
    for (const Language& l : languages()) actors::builtin_gazetteer(l.id);
}

std::vector<ActorMatch> ActorRecognizer::recognize(std::string_view text, Lang lang) const {
    return recognize(normalize(text), text, lang);
}

std::vector<ActorMatch> ActorRecognizer::recognize(const NormalizedText& folded, std::string_view text,
                                                   Lang lang) const {
    return actors::recognize_actors(folded, text, lang, actors::word_tokens(folded.text));
}

std::vector<CountryCode> actor_codes(const std::vector<ActorMatch>& matches) {
    std::vector<CountryCode> codes;
    for (const ActorMatch& m : matches) codes.push_back(m.code);
    std::sort(codes.begin(), codes.end());
    codes.erase(std::unique(codes.begin(), codes.end()), codes.end());
    return codes;
}

}  // namespace tarikh
