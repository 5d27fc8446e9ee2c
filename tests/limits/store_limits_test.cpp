// The store under inputs that made its dedup quadratic: tens of thousands of
// events with one wording and one pair (a template repeated on every date).
#include "limits/cli.h"
#include "store/key_index.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <date/date.h>

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

TEST(StoreLimits, EightyThousandEventsOfOneWordingLoadAndReloadInLinearTime) {
    CliDir dir;
    dir.write("t.jsonl", templated_events(80000));
    // 69 s before (every event compared with every earlier one); a few
    // seconds now. The guard trips only if that comes back.
    Outcome r = dir.run("load --db t.db t.jsonl", 40);
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("80000 added"), std::string::npos) << r.out;
    // Loading them again finds each one (the exact-wording key holds its interval).
    r = dir.run("load --db t.db t.jsonl", 40);
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("0 added, 0 merged into events already stored, 80000 already stored"), std::string::npos)
        << r.out;
}

}  // namespace
}  // namespace tarikh::testing
