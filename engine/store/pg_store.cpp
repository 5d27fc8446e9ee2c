// The PostgreSQL store: the schema of schema.cpp (postgresql_schema_sql), the
// same query SQL as SQLite (query_sql.h) and the same dedup decisions
// (batch_dedup.h), so both backends answer alike. Rows go in through COPY.
//
// Several writers, on one machine or many: each batch is one transaction that
// first takes a lock (a transaction-level advisory lock) for each set of
// pairs its events have, in one order. A report can only merge into an event
// of the same pairs, and an event's row, keys and merges all belong to its
// pairs: so batches of the same pairs are decided one at a time against
// everything committed before, exactly as one writer would decide them, and
// batches of other pairs go on side by side. Readers are never blocked
// (MVCC); each query reads one snapshot.
#include "store/batch_dedup.h"
#include "store/curation_rows.h"
#include "store/event_row.h"
#include "store/pending_batch.h"
#include "store/pg_db.h"
#include "store/query_sql.h"
#include "store/store_file.h"
#include "store/schema.h"

#include "tarikh/event_json.h"
#include "tarikh/store.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>
#include <mutex>
#include <set>

namespace tarikh::store {
namespace {

// Advisory lock ids: one schema creation at a time ("TRKH" and a number); a
// batch's sets of pairs (pairs_lock); writing at all (kWriterLock: every
// writer's batch takes it shared, a bulk load into an empty store exclusive).
constexpr int64_t kSchemaLock = 0x54524B48'00000002;
constexpr int64_t kWriterLock = 0x54524B48'00000003;

// The index by time, as postgresql_schema_sql() makes it. A bulk load into an
// empty store drops it and builds it once at its end; a writer opening a
// store without it (a load killed before its end) builds it again.
constexpr std::string_view kTimeIndexSql = "CREATE INDEX IF NOT EXISTS events_by_time ON events(span_class, earliest, latest, id)";
// Whether dedup_keys has its primary key (a bulk load puts it off as well).
constexpr std::string_view kKeysIndexed = "SELECT to_regclass('dedup_keys_pkey') IS NOT NULL";
// A batch this large into an empty store starts a bulk load.
constexpr size_t kBulkBatch = 5000;

int64_t pairs_lock(std::string_view pairs) { return static_cast<int64_t>(hash_bytes(pairs, 7)); }

const SqlDialect kDialect{
    [](int n, bool integer) { return fmt::format("${}::{}", n, integer ? "bigint" : "text"); },
    "strpos",
    "",  // words are matched on folded text, which only the engine can fold
};

std::string hex_of(std::string_view bytes) {
    std::string out;
    out.reserve(bytes.size() * 2);
    for (unsigned char c : bytes) out += fmt::format("{:02x}", c);
    return out;
}

std::vector<PgParam> bind_all(const IdQuery& q) {
    std::vector<PgParam> out;
    for (const auto& p : q.params)
        out.push_back(std::holds_alternative<int64_t>(p) ? std::to_string(std::get<int64_t>(p)) : std::get<std::string>(p));
    return out;
}

class PgStore final : public Store {
public:
    PgStore(const std::string& uri, OpenMode mode);

    std::vector<Event> query(const EventQuery& q) override;
    std::vector<Event> all_events() override;
    std::optional<std::string> document_name(std::string_view hash) override;
    WriteStats add_documents(const std::vector<DocumentEvents>& batch) override;
    WriteStats add_prepared(const PreparedEvents& events) override;
    void finish_load() override;
    ~PgStore() override;
    StoreStats stats() override;
    std::string location() const override { return db_.where(); }
    size_t count(const EventQuery& q) override;
    std::vector<Event> events_by_id(const std::vector<int64_t>& ids) override;
    std::optional<DocumentInfo> document_by_hash(std::string_view hash) override;
    std::optional<DocumentInfo> document_by_id(std::string_view id) override;
    void put_curation(const Curation& c) override;
    bool delete_curation(const CurationKey& key) override;
    std::vector<Curation> curations() override;

private:
    void open_schema(OpenMode mode);
    // The columns an event is read from: a store of schema 2 opened
    // read-only has no participants column (store/event_row.h).
    std::string_view event_columns_ = kEventColumns;
    // A store made before schema 4 and opened read-only has no counts table.
    bool has_counts_ = true;
    // What the open write transaction adds to the counts, written last: the
    // rows stay locked from their update to the commit, and writers side by
    // side wait for each other only there.
    std::array<size_t, std::size(kCountNames)> counted_{};
    void write_counts();
    // The batch's writes, inside the caller's transaction and write lock.
    // `placed`, when given: the id of the event each one of the batch is in (0: skipped).
    WriteStats write(const std::vector<Prepared>& prepared, std::vector<bool> skip, std::vector<int64_t>* placed = nullptr);
    // Where a plan reads what it needs: the writing connection, or the
    // reader's with the rows of the batch being written in memory.
    struct Reads {
        PgDb& db;
        const PendingBatch* pending = nullptr;
    };
    using Planned = PlannedBatch;
    Planned plan(const std::vector<Prepared>& prepared, std::vector<bool> skip, const Reads& reads);
    // Ids for `n` new events, from the store's sequence.
    static std::vector<int64_t> new_ids(PgDb& db, size_t n);
    // What memory knows of the rows a batch writes (a bulk load's keys, spans, sketches).
    void note_written(const BatchWrites& w, const std::vector<int64_t>& ids);
    void note_changed(const std::vector<BatchWrites::Changed>& changed);
    // The rows of a decided batch, its added events numbered `ids`.
    void write_rows(const BatchWrites& w, const std::vector<int64_t>& ids);
    void write_changed(const std::vector<BatchWrites::Changed>& changed, const std::map<std::string, int64_t>& lanes);
    // Adds the documents not stored yet (the events of the others are
    // skipped), keeping of each text the copy with the smallest name.
    // Returns whether each document was added.
    std::vector<bool> add_document_rows(const std::vector<DocumentEvents>& batch, const std::vector<Prepared>& prepared,
                                        WriteStats& stats);
    std::map<std::string, int64_t> lane_ids(const std::vector<BatchWrites::Added>& added,
                                            const std::vector<BatchWrites::Changed>& changed);
    void copy_lane_rows(CopyRows& rows, const std::map<std::string, int64_t>& lanes, int64_t id, const Event& e);
    std::map<int64_t, Event> read_events(const std::vector<int64_t>& ids) { return read_events({db_}, ids); }
    std::map<int64_t, Event> read_events(const Reads& reads, const std::vector<int64_t>& ids);
    std::vector<Event> read_rows(const PgResult& r);
    std::optional<DocumentInfo> read_document(const PgResult& r);
    // `body` in a transaction holding the locks of the events' pairs. On an
    // error, what memory knows is forgotten (not from another thread: the
    // waiting one forgets it).
    template <class Body>
    WriteStats in_write_transaction(const std::vector<Prepared>& events, Body&& body, bool forget_on_error = true);

