// A load into an empty PostgreSQL store takes the bulk path: it holds the
// writer lock alone, writes dedup_keys without its primary key and events
// without their index by time, and builds both at its end. These tests check
// what that path promises beyond the answers (which Backends/EventStore.
// BulkLoadStoresWhatSmallBatchesStore compares with the ordinary path): the
// indexes come back, with no key row stored twice, whether the load ends or
// is killed; other writers wait for it; readers do not.
#include "pg_server.h"
#include "store_fixtures.h"

#include "store/pg_db.h"

#include "tarikh/store.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

namespace tarikh {
namespace {

using testing::day;
using testing::make_event;
using testing::ScratchDatabase;

// Reports of `n` events, each copy `copy` from its own document; a copy is
// one day long where the original is a month, so merging it narrows the
// event and files it again under the copy's keys (some of which it has).
std::vector<Event> reports(size_t n, int copy) {
    std::vector<Event> out;
    for (size_t i = 0; i < n; ++i) {
        const Day start = day(2001, 1, 1) + date::days(i % 5000);
        out.push_back(make_event("Report " + std::to_string(i) + " on the talks about item " + std::to_string(i * 7919 % 1000),
                                 start, start + date::days(copy ? 0 : 30), {"AZ", i % 3 ? "IL" : "TR"},
                                 "d" + std::to_string(copy), static_cast<uint32_t>(i * 10)));
    }
    return out;
}
constexpr size_t kEvents = 6000;  // above the bulk path's batch

struct Indexes {
    bool time = false, keys = false;
    int64_t keys_stored_twice = 0;
};

Indexes indexes_of(const std::string& uri) {
    store::PgDb pg(uri);
    Indexes i;
    i.time = pg.exec("SELECT to_regclass('events_by_time') IS NOT NULL").text(0, 0) == "t";
    i.keys = pg.exec("SELECT to_regclass('dedup_keys_pkey') IS NOT NULL").text(0, 0) == "t";
    i.keys_stored_twice = pg.exec("SELECT count(*) - count(DISTINCT (key, event)) FROM dedup_keys").int64(0, 0);
    return i;
}

size_t in_window(const std::string& uri) {
    EventQuery q;
    q.from = day(2003, 3, 1);
    q.to = day(2003, 3, 31);
    return open_store(uri, OpenMode::ReadOnly)->query(q).size();
}

TEST(PgBulkLoad, BuildsItsIndexesAtItsEnd) {
    ScratchDatabase db;
    auto store = open_store(db.uri(), OpenMode::ReadWrite);
    ASSERT_EQ(store->add_events(reports(kEvents, 0)).events_added, kEvents);
    ASSERT_EQ(store->add_events(reports(kEvents, 1)).events_merged, kEvents);
    store->stats();  // waits for the batch being written
    const Indexes during = indexes_of(db.uri());
    EXPECT_FALSE(during.time) << "the bulk path was not taken";
    EXPECT_FALSE(during.keys);
    EXPECT_GT(during.keys_stored_twice, 0) << "no merge filed a key its event had: the test no longer tests the twins";
    const size_t seen = in_window(db.uri());  // readers do not wait for the load
    EXPECT_GT(seen, 0u);

    store->finish_load();
    const Indexes after = indexes_of(db.uri());
    EXPECT_TRUE(after.time);
    EXPECT_TRUE(after.keys);
    EXPECT_EQ(after.keys_stored_twice, 0);
    EXPECT_EQ(in_window(db.uri()), seen);
    // The primary key holds again: a merge files keys the event has already.
    EXPECT_EQ(store->add_events(reports(20, 2)).events_merged, 20u);
    EXPECT_EQ(indexes_of(db.uri()).keys_stored_twice, 0);
}

TEST(PgBulkLoad, KilledHalfwayTheNextWriterBuildsItsIndexes) {
    ScratchDatabase db;
    pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        auto store = open_store(db.uri(), OpenMode::ReadWrite).release();
        store->add_events(reports(kEvents, 0));
        store->add_events(reports(kEvents, 1));
        store->stats();  // its second batch written
        _exit(0);  // as a kill: no destructor, no finish_load
    }
    int status = 0;
    waitpid(child, &status, 0);
    ASSERT_TRUE(WIFEXITED(status));
    ASSERT_EQ(WEXITSTATUS(status), 0);

    const Indexes killed = indexes_of(db.uri());
    EXPECT_FALSE(killed.time);
    EXPECT_FALSE(killed.keys);
    EXPECT_GT(killed.keys_stored_twice, 0);
    const size_t seen = in_window(db.uri());
    EXPECT_GT(seen, 0u);

    auto next = open_store(db.uri(), OpenMode::ReadWrite);
    const Indexes reopened = indexes_of(db.uri());
    EXPECT_TRUE(reopened.time);
    EXPECT_TRUE(reopened.keys);
    EXPECT_EQ(reopened.keys_stored_twice, 0);
    EXPECT_EQ(in_window(db.uri()), seen);
    // Running the load again adds nothing; another copy merges into every event.
    const WriteStats again = next->add_events(reports(kEvents, 1));
    EXPECT_EQ(again.events_added, 0u);
    EXPECT_EQ(again.events_merged, 0u);
    const WriteStats copy = next->add_events(reports(kEvents, 2));
    EXPECT_EQ(copy.events_added, 0u);
    EXPECT_EQ(copy.events_merged, kEvents);
    EXPECT_EQ(indexes_of(db.uri()).keys_stored_twice, 0);
}

// A writer opening the store while a bulk load runs waits for its end: its
// batches would otherwise look keys up in an index that is not there and
// miss the load's events.
TEST(PgBulkLoad, OtherWritersWaitForItsEnd) {
    ScratchDatabase db;
    auto store = open_store(db.uri(), OpenMode::ReadWrite);
    store->add_events(reports(kEvents, 0));
    ASSERT_FALSE(indexes_of(db.uri()).keys) << "the bulk path was not taken";

    std::atomic<bool> opened = false;
    WriteStats other;
    std::thread writer([&] {
        auto second = open_store(db.uri(), OpenMode::ReadWrite);
        opened = true;
        other = second->add_events(reports(5, 1));
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    EXPECT_FALSE(opened) << "a writer got in during the bulk load";
    store->finish_load();
    writer.join();
    EXPECT_TRUE(opened);
    EXPECT_EQ(other.events_merged, 5u);
    EXPECT_EQ(other.events_added, 0u);
}

}  // namespace
}  // namespace tarikh
