// How an event is laid out in a row of either backend: days as numbers,
// the interval's span class, actors and pairs as words, sources packed into
// one blob. Both stores write and read events through these, so a row means
// the same in SQLite and PostgreSQL.
#pragma once

#include "store/schema.h"

#include "tarikh/event.h"
#include "tarikh/store.h"
#include "tarikh/time.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tarikh::store {

int64_t day_number(Day d);
Day day_from_number(int64_t n);

// Open ends of a query window, far outside any calendar the engine handles.
inline constexpr int64_t kMinusInfinity = -(int64_t{1} << 40);
inline constexpr int64_t kPlusInfinity = int64_t{1} << 40;

// An event's interval as stored: its class and day numbers (0, 0 undated).
struct StoredSpan {
    int cls = kUndatedClass;
    int64_t earliest = 0;
    int64_t latest = 0;
};
StoredSpan stored_span(const Interval& iv);
// Whether two stored intervals overlap (undated only meets undated).
bool same_time(const StoredSpan& a, const StoredSpan& b);

// Per source: u32 doc length, the doc bytes, u32 span begin, end, date span
// begin, end (little endian). One row read gives the whole event.
std::string pack_sources(const std::vector<Source>& sources);
// Throws StoreError naming `where` when the blob is damaged.
std::vector<Source> unpack_sources(std::string_view blob, const std::string& where);

// Dedup keys as stored by SQLite: 8 bytes each, little endian.
std::string pack_keys(const std::vector<int64_t>& keys);
std::vector<int64_t> unpack_keys(std::string_view blob);

std::string join_actors(const std::vector<CountryCode>& actors);  // "AZ IL"
std::string join_pairs(const std::vector<CountryPair>& pairs);    // "AZ-IL AZ-TR"
std::vector<std::string> split_words(std::string_view s);
CountryPair pair_from_key(const std::string& key);

// Each pair's participants, in the order of the pairs: "SA>MR:visit:0.85
// AE=CN:between:0.9" (">" a source acting toward a target, "=" two acting
// together or tied by "between"). An empty text (a store of schema 2) reads
// as undirected pairs with cue "unspecified".
std::string join_participants(const std::vector<Participants>& participants);

// An event's columns that are packed or joined from its parts, made once
// (a batch's are made on every core before the writer takes it).
struct RowText {
    std::string actors, pairs, sources, participants;
};
RowText row_text(const Event& e);
// Throws StoreError naming `where` when an entry cannot be read.
std::vector<Participants> split_participants(std::string_view s, const std::string& where);

// The columns every backend reads an event from, in this order:
// id, span_class, earliest, latest, value, granularity, mod, kind, lang,
// confidence, actors, pairs, text, sources, participants.
inline constexpr std::string_view kEventColumns =
    "id, span_class, earliest, latest, value, granularity, mod, kind, lang, confidence, actors, pairs, text, sources, "
    "participants";
// The same for a store made before participants were stored (schema 2), read
// without upgrading it: each event's pairs come back without direction or cue.
inline constexpr std::string_view kEventColumnsBeforeParticipants =
    "id, span_class, earliest, latest, value, granularity, mod, kind, lang, confidence, actors, pairs, text, sources, "
    "'' AS participants";

// One row of those columns, as the backend hands them over.
struct EventRow {
    int64_t id = 0;
    int cls = kUndatedClass;
    std::optional<int64_t> earliest, latest;
    std::string_view value, granularity, mod, kind, lang;
    double confidence = 0;
    std::string_view actors, pairs, text, sources, participants;
};
Event event_from_row(const EventRow& r, const std::string& where);

// The row a backend's result holds at kEventColumns' positions: `Row` gives
// int64(col), opt_int64(col), real(col) and text(col) (bytes of a TEXT or BLOB).
template <class Row>
EventRow event_row(const Row& row) {
    EventRow r;
    r.id = row.int64(0);
    r.cls = static_cast<int>(row.int64(1));
    r.earliest = row.opt_int64(2);
    r.latest = row.opt_int64(3);
    r.value = row.text(4);
    r.granularity = row.text(5);
    r.mod = row.text(6);
    r.kind = row.text(7);
    r.lang = row.text(8);
    r.confidence = row.real(9);
    r.actors = row.text(10);
    r.pairs = row.text(11);
    r.text = row.text(12);
    r.sources = row.text(13);
    r.participants = row.text(14);
    return r;
}

// `--min-confidence`: the pairs of each event below it are dropped, and the
// events left with none, or none on the lane or actor the query names. Run
// after reading rows that the SQL chose by the event's surest pair.
void keep_confident_pairs(std::vector<Event>& events, const EventQuery& q);

// Words of a `--text` filter, folded, and whether a sentence holds them all.
std::vector<std::string> folded_words(std::string_view text);
bool has_all_words(std::string_view sentence, const std::vector<std::string>& folded);

}  // namespace tarikh::store