    // A bulk load into an empty store holds kWriterLock exclusively until it
    // ends, so the events it wrote are all the store has: it files their
    // keys here and looks keys up in memory, not on the server; it knows
    // their spans and wordings' sketches, so it reads only the rows of the
    // candidates they do not rule out; and it builds the index by time and
    // dedup_keys' primary key once at its end (finish_load), not a random
    // insert per row.
    void begin_bulk_load_if_empty();
    void end_bulk_load();
    void file_in_memory(int64_t key, int64_t event);
    void remember(int64_t id, const StoredSpan& span, const WordingSketch& wording);
    void forget_in_memory();
    // dedup_keys' primary key, after a bulk load: of the rows filed twice
    // (only keys filed again on a merged event can be) one is kept. Only the
    // keys `refiled` can be, unless not given (a load killed halfway).
    void index_dedup_keys(const std::vector<std::pair<int64_t, int64_t>>* refiled);
    std::vector<Candidate> read_candidates(const Reads& reads, const std::vector<int64_t>& ids);
    bool bulk_load_ = false;
    bool keys_in_memory_ = false;  // false again after a failed batch: the server has the truth
    KeyIndex key_index_;
    KnownEvents known_;
    std::vector<std::pair<int64_t, int64_t>> refiled_;  // (key, event) filed on merged events by the bulk load

    // A bulk load plans each batch while the one before is written: the
    // client's planning and the server's writing are of one size, so the
    // load takes about the longer of the two, not their sum. The plan reads
    // through reader_ (it sees what is committed) and the batch being
    // written from memory; the load's exclusive lock keeps other writers out,
    // so nothing else changes meanwhile. An error writing a batch is thrown
    // by the next call on the store.
    bool pipelined_ = false;
    std::unique_ptr<PgDb> reader_;
    std::unique_ptr<PendingBatch> pending_;
    WriteStats add_pipelined(const PreparedEvents& events);
    std::unique_ptr<PendingBatch> plan_ahead(const PreparedEvents& events);
    // Before anything else uses db_: the batch being written is done.
    void settle();

