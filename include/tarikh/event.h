// An event: a dated clause and the countries that take part in it, as pairs
// of participants (a source acting toward a target, or one country alone).
#pragma once

#include "tarikh/mention.h"
#include "tarikh/time.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tarikh {

enum class EventKind { Diplomatic, Military, Security, Energy, Economy, Other };
std::string_view to_string(EventKind k);  // "diplomatic", ...
std::optional<EventKind> event_kind_from_string(std::string_view s);

// ISO 3166-1 alpha-2 code, e.g. "AZ".
using CountryCode = std::string;
// An unordered pair, stored with first <= second. A single-country event has
// the pair (X, X): that country's own lane.
using CountryPair = std::pair<CountryCode, CountryCode>;

// The most countries one event names. Pairs grow as the square of the
// countries (2,000 actors made 2M lane rows); an event over the bound is
// refused by the reader of event JSON and never made by the extractor.
inline constexpr size_t kMaxEventActors = 16;

// Why two countries are an event's participants: the cue of the text that
// tied them (DESIGN §1). Each language's words for them are data
// (engine/lang/<lang>/participant_cues.tsv).
enum class PairCue {
    Alone,             // one country, no counterpart: the pair (X, X)
    Between,           // "between X and Y", "میان X و Y", "بين X و Y"
    Relation,          // "X–Y relations", "روابط X و Y", "العلاقات بين"
    Visit,             // "X's visit to Y", "سفر X به Y", "زيارة X إلى Y"
    With,              // X … with Y: talks, a meeting, an agreement with
    Against,           // X … against Y
    Agreement,         // an agreement signed by X and Y
    Accusation,        // X accused Y
    Speech,            // X's spokesman said … about Y (reported speech)
    SubjectObject,     // X, the clause's subject, acts on Y, one of its objects
    Joint,             // X and Y act together ("Russia, Turkey and Iran failed to agree")
    TwoCountries,      // "the two countries" / "البلدين" / "دو کشور": the pair named before
    PreviousSentence,  // a dated sentence naming no country continues the one before
    Cooccurrence,      // named in one clause, no structure found between them
    Unspecified,       // given without a cue (events loaded from older JSON)
};
std::string_view to_string(PairCue c);  // "alone", "between", …
std::optional<PairCue> pair_cue_from_string(std::string_view s);

// One pair of participants, the model of political event data (CAMEO's
// source and target actors in GDELT, ICEWS, Phoenix): who acts, toward whom.
// A one-country event has source == target. An undirected pair (the two act
// together, or "between X and Y") keeps its two codes in order.
struct Participants {
    CountryCode source;
    CountryCode target;
    bool directed = true;
    PairCue cue = PairCue::Unspecified;
    float confidence = 1.0f;  // 0..1: how surely these two take part in this event
    CountryPair lane() const {
        return source <= target ? CountryPair{source, target} : CountryPair{target, source};
    }
    friend bool operator==(const Participants&, const Participants&) = default;
};

struct Source {
    std::string doc;   // document id (file path or the "id" of a JSON Lines document)
    Span span;         // the sentence, bytes of the document as given
    Span date_span;    // the date mention inside it
    friend bool operator==(const Source&, const Source&) = default;
};

// What a person said about an event (`tarikh curate`, the viewer): a verdict,
// corrections of what the machine read, a note. The store keeps it beside the
// machine's event, keyed by the date mention it is about, so that it finds
// the same event again after a re-ingest, a merge or a rebuild of the store
// (tarikh/curation.h). Query, export and the viewer show events with their
// curation applied.
enum class Verdict { Unchecked, Confirmed, Dismissed };

// The date mention a curation is about: its document, by the hash of the
// document's text (content_hash) when the store holds that document, else by
// the document's id (events brought by `tarikh load`), and the mention's bytes
// in that document. Both survive a rebuild from the same documents, whatever
// the files are called and whichever report of the event was stored first.
struct CurationKey {
    std::string document;
    Span date_span;
    friend bool operator==(const CurationKey&, const CurationKey&) = default;
};

struct Curation {
    CurationKey key;
    std::string doc;                                // the document's id (for people, and the fallback)
    Verdict verdict = Verdict::Unchecked;
    std::optional<Interval> interval;               // corrections; absent: the machine's reading stands
    std::optional<std::vector<CountryPair>> pairs;
    std::optional<EventKind> kind;
    std::string note;
    std::string updated;                            // when, in UTC: "2025-12-06T03:40:12Z"
    // The machine's reading: when stored, as it was when the person looked
    // (where to look for the event in a store whose ids differ); on an event
    // read through curated_query, the stored event's current one.
    Interval machine_interval;
    std::vector<CountryPair> machine_pairs;
    EventKind machine_kind = EventKind::Other;
    int64_t event = 0;                              // the event it was last found on in this store (a hint)

    bool corrects() const { return interval || pairs || kind; }
};

struct Event {
    int64_t id = 0;                     // assigned by the store; 0 before
    Interval interval;
    std::string value;                  // TIMEX3 of the date mention
    Granularity granularity = Granularity::Unknown;
    Mod mod = Mod::None;
    std::vector<CountryCode> actors;    // sorted, unique
    std::vector<CountryPair> pairs;     // sorted: the lanes the event is drawn in
    // One per pair, in the same order (normalize_actors keeps them so):
    // direction, cue and confidence of each pair.
    std::vector<Participants> participants;
    EventKind kind = EventKind::Other;
    std::string text;                   // the sentence (of a long one: the clause, at most ~1 KB around the date)
    Lang lang;
    float confidence = 1.0f;            // of its surest pair
    std::vector<Source> sources;
    std::optional<Curation> curation;   // set by curated_query when a person checked it
};

}  // namespace tarikh
