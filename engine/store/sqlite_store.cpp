// The SQLite store: schema in schema.cpp, interval binning in schema.h, dedup
// keys in wording.h. This file opens stores safely, writes batches and
// answers queries.
#include "store/schema.h"
#include "store/sqlite_db.h"
#include "store/store_file.h"
#include "store/wording.h"

#include "tarikh/event_json.h"
#include "tarikh/normalize.h"
#include "tarikh/store.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <map>
#include <sstream>

namespace tarikh {

WriteStats& WriteStats::operator+=(const WriteStats& o) {
    documents_added += o.documents_added;
    documents_skipped += o.documents_skipped;
    events_added += o.events_added;
    events_merged += o.events_merged;
    return *this;
}

std::string content_hash(std::string_view text) {
    // Two independently seeded 64-bit hashes: collisions between distinct
    // documents are out of reach for any realistic corpus.
    return fmt::format("{:016x}{:016x}", store::hash_bytes(text, 0x7461726B), store::hash_bytes(text, 0x68697374));
}

namespace store {
namespace {

using std::chrono::days;

int64_t day_number(Day d) { return d.time_since_epoch().count(); }
Day day_from_number(int64_t n) { return Day(days(n)); }

// Open ends of a query window, far outside any calendar the engine handles.
constexpr int64_t kMinusInfinity = -(int64_t{1} << 40);
constexpr int64_t kPlusInfinity = int64_t{1} << 40;

// ── Sources, packed into one BLOB per event ──────────────────────────────
// Per source: u32 doc length, the doc bytes, u32 span begin, end, date span
// begin, end (little endian). One row read gives the whole event.

void put_u32(std::string& out, uint32_t v) {
    char b[4] = {char(v), char(v >> 8), char(v >> 16), char(v >> 24)};
    out.append(b, 4);
}

uint32_t get_u32(std::string_view in, size_t at) {
    const auto* p = reinterpret_cast<const unsigned char*>(in.data()) + at;
    return uint32_t(p[0]) | uint32_t(p[1]) << 8 | uint32_t(p[2]) << 16 | uint32_t(p[3]) << 24;
}

std::string pack_sources(const std::vector<Source>& sources) {
    std::string out;
    for (const auto& s : sources) {
        put_u32(out, static_cast<uint32_t>(s.doc.size()));
        out += s.doc;
        put_u32(out, s.span.begin);
        put_u32(out, s.span.end);
        put_u32(out, s.date_span.begin);
        put_u32(out, s.date_span.end);
    }
    return out;
}

std::vector<Source> unpack_sources(std::string_view in, const std::string& path) {
    std::vector<Source> out;
    size_t at = 0;
    while (at < in.size()) {
        if (at + 4 > in.size()) throw StoreError(path + ": the store is damaged (sources)");
        const uint32_t n = get_u32(in, at);
        at += 4;
        if (at + n + 16 > in.size()) throw StoreError(path + ": the store is damaged (sources)");
        Source s;
        s.doc.assign(in.substr(at, n));
        at += n;
        s.span = {get_u32(in, at), get_u32(in, at + 4)};
        s.date_span = {get_u32(in, at + 8), get_u32(in, at + 12)};
        at += 16;
        out.push_back(std::move(s));
    }
    return out;
}

std::string join_actors(const std::vector<CountryCode>& actors) {
    std::string out;
    for (const auto& a : actors) {
        if (!out.empty()) out += ' ';
        out += a;
    }
    return out;
}

std::string join_pairs(const std::vector<CountryPair>& pairs) {
    std::string out;
    for (const auto& p : pairs) {
        if (!out.empty()) out += ' ';
        out += pair_key(p);
    }
    return out;
}

std::vector<std::string> split_words(std::string_view s) {
    std::vector<std::string> out;
    std::istringstream in{std::string(s)};
    for (std::string w; in >> w;) out.push_back(w);
    return out;
}

CountryPair pair_from_key(const std::string& key) {
    auto dash = key.find('-');
    if (dash == std::string::npos) return {key, key};
    return {key.substr(0, dash), key.substr(dash + 1)};
}

// An event's interval as stored: its class and day numbers (0, 0 undated).
struct StoredSpan {
    int cls = kUndatedClass;
    int64_t earliest = 0;
    int64_t latest = 0;
};

StoredSpan stored_span(const Interval& iv) {
    if (!iv.anchored()) return {};
    int64_t a = day_number(*iv.earliest), b = day_number(*iv.latest);
    return {span_class(a, b), a, b};
}


// Years (Gregorian) of the interval's bounds, for the dedup time buckets.
std::vector<int64_t> buckets_of(const Interval& iv) {
    if (!iv.anchored()) return time_buckets(std::nullopt, std::nullopt);
    auto year = [](Day d) { return int64_t{static_cast<int>(date::year_month_day{d}.year())}; };
    return time_buckets(year(*iv.earliest), year(*iv.latest));
}

int64_t length_days(const Interval& iv) { return (*iv.latest - *iv.earliest).count(); }

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

constexpr std::string_view kEventColumns =
    "id, span_class, earliest, latest, value, granularity, mod, kind, lang, confidence, actors, pairs, text, sources";

class SqliteStore final : public Store {
public:
    SqliteStore(const std::filesystem::path& path, OpenMode mode);

