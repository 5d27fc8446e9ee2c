// Resolution: turns what the grammar found into intervals of days, anchoring
// what the text leaves open on the previous dated mention or the document
// creation time (DESIGN §3), and choosing among the readings of an ambiguous
// named event.
#pragma once

#include "tagger/lexicon.h"
#include "tagger/raw_date.h"
#include "tarikh/mention.h"

#include <map>
#include <optional>
#include <vector>

namespace tarikh::tagger {

// What resolution remembers while it walks a document in order.
struct ResolveState {
    std::optional<Day> dct;
    std::optional<Mention> previous;  // the last mention with an interval
    // The last explicit date (its year stated) of the current clause: what
    // a date without a year there counts from (DESIGN §3). The parser clears
    // it where a sentence ends, and at a clause mark unless the date opens
    // its sentence.
    std::optional<Mention> sentence_date;
    std::map<std::vector<uint32_t>, uint32_t> events_chosen;  // candidates → the reading chosen earlier in the document
    std::vector<uint32_t> events_seen;                        // named events mentioned so far, in order
};

// Whether `m` is an explicit date (anchored, its year stated) that the dates
// without a year after it in its clause count from: resolve() keeps it as
// `sentence_date`, and the parser asks the same to know when one opens a sentence.
inline bool is_reference_date(const Mention& m) { return m.interval.anchored() && m.anchor == Anchor::Absolute; }

// The interval, value and anchor of `raw`; nullopt when the text is not a
// date after all. Updates `state.previous` and `state.sentence_date`.
std::optional<Mention> resolve(const RawDate& raw, const Lexicon& lexicon, const LanguageSettings& settings,
                               ResolveState& state);

// The interval a complete date point stands for, without modifiers; nullopt
// when the point is incomplete or invalid. Used to find datelines.
std::optional<Interval> point_interval(const DatePoint& p);

}  // namespace tarikh::tagger
