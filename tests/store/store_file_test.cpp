// A --db that is not a tarikh store is refused with a message naming it, and
// left byte for byte as it was; an ingest killed at any moment leaves a store
// that opens, answers, and completes when the load is run again.
#include "store_fixtures.h"

#include "tarikh/store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <cstring>
#include <random>
#include <chrono>
#include <thread>

namespace tarikh {
namespace {

using testing::day;
using testing::make_event;
using testing::read_bytes;
using testing::ScratchDir;
using testing::write_bytes;

// Opening `path` in either mode throws a StoreError naming the file, and the
// file and its directory are unchanged (no -wal or -shm beside it).
void expect_refused(const std::filesystem::path& path, const std::string& why) {
    const std::string before = read_bytes(path);
    for (OpenMode mode : {OpenMode::ReadWrite, OpenMode::ReadOnly}) {
        try {
            open_sqlite_store(path, mode);
            ADD_FAILURE() << path << " was opened as a store";
        } catch (const StoreError& e) {
            EXPECT_NE(std::string(e.what()).find(path.string()), std::string::npos) << e.what();
            EXPECT_NE(std::string(e.what()).find(why), std::string::npos) << e.what();
        }
    }
    EXPECT_EQ(read_bytes(path), before);
    EXPECT_FALSE(std::filesystem::exists(path.string() + "-wal"));
    EXPECT_FALSE(std::filesystem::exists(path.string() + "-shm"));
}

void sql(const std::filesystem::path& path, const char* statements) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db, statements, nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
    sqlite3_close(db);
}

std::vector<Event> many_events(size_t n, const std::string& doc) {
    std::vector<Event> out;
    for (size_t i = 0; i < n; ++i)
        out.push_back(make_event("Event number " + std::to_string(i) + " of a long and varied chronology, item " +
                                     std::to_string(i * 7919 % 1000),
                                 day(2000, 1, 1) + date::days(i % 9000), day(2000, 1, 1) + date::days(i % 9000 + i % 40),
                                 {"AZ", i % 3 ? "IL" : "TR"}, doc, static_cast<uint32_t>(i * 100)));
    return out;
}

TEST(NotAStore, TextFile) {
    ScratchDir dir;
    write_bytes(dir / "notes.db", "these are my notes\nnot a database\n");
    expect_refused(dir / "notes.db", "not an SQLite database");
}

TEST(NotAStore, ShortBinaryFile) {
    ScratchDir dir;
    write_bytes(dir / "x.db", std::string("SQLite format 3\0\x10", 18));
    expect_refused(dir / "x.db", "not an SQLite database");
}

TEST(NotAStore, SqliteDatabaseOfAnotherApplication) {
    ScratchDir dir;
    sql(dir / "other.db", "CREATE TABLE people(name TEXT); INSERT INTO people VALUES ('x');");
    expect_refused(dir / "other.db", "another application");
}

TEST(NotAStore, OtherSqliteInWalMode) {
    ScratchDir dir;
    sql(dir / "other.db", "PRAGMA journal_mode=WAL; CREATE TABLE t(x); INSERT INTO t VALUES (1);");
    expect_refused(dir / "other.db", "another application");
}

TEST(NotAStore, SqliteDatabaseWithEventsTableButNotOurs) {
    ScratchDir dir;
    sql(dir / "lookalike.db", "CREATE TABLE events(id INTEGER PRIMARY KEY, text TEXT);");
    expect_refused(dir / "lookalike.db", "another application");
}

TEST(NotAStore, TruncatedStore) {
    ScratchDir dir;
    {
        auto store = open_sqlite_store(dir / "t.db", OpenMode::ReadWrite);
        store->add_events(many_events(2000, "d"));
    }
    ASSERT_FALSE(std::filesystem::exists(dir / "t.db-wal"));  // checkpointed on close
    std::string bytes = read_bytes(dir / "t.db");
    ASSERT_GT(bytes.size(), 8192u);
    write_bytes(dir / "cut.db", bytes.substr(0, bytes.size() / 2));
    expect_refused(dir / "cut.db", "truncated");
    write_bytes(dir / "odd.db", bytes.substr(0, bytes.size() - 100));
    expect_refused(dir / "odd.db", "truncated");
}

// A writer killed during a checkpoint leaves the file shorter than the page
// count its header already has, and the WAL that holds the rest: a store
// SQLite completes on open, not a truncated file.
TEST(StoreFile, InterruptedCheckpointIsNotTruncation) {
    ScratchDir dir;
    const auto path = dir / "c.db";
    { open_sqlite_store(path, OpenMode::ReadWrite); }  // the schema, checkpointed
    const size_t before = read_bytes(path).size();
    // Write without a checkpoint and copy the files while the writer is open,
    // as a kill would leave them.
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db,
                           "PRAGMA wal_autocheckpoint = 0;"
                           "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000) "
                           "INSERT INTO events(span_class, earliest, latest, value, granularity, mod, kind, lang, "
                           "confidence, actors, pairs, text, n_sources, sources) "
                           "SELECT 0, 19000 + i, 19000 + i, '2022', 'day', '', 'other', 'en', 0.9, 'AZ', 'AZ', "
                           "hex(randomblob(100)), 0, x'' FROM n",
                           nullptr, nullptr, nullptr),
              SQLITE_OK)
        << sqlite3_errmsg(db);
    const std::string wal = read_bytes(path.string() + "-wal");
    ASSERT_GT(wal.size(), 0u);
    std::string file = read_bytes(path);
    // The first page as the checkpoint would have written it: a page count
    // well past the end of the file.
    const uint32_t pages = 4 * static_cast<uint32_t>(file.size() / 16384 + 1);
    for (int i = 0; i < 4; ++i) file[28 + i] = static_cast<char>(pages >> (24 - 8 * i));
    std::memcpy(&file[92], &file[24], 4);  // "version valid for" = change counter: the count is trusted
    sqlite3_close(db);
    const auto copy = dir / "k.db";
    write_bytes(copy, file.substr(0, std::max(before, file.size())));
    write_bytes(copy.string() + "-wal", wal);
    auto store = open_sqlite_store(copy, OpenMode::ReadWrite);
    EXPECT_EQ(store->count(EventQuery{}), 3000u);  // rows written around tarikh: its counts do not know them
}