    std::string uri_;
    PgDb db_;
    bool writable_;
    std::mutex lookup_mutex_;
    std::unique_ptr<PgDb> lookup_db_;  // document_name, from another thread
};


PgStore::PgStore(const std::string& uri, OpenMode mode) : uri_(uri), db_(uri), writable_(mode == OpenMode::ReadWrite) {
    db_.exec("SET client_min_messages = warning");
    // A batch's key lookup (140,000 index probes) is estimated far above
    // jit_above_cost, and compiling it took 0.2 s of the server's CPU each
    // time, twice a batch: a tenth of a bulk load. Every statement here is an
    // index probe or a COPY, which JIT does not speed up.
    db_.exec("SET jit = off");
    open_schema(mode);
    if (!writable_) db_.exec("SET default_transaction_read_only = on");
}

void PgStore::open_schema(OpenMode mode) {
    auto probe = [&] {
        PgResult r = db_.exec(
            "SELECT to_regclass('tarikh_meta') IS NOT NULL, "
            "(SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = current_schema())");
        return std::pair{r.text(0, 0) == "t", r.int64(0, 1)};
    };
    auto [ours, tables] = probe();
    if (!ours) {
        if (tables > 0)
            throw StoreError(fmt::format("{}: not a tarikh store (the database holds tables of another application)", db_.where()));
        if (mode == OpenMode::ReadOnly)
            throw StoreError(fmt::format("{}: no tarikh store in this database (run `tarikh ingest` or `tarikh load` first)", db_.where()));
        db_.exec("BEGIN");
        try {
            // Two writers starting on an empty database: one creates, the other waits and finds it.
            db_.exec(fmt::format("SELECT pg_advisory_xact_lock({})", kSchemaLock));
            if (!probe().first) {
                db_.exec(postgresql_schema_sql());
                db_.exec(counts_table_sql(true));
                db_.exec(counts_fill_sql());
                db_.exec(fmt::format("INSERT INTO tarikh_meta VALUES ('format', 'tarikh-store'), ('schema', '{}'), "
                                     "('created', now()::text)", kSchemaVersion));
            }
            db_.exec("COMMIT");
        } catch (...) {
            db_.exec("ROLLBACK");
            throw;
        }
    }
    PgResult r = db_.exec("SELECT value FROM tarikh_meta WHERE key = 'format'");
    if (r.rows() != 1 || r.text(0, 0) != "tarikh-store")
        throw StoreError(fmt::format("{}: not a tarikh store (no format mark)", db_.where()));
    PgResult v = db_.exec("SELECT value FROM tarikh_meta WHERE key = 'schema'");
    if (v.rows() == 1 && v.int64(0, 0) > int64_t{kSchemaVersion})
        throw StoreError(fmt::format("{}: made by a newer tarikh (store schema {}, this build reads up to {})", db_.where(),
                                     v.text(0, 0), kSchemaVersion));
    // A store of schema 2 (no participants per pair) is read as it is, and
    // upgraded when opened to write.
    auto has_participants = [&] {
        return db_.exec("SELECT count(*) FROM information_schema.columns WHERE table_schema = current_schema() "
                        "AND table_name = 'events' AND column_name = 'participants'").int64(0, 0) > 0;
    };
    auto has_counts = [&] { return db_.exec("SELECT to_regclass('counts') IS NOT NULL").text(0, 0) == "t"; };
    if (!writable_ && !has_participants()) event_columns_ = kEventColumnsBeforeParticipants;
    if (!writable_) has_counts_ = has_counts();
    if (writable_) {
        // Tables added since the store was made; one writer at a time adds them.
        db_.exec("BEGIN");
        try {
            db_.exec(fmt::format("SELECT pg_advisory_xact_lock({})", kSchemaLock));
            db_.exec(curations_schema_sql());
            bool upgraded = false;
            if (!has_participants()) {
                db_.exec("ALTER TABLE events ADD COLUMN participants text NOT NULL DEFAULT ''");
                upgraded = true;
            }
            if (!has_counts()) {  // schema 4: counted once here
                db_.exec(counts_table_sql(true));
                db_.exec(counts_fill_sql());
                upgraded = true;
            }
            if (db_.exec("SELECT count(*) FROM information_schema.columns WHERE table_schema = current_schema() "
                         "AND table_name = 'documents' AND column_name = 'event_ids'").int64(0, 0) == 0) {
                db_.exec("ALTER TABLE documents ADD COLUMN event_ids bytea");  // schema 5
                upgraded = true;
            }
            if (upgraded) db_.exec(fmt::format("UPDATE tarikh_meta SET value = '{}' WHERE key = 'schema'", kSchemaVersion));
            // A bulk load killed before it built its indexes (waiting for a
            // bulk load still running to end).
            db_.exec(fmt::format("SELECT pg_advisory_xact_lock_shared({})", kWriterLock));
            db_.exec(kTimeIndexSql);
            if (db_.exec(kKeysIndexed).text(0, 0) != "t") index_dedup_keys(nullptr);
            db_.exec("COMMIT");
        } catch (...) {
            db_.exec("ROLLBACK");
            throw;
        }
        // Staging tables for a batch, private to this connection.
        db_.exec(R"sql(
CREATE TEMP TABLE new_documents(hash text, id text, bytes bigint, date bigint, lang text, url text, events integer, ord integer)
  ON COMMIT DELETE ROWS;
CREATE TEMP TABLE changed_events(id bigint, span_class integer, earliest bigint, latest bigint, value text,
  granularity text, mod text, kind text, lang text, confidence real, text text, n_sources integer, sources bytea,
  participants text)
  ON COMMIT DELETE ROWS;
)sql");
    }
}

// One row of a result, as event_row() reads it; sources (bytea) decoded.
struct PgEventRow {
    const PgResult& r;
    int i;
    std::string sources;
    int64_t int64(int c) const { return r.int64(i, c); }
    std::optional<int64_t> opt_int64(int c) const { return r.opt_int64(i, c); }
    double real(int c) const { return r.real(i, c); }
    std::string_view text(int c) const { return c == 13 ? std::string_view(sources) : r.text(i, c); }
};

std::vector<Event> PgStore::read_rows(const PgResult& r) {
    std::vector<Event> out;
    out.reserve(static_cast<size_t>(r.rows()));
    for (int i = 0; i < r.rows(); ++i) {
        const PgEventRow row{r, i, r.bytes(i, 13)};
        out.push_back(event_from_row(event_row(row), db_.where()));
    }
    return out;
}

std::map<int64_t, Event> PgStore::read_events(const Reads& reads, const std::vector<int64_t>& ids) {
    std::map<int64_t, Event> out;
    std::vector<int64_t> stored;
    for (int64_t id : ids) {
        if (const Event* e = being_written(reads.pending, id)) {
            out.emplace(id, *e).first->second.id = id;
        } else {
            stored.push_back(id);
        }
    }
    if (stored.empty()) return out;
    PgResult r = reads.db.exec(fmt::format("SELECT {} FROM events WHERE id = ANY($1::bigint[])", event_columns_), {pg_array(stored)});
    for (Event& e : read_rows(r)) out.emplace(e.id, std::move(e));
    return out;
}

// ── Reading ──────────────────────────────────────────────────────────────

std::vector<Event> PgStore::query(const EventQuery& q) {
    settle();
    const IdQuery sql = matching_ids_sql(q, kDialect);
    if (sql.sql.empty()) return {};
    // One snapshot for the ids and the rows: writers committing meanwhile
    // are seen wholly or not at all.
    db_.exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    std::vector<Event> out;
    try {
        PgResult ids = db_.exec(sql.sql, bind_all(sql));
        std::vector<int64_t> order;
        for (int i = 0; i < ids.rows(); ++i) order.push_back(ids.int64(i, 0));
        std::map<int64_t, Event> rows = read_events(order);
        db_.exec("COMMIT");
        const auto words = folded_words(q.text);
        for (int64_t id : order) {
            auto it = rows.find(id);
            if (it == rows.end() || !has_all_words(it->second.text, words)) continue;
            out.push_back(std::move(it->second));
            if (q.limit && q.min_confidence <= 0 && out.size() == q.limit) break;
        }
    } catch (...) {
        db_.exec("ROLLBACK");
        throw;
    }
    keep_confident_pairs(out, q);
    if (q.limit && out.size() > q.limit) out.resize(q.limit);
    return out;
}

std::vector<Event> PgStore::all_events() {
    settle();
    PgResult r = db_.exec(fmt::format("SELECT {} FROM events WHERE span_class >= 0 ORDER BY earliest, latest, id", event_columns_));
    return read_rows(r);
}

size_t PgStore::count(const EventQuery& q) {
    settle();
    EventQuery all = q;
    all.limit = 0;
    // Words are matched on folded text, which only the engine can fold; which
    // events keep a pair sure enough is known once read.
    if (!q.text.empty() || q.min_confidence > 0) return query(all).size();
    const IdQuery sql = matching_ids_sql(all, kDialect);
    if (sql.sql.empty()) return 0;
    return static_cast<size_t>(db_.exec("SELECT count(*) FROM (" + sql.sql + ") AS matches", bind_all(sql)).int64(0, 0));
}

std::vector<Event> PgStore::events_by_id(const std::vector<int64_t>& ids) {
    settle();
    std::vector<Event> out;
    for (auto& [id, e] : read_events(ids)) out.push_back(std::move(e));
    return out;
}

std::optional<DocumentInfo> PgStore::read_document(const PgResult& r) {
    if (r.rows() == 0) return std::nullopt;
    DocumentInfo d;
    d.hash = r.text(0, 0);
    d.id = r.text(0, 1);
    d.bytes = static_cast<uint64_t>(r.int64(0, 2));
    if (auto day = r.opt_int64(0, 3)) d.date = day_from_number(*day);
    if (!r.is_null(0, 4)) d.lang = lang_from_string(r.text(0, 4));
    if (!r.is_null(0, 5)) d.url = r.text(0, 5);
    return d;
}

std::optional<DocumentInfo> PgStore::document_by_hash(std::string_view hash) {
    settle();
    return read_document(db_.exec("SELECT hash, id, bytes, date, lang, url FROM documents WHERE hash = $1",
                                  {std::string(hash)}));
}

std::optional<DocumentInfo> PgStore::document_by_id(std::string_view id) {
    settle();
    return read_document(db_.exec(
        "SELECT hash, id, bytes, date, lang, url FROM documents WHERE id = $1 ORDER BY added DESC LIMIT 1",
        {std::string(id)}));
}

void PgStore::put_curation(const Curation& c) {
    settle();
    if (!writable_) throw StoreError(db_.where() + ": opened read-only");
    std::vector<PgParam> params;
    for (const auto& v : curation_values(c)) {
        if (const auto* n = std::get_if<int64_t>(&v)) {
            params.push_back(std::to_string(*n));
        } else if (const auto* t = std::get_if<std::string>(&v)) {
            params.push_back(*t);
        } else {
            params.push_back(std::nullopt);
        }
    }
    db_.exec(curation_upsert_sql([](int n) { return fmt::format("${}", n); }), params);
}

bool PgStore::delete_curation(const CurationKey& key) {
    settle();
    if (!writable_) throw StoreError(db_.where() + ": opened read-only");
    PgResult r = db_.exec(
        "DELETE FROM curations WHERE document = $1 AND date_begin = $2::bigint AND date_end = $3::bigint RETURNING 1",
        {key.document, std::to_string(key.date_span.begin), std::to_string(key.date_span.end)});
    return r.rows() > 0;
}

std::vector<Curation> PgStore::curations() {
    settle();
    std::vector<Curation> out;
    if (db_.exec("SELECT to_regclass('curations') IS NULL").text(0, 0) == "t") return out;  // made before curation
    PgResult r = db_.exec(fmt::format("SELECT {} FROM curations ORDER BY document, date_begin, date_end", kCurationColumns));
    for (int i = 0; i < r.rows(); ++i) {
        std::array<std::optional<std::string>, kCurationColumnCount> row;
        for (size_t c = 0; c < row.size(); ++c)
            if (!r.is_null(i, static_cast<int>(c))) row[c] = std::string(r.text(i, static_cast<int>(c)));
        out.push_back(curation_from_texts(row));
    }
    return out;
}

StoreStats PgStore::stats() {
    settle();
    StoreStats st;
    size_t* counts[] = {&st.documents, &st.events, &st.undated_events, &st.sources};
    db_.exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    try {
        if (has_counts_) {
            PgResult r = db_.exec("SELECT what, n FROM counts");
            for (int row = 0; row < r.rows(); ++row)
                for (size_t i = 0; i < std::size(counts); ++i)
                    if (r.text(row, 0) == kCountNames[i]) *counts[i] = static_cast<size_t>(r.int64(row, 1));
        } else {
            PgResult r = db_.exec(counted_sql());
            for (size_t i = 0; i < std::size(counts); ++i) *counts[i] = static_cast<size_t>(r.int64(0, static_cast<int>(i)));
        }
        PgResult b = db_.exec(interval_bounds_sql());
        if (auto a = b.opt_int64(0, 0)) st.earliest = day_from_number(*a);
        if (auto l = b.opt_int64(0, 1)) st.latest = day_from_number(*l);
        db_.exec("COMMIT");
    } catch (...) {
        db_.exec("ROLLBACK");
        throw;
    }
    return st;
}

// One statement per count, in one order: writers side by side lock the rows
// in the same order.
void PgStore::write_counts() {
    for (size_t i = 0; i < counted_.size(); ++i)
        if (counted_[i])
            db_.exec("UPDATE counts SET n = n + $2::bigint WHERE what = $1",
                     {std::string(kCountNames[i]), std::to_string(counted_[i])});
}

std::optional<std::string> PgStore::document_name(std::string_view hash) {
    std::lock_guard lock(lookup_mutex_);
    if (!lookup_db_) lookup_db_ = std::make_unique<PgDb>(uri_);
    PgResult r = lookup_db_->exec("SELECT id FROM documents WHERE hash = $1", {std::string(hash)});
    if (r.rows() == 0) return std::nullopt;
    return std::string(r.text(0, 0));
}

// ── Writing ──────────────────────────────────────────────────────────────

template <class Body>
WriteStats PgStore::in_write_transaction(const std::vector<Prepared>& events, Body&& body, bool forget_on_error) {
    if (!writable_) throw StoreError(db_.where() + ": opened read-only");
    std::vector<int64_t> locks;
    for (const Prepared& p : events) locks.push_back(pairs_lock(p.pairs()));
    std::sort(locks.begin(), locks.end());  // one order for every writer: none waits for another in a circle
    locks.erase(std::unique(locks.begin(), locks.end()), locks.end());
    db_.exec("BEGIN");
    try {
        // Waits while a bulk load holds it (its own session needs no other).
        if (!bulk_load_) db_.exec(fmt::format("SELECT pg_advisory_xact_lock_shared({})", kWriterLock));
        if (!locks.empty())
            db_.exec("SELECT count(pg_advisory_xact_lock(k)) FROM unnest($1::bigint[]) AS k", {pg_array(locks)});
        counted_ = {};
        WriteStats stats = body();
        write_counts();
        db_.exec("COMMIT");
        return stats;
    } catch (...) {
        // What memory filed of the batch was rolled back on the server.
        if (forget_on_error) forget_in_memory();
        try {
            db_.exec("ROLLBACK");
        } catch (const StoreError&) {  // the connection is gone: the server rolls back
        }
        throw;
    }
}

// A load's batch commits without waiting for its WAL to reach the disk: a
// server crash may lose the last batches committed (never half of one), and
// running the load again adds them, as after a kill. An ingest keeps the
// server's durability: its documents are not kept anywhere else.
WriteStats PgStore::add_prepared(const PreparedEvents& events) {
    if (pipelined_ && keys_in_memory_) return add_pipelined(events);
    settle();
    pipelined_ = false;
    if (!bulk_load_ && writable_ && events.size() >= kBulkBatch) begin_bulk_load_if_empty();
    // Keys no longer in memory are looked up on the server, which needs their index.
    if (bulk_load_ && !keys_in_memory_) end_bulk_load();
    const WriteStats stats = in_write_transaction(events.items(), [&] {
        db_.exec("SET LOCAL synchronous_commit = off");
        return write(events.items(), {});
    });
    if (bulk_load_ && keys_in_memory_) {
        if (!reader_) {
            reader_ = std::make_unique<PgDb>(uri_);
            reader_->exec("SET jit = off");
        }
        pipelined_ = true;
    }
    return stats;
}

WriteStats PgStore::add_pipelined(const PreparedEvents& events) {
    std::unique_ptr<PendingBatch> next =
        plan_beside([&] { return plan_ahead(events); }, [&] { settle(); }, [&] { forget_in_memory(); });
    settle();
    const WriteStats stats = next->planned.stats;
    pending_ = std::move(next);
    pending_->written = std::async(std::launch::async, [this, b = pending_.get()] {
        in_write_transaction(
            b->events.items(),
            [&] {
                db_.exec("SET LOCAL synchronous_commit = off");
                write_rows(b->planned.writes, b->ids);
                return WriteStats{};
            },
            false);
    });
    return stats;
}

std::unique_ptr<PendingBatch> PgStore::plan_ahead(const PreparedEvents& events) {
    auto b = std::make_unique<PendingBatch>();
    b->events = events.share();
    b->planned = plan(b->events.items(), {}, {*reader_, pending_.get()});
    const BatchWrites& w = b->planned.writes;
    b->ids = new_ids(*reader_, w.added.size());
    b->index_rows();
    note_written(w, b->ids);
    return b;
}

void PgStore::settle() {
    if (!pending_) return;
    std::unique_ptr<PendingBatch> b = std::move(pending_);
    try {
        b->written.get();
    } catch (...) {
        forget_in_memory();  // it holds keys of the rolled-back events
        pipelined_ = false;
        throw;
    }
}

// Outside a transaction: the session lock outlives the batches. Taken only
// if no writer holds it (try: a writer in a batch holds it shared), and kept
// only if the store has no event, so the load's keys are all there are.
void PgStore::begin_bulk_load_if_empty() {
    if (db_.exec(fmt::format("SELECT pg_try_advisory_lock({})", kWriterLock)).text(0, 0) != "t") return;
    if (db_.exec("SELECT NOT EXISTS (SELECT 1 FROM events)").text(0, 0) != "t") {
        db_.exec(fmt::format("SELECT pg_advisory_unlock({})", kWriterLock));
        return;
    }
    bulk_load_ = true;
    forget_in_memory();
    keys_in_memory_ = true;
    refiled_.clear();
    db_.exec("DROP INDEX IF EXISTS events_by_time");
    db_.exec("ALTER TABLE dedup_keys DROP CONSTRAINT IF EXISTS dedup_keys_pkey");
}

void PgStore::end_bulk_load() {
    settle();
    pipelined_ = false;
    if (!bulk_load_) return;
    forget_in_memory();
    db_.exec(kTimeIndexSql);
    index_dedup_keys(&refiled_);
    refiled_.clear();
    db_.exec(fmt::format("SELECT pg_advisory_unlock({})", kWriterLock));
    bulk_load_ = false;
}

void PgStore::index_dedup_keys(const std::vector<std::pair<int64_t, int64_t>>* refiled) {
    constexpr std::string_view kDropTwins =
        "DELETE FROM dedup_keys d USING (SELECT key, event, min(ctid) AS first FROM dedup_keys {} "
        "GROUP BY key, event HAVING count(*) > 1) twins WHERE d.key = twins.key AND d.event = twins.event AND d.ctid <> twins.first";
    if (!refiled) {
        db_.exec(fmt::format(kDropTwins, ""));
    } else if (!refiled->empty()) {
        std::vector<int64_t> keys, events;
        for (const auto& [k, e] : *refiled) {
            keys.push_back(k);
            events.push_back(e);
        }
        db_.exec(fmt::format(kDropTwins, "WHERE (key, event) IN (SELECT * FROM unnest($1::bigint[], $2::bigint[]))"),
                 {pg_array(keys), pg_array(events)});
    }
    db_.exec("ALTER TABLE dedup_keys ADD CONSTRAINT dedup_keys_pkey PRIMARY KEY (key, event)");
}

void PgStore::finish_load() { end_bulk_load(); }

PgStore::~PgStore() {
    // A load that failed halfway: what it wrote stays, with its index.
    try {
        settle();
    } catch (const std::exception&) {  // a load that failed: it has said so, or its caller is unwinding
    }
    try {
        end_bulk_load();
    } catch (const std::exception&) {  // the next writer to open the store builds it
    }
}

// KeyIndex keeps 32-bit ids: past them, keys are looked up on the server.
void PgStore::file_in_memory(int64_t key, int64_t event) {
    if (!keys_in_memory_) return;
    if (event <= 0 || event > int64_t{UINT32_MAX}) {
        forget_in_memory();
        return;
    }
    key_index_.add(key, event);
}

void PgStore::remember(int64_t id, const StoredSpan& span, const WordingSketch& wording) {
    if (keys_in_memory_) known_.remember(id, span, wording);
}

void PgStore::forget_in_memory() {
    keys_in_memory_ = false;
    key_index_.clear();
    known_.clear();
}

std::vector<Candidate> PgStore::read_candidates(const Reads& reads, const std::vector<int64_t>& ids) {
    std::vector<Candidate> out;
    std::vector<int64_t> stored;
    for (int64_t id : ids) {
        if (const Event* e = being_written(reads.pending, id)) {
            out.push_back(candidate_of(id, *e));
        } else {
            stored.push_back(id);
        }
    }
    if (stored.empty()) return out;
    PgResult r = reads.db.exec(
        "SELECT id, pairs, span_class, coalesce(earliest, 0), coalesce(latest, 0), text, sources FROM events "
        "WHERE id = ANY($1::bigint[])",
        {pg_array(stored)});
    for (int i = 0; i < r.rows(); ++i)
        out.push_back({r.int64(i, 0), std::string(r.text(i, 1)),
                       {static_cast<int>(r.int64(i, 2)), r.int64(i, 3), r.int64(i, 4)}, std::string(r.text(i, 5)),
                       first_source(unpack_sources(r.bytes(i, 6), db_.where()))});
    return out;
}

WriteStats PgStore::add_documents(const std::vector<DocumentEvents>& batch) {
    settle();
    std::vector<const Event*> all;
    for (const auto& de : batch)
        for (const auto& e : de.events) all.push_back(&e);
    const std::vector<Prepared> prepared = prepare_all(all);
    return in_write_transaction(prepared, [&] {
        WriteStats stats;
        const std::vector<bool> taken = add_document_rows(batch, prepared, stats);
        std::vector<bool> skip;
        for (size_t i = 0; i < batch.size(); ++i) skip.insert(skip.end(), batch[i].events.size(), !taken[i]);
        std::vector<int64_t> placed;
        stats += write(prepared, skip, &placed);
        // Which events each added document's reports are in.
        std::vector<std::string> hashes, ids;
        size_t at = 0;
        for (size_t i = 0; i < batch.size(); ++i) {
            const auto& de = batch[i];
            const size_t n = de.events.size();
            if (taken[i]) {
                std::vector<int64_t> in(placed.begin() + static_cast<std::ptrdiff_t>(at),
                                        placed.begin() + static_cast<std::ptrdiff_t>(at + n));
                std::sort(in.begin(), in.end());
                in.erase(std::unique(in.begin(), in.end()), in.end());
                hashes.push_back(de.document.hash);
                ids.push_back(hex_of(pack_keys(in)));
            }
            at += n;
        }
        if (!hashes.empty())
            db_.exec("UPDATE documents d SET event_ids = decode(n.ids, 'hex') FROM unnest($1::text[], $2::text[]) AS n(hash, ids) "
                     "WHERE d.hash = n.hash",
                     {pg_text_array(hashes), pg_text_array(ids)});
        return stats;
    });
}

std::vector<bool> PgStore::add_document_rows(const std::vector<DocumentEvents>& batch,
                                             const std::vector<Prepared>& prepared, WriteStats& stats) {
    const std::vector<bool> kept = copies_kept(batch);
    CopyRows rows;
    std::vector<std::string> hashes;
    for (size_t i = 0; i < batch.size(); ++i) {
        if (!kept[i]) continue;
        const DocumentInfo& d = batch[i].document;
        rows.field(d.hash).field(d.id).field(static_cast<int64_t>(d.bytes));
        rows.field(d.date ? std::optional<int64_t>(day_number(*d.date)) : std::nullopt);
        if (d.lang) {
            rows.field(to_string(*d.lang));
        } else {
            rows.null();
        }
        rows.field(d.url).field(static_cast<int64_t>(batch[i].events.size())).field(static_cast<int64_t>(i));
        rows.end_row();
        hashes.push_back(d.hash);
    }
    std::vector<bool> taken;
    if (batch.empty()) return taken;
    db_.copy("COPY new_documents FROM STDIN", rows.data());
    // In hash order, so that writers adding the same texts side by side take their rows in one order.
    PgResult added = db_.exec(
        "INSERT INTO documents (hash, id, bytes, date, lang, url, events) "
        "SELECT hash, id, bytes, date, lang, url, events FROM new_documents ORDER BY hash "
        "ON CONFLICT (hash) DO NOTHING RETURNING hash");
    std::set<std::string> fresh;
    for (int i = 0; i < added.rows(); ++i) fresh.emplace(added.text(i, 0));
    // The texts stored already: under which name, and where their events are.
    std::map<std::string, std::pair<std::string, std::optional<std::vector<int64_t>>>> stored;
    PgResult known = db_.exec("SELECT hash, id, event_ids FROM documents WHERE hash = ANY($1::text[])", {pg_text_array(hashes)});
    for (int i = 0; i < known.rows(); ++i)
        if (!fresh.count(std::string(known.text(i, 0))))
            stored[std::string(known.text(i, 0))] = {std::string(known.text(i, 1)),
                                                     known.is_null(i, 2) ? std::nullopt : std::optional(unpack_keys(known.bytes(i, 2)))};
    size_t at = 0;
    for (size_t i = 0; i < batch.size(); ++i) {
        const DocumentInfo& d = batch[i].document;
        const bool take = kept[i] && fresh.count(d.hash);
        if (kept[i] && !take) {
            auto it = stored.find(d.hash);
            if (it != stored.end() && it->second.first > d.id && it->second.second) {
                std::vector<const Prepared*> reports;
                for (size_t j = 0; j < batch[i].events.size(); ++j) reports.push_back(&prepared[at + j]);
                const auto changed = rename_document(read_events(*it->second.second), it->second.first, d.id, reports);
                note_changed(changed);
                write_changed(changed, lane_ids({}, changed));
                db_.exec("UPDATE documents SET id = $2, date = $3::bigint, lang = $4, url = $5 WHERE hash = $1",
                         {d.hash, d.id, d.date ? PgParam(std::to_string(day_number(*d.date))) : PgParam(std::nullopt),
                          d.lang ? PgParam(std::string(to_string(*d.lang))) : PgParam(std::nullopt), d.url});
            }
        }
        ++(take ? stats.documents_added : stats.documents_skipped);
        taken.push_back(take);
        at += batch[i].events.size();
    }
    counted_[0] += stats.documents_added;
    return taken;
}

std::map<std::string, int64_t> PgStore::lane_ids(const std::vector<BatchWrites::Added>& added,
                                                 const std::vector<BatchWrites::Changed>& changed) {
    std::map<std::string, CountryPair> pairs;
    for (const auto& a : added)
        for (const auto& p : a.event().pairs) pairs.emplace(pair_key(p), p);
    for (const auto& c : changed)
        for (const auto& p : c.event.pairs) pairs.emplace(pair_key(p), p);
    std::map<std::string, int64_t> ids;
    if (pairs.empty()) return ids;
    std::vector<std::string> keys, as, bs;
    for (const auto& [k, p] : pairs) {
        keys.push_back(k);
        as.push_back(p.first);
        bs.push_back(p.second);
    }
    db_.exec("INSERT INTO lanes (pair, a, b) SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) ON CONFLICT (pair) DO NOTHING",
             {pg_text_array(keys), pg_text_array(as), pg_text_array(bs)});
    PgResult r = db_.exec("SELECT pair, id FROM lanes WHERE pair = ANY($1::text[])", {pg_text_array(keys)});
    for (int i = 0; i < r.rows(); ++i) ids.emplace(std::string(r.text(i, 0)), r.int64(i, 1));
    return ids;
}

void PgStore::copy_lane_rows(CopyRows& rows, const std::map<std::string, int64_t>& lanes, int64_t id, const Event& e) {
    const StoredSpan span = stored_span(e.interval);
    for (const auto& p : e.pairs) {
        rows.field(lanes.at(pair_key(p))).field(int64_t{span.cls}).field(span.earliest).field(span.latest).field(id);
        rows.end_row();
    }
}

PgStore::Planned PgStore::plan(const std::vector<Prepared>& prepared, std::vector<bool> skip, const Reads& reads) {
    BatchDedup dedup(prepared, std::move(skip));
    const KeyLookup keys = dedup.lookups();
    std::set<int64_t> met;
    // The latest `max` events filed under each key, as the SQLite store's KeyIndex keeps them.
    // Each key once, in key order: the probes walk the index in order (half
    // the server's time of one key lookup for a 20,000-event batch).
    auto file_latest = [&](std::vector<int64_t> keys, size_t max) {
        std::sort(keys.begin(), keys.end());
        keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
        if (keys.empty()) return;
        if (keys_in_memory_) {
            std::vector<int64_t> ids;
            for (int64_t k : keys) {
                ids.clear();
                key_index_.find(k, max, ids);
                for (int64_t id : ids) dedup.file(k, id);
            }
            return;
        }
        PgResult r = reads.db.exec(fmt::format("SELECT k, d.event FROM unnest($1::bigint[]) AS k CROSS JOIN LATERAL "
                                               "(SELECT event FROM dedup_keys WHERE key = k ORDER BY event DESC LIMIT {}) d",
                                               max),
                                   {pg_array(keys)});
        for (int i = 0; i < r.rows(); ++i) {
            dedup.file(r.int64(i, 0), r.int64(i, 1));
            met.insert(r.int64(i, 1));
        }
    };
    file_latest(keys.exact, KeyIndex::kMaxPerKey);
    file_latest(keys.near, kNearCandidates);
    if (keys_in_memory_) {
        // Most events the keys bring are of the same pairs at another time, or
        // in other words: what memory knows of them spares reading their rows.
        dedup.known_of = [this](int64_t id) { return known_.at(id); };
        dedup.read_row = [&](int64_t id) {
            std::vector<Candidate> c = read_candidates(reads, {id});
            if (c.empty()) throw StoreError(fmt::format("{}: the store is damaged (event {} has keys but no row)", db_.where(), id));
            return std::move(c.front());
        };
        dedup.read_rows = [&](const std::vector<int64_t>& ids) { return read_candidates(reads, ids); };
    } else {
        for (Candidate& c : read_candidates(reads, {met.begin(), met.end()})) dedup.know(std::move(c));
    }
    dedup.plan();
    Planned out{dedup.apply(read_events(reads, dedup.merge_targets())), {}};
    for (const auto& [id, wording] : dedup.read_wordings()) remember(id, known_.at(id).span, wording);
    out.stats.events_added = out.writes.events_added;
    out.stats.events_merged = out.writes.events_merged;
    out.stats.dedup_candidates = dedup.candidates_compared();
    return out;
}

std::vector<int64_t> PgStore::new_ids(PgDb& db, size_t n) {
    std::vector<int64_t> out;
    if (n == 0) return out;
    PgResult r = db.exec("SELECT nextval('event_ids') FROM generate_series(1, $1::bigint)", {std::to_string(n)});
    for (int i = 0; i < r.rows(); ++i) out.push_back(r.int64(i, 0));
    return out;
}

WriteStats PgStore::write(const std::vector<Prepared>& prepared, std::vector<bool> skip, std::vector<int64_t>* placed) {
    const Planned p = plan(prepared, std::move(skip), {db_});
    const BatchWrites& w = p.writes;
    const std::vector<int64_t> ids = new_ids(db_, w.added.size());
    note_written(w, ids);
    write_rows(w, ids);
    if (placed) *placed = w.placed(ids);
    return p.stats;
}

void PgStore::note_written(const BatchWrites& w, const std::vector<int64_t>& ids) {
    if (!keys_in_memory_) return;
    std::vector<std::pair<int64_t, int64_t>> keys;
    for (size_t i = 0; i < w.added.size(); ++i) {
        remember(ids[i], stored_span(w.added[i].event().interval), w.added[i].wording);
        for (const FiledKey& k : w.added[i].keys()) keys.emplace_back(k.key, ids[i]);
    }
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    for (const auto& [key, id] : keys) file_in_memory(key, id);
    note_changed(w.changed);
}

void PgStore::note_changed(const std::vector<BatchWrites::Changed>& changed) {
    for (const auto& c : changed) {
        remember(c.event.id, stored_span(c.event.interval), c.wording);
        for (const FiledKey& k : c.new_keys) {
            file_in_memory(k.key, c.event.id);
            if (bulk_load_) refiled_.emplace_back(k.key, c.event.id);
        }
    }
}

void PgStore::write_rows(const BatchWrites& w, const std::vector<int64_t>& ids) {
    counted_[1] += w.added.size();
    counted_[2] += w.undated_added;
    counted_[3] += w.sources_added;
    const auto lanes = lane_ids(w.added, w.changed);
    if (!w.added.empty()) {
        CopyRows events, lane_rows, key_rows;
        // Lane and key rows go in in their index's order: each index page a
        // batch touches is then written once, not once per row at a random place.
        std::vector<std::array<int64_t, 5>> lane_keys;
        std::vector<std::pair<int64_t, int64_t>> keys;
        for (size_t i = 0; i < w.added.size(); ++i) {
            const Event& e = w.added[i].event();
            const RowText row = w.added[i].row();
            const int64_t id = ids[i];
            const StoredSpan span = stored_span(e.interval);
            events.field(id).field(int64_t{span.cls});
            events.field(e.interval.earliest ? std::optional<int64_t>(day_number(*e.interval.earliest)) : std::nullopt);
            events.field(e.interval.latest ? std::optional<int64_t>(day_number(*e.interval.latest)) : std::nullopt);
            events.field(e.value).field(to_string(e.granularity)).field(to_string(e.mod)).field(to_string(e.kind));
            events.field(to_string(e.lang)).field(double{e.confidence}).field(row.actors);
            events.field(row.pairs).field(e.text).field(static_cast<int64_t>(e.sources.size()));
            events.bytes(row.sources);
            events.field(row.participants);
            events.end_row();
            for (const auto& p : e.pairs) lane_keys.push_back({lanes.at(pair_key(p)), span.cls, span.earliest, span.latest, id});
            for (const FiledKey& k : w.added[i].keys()) keys.emplace_back(k.key, id);
        }
        std::sort(lane_keys.begin(), lane_keys.end());
        for (const auto& l : lane_keys) {
            for (int64_t v : l) lane_rows.field(v);
            lane_rows.end_row();
        }
        std::sort(keys.begin(), keys.end());
        keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
        for (const auto& [key, id] : keys) {
            key_rows.field(key).field(id);
            key_rows.end_row();
        }
        db_.copy("COPY events FROM STDIN", events.data());  // every column, in table order
        db_.copy("COPY event_lanes FROM STDIN", lane_rows.data());
        db_.copy("COPY dedup_keys FROM STDIN", key_rows.data());
    }
    write_changed(w.changed, lanes);
}

// The stored events a batch changed: their rows, their lane rows when their
// interval moved, and the keys they are now also filed under.
void PgStore::write_changed(const std::vector<BatchWrites::Changed>& changed, const std::map<std::string, int64_t>& lanes) {
    if (!changed.empty()) {
        CopyRows rows, lane_rows;
        std::vector<int64_t> old_lane, old_cls, old_earliest, old_latest, old_event, key, key_event;
        for (const auto& c : changed) {
            const Event& e = c.event;
            const StoredSpan span = stored_span(e.interval);
            rows.field(e.id).field(int64_t{span.cls});
            rows.field(e.interval.earliest ? std::optional<int64_t>(day_number(*e.interval.earliest)) : std::nullopt);
            rows.field(e.interval.latest ? std::optional<int64_t>(day_number(*e.interval.latest)) : std::nullopt);
            rows.field(e.value).field(to_string(e.granularity)).field(to_string(e.mod)).field(to_string(e.kind));
            rows.field(to_string(e.lang)).field(double{e.confidence}).field(e.text);
            rows.field(static_cast<int64_t>(e.sources.size())).bytes(pack_sources(e.sources));
            rows.field(join_participants(e.participants));
            rows.end_row();
            for (const FiledKey& k : c.new_keys) {
                key.push_back(k.key);
                key_event.push_back(e.id);
            }
            if (!c.interval_changed) continue;
            const StoredSpan old = stored_span(c.old_interval);
            for (const auto& p : e.pairs) {
                old_lane.push_back(lanes.at(pair_key(p)));
                old_cls.push_back(old.cls);
                old_earliest.push_back(old.earliest);
                old_latest.push_back(old.latest);
                old_event.push_back(e.id);
            }
            copy_lane_rows(lane_rows, lanes, e.id, e);
        }
        db_.copy("COPY changed_events FROM STDIN", rows.data());
        db_.exec(
            "UPDATE events e SET span_class = c.span_class, earliest = c.earliest, latest = c.latest, value = c.value, "
            "granularity = c.granularity, mod = c.mod, kind = c.kind, lang = c.lang, confidence = c.confidence, "
            "text = c.text, n_sources = c.n_sources, "
            "sources = c.sources, participants = c.participants FROM changed_events c WHERE e.id = c.id");
        db_.exec("DELETE FROM changed_events");  // a transaction may change events twice (a renamed document, then its batch)
        if (!old_event.empty()) {
            db_.exec("DELETE FROM event_lanes WHERE (lane, span_class, earliest, latest, event) IN "
                     "(SELECT * FROM unnest($1::integer[], $2::integer[], $3::bigint[], $4::bigint[], $5::bigint[]))",
                     {pg_array(old_lane), pg_array(old_cls), pg_array(old_earliest), pg_array(old_latest), pg_array(old_event)});
            db_.copy("COPY event_lanes FROM STDIN", lane_rows.data());
        }
        if (!key.empty())
            db_.exec("INSERT INTO dedup_keys SELECT * FROM unnest($1::bigint[], $2::bigint[]) ON CONFLICT DO NOTHING",
                     {pg_array(key), pg_array(key_event)});
    }
}

}  // namespace
}  // namespace tarikh::store

namespace tarikh {

bool is_postgresql_location(std::string_view location) {
    return location.starts_with("postgresql://") || location.starts_with("postgres://");
}

std::unique_ptr<Store> open_postgresql_store(const std::string& uri, OpenMode mode) {
    return std::make_unique<store::PgStore>(uri, mode);
}

std::unique_ptr<Store> open_store(const std::string& location, OpenMode mode) {
    if (is_postgresql_location(location)) return open_postgresql_store(location, mode);
    return open_sqlite_store(location, mode);
}

}  // namespace tarikh
