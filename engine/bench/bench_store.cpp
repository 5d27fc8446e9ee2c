// Store benchmarks (issue 3 §9):
//   tarikh-bench ingest FILE…     MB/s of extract + store on real news (articles separated by blank lines)
//   tarikh-bench load N [PG_URI]  events/s of `tarikh load` (JSON Lines → store), of the store alone, and of
//                                 the engine's own floor for the same rows; with PG_URI (an empty database,
//                                 emptied again at each run) the same on PostgreSQL
//   tarikh-bench query [N] [DB]   latency p50/p99 of 1-day, 1-month and 10-year windows on an N-event store
//   tarikh-bench synth N OUT      writes N synthetic events as JSON Lines (for `tarikh load`)
// Stores are made under $TARIKH_BENCH_DIR (default /tmp) and the query store is kept for the next run.
#include "bench/bench.h"
#include "bench/synthetic_events.h"

#include "tarikh/event_json.h"
#include "tarikh/event_lines.h"
#include "tarikh/ingest.h"
#include "tarikh/store.h"

#include "store/pg_db.h"
#include "store/schema.h"

#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>

#include <sqlite3.h>

namespace tarikh::bench {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

fs::path bench_dir() {
    const char* d = std::getenv("TARIKH_BENCH_DIR");
    return d && *d ? fs::path(d) : fs::temp_directory_path();
}

void remove_store(const fs::path& p) {
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(p.string() + suffix);
}

std::optional<size_t> count_argument(const std::string& s) {
    char* end = nullptr;
    const unsigned long long n = std::strtoull(s.c_str(), &end, 10);
    if (s.empty() || *end != '\0' || n == 0) return std::nullopt;
    return static_cast<size_t>(n);
}

bool write_synthetic(size_t n, const fs::path& out_path) {
    std::FILE* out = std::fopen(out_path.c_str(), "wb");
    if (!out) return false;
    SyntheticEvents gen(1);
    std::string buffer;
    for (size_t i = 0; i < n; ++i) {
        buffer += event_to_json(gen.next());
        buffer += '\n';
        if (buffer.size() > (1 << 20)) {
            std::fwrite(buffer.data(), 1, buffer.size(), out);
            buffer.clear();
        }
    }
    std::fwrite(buffer.data(), 1, buffer.size(), out);
    return std::fclose(out) == 0;
}

double percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, static_cast<size_t>(p * static_cast<double>(v.size())))];
}

// ── ingest ───────────────────────────────────────────────────────────────

std::vector<Document> articles_of(const std::string& path, const std::string& text) {
    std::vector<Document> out;
    size_t start = 0;
    while (start < text.size()) {
        size_t end = text.find("\n\n", start);
        if (end == std::string::npos) end = text.size();
        if (end > start) {
            Document d;
            d.id = fmt::format("{}#{}", path, out.size() + 1);
            d.text = text.substr(start, end - start);
            out.push_back(std::move(d));
        }
        start = end + 2;
    }
    return out;
}

bool setup_ingest(const std::vector<std::string>& files) {
    if (files.empty()) {
        std::fprintf(stderr, "tarikh-bench ingest: give one or more text files (articles separated by blank lines)\n");
        return false;
    }
    static const Parser parser;
    static const Extractor extractor(parser);
    for (const std::string& f : files) {
        std::ifstream in(f, std::ios::binary);
        if (!in) {
            std::fprintf(stderr, "tarikh-bench ingest: cannot read %s\n", f.c_str());
            return false;
        }
        const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
        auto docs = std::make_shared<std::vector<Document>>(articles_of(f, text));
        const size_t bytes = text.size();
        const std::string name = fs::path(f).filename().string();

        benchmark::RegisterBenchmark(("ingest/" + name).c_str(), [docs, bytes, name](benchmark::State& state) {
            const fs::path db = bench_dir() / "tarikh-bench-ingest.db";
            IngestResult r;
            for (auto _ : state) {
                state.PauseTiming();
                remove_store(db);
                state.ResumeTiming();
                auto store = open_sqlite_store(db, OpenMode::ReadWrite);
                size_t i = 0;
                r = ingest([&]() -> std::optional<Document> { return i < docs->size() ? std::optional((*docs)[i++]) : std::nullopt; },
                           extractor, *store);
            }
            remove_store(db);
            state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
            state.counters["articles"] = static_cast<double>(docs->size());
            state.counters["events"] = static_cast<double>(r.written.events_added);
            state.counters["merged"] = static_cast<double>(r.written.events_merged);
        })->Unit(benchmark::kMillisecond)->Iterations(1)->UseRealTime();

        // Extraction alone (all cores), to see what the store adds.
        benchmark::RegisterBenchmark(("ingest/extract-only/" + name).c_str(), [docs, bytes](benchmark::State& state) {
            size_t events = 0;
            for (auto _ : state)
                for (size_t i = 0; i < docs->size(); i += 256) {
                    std::vector<Document> batch(docs->begin() + i, docs->begin() + std::min(docs->size(), i + 256));
                    for (auto& x : extract_parallel(batch, extractor)) events += x.events.size();
                }
            state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
            state.counters["events"] = static_cast<double>(events) / static_cast<double>(state.iterations());
        })->Unit(benchmark::kMillisecond)->Iterations(1)->UseRealTime();
    }
    return true;
}