// Killed before its first checkpoint, a new store is one page with no tables
// in the file and everything in the WAL: readers open it, not "empty".
TEST(StoreFile, KilledBeforeTheFirstCheckpointIsReadable) {
    ScratchDir dir;
    const auto path = dir / "w.db";
    pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        auto store = open_sqlite_store(path, OpenMode::ReadWrite);
        store->add_events(many_events(500, "w"));
        _exit(0);  // no destructor, no checkpoint: as a kill leaves it
    }
    int status = 0;
    waitpid(child, &status, 0);
    ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    ASSERT_GT(std::filesystem::file_size(path.string() + "-wal"), 0u);
    auto reader = open_sqlite_store(path, OpenMode::ReadOnly);
    EXPECT_EQ(reader->stats().events, 500u);
}

TEST(NotAStore, DamagedHeader) {
    ScratchDir dir;
    { open_sqlite_store(dir / "t.db", OpenMode::ReadWrite)->add_events(many_events(10, "d")); }
    std::string bytes = read_bytes(dir / "t.db");
    bytes[3] = 'X';  // the magic string
    write_bytes(dir / "magic.db", bytes);
    expect_refused(dir / "magic.db", "not an SQLite database");
}

TEST(NotAStore, Directory) {
    ScratchDir dir;
    std::filesystem::create_directory(dir / "d.db");
    EXPECT_THROW(open_sqlite_store(dir / "d.db", OpenMode::ReadWrite), StoreError);
}

TEST(NotAStore, MissingStoreIsNotCreatedByReaders) {
    ScratchDir dir;
    try {
        open_sqlite_store(dir / "none.db", OpenMode::ReadOnly);
        ADD_FAILURE();
    } catch (const StoreError& e) {
        EXPECT_NE(std::string(e.what()).find("none.db"), std::string::npos);
    }
    EXPECT_FALSE(std::filesystem::exists(dir / "none.db"));
}

TEST(NotAStore, DamagedPagesInsideAStoreAreReportedNotCrashed) {
    ScratchDir dir;
    { open_sqlite_store(dir / "t.db", OpenMode::ReadWrite)->add_events(many_events(3000, "d")); }
    std::string bytes = read_bytes(dir / "t.db");
    // Scribble over every page after the first few, keeping the header.
    for (size_t i = 4096 * 3; i < bytes.size(); i += 97) bytes[i] = static_cast<char>(i * 31);
    write_bytes(dir / "t.db", bytes);
    try {
        auto store = open_sqlite_store(dir / "t.db", OpenMode::ReadOnly);
        store->all_events();
        store->stats();
    } catch (const StoreError& e) {
        EXPECT_NE(std::string(e.what()).find("t.db"), std::string::npos) << e.what();
    }
}

TEST(StoreFile, EmptyFileBecomesAStore) {
    ScratchDir dir;
    write_bytes(dir / "e.db", "");
    auto store = open_sqlite_store(dir / "e.db", OpenMode::ReadWrite);
    EXPECT_EQ(store->stats().events, 0u);
}

TEST(StoreFile, ReopensAndKeepsWriting) {
    ScratchDir dir;
    { open_sqlite_store(dir / "t.db", OpenMode::ReadWrite)->add_events(many_events(10, "a")); }
    { open_sqlite_store(dir / "t.db", OpenMode::ReadWrite)->add_events(many_events(20, "b")); }
    auto store = open_sqlite_store(dir / "t.db", OpenMode::ReadOnly);
    EXPECT_EQ(store->stats().events, 20u);  // the first ten were merged: same wording, same dates
    EXPECT_EQ(store->stats().sources, 30u);
}

