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
#include "store/key_index.h"
#include "store/wording.h"

#include "tarikh/store.h"

#include <cstdint>
#include <array>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace tarikh::store {

// An event made ready for the store: normalized, with its wording and dedup
// keys. Computing this is pure, so a batch is prepared on every core before
// the writer goes through it.
struct FiledKey {
    int64_t key = 0;
    int64_t shelf = 0;              // key_shelf(): where the SQLite store keeps it
    friend bool operator==(const FiledKey&, const FiledKey&) = default;
};

struct Prepared {
    Event event;
    Shingles shingles;
    RowText row;                    // its joined and packed columns
    const std::string& pairs() const { return row.pairs; }
    std::vector<int64_t> keys;      // near-duplicate keys
    int64_t exact = 0;              // exact-wording key
    std::vector<int64_t> shelves;   // per time bucket of the event, in order; the exact key is on the first
    StoredSpan span;
    std::vector<FiledKey> filed;    // keys and exact, each with its shelf, as filed for the event
    WordingSketch sketch;           // of its pairs and shingles
    const std::vector<FiledKey>& all_keys() const { return filed; }
};
Prepared prepare(Event in);
std::vector<Prepared> prepare_all(const std::vector<const Event*>& events);
// Calls one(0) … one(n - 1) on every core.
void prepare_in_parallel(size_t n, const std::function<void(size_t)>& one);

// At most this many events per near-duplicate key, the most recently stored:
// an insert costs the same in a store of any size even when a busy lane
// repeats a template (reports of one event arrive close together). Every event
// filed under an exact-wording key is a candidate: the key holds the interval,
// and events of one wording, pairs and interval merge, so it files one or a
// few.
inline constexpr size_t kNearCandidates = 48;

// What dedup reads of a stored event (its light row).
struct Candidate {
    int64_t id = 0;
    std::string pairs;
    StoredSpan span;
    std::string text;
    Source first;                   // its first source (see merge_report)
};

// What a writer knows of a stored event without reading its row: when it
// happened (a class below kUndatedClass: unknown) and its wording's sketch.
struct KnownEvent {
    StoredSpan span{kUndatedClass - 1, 0, 0};
    WordingSketch wording;
};

// What a writer knows of stored events, by id: those it wrote and those
// whose rows it read. In pages of 1,024 made when first needed: a bulk load
// fills them all (48 bytes an event), a small ingest into a 10M-event store
// the few its candidates are on (one vector by id zeroed 480 MB for it).
class KnownEvents {
public:
    // A wording not known leaves the one known as it is.
    void remember(int64_t id, const StoredSpan& span, const WordingSketch& wording);
    KnownEvent at(int64_t id) const;
    void clear() { pages_.clear(); }

private:
    static constexpr size_t kPage = 1024;
    std::vector<std::unique_ptr<std::array<KnownEvent, kPage>>> pages_;
};

// The keys to look up (a key shared by two events of the batch comes twice:
// rare, and harmless, found twice).
struct KeyLookup {
    std::vector<int64_t> exact;     // the KeyIndex::kMaxPerKey latest under each
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
        const Prepared* report;     // the batch's event, when nothing merged into it
        std::optional<Event> merged;  // else what it became
        std::vector<FiledKey> more_keys;  // of reports merged into it, beside report->filed
        std::vector<FiledKey> keys() const;  // every key, once
        WordingSketch wording;      // of its wording as written
        const Event& event() const { return merged ? *merged : report->event; }
        RowText row() const { return merged ? row_text(*merged) : report->row; }
    };
    struct Changed {
        Event event;                // the stored event after the merges, its id kept
        bool interval_changed = false;
        Interval old_interval;          // as stored before: its lane rows have it
        std::vector<FiledKey> new_keys; // to file under it as well
        WordingSketch wording;          // of its new wording; unknown when the wording stayed
    };
    std::vector<Added> added;
    std::vector<Changed> changed;
    // Where each event of the batch went: into added[added_index] (when
    // `stored` is 0), or into the stored event `stored`; a skipped one neither.
    struct Into {
        bool skipped = true;
        size_t added_index = 0;
        int64_t stored = 0;
    };
    std::vector<Into> into;
    // The id of the event each one of the batch is in (0: skipped), the
    // added ones numbered `added_ids`.
    std::vector<int64_t> placed(const std::vector<int64_t>& added_ids) const;
    size_t events_added = 0;
    size_t events_merged = 0;
    size_t undated_added = 0;       // of events_added
    size_t sources_added = 0;       // to the store's sources, added events' and merged ones'
};