// ── load ─────────────────────────────────────────────────────────────────

// An empty database for the next run: the store's tables dropped.
void empty_database(const std::string& uri) {
    store::PgDb pg(uri);
    pg.exec("SET client_min_messages = warning");
    pg.exec("DROP SCHEMA public CASCADE; CREATE SCHEMA public");
}

// PostgreSQL: `tarikh load` into an empty database, and its floor, a plain
// COPY of the rows that load wrote into the same schema (its indexes and
// constraints included), table by table in one transaction.
void register_postgresql_load(const std::string& uri, const fs::path& jsonl, size_t count) {
    auto rows = std::make_shared<std::vector<std::pair<std::string, std::string>>>();
    benchmark::RegisterBenchmark("load/pg/jsonl-to-new-store", [=](benchmark::State& state) {
        LoadResult r;
        for (auto _ : state) {
            state.PauseTiming();
            empty_database(uri);
            state.ResumeTiming();
            auto pg = open_store(uri, OpenMode::ReadWrite);
            EventReader reader({jsonl});
            r = load_events(reader, *pg);
        }
        store::PgDb pg(uri);
        rows->clear();
        for (const char* table : {"lanes", "events", "event_lanes", "dedup_keys"})
            rows->emplace_back(table, pg.copy_out(fmt::format("COPY {} TO STDOUT", table)));
        state.counters["events/s"] = benchmark::Counter(static_cast<double>(count), benchmark::Counter::kIsIterationInvariantRate);
        state.counters["added"] = static_cast<double>(r.written.events_added);
    })->Unit(benchmark::kMillisecond)->Iterations(1)->UseRealTime();

    benchmark::RegisterBenchmark("load/pg/copy-floor", [=](benchmark::State& state) {
        for (auto _ : state) {
            state.PauseTiming();
            empty_database(uri);
            open_store(uri, OpenMode::ReadWrite);  // the schema
            store::PgDb pg(uri);
            state.ResumeTiming();
            pg.exec("BEGIN");
            for (const auto& [table, data] : *rows) pg.copy(fmt::format("COPY {} FROM STDIN", table), data);
            pg.exec("COMMIT");
        }
        state.counters["events/s"] = benchmark::Counter(static_cast<double>(count), benchmark::Counter::kIsIterationInvariantRate);
    })->Unit(benchmark::kMillisecond)->Iterations(1)->UseRealTime();
}

