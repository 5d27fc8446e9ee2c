// Events as JSON (issue 3): the one shape `extract` writes, `load` reads, and
// `query`/`export` print:
//
// {"id":12,"earliest":"2020-09-27","latest":"2020-11-10","value":"2020-09-27/2020-11-10",
//  "granularity":"day","actors":["AZ","IR"],"pairs":[["AZ","IR"]],
//  "participants":[{"source":"AZ","target":"IR","directed":true,"cue":"subject-object","confidence":0.9}],
//  "kind":"military","text":"…","lang":"fa","confidence":0.9,
//  "sources":[{"doc":"seeds/002_….txt","span":[120,300],"date_span":[140,170]}]}
//
// "participants" has one entry per pair, in the order of "pairs": who acts
// (source) toward whom (target), whether that direction is known
// ("directed": false for joint actors and "between X and Y"), the cue that
// made the pair and its confidence. Read without it (older JSON), each pair
// becomes an undirected participant pair with cue "unspecified". Given with
// it, "pairs" may be left out; if present it must name the same lanes.
//
// earliest/latest are ISO days or null; "id" is null before the store assigns
// one. "mod" is written only when the date has one ("START", "MID", "END",
// "APPROX"). Text that is not valid UTF-8 is written with U+FFFD in place of
// each bad byte, so the output is always valid JSON.
#pragma once

#include "tarikh/event.h"

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace tarikh {

std::string event_to_json(const Event& e);  // one line, no newline

struct EventJsonError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Reads one event; throws EventJsonError saying which field is wrong.
Event event_from_json(std::string_view json);

std::optional<Lang> lang_from_string(std::string_view s);  // a code of lang/languages.tsv: "fa"

// "AZ-IL" for a pair, "AZ" for a country's own lane (X, X).
std::string pair_key(const CountryPair& p);

// Sorts and dedups actors, orders each pair (first <= second) and sorts the
// pairs; derives the pairs from the participants, else from the actors when
// there are none (every unordered pair, or (X, X) for a single actor); and
// gives each pair its participants entry, in the same order.
void normalize_actors(Event& e);

// Sets the pairs a person gave: a pair the machine had keeps its
// participants (direction, cue, confidence); a new one has no direction, cue
// "unspecified" and confidence 1.
void replace_pairs(Event& e, const std::vector<CountryPair>& pairs);

// Replaces each byte that is not part of valid UTF-8 with U+FFFD.
std::string valid_utf8(std::string_view s);

}  // namespace tarikh
