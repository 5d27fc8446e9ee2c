// The SQLite store: schema in schema.cpp, interval binning in schema.h, dedup
// keys in wording.h. This file opens stores safely, writes batches and
// answers queries.
#include "store/batch_dedup.h"
#include "store/event_row.h"
#include "store/key_index.h"
#include "store/pending_batch.h"
#include "store/query_sql.h"
#include "store/schema.h"
#include "store/curation_rows.h"
#include "store/sqlite_db.h"
#include "store/store_file.h"
#include "store/wording.h"

#include "tarikh/event_json.h"
#include "tarikh/normalize.h"
#include "tarikh/store.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <tuple>
#include <atomic>
#include <thread>
#include <chrono>
#include <cstring>
#include <map>
#include <mutex>
#include <unordered_map>
#include <unordered_set>

namespace tarikh {

WriteStats& WriteStats::operator+=(const WriteStats& o) {
    documents_added += o.documents_added;
    documents_skipped += o.documents_skipped;
    events_added += o.events_added;
    events_merged += o.events_merged;
    dedup_candidates += o.dedup_candidates;
    return *this;
}

std::string content_hash(std::string_view text) {
    // Two independently seeded 64-bit hashes: collisions between distinct
    // documents are out of reach for any realistic corpus.
    return fmt::format("{:016x}{:016x}", store::hash_bytes(text, 0x7461726B), store::hash_bytes(text, 0x68697374));
}

namespace store {
namespace {

// SQL function tarikh_has_words(text, words): 1 when every word (already
// folded, separated by '\n') occurs in the folded text.
void has_words_sql(sqlite3_context* ctx, int, sqlite3_value** argv) {
    const auto* t = sqlite3_value_text(argv[0]);
    const auto* w = sqlite3_value_text(argv[1]);
    if (!t || !w) {
        sqlite3_result_int(ctx, 0);
        return;
    }
    const std::string folded = fold(reinterpret_cast<const char*>(t));
    std::string_view words(reinterpret_cast<const char*>(w));
    while (!words.empty()) {
        size_t nl = words.find('\n');
        std::string_view word = words.substr(0, nl);
        if (!word.empty() && folded.find(word) == std::string::npos) {
            sqlite3_result_int(ctx, 0);
            return;
        }
        words = nl == std::string_view::npos ? std::string_view() : words.substr(nl + 1);
    }
    sqlite3_result_int(ctx, 1);
}

class SqliteStore final : public Store {
public:
    SqliteStore(const std::filesystem::path& path, OpenMode mode);

    std::vector<Event> query(const EventQuery& q) override;
    std::vector<Event> all_events() override;
    std::optional<std::string> document_name(std::string_view hash) override;
    WriteStats add_documents(const std::vector<DocumentEvents>& batch) override;
    WriteStats add_prepared(const PreparedEvents& events) override;
    void finish_load() override;
    ~SqliteStore() override;
    StoreStats stats() override;
    std::string location() const override { return path_.string(); }
    size_t count(const EventQuery& q) override;
    std::vector<Event> events_by_id(const std::vector<int64_t>& ids) override;
    std::optional<DocumentInfo> document_by_hash(std::string_view hash) override;
    std::optional<DocumentInfo> document_by_id(std::string_view id) override;
    void put_curation(const Curation& c) override;
    bool delete_curation(const CurationKey& key) override;
    std::vector<Curation> curations() override;

private:
    void create_schema();
    void check_schema();
    void upgrade_schema(int64_t from_version);
    void prepare_writes();
    Event read_row(const Statement& s) const;
    // With `count`, sets it to the number of matches and returns nothing.
    std::vector<int64_t> matching_ids(const EventQuery& q, size_t* count = nullptr);
    std::optional<DocumentInfo> read_document(Statement& s);
    Statement& cached(const std::string& sql);

    // Writing: the batch's dedup plan (batch_dedup.h), then its rows.
    template <class Write>
    WriteStats write_batch(Write&& write);
    // `placed`, when given: the id of the event each one of the batch is in (0: skipped).
    WriteStats write(const std::vector<Prepared>& prepared, std::vector<bool> skip, std::vector<int64_t>* placed = nullptr);
    // The statements a plan reads stored rows with, on one connection.
    struct RowStatements {
        Statement candidate, span, event_by_id;
    };
    RowStatements row_statements(Db& db) const;
    // Where a plan reads the rows it needs: the writer's connection, or the
    // reader's with the rows of the batch being written still in memory.
    struct RowReads {
        RowStatements& rows;
        const PendingBatch* pending = nullptr;
    };
    using Planned = PlannedBatch;
    Planned plan(const std::vector<Prepared>& prepared, std::vector<bool> skip, const RowReads& reads);
    // The rows of a decided batch; the ids of its added events (`numbered`:
    // the ids the plan gave them, which SQLite must give them too).
    std::vector<int64_t> write_rows(const BatchWrites& w, const std::vector<int64_t>* numbered = nullptr);
    // What this writer knows of the rows it wrote: spans, sketches, keys.
    void note_written(const BatchWrites& w, const std::vector<int64_t>& ids);
    // A copy of a stored text under a smaller name: the store keeps that name (rename_document).
    void keep_smaller_name(const DocumentInfo& d, const std::vector<const Prepared*>& reports);
    void load_shelves(const std::vector<int64_t>& shelves);
    Candidate read_candidate(const RowReads& reads, int64_t id);
    std::optional<Event> read_event(const RowReads& reads, int64_t id);
    int64_t insert_event(const Event& e, const RowText& row);
    void update_event(const Event& e);
    int64_t lane_id(const CountryPair& pair);
    // Lane rows and key rows of a batch, written in key order once it is decided.
    struct LaneRow {
        int64_t lane, cls, earliest, latest, event;
        auto operator<=>(const LaneRow&) const = default;
    };
    void lane_rows(int64_t id, const Event& e, std::vector<LaneRow>& out);
    // A `dedup` row: an event's keys on one shelf.
    struct KeyRow {
        int64_t shelf, event;
        std::vector<int64_t> keys;
    };
    // One row per shelf the keys are on (keys of one shelf come together).
    static void key_rows(int64_t id, const std::vector<FiledKey>& keys, std::vector<KeyRow>& out,
                         const std::vector<FiledKey>& more = {});
    void put_key_rows(std::vector<KeyRow>& rows);
    // Forgets what this writer knows of the store (another writer committed, or a batch rolled back).
    void forget();

