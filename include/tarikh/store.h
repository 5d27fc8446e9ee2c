// The event store (DESIGN §6). SQLite is the embedded default; PostgreSQL
// serves many writers and readers on many machines. Nothing but the store
// touches either: the CLI and the viewer open a location with open_store().
#pragma once

#include "tarikh/event.h"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace tarikh {

struct EventQuery {
    std::optional<Day> from;            // interval filters; open when absent
    std::optional<Day> to;
    bool within = false;                // contained in [from, to] rather than overlapping it
    std::optional<CountryPair> pair;
    std::optional<CountryCode> actor;
    std::optional<EventKind> kind;
    std::string text;                   // words that must all occur in the sentence
    bool undated = false;               // list events whose date could not be anchored
    size_t limit = 0;                   // 0: no limit
    // Pairs less sure than this are left out, and events left with none (or
    // none on the pair or actor asked for); 0: every pair.
    float min_confidence = 0;
    // Read by curated_query (tarikh/curation.h) only; Store::query answers
    // for the machine's events as stored and ignores them.
    bool dismissed = false;             // also list the events a person dismissed
    bool checked = false;               // only the events a person checked
};

// Results are ordered by earliest, then latest, then id (undated ones by id).
// An event is dated when both bounds of its interval are known; `from`/`to`
// compare inclusively, so an event ending on `from` overlaps [from, to].

// A store that cannot be opened or used: not a tarikh store, corrupt, locked…
// what() names the file and says what is wrong.
struct StoreError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

enum class OpenMode { ReadOnly, ReadWrite };  // ReadWrite creates a missing file

// What the store keeps about a document: enough to know it was ingested, not
// its text. Documents are keyed by the hash of their text, so the same text
// under another name is recognised.
struct DocumentInfo {
    std::string id;                 // file path or JSON Lines "id"
    std::string hash;               // content_hash(text)
    uint64_t bytes = 0;
    std::optional<Day> date;
    std::optional<Lang> lang;       // as given by the caller; nullopt when detected
    std::string url;
};

// A document and the events extracted from it: written together, in the same
// transaction, so a store never holds a document without its events.
struct DocumentEvents {
    DocumentInfo document;
    std::vector<Event> events;
};

struct WriteStats {
    size_t documents_added = 0;
    size_t documents_skipped = 0;   // already stored (same content hash)
    size_t events_added = 0;
    size_t events_merged = 0;       // joined an event already stored (dedup), sources added to it
    // Events an incoming one was compared with (stored ones and earlier ones
    // of its batch): dedup's work, at most a few dozen per event however
    // many events share its wording (the keys' candidate caps), so tests can
    // tell linear from quadratic without a clock.
    size_t dedup_candidates = 0;
    WriteStats& operator+=(const WriteStats& o);
};

struct StoreStats {
    size_t documents = 0;
    size_t events = 0;
    size_t undated_events = 0;
    size_t sources = 0;
    std::optional<Day> earliest;    // of dated events
    std::optional<Day> latest;
};

namespace store {
struct Prepared;
}

// Events made ready for a store: normalized, their wording and dedup keys
// computed. Pure work that any thread can do, so a loader prepares the next
// batch while the store writes this one.
class PreparedEvents {
public:
    PreparedEvents();
    explicit PreparedEvents(std::vector<Event> events);  // prepares them, on every core
    ~PreparedEvents();
    PreparedEvents(PreparedEvents&&) noexcept;
    PreparedEvents& operator=(PreparedEvents&&) noexcept;
    size_t size() const;
    const std::vector<store::Prepared>& items() const { return *items_; }
    // Another handle on the same events: a store writing a batch after
    // add_prepared returned keeps one, so the events live until it is done.
    PreparedEvents share() const;

private:
    std::shared_ptr<const std::vector<store::Prepared>> items_;
};

class Store {
public:
    virtual ~Store() = default;
    virtual std::vector<Event> query(const EventQuery& q) = 0;
    // Every dated event, ordered by earliest (the viewer's bulk read).
    virtual std::vector<Event> all_events() = 0;

    // The name a document with this content hash is stored under, if one is.
    // Safe to call from another thread while a write runs (it reads a
    // committed snapshot), so an ingest can look ahead while the previous
    // batch is written. Of copies of one text the store keeps the smallest
    // name, so a copy under a smaller name is still worth writing.
    virtual std::optional<std::string> document_name(std::string_view hash) = 0;
    // Writes a batch in one transaction. Documents already stored are skipped
    // with their events; the others are added with theirs. Each event is
    // either added or merged into a stored one reporting the same thing (same
    // pairs, overlapping interval, near-identical wording), whose sources then
    // include the new ones. All or nothing: on error nothing is written.
    virtual WriteStats add_documents(const std::vector<DocumentEvents>& batch) = 0;
    // Same for events without a document row (`tarikh load`). Loading the same
    // events again adds nothing.
    WriteStats add_events(const std::vector<Event>& events) { return add_prepared(PreparedEvents(events)); }
    // A store may go on writing a batch after this returns (SQLite plans a
    // bulk load's next batch while it writes this one): its counts are
    // final, and an error writing it is thrown by the next call on the store.
    // A caller keeping `events` until the next add_prepared or finish_load
    // returns has them freed where it frees them.
    virtual WriteStats add_prepared(const PreparedEvents& events) = 0;
    // After the last add_prepared of a bulk load: waits for its last batch,
    // and builds what the store put off until the end (its index by time,
    // PostgreSQL's dedup_keys key, when the load began in an empty store).
    // Queries meanwhile give the same answers, more slowly.
    virtual void finish_load() {}
    virtual StoreStats stats() = 0;
    // The file or the database, as messages name it (no password).
    virtual std::string location() const = 0;

    // How many events query(q) would return without its limit.
    virtual size_t count(const EventQuery& q) = 0;
    // The stored events with these ids, those that exist, in no given order.
    virtual std::vector<Event> events_by_id(const std::vector<int64_t>& ids) = 0;
    // The document stored under this content hash; the one last stored under this id.
    virtual std::optional<DocumentInfo> document_by_hash(std::string_view hash) = 0;
    virtual std::optional<DocumentInfo> document_by_id(std::string_view id) = 0;

    // Curations: what people said about events, kept beside the machine's
    // events and never changing them (tarikh/curation.h reads the two
    // together). put_curation replaces what is kept under c.key.
    virtual void put_curation(const Curation& c) = 0;
    // False when nothing was kept under `key`.
    virtual bool delete_curation(const CurationKey& key) = 0;
    // Every curation, ordered by key.
    virtual std::vector<Curation> curations() = 0;
};

// Opens the store a --db value names: a postgresql:// (or postgres://) URI is
// a PostgreSQL database, anything else an SQLite file. ReadWrite creates the
// store (the file, or the tables in an empty database).
std::unique_ptr<Store> open_store(const std::string& location, OpenMode mode);
bool is_postgresql_location(std::string_view location);

// Opens (or in ReadWrite mode creates) the SQLite store at `path`. Throws
// StoreError for a file that is not a tarikh store, and never changes it then.
std::unique_ptr<Store> open_sqlite_store(const std::filesystem::path& path, OpenMode mode);
// Connects to the PostgreSQL database at `uri` (a libpq URI). Throws
// StoreError when it cannot connect, or the database holds other tables.
std::unique_ptr<Store> open_postgresql_store(const std::string& uri, OpenMode mode);

// The key documents are stored under: a 128-bit hash of the bytes, as 32 hex digits.
std::string content_hash(std::string_view text);

}  // namespace tarikh
