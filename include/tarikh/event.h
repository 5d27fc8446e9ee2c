// An event: a dated sentence (or clause) that names at least one country.
#pragma once

#include "tarikh/mention.h"
#include "tarikh/time.h"

#include <cstddef>
#include <cstdint>
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

struct Source {
    std::string doc;   // document id (file path or the "id" of a JSON Lines document)
    Span span;         // the sentence, bytes of the document as given
    Span date_span;    // the date mention inside it
    friend bool operator==(const Source&, const Source&) = default;
};

struct Event {
    int64_t id = 0;                     // assigned by the store; 0 before
    Interval interval;
    std::string value;                  // TIMEX3 of the date mention
    Granularity granularity = Granularity::Unknown;
    Mod mod = Mod::None;
    std::vector<CountryCode> actors;    // sorted, unique
    std::vector<CountryPair> pairs;     // sorted
    EventKind kind = EventKind::Other;
    std::string text;                   // the sentence (of a long one: the clause, at most ~1 KB around the date)
    Lang lang = Lang::En;
    float confidence = 1.0f;
    std::vector<Source> sources;
};

}  // namespace tarikh