    std::filesystem::path path_;
    std::unique_ptr<Db> db_;
    bool writable_ = false;
    // The columns an event is read from (store/event_row.h): a store of
    // schema 2 opened read-only has no participants column.
    std::string_view event_columns_ = kEventColumns;
    // A store made before schema 4 and opened read-only has no counts table.
    bool has_counts_ = true;
    void add_counts(size_t documents, size_t events, size_t undated, size_t sources);

    std::map<std::string, Statement> statements_;
    RowStatements own_rows_;  // after db_: finalized before it closes
    std::mutex lookup_mutex_;
    std::unique_ptr<Db> lookup_db_;  // for document_name, from any thread
    Statement lookup_;

    // The dedup keys of the shelves (key_shelf) this writer has read, and
    // when each event filed on them happened. A small ingest into a big store
    // reads the few shelves of its events' pairs and years, not every key; a
    // bulk load ends up reading each shelf once. Most candidates a key brings
    // are reports of the same pair at another time, or of the same pair and
    // year in other words: their spans and wording sketches in memory spare a
    // read of the events table each. This writer knows them for the events
    // it wrote, and for those whose rows it read.
    KeyIndex key_index_;
    std::unordered_set<int64_t> shelves_;
    KnownEvents known_;
    void remember(int64_t id, const StoredSpan& span, const WordingSketch& wording) { known_.remember(id, span, wording); }
    KnownEvent known(int64_t id) const { return known_.at(id); }
    // Lane ids by pair key; a rolled-back batch may leave ids that no longer
    // exist, so the cache is dropped with the keys.
    std::map<std::string, int64_t> lane_ids_;
    int64_t data_version_ = -1;  // of the last state the above reflects
    // A bulk load into an empty store writes its events without their index
    // by time and builds it at the end (finish_load): one sort of every
    // event's keys instead of an insert each at a random place in the index.
    static constexpr size_t kBulkBatch = 5000;
    bool time_index_put_off_ = false;
    void build_time_index();

