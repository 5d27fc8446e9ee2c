// The Extractor: parse → sentences → actors → participants → events
// (DESIGN §1), stateless.
//
// Each date of a sentence that names a country is an event of the clause it
// dates; its participants come from participants.h (who acts, toward whom,
// by which cue), not from every pair of names the sentence holds.
#include "tarikh/extract.h"

#include "actors/gazetteer.h"
#include "events/dated_clauses.h"
#include "events/event_kinds.h"
#include "events/membership_cues.h"
#include "events/participant_cues.h"
#include "events/participants.h"
#include "events/sentences.h"
#include "tarikh/actors.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <tuple>

namespace tarikh {

using events::DatedClause;
using events::SentenceParticipants;

namespace {

// Actors whose span lies in [range.begin, range.end) (actors sorted by span).
std::vector<const ActorMatch*> actors_in(const std::vector<ActorMatch>& actors, Span range) {
    std::vector<const ActorMatch*> out;
    auto it = std::lower_bound(actors.begin(), actors.end(), range.begin,
                               [](const ActorMatch& a, uint32_t b) { return a.span.begin < b; });
    for (; it != actors.end() && it->span.begin < range.end; ++it)
        if (it->span.end <= range.end) out.push_back(&*it);
    return out;
}

std::vector<events::CueHit> cues_in(const std::vector<events::CueHit>& cues, Span range) {
    std::vector<events::CueHit> out;
    auto it = std::lower_bound(cues.begin(), cues.end(), range.begin,
                               [](const events::CueHit& c, uint32_t b) { return c.span.begin < b; });
    for (; it != cues.end() && it->span.begin < range.end; ++it)
        if (it->span.end <= range.end) out.push_back(*it);
    return out;
}

// Actor names inside a date mention are part of the date, not actors (Persian
// "doshanbe" is Monday as well as Dushanbe); a named event keeps them ("the
// Israel–Hamas war" is about Israel).
std::vector<ActorMatch> outside_dates(std::vector<ActorMatch> actors, const std::vector<Mention>& mentions) {
    // Both are in text order: one sweep.
    std::vector<Span> dates;
    for (const Mention& m : mentions)
        if (m.event.empty()) dates.push_back(m.span);
    std::sort(dates.begin(), dates.end(), [](const Span& a, const Span& b) { return a.begin < b.begin; });
    size_t d = 0;
    uint32_t reach = 0;  // the furthest end among the dates that start before the actor
    std::erase_if(actors, [&](const ActorMatch& a) {
        while (d < dates.size() && dates[d].begin < a.span.end) reach = std::max(reach, dates[d++].end);
        return reach > a.span.begin;
    });
    return actors;
}

std::string_view slice(std::string_view text, Span s) { return text.substr(s.begin, s.end - s.begin); }

// A sentence on one line, for --explain.
std::string flattened(std::string_view s) {
    std::string out(s);
    std::replace(out.begin(), out.end(), '\n', ' ');
    return out;
}

// Three decimals: finer digits would only be noise in the JSON and the store.
float rounded(float x) { return std::round(x * 1000.0f) / 1000.0f; }

// The words an event keeps: its sentence, or of a sentence longer than
// kMaxEventText a window of that many bytes around the date, cut at spaces.
// Each event of a sentence with thousands of dates copied the whole sentence
// (770 MB of output from 96 KB); the source still points to the whole
// sentence by its span.
constexpr size_t kMaxEventText = 1024;

bool is_ascii_space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

Span event_text(std::string_view text, Span sentence, Span date) {
    if (sentence.end - sentence.begin <= kMaxEventText) return sentence;
    const size_t room = kMaxEventText - std::min<size_t>(kMaxEventText, date.end - date.begin);
    size_t b = std::max<size_t>(sentence.begin, date.begin > room / 2 ? date.begin - room / 2 : 0);
    size_t e = std::min<size_t>(sentence.end, b + kMaxEventText);
    b = std::max<size_t>(sentence.begin, std::min<size_t>(b, e > kMaxEventText ? e - kMaxEventText : 0));
    // To whole words (a space inside the window, outside the date), else to whole characters.
    if (b > sentence.begin) {
        size_t w = b;
        while (w < date.begin && !is_ascii_space(text[w])) ++w;
        if (w < date.begin) b = w + 1;
        while (b < date.begin && (static_cast<uint8_t>(text[b]) & 0xC0) == 0x80) ++b;
    }
    if (e < sentence.end) {
        size_t w = e;
        while (w > date.end && !is_ascii_space(text[w])) --w;
        if (w > date.end) e = w;
        while (e > date.end && (static_cast<uint8_t>(text[e]) & 0xC0) == 0x80) --e;
    }
    e = std::max<size_t>(e, std::min(date.end, sentence.end));  // never half a date
    while (b < e && is_ascii_space(text[b])) ++b;
    while (e > b && is_ascii_space(text[e - 1])) --e;
    return {uint32_t(b), uint32_t(e)};
}

// A blank line between two sentences ends a paragraph: "the two countries"
// and a sentence that names no country look no further back.
bool paragraph_break(std::string_view text, uint32_t from, uint32_t to) {
    bool newline = false;
    for (uint32_t i = from; i < to; ++i) {
        const char c = text[i];
        if (c == '\n') {
            if (newline) return true;
            newline = true;
        } else if (c != ' ' && c != '\r' && c != '\t') {
            newline = false;
        }
    }
    return false;
}

// A dated sentence that names no country continues the sentence before it
// ("The strikes took place at 1 a.m. on 14 April" after "Mattis said the
// allies struck Syria"): its pairs, as less sure.
std::vector<Participants> continued(std::vector<Participants> pairs, float date_confidence) {
    constexpr float kContinued = 0.5f;
    for (Participants& p : pairs) {
        p.cue = PairCue::PreviousSentence;
        p.confidence = date_confidence * kContinued * p.confidence;
    }
    return pairs;
}

Event make_event(const Mention& m, std::vector<Participants> pairs, EventKind kind, std::string_view text,
                 Span sentence, Lang lang, const std::string& doc) {
    Event e;
    e.interval = m.interval;
    e.value = m.value;
    e.granularity = m.granularity;
    e.mod = m.mod;
    std::sort(pairs.begin(), pairs.end(), [](const Participants& a, const Participants& b) { return a.lane() < b.lane(); });
    std::set<CountryCode> codes;
    float best = 0;
    for (Participants& p : pairs) {
        p.confidence = rounded(std::clamp(p.confidence, 0.0f, 1.0f));
        e.pairs.push_back(p.lane());
        codes.insert(p.source);
        codes.insert(p.target);
        best = std::max(best, p.confidence);
    }
    e.actors.assign(codes.begin(), codes.end());
    e.participants = std::move(pairs);
    e.kind = kind;
    e.text = std::string(slice(text, event_text(text, sentence, m.span)));
    e.lang = lang;
    e.confidence = best;
    e.sources.push_back({doc, sentence, m.span});
    return e;
}

// "A country that is in a bilateral pair of the same event gets no extra
// [X, X]": a one-country event is dropped when the sentence before or after
// it in its paragraph (or its own) has an event of the same time pairing that
// country with another ("the parliament voted yesterday…" after "the
// parliament authorised strikes in Syria yesterday"). `where[i]` is the
// paragraph and sentence of events[i].
void drop_subsumed_single_countries(std::vector<Event>& events, const std::vector<std::pair<size_t, size_t>>& where) {
    using Key = std::tuple<size_t, size_t, std::string, CountryCode>;  // paragraph, sentence, interval, country
    auto when = [](const Event& e) {
        return e.interval.anchored() ? format_iso(*e.interval.earliest) + format_iso(*e.interval.latest) : e.value;
    };
    std::set<Key> paired;
    for (size_t i = 0; i < events.size(); ++i)
        for (const CountryPair& p : events[i].pairs)
            if (p.first != p.second)
                for (const CountryCode& c : {p.first, p.second})
                    paired.insert({where[i].first, where[i].second, when(events[i]), c});
    size_t i = 0;
    std::erase_if(events, [&](const Event& e) {
        const auto [paragraph, sentence] = where[i++];
        if (e.pairs.size() != 1 || e.pairs[0].first != e.pairs[0].second) return false;
        for (size_t s : {sentence - 1, sentence, sentence + 1})
            if (paired.contains({paragraph, s, when(e), e.pairs[0].first})) return true;
        return false;
    });
}

}  // namespace

struct Extractor::Impl {
    const Parser& parser;
};

Extractor::Extractor(const Parser& parser) : impl_(std::make_unique<Impl>(Impl{parser})) {
    // Load the lexicons now, not inside the first (possibly concurrent) extract().
    ActorRecognizer{};
    for (const Language& l : languages()) {
        events::builtin_kind_lexicon(l.id);
        events::builtin_membership_cues(l.id);
        events::builtin_participant_cues(l.id);
    }
}
Extractor::~Extractor() = default;

std::vector<Event> Extractor::extract(const Document& doc) const { return extract(doc, nullptr); }

std::vector<Event> Extractor::extract(const Document& doc, std::string* explanation) const {
    const std::string_view text = doc.text;
    ParseOptions options;
    options.lang = doc.lang;
    options.dct = doc.date;  // the caller's date wins; else the parser uses a dateline
    const ParseResult parsed = impl_->parser.parse(text, options);
    const Lang lang = parsed.lang;

    std::vector<const Mention*> dates = events::dating_mentions(parsed.mentions, text);
    // A wire dateline ("TOKYO, March 14 -") dates the lead sentence's act.
    const Span dateline = events::opening_dateline(text);
    std::vector<const Mention*> lead_dates;
    for (const Mention& m : parsed.mentions)
        if (dateline.end > 0 && m.span.end <= dateline.end && m.interval.anchored() && m.type == MentionType::Date)
            lead_dates.push_back(&m);
    if (dates.empty() && lead_dates.empty()) return {};

    std::vector<Span> mention_spans, stand_alone;
    for (const Mention& m : parsed.mentions) {
        mention_spans.push_back(m.span);
        if (events::is_dateline(m, text) && m.span.end > dateline.end) stand_alone.push_back(m.span);
    }
    if (dateline.end > 0) stand_alone.push_back(dateline);
    std::sort(stand_alone.begin(), stand_alone.end(), [](Span a, Span b) { return a.begin < b.begin; });
    const std::vector<Span> sentences = events::split_sentences(text, mention_spans, stand_alone, lang);

    const NormalizedText folded = normalize(text);
    const std::vector<actors::WordToken> words = actors::word_tokens(folded.text);
    // Every lexicon of the language reads the words with the same affixes: once.
    const actors::TokenReadings readings(folded.text, words, actors::builtin_gazetteer(lang).index().morphology());
    const std::vector<ActorMatch> named =
        outside_dates(actors::recognize_actors(folded, text, lang, words, &readings), parsed.mentions);
    if (named.empty()) return {};
    const std::vector<events::KindHit> kind_hits = events::builtin_kind_lexicon(lang).find(folded, text, words, &readings);
    const std::vector<events::CueHit> cues = events::builtin_participant_cues(lang).find(folded, text, words, &readings);
    // "joining the Abraham Accords" reports the joining, not the 2020 signing.
    // (Most documents name no event: their words are not searched for cues.)
    if (std::any_of(dates.begin(), dates.end(), [](const Mention* m) { return !m->event.empty(); })) {
        const std::vector<Span> membership = events::builtin_membership_cues(lang).find(folded, text, words, &readings);
        std::erase_if(dates, [&](const Mention* m) { return events::names_joined_agreement(*m, text, membership); });
    }

    std::vector<Event> out;
    std::vector<std::pair<size_t, size_t>> where;  // paragraph and sentence of each event in `out`
    size_t paragraph = 0, sentence_number = 0;
    std::vector<events::NamedBefore> history;      // the paragraph's countries so far
    std::optional<SentenceParticipants> previous;  // the sentence before, in this paragraph
    uint32_t previous_end = 0;
    bool lead_done = lead_dates.empty();
    size_t next_date = 0;
    for (const Span& sentence : sentences) {
        if (paragraph_break(text, previous_end, sentence.begin)) {
            ++paragraph;
            history.clear();
            previous.reset();
        }
        previous_end = sentence.end;
        ++sentence_number;
        std::vector<const Mention*> in_sentence;
        while (next_date < dates.size() && dates[next_date]->span.begin < sentence.end) {
            if (dates[next_date]->span.begin >= sentence.begin) in_sentence.push_back(dates[next_date]);
            ++next_date;
        }
        const bool lead = !lead_done && sentence.begin >= dateline.end;
        std::vector<const ActorMatch*> sentence_actors = actors_in(named, sentence);
        if (sentence_actors.empty() && in_sentence.empty()) {
            previous.reset();
            continue;
        }
        EventKind sentence_kind = events::vote(kind_hits, sentence);
        std::vector<Span> date_spans;
        for (const Mention* m : in_sentence) date_spans.push_back(m->span);
        const std::vector<events::CueHit> sentence_cues = cues_in(cues, sentence);
        events::SentenceInput input{text,
                                    sentence,
                                    std::move(sentence_actors),
                                    sentence_cues,
                                    std::move(date_spans),
                                    dateline,
                                    sentence_kind == EventKind::Military || sentence_kind == EventKind::Security,
                                    &history,
                                    &events::builtin_participant_cues(lang).glued_conjunctions()};
        SentenceParticipants here(std::move(input));
        if (explanation && here.has_participants())
            *explanation += fmt::format("{}: {}\n{}", doc.id, flattened(slice(text, sentence)), here.explain());

        auto emit = [&](const Mention& m, std::vector<Participants> pairs, EventKind kind) {
            if (pairs.empty()) return;
            // So many countries in one event is a list, not participants, and
            // its pairs would flood the lanes.
            std::set<CountryCode> codes;
            for (const Participants& p : pairs) codes.insert({p.source, p.target});
            if (codes.size() > kMaxEventActors) return;
            if (explanation) {
                *explanation += fmt::format("  {} →", slice(text, m.span));
                for (const Participants& p : pairs)
                    *explanation += fmt::format(" {}{}{} ({}, {:.2f})", p.source, p.directed ? ">" : "=", p.target,
                                                to_string(p.cue), p.confidence);
                *explanation += '\n';
            }
            out.push_back(make_event(m, std::move(pairs), kind, text, sentence, lang, doc.id));
            where.emplace_back(paragraph, sentence_number);
        };

        if (lead) {
            lead_done = true;
            for (const Mention* m : lead_dates) emit(*m, here.sentence_pairs(m->confidence), sentence_kind);
        }
        if (!in_sentence.empty()) {
            in_sentence = events::merge_restatements(in_sentence, text);
            const std::vector<events::Restatement> restated = events::restatements(in_sentence, text, sentence_cues);
            const std::vector<DatedClause> clauses = events::dated_clauses(text, sentence, in_sentence);
            for (size_t k = 0; k < clauses.size(); ++k) {
                const DatedClause& clause = clauses[k];
                EventKind kind = events::vote(kind_hits, clause.span);
                if (kind == EventKind::Other) kind = sentence_kind;
                // "Putin said, on Friday, that …", "Sweden, in a similar move last
                // week, promised to halt trade with South Africa by October": a
                // clause cut right after its date goes on in the next one when
                // that one is what was said or has no subject of its own.
                Span scope = clause.span;
                if (k + 1 < clauses.size()) {
                    const Span next = clauses[k + 1].span;
                    const bool date_ends_it = events::count_words(text, clause.mentions.back()->span.end, clause.span.end, 0) == 0;
                    if (date_ends_it && (here.opens_with(next, events::CueRole::That) || !here.has_subject(next)))
                        scope.end = next.end;
                }
                for (const Mention* m : clause.mentions) {
                    std::vector<Participants> pairs;
                    if (m->event.empty()) {
                        pairs = here.pairs_for(scope, *m);
                    } else {
                        // A war or an accord named in passing dates itself, not
                        // the sentence's act: its phrase between clause marks
                        // ("the Armenian massacres that Armenia says…" in a
                        // sentence about Israel and Azerbaijan), and of that
                        // only the pairs of the countries its name holds.
                        Span name = m->span;
                        for (const events::Restatement& r : restated)
                            if (r.name == m) {
                                m = r.date;
                                name.end = m->span.end;
                            }
                        pairs = events::of_the_named(here.pairs_for(events::phrase_around(text, scope, name), *m),
                                                     here.pairs_within(name, *m));
                    }
                    if (pairs.empty() && !here.has_participants() && previous)
                        pairs = continued(previous->sentence_pairs(1.0f), m->confidence);
                    if (pairs.empty()) pairs = here.place_alone(*m);
                    emit(*m, std::move(pairs), kind);
                }
            }
        }
        here.remember(history);
        if (here.has_participants()) previous.emplace(std::move(here));
    }
    drop_subsumed_single_countries(out, where);
    return out;
}

}  // namespace tarikh
