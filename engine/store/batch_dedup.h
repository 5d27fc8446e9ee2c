// Deciding, for a batch of events, which are new and which report an event
// already stored (or earlier in the batch), the same way in every backend.
//
// A backend hands over what the batch's dedup keys (store/wording.h) file in
// the store and a light row of each event they name; the plan is then made in
// memory, in the batch's order, exactly as writing the events one at a time
// would decide. The backend reads the full rows of the stored events the plan
// merges into, and `apply` gives the rows to write. Keys are looked up where
// they live, so a small batch into a big store costs a few index reads.
#pragma once

#include "store/event_row.h"
#include "store/wording.h"

#include "tarikh/store.h"

#include <cstdint>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

namespace tarikh::store {

// An event made ready for the store: normalized, with its wording and dedup
// keys. Computing this is pure, so a batch is prepared on every core before
// the writer goes through it.
struct Prepared {
    Event event;
    Shingles shingles;
    std::string pairs;              // join_pairs(event.pairs)
    std::vector<int64_t> keys;      // near-duplicate keys
    int64_t exact = 0;              // exact-wording key
    StoredSpan span;
    // keys and exact, as filed for the event
    std::vector<int64_t> all_keys() const;
};
Prepared prepare(const Event& in);
std::vector<Prepared> prepare_all(const std::vector<const Event*>& events);

// At most this many events per near-duplicate key, the most recently stored:
// an insert costs the same in a store of any size even when a busy lane
// repeats a template (reports of one event arrive close together). Every event
// filed under an exact-wording key is a candidate: the key holds the interval,
// and events of one wording, pairs and interval merge, so it files one or a
// few.
inline constexpr size_t kNearCandidates = 48;

// What dedup reads of a stored event.
struct Candidate {
    int64_t id = 0;
    std::string pairs;
    StoredSpan span;
    std::string text;
    Source first;                   // its first source (see merge_report)
};

// The keys to look up, sorted and unique.
struct KeyLookup {
    std::vector<int64_t> exact;     // every event filed under each
    std::vector<int64_t> near;      // the kNearCandidates latest (highest ids) under each
};

// Where an event of the batch goes.
struct Placement {
    enum Kind { Skipped, New, IntoNew, IntoStored } kind = Skipped;
    size_t index = 0;               // IntoNew: the batch event that was new
    int64_t stored = 0;             // IntoStored: the stored event's id
};

// The rows a batch writes.
struct BatchWrites {
    struct Added {
        Event event;                // id 0: the backend assigns it
        std::vector<int64_t> keys;
    };
    struct Changed {
        Event event;                // the stored event after the merges, its id kept
        bool interval_changed = false;
        Interval old_interval;          // as stored before: its lane rows have it
        std::vector<int64_t> new_keys;  // to file under it as well
    };
    std::vector<Added> added;
    std::vector<Changed> changed;
    size_t events_added = 0;
    size_t events_merged = 0;
};

class BatchDedup {
public:
    // `skip[i]`: event i belongs to a document already stored (empty: none).
    BatchDedup(const std::vector<Prepared>& batch, std::vector<bool> skip = {});

    KeyLookup lookups() const;
    // What the store holds: event `id` is filed under `key`; its light row.
    void file(int64_t key, int64_t id);
    void know(Candidate c);

    // Decides every event in order. Call after the store's answers are in.
    const std::vector<Placement>& plan();
    // The stored events the plan merges into: the backend reads their rows.
    std::vector<int64_t> merge_targets() const;
    // The rows to write, given the full rows of merge_targets().
    BatchWrites apply(const std::map<int64_t, Event>& stored) const;

private:
    // Ids of events of this batch that are new, above any stored id, so that
    // "most recent first" puts them ahead.
    static constexpr int64_t kBatchBase = int64_t{1} << 62;
    // What an event met so far looks like now, after the batch's merges.
    struct Current {
        StoredSpan span;
        const Shingles* shingles = nullptr;   // null: a stored text not yet cut into shingles
        Source first;
    };
    const Shingles& shingles_of(int64_t id);
    int64_t best_match(size_t i);
    void file_keys(const std::vector<int64_t>& keys, int64_t id);

    const std::vector<Prepared>& batch_;
    std::vector<bool> skip_;
    std::unordered_map<int64_t, std::vector<int64_t>> filed_;   // key → ids
    std::unordered_map<int64_t, Candidate> stored_;
    std::unordered_map<int64_t, Shingles> stored_shingles_;
    std::unordered_map<int64_t, Current> current_;              // every id met
    std::vector<Placement> plan_;
};

// Folds a report into the event it repeats: all sources, in document order;
// the more precise interval; the higher confidence; and the wording (text,
// kind, language) of the report whose source comes first, which also breaks
// ties between intervals of one length. So the merged event is the same
// whichever report came first: writers running side by side on shards store
// what one writer going through them in turn stores. False when nothing changed.
bool merge_report(Event& into, const Event& report);
// The order of sources: document, then spans.
bool source_before(const Source& a, const Source& b);
// The first of an event's sources in that order (an empty one for none).
Source first_source(const std::vector<Source>& sources);

}  // namespace tarikh::store
