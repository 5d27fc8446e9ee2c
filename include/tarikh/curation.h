// Curation: a person confirms, dismisses or corrects what the machine read,
// and the store keeps it beside the machine's events (DESIGN §6, issue 14).
//
// The machine's events are never changed: a re-ingest, a merge of reports or
// a rebuild of the store may rewrite them at any time. A curation is instead
// keyed by the date mention it is about (CurationKey: the document's content
// hash and the mention's bytes in it), found again on whichever stored event
// carries that mention among its sources, and applied when events are read:
//
//   - by the event id it was last found on, when that event still carries
//     the mention (the usual case: one lookup);
//   - else in the lane and time the machine gave it when the person looked
//     (a store rebuilt from the same documents, where ids differ);
//   - else it is kept, and reported as not found (`tarikh curate --list`).
//
// Applied means: a corrected interval, pairs or kind replace the machine's;
// the event carries the curation (verdict, note, what the machine said);
// dismissed events are left out unless asked for. Every export writes the
// curation of each event a person checked.
#pragma once

#include "tarikh/event.h"
#include "tarikh/store.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tarikh {

std::string_view to_string(Verdict v);  // "unchecked", "confirmed", "dismissed"
std::optional<Verdict> verdict_from_string(std::string_view s);

// The key a curation of `e` is kept under: its first source's date mention,
// in that document as the store knows it. nullopt when `e` has no source.
std::optional<CurationKey> curation_key(Store& store, const Event& e);

// A curation and the stored event it is about, as the machine has it now
// (`machine.id` == 0: not found in this store).
struct BoundCuration {
    Curation curation;
    Event machine;
};
// Every curation of the store, each with its event.
std::vector<BoundCuration> bind_curations(Store& store);
// Writes down, for each curation found on an event other than its hint, that
// event's id, so the next read finds it in one lookup (after a rebuild, an
// import or a merge that moved it). For a store opened to write; returns how
// many curations are not about any event the store holds.
size_t refresh_curation_hints(Store& store);

// The event as the person corrected it: interval, pairs (and so actors), kind
// replaced where corrected; `e.curation` set, with the machine's reading.
Event apply_curation(Event e, const Curation& c);

// Whether an event passes the filters of `q` as Store::query reads them
// (window, pair, actor, kind, words, undated); limit, `dismissed` and
// `checked` are not looked at.
bool matches_query(const Event& e, const EventQuery& q);

// Store::query with the curations applied: corrected events are filtered by
// their corrected values, dismissed ones left out unless q.dismissed, and
// with q.checked only curated events are listed.
std::vector<Event> curated_query(Store& store, const EventQuery& q);
// How many events curated_query(q) gives without its limit.
size_t curated_count(Store& store, const EventQuery& q);

// A change a person makes to what is said about an event (`tarikh curate`'s
// flags, the viewer's keys and form); unset fields stay as they were.
struct CurationChange {
    std::optional<Verdict> verdict;
    std::optional<Interval> interval;
    std::optional<std::vector<CountryPair>> pairs;
    std::optional<EventKind> kind;
    std::optional<std::string> note;
    bool reset = false;  // forget everything said: the machine's reading again
};
// `c` with `change` made, about `machine` (the event as stored), dated now.
Curation changed(Curation c, const CurationChange& change, const Event& machine);

// The value and granularity of a corrected interval: "2020-09-27" (day),
// "2020-09" (month), "2020" (year), "199" (decade), else "2020-09-27/2020-11-10".
struct IntervalValue {
    std::string value;
    Granularity granularity = Granularity::Day;
};
IntervalValue interval_value(const Interval& iv);

// Curations as JSON Lines, one per line: what `tarikh curate --export` writes
// and `--import` reads to move a person's work to another store.
std::string curation_to_json(const Curation& c);
// Throws EventJsonError naming the field that is wrong.
Curation curation_from_json(std::string_view line);

// Now, in UTC, as Curation::updated writes it.
std::string utc_now();

}  // namespace tarikh