    std::vector<Event> query(const EventQuery& q) override;
    std::vector<Event> all_events() override;
    bool has_document(std::string_view hash) override;
    WriteStats add_documents(const std::vector<DocumentEvents>& batch) override;
    WriteStats add_events(const std::vector<Event>& events) override;
    StoreStats stats() override;
    std::filesystem::path path() const override { return path_; }

private:
    enum class Outcome { Added, Merged, Unchanged };

    void create_schema();
    void check_schema();
    void prepare_writes();
    Outcome put_event(Event e);
    void insert_event(const Event& e, const std::vector<int64_t>& keys);
    bool merge_into(int64_t id, const Event& e);
    void write_lanes(int64_t id, const Event& e);
    void delete_lanes(int64_t id, const Event& old);
    Event read_row(const Statement& s) const;
    std::vector<int64_t> matching_ids(const EventQuery& q);
    Statement& cached(const std::string& sql);

    std::filesystem::path path_;
    std::unique_ptr<Db> db_;
    bool writable_ = false;
    std::map<std::string, Statement> statements_;
};

SqliteStore::SqliteStore(const std::filesystem::path& path, OpenMode mode) : path_(path) {
    const std::string name = path.string();
    const FileVerdict verdict = inspect_store_file(path);
    if (verdict.kind == FileKind::Problem) throw StoreError(fmt::format("{}: {}", name, verdict.problem));
    if (verdict.kind == FileKind::Missing && mode == OpenMode::ReadOnly)
        throw StoreError(fmt::format("{}: no such store (run `tarikh ingest` or `tarikh load` first)", name));
    if (verdict.kind == FileKind::Empty && mode == OpenMode::ReadOnly)
        throw StoreError(fmt::format("{}: not a tarikh store (empty)", name));

    if (verdict.kind == FileKind::Empty) {
        // An SQLite file without tables by its header may still have a WAL
        // holding a schema: look before writing anything.
        Db probe(name, SQLITE_OPEN_READONLY);
        Statement s(probe, "SELECT count(*), sum(name = 'tarikh_meta') FROM sqlite_schema");
        s.step();
        const int64_t tables = s.int64(0), ours = s.int64(1);
        if (tables > 0 && ours == 0)
            throw StoreError(fmt::format("{}: not a tarikh store (an SQLite database of another application)", name));
    }

    const int flags = mode == OpenMode::ReadOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    db_ = std::make_unique<Db>(name, flags | SQLITE_OPEN_NOMUTEX);
    writable_ = mode == OpenMode::ReadWrite;
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
    db_->exec("PRAGMA cache_size = -131072");  // 128 MB: queries and dedup lookups stay in memory
    if (writable_) prepare_writes();
}

void SqliteStore::create_schema() {
    // WAL: readers (the viewer, a query) never block the ingest, and a killed
    // ingest loses only its open transaction.
    db_->exec("PRAGMA journal_mode = WAL");
    db_->exec("PRAGMA synchronous = NORMAL");
    Transaction tx(*db_);
    db_->exec(fmt::format("PRAGMA application_id = {}", kApplicationId));
    db_->exec(fmt::format("PRAGMA user_version = {}", kSchemaVersion));
    db_->exec(schema_sql());
    db_->exec(fmt::format(
        "INSERT INTO tarikh_meta VALUES ('format', 'tarikh-store'), ('schema', '{}'), ('created', datetime('now'))",
        kSchemaVersion));
    tx.commit();
}

void SqliteStore::check_schema() {
    Statement s(*db_, "SELECT value FROM tarikh_meta WHERE key = 'format'");
    if (!s.step() || s.text(0) != "tarikh-store")
        throw StoreError(fmt::format("{}: not a tarikh store (no format mark)", db_->path()));
    if (writable_) db_->exec("PRAGMA synchronous = NORMAL");
}

void SqliteStore::prepare_writes() {
    auto& d = *db_;
    statements_.emplace("has_doc", Statement(d, "SELECT 1 FROM documents WHERE hash = ?1"));
    statements_.emplace("add_doc", Statement(d, "INSERT OR IGNORE INTO documents VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, datetime('now'))"));
    statements_.emplace("candidates",
                        Statement(d, "SELECT e.id, e.text FROM event_keys k JOIN events e ON e.id = k.event "
                                     "WHERE k.key = ?1 AND e.pairs = ?2 AND (CASE WHEN e.span_class < 0 THEN ?5 "
                                     "ELSE NOT ?5 AND e.earliest <= ?4 AND e.latest >= ?3 END)"));
    statements_.emplace("event_by_id", Statement(d, fmt::format("SELECT {} FROM events WHERE id = ?1", kEventColumns)));
    statements_.emplace("insert_event",
                        Statement(d, "INSERT INTO events (span_class, earliest, latest, value, granularity, mod, kind, "
                                     "lang, confidence, actors, pairs, text, n_sources, sources) VALUES "
                                     "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)"));
    statements_.emplace("update_event",
                        Statement(d, "UPDATE events SET span_class = ?2, earliest = ?3, latest = ?4, value = ?5, "
                                     "granularity = ?6, mod = ?7, confidence = ?8, n_sources = ?9, sources = ?10 "
                                     "WHERE id = ?1"));
    statements_.emplace("insert_pair", Statement(d, "INSERT OR IGNORE INTO event_pairs VALUES (?1, ?2, ?3, ?4, ?5)"));
    statements_.emplace("insert_actor", Statement(d, "INSERT OR IGNORE INTO event_actors VALUES (?1, ?2, ?3, ?4, ?5)"));
    statements_.emplace("delete_pairs", Statement(d, "DELETE FROM event_pairs WHERE pair = ?1 AND span_class = ?2 AND "
                                                     "earliest = ?3 AND latest = ?4 AND event = ?5"));
    statements_.emplace("delete_actors", Statement(d, "DELETE FROM event_actors WHERE actor = ?1 AND span_class = ?2 AND "
                                                      "earliest = ?3 AND latest = ?4 AND event = ?5"));
    statements_.emplace("insert_key", Statement(d, "INSERT OR IGNORE INTO event_keys VALUES (?1, ?2)"));
}

Statement& SqliteStore::cached(const std::string& sql) {
    auto it = statements_.find(sql);
    if (it == statements_.end()) it = statements_.emplace(sql, Statement(*db_, sql)).first;
    return it->second;
}

Event SqliteStore::read_row(const Statement& s) const {
    Event e;
    e.id = s.int64(0);
    if (s.int64(1) != kUndatedClass) {
        e.interval = {day_from_number(s.int64(2)), day_from_number(s.int64(3))};
    } else {
        // An undated event may still know one bound.
        if (!s.is_null(2)) e.interval.earliest = day_from_number(s.int64(2));
        if (!s.is_null(3)) e.interval.latest = day_from_number(s.int64(3));
    }
    e.value = s.text(4);
    e.granularity = granularity_from_string(s.text(5)).value_or(Granularity::Unknown);
    e.mod = mod_from_string(s.text(6)).value_or(Mod::None);
    e.kind = event_kind_from_string(s.text(7)).value_or(EventKind::Other);
    e.lang = lang_from_string(s.text(8)).value_or(Lang::En);
    e.confidence = static_cast<float>(s.real(9));
    for (auto& a : split_words(s.text(10))) e.actors.push_back(std::move(a));
    for (auto& p : split_words(s.text(11))) e.pairs.push_back(pair_from_key(p));
    e.text = s.text(12);
    e.sources = unpack_sources(s.text(13), db_->path());
    return e;
}

// ── Writing ──────────────────────────────────────────────────────────────

bool SqliteStore::has_document(std::string_view hash) {
    if (!writable_) {
        Statement s(*db_, "SELECT 1 FROM documents WHERE hash = ?1");
        s.bind(1, hash);
        return s.step();
    }
    auto& s = statements_.at("has_doc");
    s.bind(1, hash);
    const bool found = s.step();
    s.reset();
    return found;
}

WriteStats SqliteStore::add_documents(const std::vector<DocumentEvents>& batch) {
    if (!writable_) throw StoreError(db_->path() + ": opened read-only");
    WriteStats stats;
    Transaction tx(*db_);
    auto& add_doc = statements_.at("add_doc");
    for (const auto& de : batch) {
        const DocumentInfo& d = de.document;
        add_doc.bind(1, d.hash).bind(2, d.id).bind(3, static_cast<int64_t>(d.bytes));
        add_doc.bind(4, d.date ? std::optional<int64_t>(day_number(*d.date)) : std::nullopt);
        if (d.lang) {
            add_doc.bind(5, to_string(*d.lang));
        } else {
            add_doc.bind_null(5);
        }
        add_doc.bind(6, d.url).bind(7, static_cast<int64_t>(de.events.size()));
        add_doc.run();
        if (db_->changes() == 0) {  // same text already stored, maybe earlier in this batch
            ++stats.documents_skipped;
            continue;
        }
        ++stats.documents_added;
        for (const auto& e : de.events) {
            switch (put_event(e)) {
                case Outcome::Added: ++stats.events_added; break;
                case Outcome::Merged: ++stats.events_merged; break;
                case Outcome::Unchanged: break;
            }
        }
    }
    tx.commit();
    return stats;
}

WriteStats SqliteStore::add_events(const std::vector<Event>& events) {
    if (!writable_) throw StoreError(db_->path() + ": opened read-only");
    WriteStats stats;
    Transaction tx(*db_);
    for (const auto& e : events) {
        switch (put_event(e)) {
            case Outcome::Added: ++stats.events_added; break;
            case Outcome::Merged: ++stats.events_merged; break;
            case Outcome::Unchanged: break;
        }
    }
    tx.commit();
    return stats;
}

SqliteStore::Outcome SqliteStore::put_event(Event e) {
    normalize_actors(e);
    if (e.interval.anchored() && *e.interval.latest < *e.interval.earliest)
        std::swap(e.interval.earliest, e.interval.latest);
    const Shingles sh = shingles_of(e.text);
    const std::string pairs = join_pairs(e.pairs);
    const std::vector<int64_t> keys = dedup_keys(pairs, sh, buckets_of(e.interval));

    // The stored report of the same event: same pairs, overlapping interval,
    // the most similar wording above the threshold.
    // Keys narrow the search to a few events; pairs and time are checked in
    // SQL, the wording here.
    const StoredSpan span = stored_span(e.interval);
    std::vector<std::pair<int64_t, std::string>> candidates;
    auto& lookup = statements_.at("candidates");
    for (int64_t key : keys) {
        lookup.bind(1, key).bind(2, pairs).bind(3, span.earliest).bind(4, span.latest);
        lookup.bind(5, int64_t{span.cls == kUndatedClass});
        while (lookup.step()) candidates.emplace_back(lookup.int64(0), std::string(lookup.text(1)));
        lookup.reset();
    }
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    int64_t best_id = 0;
    double best_score = 0;
    for (const auto& [id, text] : candidates) {
        const double score = jaccard(shingles_of(text), sh);
        if (score >= kSameWording && score > best_score) {
            best_score = score;
            best_id = id;
        }
    }
    std::optional<Event> best;
    if (best_id) {
        auto& row = statements_.at("event_by_id");
        row.bind(1, best_id);
        if (row.step()) best = read_row(row);
        row.reset();
    }

    if (!best) {
        insert_event(e, keys);
        return Outcome::Added;
    }
    // Merge: all sources; the more precise interval; the higher confidence.
    Event merged = *best;
    bool changed = false;
    for (const auto& s : e.sources) {
        if (std::find(merged.sources.begin(), merged.sources.end(), s) == merged.sources.end()) {
            merged.sources.push_back(s);
            changed = true;
        }
    }
    if (e.interval.anchored() && length_days(e.interval) < length_days(merged.interval)) {
        merged.interval = e.interval;
        merged.value = e.value;
        merged.granularity = e.granularity;
        merged.mod = e.mod;
        changed = true;
    }
    if (e.confidence > merged.confidence) {
        merged.confidence = e.confidence;
        changed = true;
    }
    if (!changed) return Outcome::Unchanged;
    merge_into(best->id, merged);
    if (merged.interval != best->interval) {
        delete_lanes(best->id, *best);
        write_lanes(best->id, merged);
        auto& k = statements_.at("insert_key");  // findable from its new years too
        for (int64_t key : keys) {
            k.bind(1, key).bind(2, best->id);
            k.run();
        }
    }
    return Outcome::Merged;
}

void SqliteStore::insert_event(const Event& e, const std::vector<int64_t>& keys) {
    const StoredSpan span = stored_span(e.interval);
    auto& s = statements_.at("insert_event");
    s.bind(1, int64_t{span.cls});
    s.bind(2, e.interval.earliest ? std::optional<int64_t>(day_number(*e.interval.earliest)) : std::nullopt);
    s.bind(3, e.interval.latest ? std::optional<int64_t>(day_number(*e.interval.latest)) : std::nullopt);
    s.bind(4, e.value).bind(5, to_string(e.granularity)).bind(6, to_string(e.mod)).bind(7, to_string(e.kind));
    s.bind(8, to_string(e.lang)).bind(9, double{e.confidence});
    s.bind(10, join_actors(e.actors)).bind(11, join_pairs(e.pairs)).bind(12, e.text);
    s.bind(13, static_cast<int64_t>(e.sources.size())).bind_blob(14, pack_sources(e.sources));
    s.run();
    const int64_t id = db_->last_insert_rowid();
    write_lanes(id, e);
    auto& k = statements_.at("insert_key");
    for (int64_t key : keys) {
        k.bind(1, key).bind(2, id);
        k.run();
    }
}

bool SqliteStore::merge_into(int64_t id, const Event& e) {
    const StoredSpan span = stored_span(e.interval);
    auto& s = statements_.at("update_event");
    s.bind(1, id).bind(2, int64_t{span.cls});
    s.bind(3, e.interval.earliest ? std::optional<int64_t>(day_number(*e.interval.earliest)) : std::nullopt);
    s.bind(4, e.interval.latest ? std::optional<int64_t>(day_number(*e.interval.latest)) : std::nullopt);
    s.bind(5, e.value).bind(6, to_string(e.granularity)).bind(7, to_string(e.mod)).bind(8, double{e.confidence});
    s.bind(9, static_cast<int64_t>(e.sources.size())).bind_blob(10, pack_sources(e.sources));
    s.run();
    return db_->changes() > 0;
}

void SqliteStore::write_lanes(int64_t id, const Event& e) {
    const StoredSpan span = stored_span(e.interval);
    auto& p = statements_.at("insert_pair");
    for (const auto& pair : e.pairs) {
        p.bind(1, pair_key(pair)).bind(2, int64_t{span.cls}).bind(3, span.earliest).bind(4, span.latest).bind(5, id);
        p.run();
    }
    auto& a = statements_.at("insert_actor");
    for (const auto& actor : e.actors) {
        a.bind(1, actor).bind(2, int64_t{span.cls}).bind(3, span.earliest).bind(4, span.latest).bind(5, id);
        a.run();
    }
}

void SqliteStore::delete_lanes(int64_t id, const Event& old) {
    const StoredSpan span = stored_span(old.interval);
    auto& p = statements_.at("delete_pairs");
    for (const auto& pair : old.pairs) {
        p.bind(1, pair_key(pair)).bind(2, int64_t{span.cls}).bind(3, span.earliest).bind(4, span.latest).bind(5, id);
        p.run();
    }
    auto& a = statements_.at("delete_actors");
    for (const auto& actor : old.actors) {
        a.bind(1, actor).bind(2, int64_t{span.cls}).bind(3, span.earliest).bind(4, span.latest).bind(5, id);
        a.run();
    }
}

// ── Reading ──────────────────────────────────────────────────────────────

// The ids of the matching events, in result order. The driving table is the
// narrowest index the query names: a pair's lane, an actor's, or the events'
// own interval index; the other filters are checked on the event row.
std::vector<int64_t> SqliteStore::matching_ids(const EventQuery& q) {
    std::string from_clause, key_filter, key_value;
    std::string id_col;
    if (q.pair) {
        from_clause = "event_pairs d";
        key_filter = "d.pair = ?3 AND ";
        CountryPair p = *q.pair;
        if (p.second < p.first) std::swap(p.first, p.second);
        key_value = pair_key(p);
        id_col = "d.event";
    } else if (q.actor) {
        from_clause = "event_actors d";
        key_filter = "d.actor = ?3 AND ";
        key_value = *q.actor;
        id_col = "d.event";
    } else {
        from_clause = "events d";
        id_col = "d.id";
    }
    std::string row_filter;
    const bool needs_row = q.kind || !q.text.empty() || (q.pair && q.actor);
    if (needs_row && id_col != "d.id") from_clause += " JOIN events e ON e.id = d.event";
    const std::string e = id_col == "d.id" ? "d" : "e";
    if (q.kind) row_filter += fmt::format(" AND {}.kind = ?4", e);
    if (!q.text.empty()) row_filter += fmt::format(" AND tarikh_has_words({}.text, ?5)", e);
    if (q.pair && q.actor) row_filter += fmt::format(" AND instr(' ' || {}.actors || ' ', ?6) > 0", e);
    const std::string limit = q.limit ? " LIMIT ?7" : "";

    std::string sql;
    if (q.undated) {
        sql = fmt::format("SELECT {0} FROM {1} WHERE {2}d.span_class = {3}{4} ORDER BY {0}{5}", id_col, from_clause,
                          key_filter, kUndatedClass, row_filter, limit);
    } else {
        const int64_t from = q.from ? day_number(*q.from) : kMinusInfinity;
        const int64_t to = q.to ? day_number(*q.to) : kPlusInfinity;
        if (from > to) return {};
        std::vector<std::string> parts;
        for (int c = 0; c <= kOpenClass; ++c) {
            std::string range;
            if (q.within) {
                if (span_class_min_days(c) > to - from + 1) break;
                range = "d.earliest BETWEEN ?1 AND ?2 AND d.latest <= ?2";
            } else if (c == kOpenClass) {
                range = "d.earliest <= ?2 AND d.latest >= ?1";
            } else {
                range = fmt::format("d.earliest BETWEEN ?1 - {} AND ?2 AND d.latest >= ?1", span_class_max_days(c) - 1);
            }
            std::string part = fmt::format("SELECT {} AS id, d.earliest AS a, d.latest AS b FROM {} WHERE {}d.span_class = {} AND {}{}",
                                           id_col, from_clause, key_filter, c, range, row_filter);
            // With a limit, each class contributes only its first rows: they
            // come out of the index already in order.
            if (q.limit) part = fmt::format("SELECT * FROM ({} ORDER BY d.earliest, d.latest, {}{})", part, id_col, limit);
            parts.push_back(std::move(part));
        }
        if (parts.empty()) return {};
        std::string all;
        for (const auto& p : parts) all += (all.empty() ? "" : " UNION ALL ") + p;
        sql = fmt::format("SELECT id FROM ({}) ORDER BY a, b, id{}", all, limit);
    }

    Statement& s = cached(sql);
    if (!q.undated) {
        s.bind(1, q.from ? day_number(*q.from) : kMinusInfinity);
        s.bind(2, q.to ? day_number(*q.to) : kPlusInfinity);
    }
    if (!key_value.empty()) s.bind(3, key_value);
    if (q.kind) s.bind(4, to_string(*q.kind));
    if (!q.text.empty()) {
        std::string words;
        for (const auto& w : split_words(fold(q.text))) words += w + '\n';
        s.bind(5, words);
    }
    if (q.pair && q.actor) s.bind(6, " " + *q.actor + " ");
    if (q.limit) s.bind(7, static_cast<int64_t>(q.limit));
    std::vector<int64_t> ids;
    while (s.step()) ids.push_back(s.int64(0));
    s.reset();
    return ids;
}

std::vector<Event> SqliteStore::query(const EventQuery& q) {
    const std::vector<int64_t> ids = matching_ids(q);
    std::vector<Event> out;
    out.reserve(ids.size());
    Statement& row = cached(fmt::format("SELECT {} FROM events WHERE id = ?1", kEventColumns));
    for (int64_t id : ids) {
        row.bind(1, id);
        if (row.step()) out.push_back(read_row(row));
        row.reset();
    }
    return out;
}

std::vector<Event> SqliteStore::all_events() {
    std::vector<Event> out;
    Statement s(*db_, fmt::format("SELECT {} FROM events WHERE span_class >= 0", kEventColumns));
    while (s.step()) out.push_back(read_row(s));
    std::sort(out.begin(), out.end(), [](const Event& a, const Event& b) {
        if (a.interval.earliest != b.interval.earliest) return *a.interval.earliest < *b.interval.earliest;
        if (a.interval.latest != b.interval.latest) return *a.interval.latest < *b.interval.latest;
        return a.id < b.id;
    });
    return out;
}

StoreStats SqliteStore::stats() {
    StoreStats st;
    Statement docs(*db_, "SELECT count(*) FROM documents");
    docs.step();
    st.documents = static_cast<size_t>(docs.int64(0));
    Statement ev(*db_,
                 "SELECT count(*), coalesce(sum(span_class < 0), 0), coalesce(sum(n_sources), 0), "
                 "min(CASE WHEN span_class >= 0 THEN earliest END), max(CASE WHEN span_class >= 0 THEN latest END) "
                 "FROM events");
    ev.step();
    st.events = static_cast<size_t>(ev.int64(0));
    st.undated_events = static_cast<size_t>(ev.int64(1));
    st.sources = static_cast<size_t>(ev.int64(2));
    if (auto a = ev.opt_int64(3)) st.earliest = day_from_number(*a);
    if (auto b = ev.opt_int64(4)) st.latest = day_from_number(*b);
    return st;
}

}  // namespace
}  // namespace store

std::unique_ptr<Store> open_sqlite_store(const std::filesystem::path& path, OpenMode mode) {
    return std::make_unique<store::SqliteStore>(path, mode);
}

}  // namespace tarikh