// Kills a child process in the middle of a long load, several times, then
// checks the store is whole and that loading again completes it.
TEST(StoreFile, KilledLoadLeavesAConsistentStoreThatReRunCompletes) {
    ScratchDir dir;
    const auto path = dir / "k.db";
    const auto events = many_events(6000, "k");
    auto load_all = [&] {
        auto store = open_sqlite_store(path, OpenMode::ReadWrite);
        for (size_t i = 0; i < events.size(); i += 200)
            store->add_events(std::vector<Event>(events.begin() + i, events.begin() + std::min(events.size(), i + 200)));
    };
    std::mt19937 rng(7);
    for (int round = 0; round < 4; ++round) {
        pid_t child = fork();
        ASSERT_GE(child, 0);
        if (child == 0) {
            try {
                load_all();
            } catch (...) {
                _exit(3);
            }
            _exit(0);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(40 + rng() % 200));
        kill(child, SIGKILL);
        int status = 0;
        waitpid(child, &status, 0);

        sqlite3* db = nullptr;
        ASSERT_EQ(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
        sqlite3_stmt* st = nullptr;
        sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st, nullptr);
        ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
        EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)), "ok");
        sqlite3_finalize(st);
        // Every event has its lanes: the tables were written together. (A
        // kill before the schema was committed leaves no tables: still fine.)
        if (sqlite3_prepare_v2(db,
                               "SELECT (SELECT count(*) FROM events), (SELECT count(*) FROM event_lanes), "
                               "(SELECT count(DISTINCT event) FROM dedup)",
                               -1, &st, nullptr) != SQLITE_OK) {
            sqlite3_close(db);
            EXPECT_NO_THROW(open_sqlite_store(path, OpenMode::ReadWrite));
            continue;
        }
        ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
        const int64_t n = sqlite3_column_int64(st, 0);
        EXPECT_EQ(sqlite3_column_int64(st, 1), n);
        EXPECT_EQ(sqlite3_column_int64(st, 2), n);
        EXPECT_EQ(n % 200, 0) << "a batch was half written";
        sqlite3_finalize(st);
        sqlite3_close(db);
    }
    load_all();
    auto store = open_sqlite_store(path, OpenMode::ReadOnly);
    EXPECT_EQ(store->stats().events, events.size());
    EXPECT_EQ(store->stats().sources, events.size());
}

bool has_time_index(const std::filesystem::path& path) {
    sqlite3* db = nullptr;
    sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_schema WHERE name = 'events_by_time'", -1, &st, nullptr);
    const bool found = sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int64(st, 0) == 1;
    sqlite3_finalize(st);
    sqlite3_close(db);
    return found;
}

std::vector<int64_t> ids_in(Store& store, Day from, Day to, size_t limit) {
    EventQuery q;
    q.from = from;
    q.to = to;
    q.limit = limit;
    std::vector<int64_t> ids;
    for (const Event& e : store.query(q)) ids.push_back(e.id);
    return ids;
}

// A bulk load into an empty store builds its index by time at the end; the
// store answers the same meanwhile, and a load killed before its end leaves
// the index to the next writer.
TEST(StoreFile, BulkLoadBuildsTheTimeIndexAtItsEndOrTheNextWriterDoes) {
    ScratchDir dir;
    const auto events = many_events(12000, "b");
    const std::vector<Event> first(events.begin(), events.begin() + 6000), rest(events.begin() + 6000, events.end());

    const auto loaded = dir / "loaded.db";
    auto store = open_sqlite_store(loaded, OpenMode::ReadWrite);
    store->add_events(first);
    EXPECT_FALSE(has_time_index(loaded)) << "the bulk path was not taken";
    const auto before = ids_in(*store, day(2005, 3, 1), day(2005, 3, 31), 30);
    EXPECT_EQ(before.size(), 30u);
    store->finish_load();
    EXPECT_TRUE(has_time_index(loaded));
    EXPECT_EQ(ids_in(*store, day(2005, 3, 1), day(2005, 3, 31), 30), before);
    store->add_events(rest);
    EXPECT_TRUE(has_time_index(loaded)) << "a store that is not empty keeps its index";

    const auto killed = dir / "killed.db";
    pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        open_sqlite_store(killed, OpenMode::ReadWrite).release()->add_events(first);
        _exit(0);  // as a kill: no destructor, no finish_load
    }
    int status = 0;
    waitpid(child, &status, 0);
    ASSERT_EQ(WEXITSTATUS(status), 0);
    EXPECT_FALSE(has_time_index(killed));
    EXPECT_EQ(ids_in(*open_sqlite_store(killed, OpenMode::ReadOnly), day(2005, 3, 1), day(2005, 3, 31), 30), before);
    auto next = open_sqlite_store(killed, OpenMode::ReadWrite);
    EXPECT_TRUE(has_time_index(killed));
}

}  // namespace
}  // namespace tarikh