bool setup_load(const std::vector<std::string>& args) {
    auto n = !args.empty() && args.size() <= 2 ? count_argument(args[0]) : std::nullopt;
    if (!n || (args.size() == 2 && !is_postgresql_location(args[1]))) {
        std::fprintf(stderr, "tarikh-bench load: N [postgresql://…], e.g. load 200000\n");
        return false;
    }
    const fs::path jsonl = bench_dir() / fmt::format("tarikh-bench-load-{}.jsonl", *n);
    if (!fs::exists(jsonl) && !write_synthetic(*n, jsonl)) {
        std::fprintf(stderr, "tarikh-bench load: cannot write %s\n", jsonl.c_str());
        return false;
    }
    const size_t count = *n;
    const fs::path db = bench_dir() / "tarikh-bench-load.db";

    benchmark::RegisterBenchmark("load/jsonl-to-new-store", [=](benchmark::State& state) {
        LoadResult r;
        for (auto _ : state) {
            state.PauseTiming();
            remove_store(db);
            state.ResumeTiming();
            auto store = open_sqlite_store(db, OpenMode::ReadWrite);
            EventReader reader({jsonl});
            r = load_events(reader, *store);
        }
        state.counters["events/s"] = benchmark::Counter(static_cast<double>(count), benchmark::Counter::kIsIterationInvariantRate);
        state.counters["added"] = static_cast<double>(r.written.events_added);
        state.counters["merged"] = static_cast<double>(r.written.events_merged);
    })->Unit(benchmark::kMillisecond)->Iterations(1)->UseRealTime();

    // The same file again into the store just made: every event is found and
    // left as it is (idempotence has a price: the dedup lookups).
    benchmark::RegisterBenchmark("load/jsonl-again", [=](benchmark::State& state) {
        LoadResult r;
        for (auto _ : state) {
            auto store = open_sqlite_store(db, OpenMode::ReadWrite);
            EventReader reader({jsonl});
            r = load_events(reader, *store);
        }
        state.counters["events/s"] = benchmark::Counter(static_cast<double>(count), benchmark::Counter::kIsIterationInvariantRate);
        state.counters["added"] = static_cast<double>(r.written.events_added);
    })->Unit(benchmark::kMillisecond)->Iterations(1)->UseRealTime();

    // The floor: SQLite alone writing the rows the load just wrote, into a
    // new store of the same schema, in the order the load wrote them, with one
    // statement per table in one transaction (no JSON, no dedup, no statement
    // per row), with the tarikh pragmas. A bulk load cannot beat this here,
    // whatever it does above SQLite.
    benchmark::RegisterBenchmark("load/sqlite-floor", [=](benchmark::State& state) {
        const fs::path raw = bench_dir() / "tarikh-bench-floor.db";
        for (auto _ : state) {
            state.PauseTiming();
            remove_store(raw);
            state.ResumeTiming();
            sqlite3* floor = nullptr;
            sqlite3_open(raw.c_str(), &floor);
            const std::string sql = fmt::format(R"sql(
PRAGMA page_size = 16384; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -131072;
PRAGMA wal_autocheckpoint = 4096;
{}
ATTACH '{}' AS loaded;
BEGIN;
INSERT INTO lanes SELECT * FROM loaded.lanes ORDER BY id;
INSERT INTO events SELECT * FROM loaded.events ORDER BY id;
INSERT INTO event_lanes SELECT * FROM loaded.event_lanes ORDER BY event;
INSERT INTO dedup SELECT * FROM loaded.dedup ORDER BY event;
COMMIT;)sql", store::schema_sql(), db.string());
            char* error = nullptr;
            if (sqlite3_exec(floor, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
                state.SkipWithError(error ? error : "sqlite error (run load/jsonl-to-new-store first)");
                sqlite3_free(error);
            }
            sqlite3_close(floor);
        }
        remove_store(raw);
        state.counters["events/s"] = benchmark::Counter(static_cast<double>(count), benchmark::Counter::kIsIterationInvariantRate);
    })->Unit(benchmark::kMillisecond)->Iterations(1)->UseRealTime();

    // The store alone: events already in memory.
    benchmark::RegisterBenchmark("load/store-only", [=](benchmark::State& state) {
        SyntheticEvents gen(1);
        const std::vector<Event> events = gen.take(count);
        for (auto _ : state) {
            state.PauseTiming();
            remove_store(db);
            state.ResumeTiming();
            auto store = open_sqlite_store(db, OpenMode::ReadWrite);
            for (size_t i = 0; i < events.size(); i += 20000)
                store->add_events({events.begin() + i, events.begin() + std::min(events.size(), i + 20000)});
        }
        remove_store(db);
        state.counters["events/s"] = benchmark::Counter(static_cast<double>(count), benchmark::Counter::kIsIterationInvariantRate);
    })->Unit(benchmark::kMillisecond)->Iterations(1)->UseRealTime();
    if (args.size() == 2) register_postgresql_load(args[1], jsonl, count);
    return true;
}

// ── query ────────────────────────────────────────────────────────────────

bool build_query_store(const fs::path& db, size_t n) {
    std::fprintf(stderr, "tarikh-bench query: building %s with %zu synthetic events…\n", db.c_str(), n);
    const auto t0 = Clock::now();
    const fs::path tmp = db.string() + ".building";
    remove_store(tmp);
    {
        auto store = open_sqlite_store(tmp, OpenMode::ReadWrite);
        SyntheticEvents gen(1);
        for (size_t done = 0; done < n;) {
            const size_t k = std::min<size_t>(20000, n - done);
            store->add_events(gen.take(k));
            done += k;
        }
    }
    fs::rename(tmp, db);
    std::fprintf(stderr, "tarikh-bench query: built in %.1f s\n",
                 std::chrono::duration<double>(Clock::now() - t0).count());
    return true;
}

void register_window(const std::shared_ptr<Store>& store, const std::string& name, int days, size_t limit) {
    auto windows = std::make_shared<std::vector<Window>>(random_windows(1000, days, 42 + days));
    benchmark::RegisterBenchmark(name.c_str(), [store, windows, limit](benchmark::State& state) {
        std::vector<double> ms;
        size_t results = 0, i = 0;
        for (auto _ : state) {
            const Window& w = (*windows)[i++ % windows->size()];
            EventQuery q;
            q.from = w.from;
            q.to = w.to;
            q.limit = limit;
            const auto t0 = Clock::now();
            auto events = store->query(q);
            ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
            results += events.size();
            benchmark::DoNotOptimize(events);
        }
        state.counters["p50_ms"] = percentile(ms, 0.50);
        state.counters["p99_ms"] = percentile(ms, 0.99);
        state.counters["results"] = static_cast<double>(results) / static_cast<double>(ms.size());
    })->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(1.0);
}

bool setup_query(const std::vector<std::string>& args) {
    const size_t n = args.empty() ? 1000000 : count_argument(args[0]).value_or(0);
    if (n == 0 || args.size() > 2) {
        std::fprintf(stderr, "tarikh-bench query: [N] [DB], e.g. query 1000000\n");
        return false;
    }
    // DB: an SQLite file (made when missing) or a PostgreSQL store already
    // loaded (`tarikh-bench synth N F && tarikh load --db postgresql://… F`).
    const std::string db = args.size() == 2 ? args[1] : (bench_dir() / fmt::format("tarikh-bench-query-{}.db", n)).string();
    if (!is_postgresql_location(db) && !fs::exists(db) && !build_query_store(db, n)) return false;
    std::shared_ptr<Store> store;
    try {
        store = open_store(db, OpenMode::ReadOnly);
    } catch (const StoreError& e) {
        std::fprintf(stderr, "tarikh-bench query: %s\n", e.what());
        return false;
    }
    std::fprintf(stderr, "tarikh-bench query: %s holds %zu events\n", store->location().c_str(), store->stats().events);
    for (auto [label, days] : {std::pair{"1-day", 1}, std::pair{"1-month", 30}, std::pair{"10-year", 3652}}) {
        register_window(store, fmt::format("query/{}/first-100", label), days, 100);
        register_window(store, fmt::format("query/{}/all", label), days, 0);
    }
    return true;
}

// ── synth ────────────────────────────────────────────────────────────────

bool setup_synth(const std::vector<std::string>& args) {
    auto n = args.size() == 2 ? count_argument(args[0]) : std::nullopt;
    if (!n) {
        std::fprintf(stderr, "tarikh-bench synth: N OUT.jsonl, e.g. synth 1000000 /tmp/events.jsonl\n");
        return false;
    }
    const fs::path out = args[1];
    const size_t count = *n;
    benchmark::RegisterBenchmark("synth/write-jsonl", [out, count](benchmark::State& state) {
        for (auto _ : state)
            if (!write_synthetic(count, out)) state.SkipWithError(("cannot write " + out.string()).c_str());
        state.counters["events/s"] = benchmark::Counter(static_cast<double>(count), benchmark::Counter::kIsIterationInvariantRate);
    })->Unit(benchmark::kMillisecond)->Iterations(1)->UseRealTime();
    return true;
}

}  // namespace

TARIKH_BENCH_SUITE("ingest", "FILE…  (MB/s of extract + store on real news; articles separated by blank lines)", setup_ingest);
TARIKH_BENCH_SUITE("load", "N [PG_URI]  (events/s of tarikh load on N synthetic events, and of the floor; PG_URI: an empty database)", setup_load);
TARIKH_BENCH_SUITE("query", "[N] [DB]  (latency of 1-day, 1-month, 10-year windows on an N-event store, default 1M; DB may be a loaded postgresql:// store)", setup_query);
TARIKH_BENCH_SUITE("synth", "N OUT.jsonl  (writes N synthetic events for tarikh load)", setup_synth);

}  // namespace tarikh::bench
