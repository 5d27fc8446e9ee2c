// The store under inputs that made its dedup quadratic: tens of thousands of
// events with one wording and one pair (a template repeated on every date).
#include "limits/cli.h"
#include "store/batch_dedup.h"
#include "store/key_index.h"

#include "tarikh/event_lines.h"
#include "tarikh/store.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <date/date.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

namespace tarikh::testing {
namespace {

using nlohmann::json;

TEST(KeyIndexLimits, AKeySharedByManyEventsKeepsTheLatestAndStaysSmall) {
    store::KeyIndex index;
    for (int64_t id = 1; id <= 100000; ++id) index.add(42, id);
    index.add(7, 5);
    // Bounded: an add or find walks at most kMaxPerKey entries of one key.
    EXPECT_EQ(index.size(), store::KeyIndex::kMaxPerKey + 1);
    std::vector<int64_t> found;
    index.find(42, SIZE_MAX, found);
    ASSERT_EQ(found.size(), store::KeyIndex::kMaxPerKey);
    std::sort(found.begin(), found.end());
    EXPECT_EQ(found.front(), int64_t{100000} - int64_t(store::KeyIndex::kMaxPerKey) + 1);
    EXPECT_EQ(found.back(), 100000);
    found.clear();
    index.find(7, SIZE_MAX, found);
    EXPECT_EQ(found, std::vector<int64_t>{5});
}

// 80,000 events: one sentence, one pair, each on another day.
std::string templated_events(int n) {
    std::string out;
    date::sys_days d = date::sys_days{date::year{1900} / 1 / 1};
    for (int i = 0; i < n; ++i, d += date::days{1}) {
        const std::string day = date::format("%F", d);
        json e = {{"earliest", day}, {"latest", day}, {"value", day}, {"granularity", "day"},
                  {"actors", {"AZ", "IL"}}, {"text", "Azerbaijan and Israel held their weekly consultations."},
                  {"lang", "en"}, {"sources", {{{"doc", "t.txt"}, {"span", {0, 60}}, {"date_span", {0, 10}}}}}};
        out += e.dump() + "\n";
    }
    return out;
}

// Loading them is `tarikh load` in process (its reader, its batches, the
// SQLite store), so the store can say how many events each one was compared
// with: a count of work, not a clock, which a loaded machine cannot fail.
LoadResult load_file(const std::filesystem::path& events, const std::filesystem::path& db) {
    auto store = open_store(db.string(), OpenMode::ReadWrite);
    EventReader reader({events});
    LoadResult r = load_events(reader, *store);
    EXPECT_TRUE(reader.problems().empty());
    return r;
}

TEST(StoreLimits, EightyThousandEventsOfOneWordingLoadAndReloadInLinearTime) {
    CliDir dir;
    constexpr size_t kEvents = 80000;
    const auto events = dir.write("t.jsonl", templated_events(kEvents));
    // All of an event's near-duplicate keys name the same events (one wording,
    // one pair, one year), so it is compared with at most the latest
    // kNearCandidates of its year and its own exact-wording key. Comparing
    // with every earlier event (69 s before) made 3.2 billion comparisons,
    // with every event of its year (no cap) about 180 each.
    constexpr size_t kPerEvent = store::kNearCandidates + 1;
    LoadResult r = load_file(events, dir / "t.db");
    EXPECT_EQ(r.events, kEvents);
    EXPECT_EQ(r.written.events_added, kEvents);
    EXPECT_LE(r.written.dedup_candidates, kEvents * kPerEvent);
    // Loading them again finds each one (the exact-wording key holds its
    // interval), at the same cost.
    r = load_file(events, dir / "t.db");
    EXPECT_EQ(r.events, kEvents);
    EXPECT_EQ(r.written.events_added, 0u);
    EXPECT_EQ(r.written.events_merged, 0u);
    EXPECT_GT(r.written.dedup_candidates, 0u);
    EXPECT_LE(r.written.dedup_candidates, kEvents * kPerEvent);
}

}  // namespace
}  // namespace tarikh::testing