    // A bulk load into an empty store plans each batch while the one before
    // is written on another thread: SQLite's work and the plan's are of one
    // size, so the load takes about the longer of the two, not their sum.
    // The plan then reads nothing through db_: every shelf is in memory (the
    // store was empty: only this writer's keys are on them), spans and
    // sketches too, the rows of the batch being written as it writes them,
    // older rows through reader_ (WAL: it sees what was committed). Ids are
    // given in order, as SQLite gives them; the writing thread checks it.
    // Another process committing meanwhile makes the plan stale: the two
    // batches are then written again the ordinary way.
    bool pipelined_ = false;
    bool shelves_complete_ = false;  // every shelf's keys are in key_index_
    int64_t next_id_ = 0;
    std::unique_ptr<Db> reader_;
    RowStatements reader_rows_;
    std::unique_ptr<PendingBatch> pending_;
    void start_pipeline();
    WriteStats add_pipelined(const PreparedEvents& events);
    std::unique_ptr<PendingBatch> plan_ahead(const PreparedEvents& events);
    void write_planned(const PendingBatch& b);
    // Waits for the batch being written. False: it was not written, its plan
    // being stale; an error writing it is thrown here.
    bool wait_written(PendingBatch& b);
    // Before anything else uses db_: the batch being written is done.
    void settle();
};

// Thrown by the writing thread when another process committed since the plan.
struct StalePlan {};

SqliteStore::SqliteStore(const std::filesystem::path& path, OpenMode mode) : path_(path) {
    const std::string name = path.string();
    const FileVerdict verdict = inspect_store_file(path);
    if (verdict.kind == FileKind::Problem) throw StoreError(fmt::format("{}: {}", name, verdict.problem));
    if (verdict.kind == FileKind::Missing && mode == OpenMode::ReadOnly)
        throw StoreError(fmt::format("{}: no such store (run `tarikh ingest` or `tarikh load` first)", name));
    if (verdict.kind == FileKind::Empty) {
        // An SQLite file without tables by its header may still have a WAL
        // holding a schema (an ingest killed before its first checkpoint):
        // look before writing anything, or before calling it empty.
        Db probe(name, SQLITE_OPEN_READONLY, read_only_uri(name));
        Statement s(probe, "SELECT count(*), sum(name = 'tarikh_meta') FROM sqlite_schema");
        s.step();
        const int64_t tables = s.int64(0), ours = s.int64(1);
        if (tables > 0 && ours == 0)
            throw StoreError(fmt::format("{}: not a tarikh store (an SQLite database of another application)", name));
        if (ours == 0 && mode == OpenMode::ReadOnly)
            throw StoreError(fmt::format("{}: not a tarikh store (empty)", name));
    }

    const int flags = mode == OpenMode::ReadOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    // A reader opens the store read-only (mode=ro), so `query` works in a
    // folder its user cannot write.
    db_ = std::make_unique<Db>(name, flags | SQLITE_OPEN_NOMUTEX, mode == OpenMode::ReadOnly ? read_only_uri(name) : "");
    writable_ = mode == OpenMode::ReadWrite;
    // Damaged pages behind a sound header: found before this session writes
    // on them, and said with the store's name (README: what it costs). Every
    // page a writer changes it reads first, and SQLite checks a page's cells
    // as it reads it (cell_size_check): damage on the session's path stops it
    // before anything is written there. A whole quick_check costs a read of
    // every page (0.74 s of CPU for a 1M-event store, ten times that for 10M)
    // and is made where that stays small.
    if (writable_ && verdict.kind == FileKind::TarikhStore) {
        db_->exec("PRAGMA cell_size_check = ON");
        std::error_code ec;
        const auto bytes = std::filesystem::file_size(path, ec);
        if (ec || bytes <= kWholeCheckBytes) check_integrity(*db_);
    }
    sqlite3_create_function_v2(db_->handle(), "tarikh_has_words", 2, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr,
                               has_words_sql, nullptr, nullptr, nullptr);

    Statement has_meta(*db_, "SELECT count(*) FROM sqlite_schema WHERE name = 'tarikh_meta'");
    has_meta.step();
    const bool initialized = has_meta.int64(0) > 0;
    has_meta = Statement();
    if (!initialized) {
        create_schema();
    } else {
        check_schema();
    }
    db_->exec("PRAGMA cache_size = -131072");  // 128 MB of pages kept decoded
    // Reads through the OS page cache without a copy: a query touching 20k
    // events scattered over the table ran 3× faster mapped. Not for a writer:
    // its pages live in the WAL until a checkpoint, and faulting in the pages
    // a checkpoint rewrote cost a fifth of a bulk load.
    if (mode == OpenMode::ReadOnly) db_->exec("PRAGMA mmap_size = 2147418112");
    if (writable_) {
        // Checkpoint every 64 MB of WAL rather than 16: a bulk load rewrites
        // its hot index pages less often.
        db_->exec("PRAGMA wal_autocheckpoint = 4096");
        // Tables added since the store was made (additions only: a reader of
        // an older store sees none of them).
        db_->exec(curations_schema_sql());
        // A load killed before it built the index by time.
        db_->exec(time_index_sql());
        prepare_writes();
    }
}

SqliteStore::~SqliteStore() {
    try {
        settle();
    } catch (const std::exception&) {  // a load that failed: it has said so, or its caller is unwinding
    }
    // A load that failed halfway: what it wrote stays, with its index.
    if (time_index_put_off_) try {
            build_time_index();
        } catch (const std::exception&) {  // the next writer to open the store builds it
        }
}

void SqliteStore::build_time_index() {
    Transaction tx(*db_);
    db_->exec(time_index_sql());
    tx.commit();
    time_index_put_off_ = false;
}

void SqliteStore::finish_load() {
    settle();
    pipelined_ = false;
    if (time_index_put_off_) build_time_index();
}

void SqliteStore::create_schema() {
    // 16 KB pages: measured, a bulk load runs twice as fast as with 4 KB
    // (fewer, fuller B-tree levels for the interval and lane keys).
    db_->exec("PRAGMA page_size = 16384");
    // WAL: readers (the viewer, a query) never block the ingest, and a killed
    // ingest loses only its open transaction.
    db_->exec("PRAGMA journal_mode = WAL");
    db_->exec("PRAGMA synchronous = NORMAL");
    Transaction tx(*db_);
    db_->exec(fmt::format("PRAGMA application_id = {}", kApplicationId));
    db_->exec(fmt::format("PRAGMA user_version = {}", kSchemaVersion));
    db_->exec(schema_sql());
    db_->exec(counts_table_sql(false));
    db_->exec(counts_fill_sql());
    db_->exec(fmt::format(
        "INSERT INTO tarikh_meta VALUES ('format', 'tarikh-store'), ('schema', '{}'), ('created', datetime('now'))",
        kSchemaVersion));
    tx.commit();
}

void SqliteStore::check_schema() {
    Statement s(*db_, "SELECT value FROM tarikh_meta WHERE key = 'format'");
    if (!s.step() || s.text(0) != "tarikh-store")
        throw StoreError(fmt::format("{}: not a tarikh store (no format mark)", db_->path()));
    s = Statement();
    // A store of schema 2 opened to read is read as it is: its pairs have no
    // direction or cue. One opened to write is upgraded below.
    Statement has_participants(*db_, "SELECT count(*) FROM pragma_table_info('events') WHERE name = 'participants'");
    has_participants.step();
    if (has_participants.int64(0) == 0) event_columns_ = kEventColumnsBeforeParticipants;
    has_participants = Statement();
    Statement has_counts(*db_, "SELECT count(*) FROM sqlite_schema WHERE name = 'counts'");
    has_counts.step();
    has_counts_ = has_counts.int64(0) > 0;
    has_counts = Statement();
    if (!writable_) return;
    db_->exec("PRAGMA synchronous = NORMAL");
    Statement version(*db_, "PRAGMA user_version");
    version.step();
    const int64_t v = version.int64(0);
    version = Statement();
    if (v < kSchemaVersion) upgrade_schema(v);
}

// Schema 1 kept each event's keys in one row by event id, which a writer had
// to read whole; schema 2 shelves them (key_shelf): the keys are made again
// from the events. Schema 3 adds each pair's participants (direction, cue,
// confidence), empty for the events already stored: they read as undirected
// pairs with cue "unspecified". Schema 4 keeps the store's counts, counted
// once here. Schema 5 says which events each document's reports are in
// (NULL for the documents already stored). One transaction: a store killed
// meanwhile stays as it was.
void SqliteStore::upgrade_schema(int64_t from_version) {
    if (from_version < 1 || from_version > 4)
        throw StoreError(fmt::format("{}: store schema {} cannot be upgraded", db_->path(), from_version));
    Transaction tx(*db_);
    if (event_columns_ != kEventColumns) {
        db_->exec("ALTER TABLE events ADD COLUMN participants TEXT NOT NULL DEFAULT ''");
        event_columns_ = kEventColumns;
    }
    Statement has_event_ids(*db_, "SELECT count(*) FROM pragma_table_info('documents') WHERE name = 'event_ids'");
    has_event_ids.step();
    const bool event_ids = has_event_ids.int64(0) > 0;
    has_event_ids = Statement();
    if (!event_ids) db_->exec("ALTER TABLE documents ADD COLUMN event_ids BLOB");
    if (!has_counts_) {
        db_->exec(counts_table_sql(false));
        db_->exec(counts_fill_sql());
        has_counts_ = true;
    }
    if (from_version == 1) {
        db_->exec("DROP TABLE dedup");
        db_->exec(R"sql(CREATE TABLE dedup(shelf INTEGER NOT NULL, event INTEGER NOT NULL, keys BLOB NOT NULL,
                        PRIMARY KEY(shelf, event)) WITHOUT ROWID)sql");
        Statement all(*db_, fmt::format("SELECT {} FROM events ORDER BY id", event_columns_));
        std::vector<KeyRow> rows;
        while (all.step()) {
            const Event e = read_row(all);
            key_rows(e.id, prepare(e).all_keys(), rows);
        }
        all = Statement();
        prepare_writes();
        put_key_rows(rows);
    }
    db_->exec(fmt::format("PRAGMA user_version = {}", kSchemaVersion));
    db_->exec(fmt::format("UPDATE tarikh_meta SET value = '{}' WHERE key = 'schema'", kSchemaVersion));
    tx.commit();
}

void SqliteStore::prepare_writes() {
    auto& d = *db_;
    statements_.emplace("add_doc", Statement(d, "INSERT OR IGNORE INTO documents (hash, id, bytes, date, lang, url, events, added) "
                                                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, datetime('now'))"));
    statements_.emplace("doc_events", Statement(d, "SELECT id, event_ids FROM documents WHERE hash = ?1"));
    statements_.emplace("set_doc_events", Statement(d, "UPDATE documents SET event_ids = ?2 WHERE hash = ?1"));
    statements_.emplace("rename_doc", Statement(d, "UPDATE documents SET id = ?2, date = ?3, lang = ?4, url = ?5 WHERE hash = ?1"));
    own_rows_ = row_statements(d);
    statements_.emplace("insert_event",
                        Statement(d, "INSERT INTO events (span_class, earliest, latest, value, granularity, mod, kind, "
                                     "lang, confidence, actors, pairs, text, n_sources, sources, participants) VALUES "
                                     "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)"));
    statements_.emplace("update_event",
                        Statement(d, "UPDATE events SET span_class = ?2, earliest = ?3, latest = ?4, value = ?5, "
                                     "granularity = ?6, mod = ?7, confidence = ?8, n_sources = ?9, sources = ?10, "
                                     "text = ?11, kind = ?12, lang = ?13, participants = ?14 WHERE id = ?1"));
    statements_.emplace("delete_lane_event", Statement(d, "DELETE FROM event_lanes WHERE lane = ?1 AND span_class = ?2 AND "
                                                          "earliest = ?3 AND latest = ?4 AND event = ?5"));
    statements_.emplace("find_lane", Statement(d, "SELECT id FROM lanes WHERE pair = ?1"));
    statements_.emplace("add_lane", Statement(d, "INSERT INTO lanes (pair, a, b) VALUES (?1, ?2, ?3)"));
    statements_.emplace("shelf", Statement(d, "SELECT event, keys FROM dedup WHERE shelf = ?1"));
    statements_.emplace("read_keys", Statement(d, "SELECT keys FROM dedup WHERE shelf = ?1 AND event = ?2"));
    statements_.emplace("data_version", Statement(d, "PRAGMA data_version"));
    statements_.emplace("add_count", Statement(d, "UPDATE counts SET n = n + ?2 WHERE what = ?1"));
}

Statement& SqliteStore::cached(const std::string& sql) {
    auto it = statements_.find(sql);
    if (it == statements_.end()) it = statements_.emplace(sql, Statement(*db_, sql)).first;
    return it->second;
}

Event SqliteStore::read_row(const Statement& s) const { return event_from_row(event_row(s), db_->path()); }

// ── Writing ──────────────────────────────────────────────────────────────

std::optional<std::string> SqliteStore::document_name(std::string_view hash) {
    // A connection of its own: WAL lets it read while the writer writes.
    std::lock_guard lock(lookup_mutex_);
    if (!lookup_db_) {
        lookup_db_ = std::make_unique<Db>(db_->path(), SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, read_only_uri(db_->path()));
        lookup_ = Statement(*lookup_db_, "SELECT id FROM documents WHERE hash = ?1");
    }
    lookup_.bind(1, hash);
    std::optional<std::string> name;
    if (lookup_.step()) name = std::string(lookup_.text(0));
    lookup_.reset();
    return name;
}

void SqliteStore::forget() {
    key_index_.clear();
    shelves_.clear();
    known_.clear();
    lane_ids_.clear();
    shelves_complete_ = false;
    pipelined_ = false;
}

template <class Write>
WriteStats SqliteStore::write_batch(Write&& write) {
    if (!writable_) throw StoreError(db_->path() + ": opened read-only");
    try {
        Transaction tx(*db_);
        // Inside the transaction: no writer can slip in between. Another
        // connection committed since this writer last wrote: what it knows is stale.
        auto& version = statements_.at("data_version");
        version.step();
        const int64_t now = version.int64(0);
        version.reset();
        if (now != data_version_) forget();
        data_version_ = now;
        WriteStats stats = write();
        tx.commit();
        return stats;
    } catch (...) {
        forget();  // it may hold keys of rolled-back events
        throw;
    }
}

// The copy of a text with the smallest name is the one kept, whichever came
// first: in this batch, and against the store (keep_smaller_name).
WriteStats SqliteStore::add_documents(const std::vector<DocumentEvents>& batch) {
    settle();
    std::vector<const Event*> all;
    for (const auto& de : batch)
        for (const auto& e : de.events) all.push_back(&e);
    const std::vector<Prepared> prepared = prepare_all(all);
    const std::vector<bool> kept = copies_kept(batch);
    return write_batch([&] {
        WriteStats stats;
        std::vector<bool> skip;
        std::vector<size_t> added, first_event;
        auto& add_doc = statements_.at("add_doc");
        for (size_t i = 0; i < batch.size(); ++i) {
            const DocumentInfo& d = batch[i].document;
            first_event.push_back(skip.size());
            bool take = kept[i];
            if (take) {
                add_doc.bind(1, d.hash).bind(2, d.id).bind(3, static_cast<int64_t>(d.bytes));
                add_doc.bind(4, d.date ? std::optional<int64_t>(day_number(*d.date)) : std::nullopt);
                if (d.lang) {
                    add_doc.bind(5, to_string(*d.lang));
                } else {
                    add_doc.bind_null(5);
                }
                add_doc.bind(6, d.url).bind(7, static_cast<int64_t>(batch[i].events.size()));
                add_doc.run();
                take = db_->changes() > 0;  // else the same text is stored
                if (!take) {
                    std::vector<const Prepared*> reports;
                    for (size_t j = 0; j < batch[i].events.size(); ++j) reports.push_back(&prepared[skip.size() + j]);
                    keep_smaller_name(d, reports);
                }
            }
            ++(take ? stats.documents_added : stats.documents_skipped);
            if (take) added.push_back(i);
            skip.insert(skip.end(), batch[i].events.size(), !take);
        }
        add_counts(stats.documents_added, 0, 0, 0);
        std::vector<int64_t> placed;
        stats += write(prepared, std::move(skip), &placed);
        auto& set = statements_.at("set_doc_events");
        for (size_t i : added) {
            std::vector<int64_t> ids(placed.begin() + static_cast<std::ptrdiff_t>(first_event[i]),
                                     placed.begin() + static_cast<std::ptrdiff_t>(first_event[i] + batch[i].events.size()));
            std::sort(ids.begin(), ids.end());
            ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
            set.bind(1, batch[i].document.hash).bind_blob(2, pack_keys(ids));
            set.run();
        }
        return stats;
    });
}

void SqliteStore::keep_smaller_name(const DocumentInfo& d, const std::vector<const Prepared*>& reports) {
    auto& find = statements_.at("doc_events");
    find.bind(1, d.hash);
    if (!find.step()) throw StoreError(fmt::format("{}: document {} vanished", db_->path(), d.hash));
    const std::string stored(find.text(0));
    // A document stored before schema 5 does not say where its events are: its name stays.
    const bool known = !find.is_null(1);
    const std::vector<int64_t> ids = known ? unpack_keys(find.text(1)) : std::vector<int64_t>{};
    find.reset();
    if (stored <= d.id || !known) return;
    std::map<int64_t, Event> rows;
    for (int64_t id : ids)
        if (auto e = read_event({own_rows_}, id)) rows.emplace(id, std::move(*e));
    BatchWrites w;
    w.changed = rename_document(rows, stored, d.id, reports);
    write_rows(w);
    note_written(w, {});
    auto& rename = statements_.at("rename_doc");
    rename.bind(1, d.hash).bind(2, d.id);
    rename.bind(3, d.date ? std::optional<int64_t>(day_number(*d.date)) : std::nullopt);
    if (d.lang) {
        rename.bind(4, to_string(*d.lang));
    } else {
        rename.bind_null(4);
    }
    rename.bind(5, d.url);
    rename.run();
}

WriteStats SqliteStore::add_prepared(const PreparedEvents& events) {
    if (pipelined_) return add_pipelined(events);
    settle();
    bool bulk_begins = false;
    WriteStats stats = write_batch([&] {
        if (!time_index_put_off_ && events.size() >= kBulkBatch) {
            auto& empty = cached("SELECT NOT EXISTS (SELECT 1 FROM events)");
            empty.step();
            bulk_begins = empty.int64(0) == 1;
            empty.reset();
            if (bulk_begins) {
                db_->exec("DROP INDEX IF EXISTS events_by_time");
                time_index_put_off_ = true;
                // The store is empty: this batch's keys are all any shelf holds.
                shelves_complete_ = true;
            }
        }
        return write(events.items(), {});
    });
    if (bulk_begins) start_pipeline();
    return stats;
}

void SqliteStore::start_pipeline() {
    if (!shelves_complete_) return;  // another process wrote meanwhile
    if (!reader_) {
        reader_ = std::make_unique<Db>(db_->path(), SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, read_only_uri(db_->path()));
        reader_rows_ = row_statements(*reader_);
    }
    Statement last(*db_, "SELECT coalesce(max(id), 0) FROM events");
    last.step();
    next_id_ = last.int64(0) + 1;
    pipelined_ = true;
}

WriteStats SqliteStore::add_pipelined(const PreparedEvents& events) {
    // A plan that fails: the batch before is written all the same (again,
    // if its plan was stale).
    std::unique_ptr<PendingBatch> next =
        plan_beside([&] { return plan_ahead(events); }, [&] { settle(); }, [&] { forget(); });
    if (pending_) {
        std::unique_ptr<PendingBatch> before = std::move(pending_);
        if (!wait_written(*before)) {
            // Another process wrote since the plans: both batches again, the
            // ordinary way. The counts returned for the one before are
            // corrected here (modulo 2^64: the sum the caller makes is right).
            forget();
            const WriteStats redone = write_batch([&] { return write(before->events.items(), {}); });
            WriteStats stats = write_batch([&] { return write(events.items(), {}); });
            stats.events_added += redone.events_added - before->planned.stats.events_added;
            stats.events_merged += redone.events_merged - before->planned.stats.events_merged;
            stats.dedup_candidates += redone.dedup_candidates - before->planned.stats.dedup_candidates;
            return stats;
        }
    }
    const WriteStats stats = next->planned.stats;
    pending_ = std::move(next);
    pending_->written = std::async(std::launch::async, [this, b = pending_.get()] { write_planned(*b); });
    return stats;
}

std::unique_ptr<PendingBatch> SqliteStore::plan_ahead(const PreparedEvents& events) {
    auto b = std::make_unique<PendingBatch>();
    b->events = events.share();
    b->planned = plan(b->events.items(), {}, {reader_rows_, pending_.get()});
    for (size_t i = 0; i < b->planned.writes.added.size(); ++i) b->ids.push_back(next_id_++);
    b->index_rows();
    note_written(b->planned.writes, b->ids);
    return b;
}

// On its own thread: db_ is this thread's until it is done.
void SqliteStore::write_planned(const PendingBatch& b) {
    Transaction tx(*db_);
    auto& version = statements_.at("data_version");
    version.step();
    const int64_t now = version.int64(0);
    version.reset();
    if (now != data_version_) throw StalePlan{};
    write_rows(b.planned.writes, &b.ids);
    tx.commit();
}

bool SqliteStore::wait_written(PendingBatch& b) {
    try {
        b.written.get();
        return true;
    } catch (const StalePlan&) {
        return false;
    } catch (...) {
        forget();  // it may hold keys of rolled-back events
        throw;
    }
}

void SqliteStore::settle() {
    if (!pending_) return;
    std::unique_ptr<PendingBatch> b = std::move(pending_);
    if (wait_written(*b)) return;
    forget();
    write_batch([&] { return write(b->events.items(), {}); });
}

void SqliteStore::load_shelves(const std::vector<int64_t>& shelves) {
    auto& shelf = statements_.at("shelf");
    for (int64_t at : shelves) {
        if (!shelves_.insert(at).second) continue;
        shelf.bind(1, at);
        while (shelf.step()) {
            const int64_t id = shelf.int64(0);
            for (int64_t key : unpack_keys(shelf.text(1))) key_index_.add(key, id);
        }
        shelf.reset();
    }
}

SqliteStore::RowStatements SqliteStore::row_statements(Db& db) const {
    return {Statement(db, "SELECT pairs, text, sources FROM events WHERE id = ?1"),
            Statement(db, "SELECT span_class, coalesce(earliest, 0), coalesce(latest, 0) FROM events WHERE id = ?1"),
            Statement(db, fmt::format("SELECT {} FROM events WHERE id = ?1", event_columns_))};
}

Candidate SqliteStore::read_candidate(const RowReads& reads, int64_t id) {
    if (const Event* e = being_written(reads.pending, id)) return candidate_of(id, *e);
    Statement& s = reads.rows.candidate;
    s.bind(1, id);
    if (!s.step()) throw StoreError(fmt::format("{}: the store is damaged (event {} has keys but no row)", db_->path(), id));
    Candidate c{id, std::string(s.text(0)), known(id).span, std::string(s.text(1)),
                first_source(unpack_sources(s.text(2), db_->path()))};
    s.reset();
    return c;
}

std::optional<Event> SqliteStore::read_event(const RowReads& reads, int64_t id) {
    if (const Event* e = being_written(reads.pending, id)) {
        Event copy = *e;
        copy.id = id;
        return copy;
    }
    Statement& row = reads.rows.event_by_id;
    row.bind(1, id);
    std::optional<Event> e;
    if (row.step()) e = read_row(row);
    row.reset();
    return e;
}

SqliteStore::Planned SqliteStore::plan(const std::vector<Prepared>& prepared, std::vector<bool> skip, const RowReads& reads) {
    BatchDedup dedup(prepared, std::move(skip));
    if (!shelves_complete_) load_shelves(dedup.shelves());
    const KeyLookup keys = dedup.lookups();
    std::vector<int64_t> ids;
    auto file = [&](int64_t key, size_t max) {
        ids.clear();
        key_index_.find(key, max, ids);
        for (int64_t id : ids) dedup.file(key, id);
    };
    for (int64_t key : keys.exact) file(key, KeyIndex::kMaxPerKey);
    for (int64_t key : keys.near) file(key, kNearCandidates);
    // A candidate's span read when first needed: a small ingest into a big
    // store reads the spans of the few events its keys bring, not of every
    // event on the shelves it reads.
    dedup.known_of = [&](int64_t id) {
        if (known(id).span.cls < kUndatedClass) {
            Statement& span = reads.rows.span;
            span.bind(1, id);
            if (span.step()) remember(id, {static_cast<int>(span.int64(0)), span.int64(1), span.int64(2)}, {});
            span.reset();
        }
        return known(id);
    };
    dedup.read_row = [&](int64_t id) { return read_candidate(reads, id); };
    dedup.plan();

    std::map<int64_t, Event> targets;
    for (int64_t id : dedup.merge_targets())
        if (auto e = read_event(reads, id)) targets.emplace(id, std::move(*e));
    Planned out{dedup.apply(targets), {}};
    for (const auto& [id, wording] : dedup.read_wordings()) remember(id, known(id).span, wording);
    out.stats.events_added = out.writes.events_added;
    out.stats.events_merged = out.writes.events_merged;
    out.stats.dedup_candidates = dedup.candidates_compared();
    return out;
}

WriteStats SqliteStore::write(const std::vector<Prepared>& prepared, std::vector<bool> skip, std::vector<int64_t>* placed) {
    const Planned p = plan(prepared, std::move(skip), {own_rows_});
    const BatchWrites& w = p.writes;
    const std::vector<int64_t> added = write_rows(w);
    note_written(w, added);
    if (placed) *placed = w.placed(added);
    return p.stats;
}

void SqliteStore::note_written(const BatchWrites& w, const std::vector<int64_t>& ids) {
    // Keys on a shelf this writer has not read are read with it when needed.
    auto file = [&](const std::vector<FiledKey>& keys, int64_t id) {
        for (const FiledKey& k : keys)
            if (shelves_complete_ || shelves_.count(k.shelf)) key_index_.add(k.key, id);
    };
    for (size_t i = 0; i < w.added.size(); ++i) {
        const auto& a = w.added[i];
        remember(ids[i], stored_span(a.event().interval), a.wording);
        file(a.report->filed, ids[i]);
        file(a.more_keys, ids[i]);
    }
    for (const auto& c : w.changed) {
        remember(c.event.id, stored_span(c.event.interval), c.wording);
        file(c.new_keys, c.event.id);
    }
}

std::vector<int64_t> SqliteStore::write_rows(const BatchWrites& w, const std::vector<int64_t>* numbered) {
    // Rows in key order: each B-tree page a batch touches is written once.
    std::vector<LaneRow> lanes, old_lanes;
    std::vector<KeyRow> keys_to_put;
    std::vector<int64_t> added;
    for (const auto& a : w.added) {
        const Event& e = a.event();
        const int64_t id = insert_event(e, a.row());
        if (numbered && id != (*numbered)[added.size()])
            throw StoreError(fmt::format("{}: event {} was stored as {} (another writer?)", db_->path(), (*numbered)[added.size()], id));
        added.push_back(id);
        lane_rows(id, e, lanes);
        key_rows(id, a.report->filed, keys_to_put, a.more_keys);
    }
    for (const auto& c : w.changed) {
        update_event(c.event);
        if (c.interval_changed) {
            Event old = c.event;
            old.interval = c.old_interval;
            lane_rows(c.event.id, old, old_lanes);
            lane_rows(c.event.id, c.event, lanes);
        }
        // Keys it already has on those shelves stay.
        const size_t first = keys_to_put.size();
        key_rows(c.event.id, c.new_keys, keys_to_put);
        auto& read = statements_.at("read_keys");
        for (size_t i = first; i < keys_to_put.size(); ++i) {
            KeyRow& row = keys_to_put[i];
            read.bind(1, row.shelf).bind(2, row.event);
            if (read.step())
                for (int64_t key : unpack_keys(read.text(0)))
                    if (std::find(row.keys.begin(), row.keys.end(), key) == row.keys.end()) row.keys.push_back(key);
            read.reset();
        }
    }
    std::sort(old_lanes.begin(), old_lanes.end());
    auto& del = statements_.at("delete_lane_event");
    for (const LaneRow& r : old_lanes) {
        del.bind(1, r.lane).bind(2, r.cls).bind(3, r.earliest).bind(4, r.latest).bind(5, r.event);
        del.run();
    }
    std::sort(lanes.begin(), lanes.end());
    RowInserter ins(*db_, "INSERT OR IGNORE INTO event_lanes VALUES", 5);
    for (const LaneRow& r : lanes) {
        ins.value(r.lane).value(r.cls).value(r.earliest).value(r.latest).value(r.event);
        ins.end_row();
    }
    ins.flush();
    put_key_rows(keys_to_put);
    add_counts(0, w.added.size(), w.undated_added, w.sources_added);
    return added;
}

void SqliteStore::add_counts(size_t documents, size_t events, size_t undated, size_t sources) {
    auto& add = statements_.at("add_count");
    const size_t by[] = {documents, events, undated, sources};
    for (size_t i = 0; i < std::size(by); ++i) {
        if (!by[i]) continue;
        add.bind_static(1, kCountNames[i]).bind(2, static_cast<int64_t>(by[i]));
        add.run();
    }
}

void SqliteStore::key_rows(int64_t id, const std::vector<FiledKey>& keys, std::vector<KeyRow>& out,
                           const std::vector<FiledKey>& more) {
    const size_t first = out.size();
    auto file = [&](const FiledKey& k) {
        auto row = std::find_if(out.begin() + static_cast<std::ptrdiff_t>(first), out.end(),
                                [&](const KeyRow& r) { return r.shelf == k.shelf; });
        if (row == out.end()) row = out.insert(out.end(), KeyRow{k.shelf, id, {}});
        if (std::find(row->keys.begin(), row->keys.end(), k.key) == row->keys.end()) row->keys.push_back(k.key);
    };
    for (const FiledKey& k : keys) file(k);
    for (const FiledKey& k : more) file(k);
}

void SqliteStore::put_key_rows(std::vector<KeyRow>& rows) {
    std::sort(rows.begin(), rows.end(), [](const KeyRow& a, const KeyRow& b) {
        return std::tie(a.shelf, a.event) < std::tie(b.shelf, b.event);
    });
    RowInserter put(*db_, "INSERT OR REPLACE INTO dedup VALUES", 3);
    for (const KeyRow& r : rows) {
        put.value(r.shelf).value(r.event).blob(pack_keys(r.keys));
        put.end_row();
    }
    put.flush();
}

// One statement a row, SQLite choosing the id: it appends without looking
// the id up, which binding 32 rows with their ids to one statement did not
// beat (measured on 100k synthetic events: 0.55 s of the writer thread's
// CPU against 0.31 s).
int64_t SqliteStore::insert_event(const Event& e, const RowText& row) {
    const StoredSpan span = stored_span(e.interval);
    auto& s = statements_.at("insert_event");
    s.bind(1, int64_t{span.cls});
    s.bind(2, e.interval.earliest ? std::optional<int64_t>(day_number(*e.interval.earliest)) : std::nullopt);
    s.bind(3, e.interval.latest ? std::optional<int64_t>(day_number(*e.interval.latest)) : std::nullopt);
    s.bind_static(4, e.value).bind_static(5, to_string(e.granularity)).bind_static(6, to_string(e.mod));
    s.bind_static(7, to_string(e.kind)).bind_static(8, to_string(e.lang)).bind(9, double{e.confidence});
    s.bind_static(10, row.actors).bind_static(11, row.pairs).bind_static(12, e.text);
    s.bind(13, static_cast<int64_t>(e.sources.size())).bind_static_blob(14, row.sources);
    s.bind_static(15, row.participants);
    s.run();
    return db_->last_insert_rowid();
}

void SqliteStore::update_event(const Event& e) {
    const StoredSpan span = stored_span(e.interval);
    auto& s = statements_.at("update_event");
    s.bind(1, e.id).bind(2, int64_t{span.cls});
    s.bind(3, e.interval.earliest ? std::optional<int64_t>(day_number(*e.interval.earliest)) : std::nullopt);
    s.bind(4, e.interval.latest ? std::optional<int64_t>(day_number(*e.interval.latest)) : std::nullopt);
    s.bind(5, e.value).bind(6, to_string(e.granularity)).bind(7, to_string(e.mod)).bind(8, double{e.confidence});
    s.bind(9, static_cast<int64_t>(e.sources.size())).bind_blob(10, pack_sources(e.sources));
    s.bind(11, e.text).bind(12, to_string(e.kind)).bind(13, to_string(e.lang));
    s.bind(14, join_participants(e.participants));
    s.run();
}

int64_t SqliteStore::lane_id(const CountryPair& pair) {
    const std::string key = pair_key(pair);
    if (auto it = lane_ids_.find(key); it != lane_ids_.end()) return it->second;
    auto& find = statements_.at("find_lane");
    find.bind(1, key);
    int64_t id = find.step() ? find.int64(0) : 0;
    find.reset();
    if (!id) {
        auto& add = statements_.at("add_lane");
        add.bind(1, key).bind(2, pair.first).bind(3, pair.second);
        add.run();
        id = db_->last_insert_rowid();
    }
    lane_ids_.emplace(key, id);
    return id;
}

void SqliteStore::lane_rows(int64_t id, const Event& e, std::vector<LaneRow>& out) {
    const StoredSpan span = stored_span(e.interval);
    for (const auto& pair : e.pairs) out.push_back({lane_id(pair), span.cls, span.earliest, span.latest, id});
}

// ── Reading ──────────────────────────────────────────────────────────────

std::vector<int64_t> SqliteStore::matching_ids(const EventQuery& q, size_t* count) {
    static const SqlDialect dialect{[](int n, bool) { return fmt::format("?{}", n); }, "instr", "tarikh_has_words"};
    const IdQuery sql = matching_ids_sql(q, dialect);
    if (count) *count = 0;
    if (sql.sql.empty()) return {};
    Statement& s = cached(count ? "SELECT count(*) FROM (" + sql.sql + ")" : sql.sql);
    for (size_t i = 0; i < sql.params.size(); ++i) {
        const int at = static_cast<int>(i + 1);
        if (const auto* v = std::get_if<int64_t>(&sql.params[i])) {
            s.bind(at, *v);
        } else {
            s.bind(at, std::get<std::string>(sql.params[i]));
        }
    }
    std::vector<int64_t> ids;
    if (count) {
        *count = s.step() ? static_cast<size_t>(s.int64(0)) : 0;
    } else {
        while (s.step()) ids.push_back(s.int64(0));
    }
    s.reset();
    return ids;
}

size_t SqliteStore::count(const EventQuery& q) {
    settle();
    if (q.min_confidence > 0) {  // which events keep a pair is known once read
        EventQuery all = q;
        all.limit = 0;
        return query(all).size();
    }
    ReadTransaction snapshot(*db_);
    EventQuery all = q;
    all.limit = 0;
    size_t n = 0;
    matching_ids(all, &n);
    return n;
}

std::vector<Event> SqliteStore::events_by_id(const std::vector<int64_t>& ids) {
    settle();
    ReadTransaction snapshot(*db_);
    std::vector<Event> out;
    Statement& row = cached(fmt::format("SELECT {} FROM events WHERE id = ?1", event_columns_));
    for (int64_t id : ids) {
        row.bind(1, id);
        if (row.step()) out.push_back(read_row(row));
        row.reset();
    }
    return out;
}

std::optional<DocumentInfo> SqliteStore::read_document(Statement& s) {
    std::optional<DocumentInfo> d;
    if (s.step()) {
        d.emplace();
        d->hash = s.text(0);
        d->id = s.text(1);
        d->bytes = static_cast<uint64_t>(s.int64(2));
        if (auto day = s.opt_int64(3)) d->date = day_from_number(*day);
        if (!s.is_null(4)) d->lang = lang_from_string(s.text(4));
        if (!s.is_null(5)) d->url = s.text(5);
    }
    s.reset();
    return d;
}

std::optional<DocumentInfo> SqliteStore::document_by_hash(std::string_view hash) {
    settle();
    Statement& s = cached("SELECT hash, id, bytes, date, lang, url FROM documents WHERE hash = ?1");
    s.bind(1, hash);
    return read_document(s);
}

std::optional<DocumentInfo> SqliteStore::document_by_id(std::string_view id) {
    settle();
    Statement& s = cached("SELECT hash, id, bytes, date, lang, url FROM documents WHERE id = ?1 ORDER BY added DESC LIMIT 1");
    s.bind(1, id);
    return read_document(s);
}

void SqliteStore::put_curation(const Curation& c) {
    settle();
    if (!writable_) throw StoreError(db_->path() + ": opened read-only");
    Transaction tx(*db_);
    Statement s(*db_, curation_upsert_sql([](int n) { return fmt::format("?{}", n); }));
    const auto values = curation_values(c);
    for (size_t i = 0; i < values.size(); ++i) {
        const int at = static_cast<int>(i + 1);
        if (const auto* n = std::get_if<int64_t>(&values[i])) {
            s.bind(at, *n);
        } else if (const auto* t = std::get_if<std::string>(&values[i])) {
            s.bind(at, *t);
        } else {
            s.bind_null(at);
        }
    }
    s.run();
    tx.commit();
}

bool SqliteStore::delete_curation(const CurationKey& key) {
    settle();
    if (!writable_) throw StoreError(db_->path() + ": opened read-only");
    Transaction tx(*db_);
    Statement s(*db_, "DELETE FROM curations WHERE document = ?1 AND date_begin = ?2 AND date_end = ?3");
    s.bind(1, key.document).bind(2, int64_t{key.date_span.begin}).bind(3, int64_t{key.date_span.end});
    s.run();
    const bool found = db_->changes() > 0;
    tx.commit();
    return found;
}

std::vector<Curation> SqliteStore::curations() {
    settle();
    ReadTransaction snapshot(*db_);
    std::vector<Curation> out;
    Statement exists(*db_, "SELECT count(*) FROM sqlite_schema WHERE name = 'curations'");
    if (!exists.step() || exists.int64(0) == 0) return out;  // a store made before curation
    Statement s(*db_, fmt::format("SELECT {} FROM curations ORDER BY document, date_begin, date_end", kCurationColumns));
    while (s.step()) {
        std::array<std::optional<std::string>, kCurationColumnCount> row;
        for (size_t i = 0; i < row.size(); ++i)
            if (!s.is_null(static_cast<int>(i))) row[i] = std::string(s.text(static_cast<int>(i)));
        out.push_back(curation_from_texts(row));
    }
    return out;
}

std::vector<Event> SqliteStore::query(const EventQuery& q) {
    settle();
    ReadTransaction snapshot(*db_);
    const std::vector<int64_t> ids = matching_ids(q);
    // Fetch in rowid order (pages read once, in file order), then put the
    // events back in result order.
    std::vector<size_t> order(ids.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return ids[a] < ids[b]; });
    std::vector<Event> out(ids.size());
    Statement& row = cached(fmt::format("SELECT {} FROM events WHERE id = ?1", event_columns_));
    size_t found = 0;
    for (size_t i : order) {
        row.bind(1, ids[i]);
        if (row.step()) {
            out[i] = read_row(row);
            ++found;
        }
        row.reset();
    }
    if (found != out.size())  // a row vanished under us: drop the empty slots
        out.erase(std::remove_if(out.begin(), out.end(), [](const Event& e) { return e.id == 0; }), out.end());
    keep_confident_pairs(out, q);
    if (q.limit && out.size() > q.limit) out.resize(q.limit);
    return out;
}

std::vector<Event> SqliteStore::all_events() {
    settle();
    ReadTransaction snapshot(*db_);
    std::vector<Event> out;
    Statement s(*db_, fmt::format("SELECT {} FROM events WHERE span_class >= 0", event_columns_));
    while (s.step()) out.push_back(read_row(s));
    std::sort(out.begin(), out.end(), [](const Event& a, const Event& b) {
        if (a.interval.earliest != b.interval.earliest) return *a.interval.earliest < *b.interval.earliest;
        if (a.interval.latest != b.interval.latest) return *a.interval.latest < *b.interval.latest;
        return a.id < b.id;
    });
    return out;
}

StoreStats SqliteStore::stats() {
    settle();
    ReadTransaction snapshot(*db_);
    StoreStats st;
    size_t* counts[] = {&st.documents, &st.events, &st.undated_events, &st.sources};
    if (has_counts_) {
        Statement c(*db_, "SELECT what, n FROM counts");
        while (c.step())
            for (size_t i = 0; i < std::size(counts); ++i)
                if (c.text(0) == kCountNames[i]) *counts[i] = static_cast<size_t>(c.int64(1));
    } else {
        Statement c(*db_, counted_sql());
        c.step();
        for (size_t i = 0; i < std::size(counts); ++i) *counts[i] = static_cast<size_t>(c.int64(static_cast<int>(i)));
    }
    Statement bounds(*db_, interval_bounds_sql());
    bounds.step();
    if (auto a = bounds.opt_int64(0)) st.earliest = day_from_number(*a);
    if (auto b = bounds.opt_int64(1)) st.latest = day_from_number(*b);
    return st;
}

}  // namespace
}  // namespace store

std::unique_ptr<Store> open_sqlite_store(const std::filesystem::path& path, OpenMode mode) {
    return std::make_unique<store::SqliteStore>(path, mode);
}

}  // namespace tarikh
