// The Extractor: parse → sentences → actors → events (DESIGN §1), stateless.
//
// Each dated clause with at least one actor is an event per date it holds.
// A clause without an actor of its own takes the actors of its sentence, at
// a lower confidence: "در سال ۲۰۱۹ گزارش داد … آذربایجان" still dates Azerbaijan.
#include "tarikh/extract.h"

#include "actors/gazetteer.h"
#include "events/dated_clauses.h"
#include "events/event_kinds.h"
#include "events/membership_cues.h"
#include "events/sentences.h"
#include "tarikh/actors.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace tarikh {

using events::DatedClause;

namespace {

// How much a borrowed actor is trusted: the sentence names it, the clause does not.
constexpr float kBorrowedActors = 0.7f;

std::vector<CountryPair> pairs_of(const std::vector<CountryCode>& codes) {
    std::vector<CountryPair> pairs;
    if (codes.size() == 1) pairs.emplace_back(codes[0], codes[0]);
    for (size_t a = 0; a < codes.size(); ++a)
        for (size_t b = a + 1; b < codes.size(); ++b) pairs.emplace_back(codes[a], codes[b]);
    return pairs;  // sorted: codes are sorted and a < b
}

// Actors whose span lies in [range.begin, range.end) (actors sorted by span).
std::vector<const ActorMatch*> actors_in(const std::vector<ActorMatch>& actors, Span range) {
    std::vector<const ActorMatch*> out;
    auto it = std::lower_bound(actors.begin(), actors.end(), range.begin,
                               [](const ActorMatch& a, uint32_t b) { return a.span.begin < b; });
    for (; it != actors.end() && it->span.begin < range.end; ++it)
        if (it->span.end <= range.end) out.push_back(&*it);
    return out;
}

// The codes of a set of actors, and how surely they are named: the mean over
// countries of the best weight each one got.
std::pair<std::vector<CountryCode>, float> codes_and_evidence(const std::vector<const ActorMatch*>& actors) {
    std::map<CountryCode, float> best;
    for (const ActorMatch* a : actors) best[a->code] = std::max(best[a->code], a->weight);
    std::vector<CountryCode> codes;
    float sum = 0;
    for (const auto& [code, w] : best) {
        codes.push_back(code);
        sum += w;
    }
    return {codes, best.empty() ? 0.0f : sum / float(best.size())};
}

// Actor names inside a date mention are part of the date, not actors (Persian
// دوشنبه is Monday as well as Dushanbe); a named event keeps them ("the
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

std::string_view trimmed_text(std::string_view text, Span s) { return text.substr(s.begin, s.end - s.begin); }

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

// Three decimals: finer digits would only be noise in the JSON and the store.
float rounded(float x) { return std::round(x * 1000.0f) / 1000.0f; }

}  // namespace

struct Extractor::Impl {
    const Parser& parser;
};

Extractor::Extractor(const Parser& parser) : impl_(std::make_unique<Impl>(Impl{parser})) {
    // Load the lexicons now, not inside the first (possibly concurrent) extract().
    ActorRecognizer{};
    for (Lang lang : {Lang::Fa, Lang::Ar, Lang::En}) {
        events::builtin_kind_lexicon(lang);
        events::builtin_membership_cues(lang);
    }
}
Extractor::~Extractor() = default;

std::vector<Event> Extractor::extract(const Document& doc) const {
    const std::string_view text = doc.text;
    ParseOptions options;
    options.lang = doc.lang;
    options.dct = doc.date;  // the caller's date wins; else the parser uses a dateline
    const ParseResult parsed = impl_->parser.parse(text, options);
    const Lang lang = parsed.lang;

    std::vector<const Mention*> dates = events::dating_mentions(parsed.mentions, text);
    if (dates.empty()) return {};

    std::vector<Span> mention_spans, datelines;
    for (const Mention& m : parsed.mentions) {
        mention_spans.push_back(m.span);
        if (events::is_dateline(m, text)) datelines.push_back(m.span);
    }
    const std::vector<Span> sentences = events::split_sentences(text, mention_spans, datelines);

    const NormalizedText folded = normalize(text);
    const std::vector<actors::WordToken> words = actors::word_tokens(folded.text);
    const std::vector<ActorMatch> named =
        outside_dates(actors::recognize_actors(folded, text, lang, words), parsed.mentions);
    if (named.empty()) return {};
    const std::vector<events::KindHit> kind_hits = events::builtin_kind_lexicon(lang).find(folded, text, words);
    // "joining the Abraham Accords" reports the joining, not the 2020 signing.
    // (Most documents name no event: their words are not searched for cues.)
    if (std::any_of(dates.begin(), dates.end(), [](const Mention* m) { return !m->event.empty(); })) {
        const std::vector<Span> cues = events::builtin_membership_cues(lang).find(folded, text, words);
        std::erase_if(dates, [&](const Mention* m) { return events::names_joined_agreement(*m, text, cues); });
    }

    std::vector<Event> out;
    size_t next_date = 0;
    for (const Span& sentence : sentences) {
        std::vector<const Mention*> in_sentence;
        while (next_date < dates.size() && dates[next_date]->span.begin < sentence.end) {
            if (dates[next_date]->span.begin >= sentence.begin) in_sentence.push_back(dates[next_date]);
            ++next_date;
        }
        if (in_sentence.empty()) continue;
        const std::vector<const ActorMatch*> sentence_actors = actors_in(named, sentence);
        if (sentence_actors.empty()) continue;

        in_sentence = events::merge_restatements(in_sentence, text);
        for (const DatedClause& clause : events::dated_clauses(text, sentence, in_sentence)) {
            std::vector<const ActorMatch*> own = actors_in(named, clause.span);
            const bool borrowed = own.empty();
            auto [codes, evidence] = codes_and_evidence(borrowed ? sentence_actors : own);
            // A list of that many countries names no participants, and its
            // pairs would flood the lanes (their number grows as the square).
            if (codes.size() > kMaxEventActors) continue;
            if (borrowed) evidence *= kBorrowedActors;
            EventKind kind = events::vote(kind_hits, clause.span);
            if (kind == EventKind::Other) kind = events::vote(kind_hits, sentence);

            for (const Mention* m : clause.mentions) {
                Event e;
                e.interval = m->interval;
                e.value = m->value;
                e.granularity = m->granularity;
                e.mod = m->mod;
                e.actors = codes;
                e.pairs = pairs_of(codes);
                e.kind = kind;
                e.text = std::string(trimmed_text(text, event_text(text, sentence, m->span)));
                e.lang = lang;
                e.confidence = rounded(std::clamp(m->confidence * evidence, 0.0f, 1.0f));
                e.sources.push_back({doc.id, sentence, m->span});
                out.push_back(std::move(e));
            }
        }
    }
    return out;
}

}  // namespace tarikh