class BatchDedup {
public:
    // `skip[i]`: event i belongs to a document already stored (empty: none).
    BatchDedup(const std::vector<Prepared>& batch, std::vector<bool> skip = {});

    KeyLookup lookups() const;
    // The shelves the batch's events are filed on, sorted and unique.
    std::vector<int64_t> shelves() const;
    // What the store holds: event `id` is filed under `key`; its light row.
    void file(int64_t key, int64_t id);
    void know(Candidate c);
    // Or, without light rows: what the writer knows of each stored event
    // (`known_of`: when it happened, its wording's sketch), and the rest of
    // its row read only for the events that overlap one of the batch and
    // whose sketch does not rule them out (`read_row`), both called from plan().
    std::function<KnownEvent(int64_t)> known_of;
    std::function<Candidate(int64_t)> read_row;
    // Optional, with known_of: reads the rows of many stored events at once
    // (one query, where a query per row costs a round trip). plan() hands it
    // the events its own test will read (a span overlapping an event of the
    // batch that shares a key, a sketch that does not rule it out), before
    // it starts; any other it needs (a stored event a merge of the batch
    // moved) it reads through read_row.
    std::function<std::vector<Candidate>(const std::vector<int64_t>&)> read_rows;

    // Decides every event in order. Call after the store's answers are in.
    const std::vector<Placement>& plan();
    // The stored events the plan merges into: the backend reads their rows.
    std::vector<int64_t> merge_targets() const;
    // The rows to write, given the full rows of merge_targets().
    BatchWrites apply(const std::map<int64_t, Event>& stored) const;
    // The sketches of the stored events whose rows plan() read.
    std::vector<std::pair<int64_t, WordingSketch>> read_wordings() const;
    // How many candidates plan() compared the batch's events with, in all.
    size_t candidates_compared() const { return compared_; }

private:
    // Ids of events of this batch that are new, above any stored id.
    static constexpr int64_t kBatchBase = int64_t{1} << 62;
    // What an event met so far looks like now, after the batch's merges.
    struct Current {
        StoredSpan span;
        WordingSketch wording;                // of a stored text not yet read, when known
        const Shingles* shingles = nullptr;   // null: a stored text not yet cut into shingles
        Source first;                         // the first source, once known
        bool first_read = false;              // of a stored event: its row has given it
    };
    void number_events();
    void read_rows_worth_reading();
    const Candidate& row_of(uint32_t local);
    const Shingles& shingles_of(uint32_t local);
    uint32_t best_match(size_t i);
    void file_keys(const std::vector<FiledKey>& keys, uint32_t local);

    const std::vector<Prepared>& batch_;
    std::vector<bool> skip_;
    // What the backend said, before numbering.
    std::vector<std::pair<int64_t, int64_t>> stored_filed_;     // (key, id)
    std::unordered_map<int64_t, StoredSpan> stored_spans_;
    std::unordered_map<int64_t, Candidate> stored_;             // rows read
    std::unordered_map<int64_t, Shingles> stored_shingles_;
    // By local number (1…): the real id (kBatchBase + i for new ones) and its state.
    std::vector<int64_t> real_;
    std::vector<Current> now_;
    uint32_t first_new_ = 1;
    KeyIndex filed_;                                            // key → local numbers
    std::vector<int64_t> candidates_;
    size_t compared_ = 0;
    std::vector<Placement> plan_;
};

// When a document whose text is already stored under another name comes with
// a smaller name, the store keeps the smaller one, so that what it holds does
// not depend on which copy came first (writers side by side, or shards in
// another order). The stored events that cite `from` then cite `to` instead,
// as if its copy had been the one ingested: each source in `from` is taken
// out and the report of `to` with the same spans (the copy's events are its
// own) merged in, or the source renamed when the copy has no such report.
// `stored`: the rows of the events the stored document's reports are in.
// Of the batch's copies of one text, the one with the smallest name (the
// first of equal ones): the only one a store tries to add.
std::vector<bool> copies_kept(const std::vector<DocumentEvents>& batch);
std::vector<BatchWrites::Changed> rename_document(const std::map<int64_t, Event>& stored, const std::string& from,
                                                  const std::string& to, const std::vector<const Prepared*>& reports);

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
