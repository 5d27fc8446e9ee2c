// A load into an empty store plans each batch while the one before is
// written (SQLite: on another thread; PostgreSQL: by the server, while the
// client plans). What it stores must not depend on that: these tests compare
// it with the same batches written one at a time, where a batch repeats the
// batch being written (read from memory, not from the store), and, on
// SQLite, where another process writes in the middle of the load (the plans
// made meanwhile are stale and are made again; on PostgreSQL other writers
// wait for the load: pg_bulk_load_test.cpp).
#include "backends.h"
#include "store_fixtures.h"

#include "tarikh/event_json.h"
#include "tarikh/store.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <csignal>
#include <unistd.h>

#include <string>
#include <vector>

namespace tarikh {
namespace {

using testing::day;
using testing::make_event;
using testing::ScratchDir;

constexpr size_t kBatch = 6000;  // above the bulk path's batch

// Reports `first` … `first + n - 1`, each copy from its own document: a copy
// is one day long where the original is a month, so it merges into it.
std::vector<Event> reports(size_t first, size_t n, int copy) {
    std::vector<Event> out;
    for (size_t i = first; i < first + n; ++i) {
        const Day start = day(2001, 1, 1) + date::days(i % 7000);
        out.push_back(make_event("Report " + std::to_string(i) + " on the talks about item " + std::to_string(i * 7919 % 1000),
                                 start, start + date::days(copy ? 0 : 30), {"AZ", i % 3 ? "IL" : "TR"},
                                 "doc" + std::to_string(copy), static_cast<uint32_t>(i * 10)));
    }
    return out;
}

std::vector<std::string> stored(Store& store, bool with_ids = true) {
    std::vector<std::string> out;
    for (Event e : store.all_events()) {
        if (!with_ids) e.id = 0;  // a killed writer's ids may be gone for good (PostgreSQL's sequence)
        out.push_back(event_to_json(e));
    }
    return out;
}

// The batches in order, one add_events each: the first starts the bulk
// load, the others are pipelined.
std::vector<std::vector<Event>> batches() {
    return {
        reports(0, kBatch, 0),
        reports(kBatch, kBatch, 0),     // new events
        reports(kBatch, kBatch, 1),     // copies of the batch before: merged while it is being written
        reports(0, kBatch / 2, 1),      // copies of the first batch: read from the store
        reports(kBatch / 2, 10, 2),     // a small batch in the middle
        reports(2 * kBatch, kBatch, 0),
    };
}

// The same batches written in pieces too small for the bulk path.
std::vector<std::string> written_one_at_a_time(const std::string& location, const std::vector<std::vector<Event>>& all,
                                               bool with_ids = true) {
    auto store = open_store(location, OpenMode::ReadWrite);
    for (const auto& batch : all)
        for (size_t at = 0; at < batch.size(); at += 1000)
            store->add_events(std::vector<Event>(batch.begin() + static_cast<std::ptrdiff_t>(at),
                                                 batch.begin() + static_cast<std::ptrdiff_t>(std::min(at + 1000, batch.size()))));
    return stored(*store, with_ids);
}

class BulkLoad : public testing::StoreBackend {};
TARIKH_ON_EVERY_BACKEND(BulkLoad);

TEST_P(BulkLoad, PipelinedBatchesStoreWhatBatchesOneAtATimeStore) {
    const auto all = batches();
    auto bulk = open();
    std::vector<WriteStats> got;
    for (const auto& batch : all) got.push_back(bulk->add_events(batch));
    EXPECT_EQ(got[0].events_added, kBatch);
    EXPECT_EQ(got[1].events_added, kBatch);
    EXPECT_EQ(got[2].events_merged, kBatch);
    EXPECT_EQ(got[2].events_added, 0u);
    EXPECT_EQ(got[3].events_merged, kBatch / 2);
    EXPECT_EQ(got[4].events_merged, 10u);
    EXPECT_EQ(got[5].events_added, kBatch);
    bulk->finish_load();
    EXPECT_EQ(stored(*bulk), written_one_at_a_time(another(), all));
    EXPECT_EQ(bulk->stats().events, 3 * kBatch);
}

// Before finish_load, the store answers as it will after: a query waits for
// the batch being written.
TEST_P(BulkLoad, QueriesDuringTheLoadSeeEveryBatchWritten) {
    const auto all = batches();
    auto bulk = open();
    for (size_t i = 0; i < 3; ++i) bulk->add_events(all[i]);
    EXPECT_EQ(bulk->stats().events, 2 * kBatch);
    EventQuery q;
    q.text = "Report 7000 ";
    ASSERT_EQ(bulk->query(q).size(), 1u);
    EXPECT_EQ(bulk->query(q)[0].sources.size(), 2u) << "the copy in the batch being written is not in";
}

// Another writer commits between two batches of the load: the plans made
// without its events are made again, so its events are found like any
// other's (its copy of a loaded event merges; the load's copy of its event
// merges into it).
// Killed while a batch is being written: the store is as after the last
// batch committed, and running the load again completes it.
TEST_P(BulkLoad, KilledWhileABatchIsWrittenARerunCompletesIt) {
    const auto all = batches();
    const std::vector<std::vector<Event>> three(all.begin(), all.begin() + 3);
    const std::string where = location();
    pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        auto* store = open_store(where, OpenMode::ReadWrite).release();
        for (const auto& batch : three) store->add_events(batch);
        raise(SIGKILL);  // the last batch handed over still being written
    }
    int status = 0;
    waitpid(child, &status, 0);
    ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
    auto again = open();
    const size_t before = again->stats().events;
    EXPECT_TRUE(before == kBatch || before == 2 * kBatch) << before << " events: not whole batches";
    for (const auto& batch : three) again->add_events(batch);
    again->finish_load();
    EXPECT_EQ(stored(*again, false), written_one_at_a_time(another(), three, false));
}

TEST(SqliteBulkLoad, AnotherWriterInTheMiddleOfTheLoad) {
    ScratchDir dir;
    auto all = batches();
    std::vector<Event> other = reports(0, 5, 3);                       // copies of loaded events
    const Event theirs = make_event("Their own report on a border crossing near Agdam", day(2004, 5, 1),
                                    day(2004, 5, 1), {"AZ", "AM"}, "theirs");
    other.push_back(theirs);
    Event ours = theirs;
    ours.sources[0].doc = "ours";
    all[5].push_back(ours);

    const auto path = dir / "bulk.db";
    auto bulk = open_sqlite_store(path, OpenMode::ReadWrite);
    for (size_t i = 0; i < 3; ++i) bulk->add_events(all[i]);
    const WriteStats side = open_sqlite_store(path, OpenMode::ReadWrite)->add_events(other);
    EXPECT_EQ(side.events_merged, 5u);
    EXPECT_EQ(side.events_added, 1u);
    WriteStats rest;
    for (size_t i = 3; i < all.size(); ++i) rest += bulk->add_events(all[i]);
    bulk->finish_load();
    EXPECT_EQ(rest.events_merged, kBatch / 2 + 10 + 1);
    EXPECT_EQ(rest.events_added, kBatch);

    std::vector<std::vector<Event>> in_order(all.begin(), all.begin() + 3);
    in_order.push_back(other);
    in_order.insert(in_order.end(), all.begin() + 3, all.end());
    EXPECT_EQ(stored(*bulk), written_one_at_a_time((dir / "small.db").string(), in_order));
}

}  // namespace
}  // namespace tarikh
