// Each pair's participants (direction, cue, confidence) in the store, on
// every backend: kept and read back, the surest reading of a pair kept when
// reports merge, `min_confidence` (query --min-confidence), and a store made
// before participants were stored, read as it is and upgraded when written.
#include "backends.h"

#include "store/schema.h"
#include "store/store_file.h"

#include "tarikh/event_json.h"
#include "tarikh/store.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <fmt/format.h>
#include <sqlite3.h>

namespace tarikh {
namespace {

using testing::day;
using testing::make_event;
using testing::StoreBackend;
using ::testing::ElementsAre;

class StoredParticipants : public StoreBackend {};
TARIKH_ON_EVERY_BACKEND(StoredParticipants);

// A visit (SA to MR, sure) and a weaker pair (SA with AE) in one event.
Event visit(std::string text = "The Saudi minister visited Nouakchott with an Emirati delegation.",
            std::string doc = "doc-v") {
    Event e = make_event(std::move(text), day(2017, 1, 3), day(2017, 1, 3), {}, std::move(doc));
    e.participants = {{"SA", "MR", true, PairCue::Visit, 0.85f}, {"SA", "AE", true, PairCue::SubjectObject, 0.4f}};
    e.confidence = 0.85f;
    normalize_actors(e);
    return e;
}

TEST_P(StoredParticipants, AreReadBackWithEveryField) {
    open()->add_events({visit()});
    auto all = open(OpenMode::ReadOnly)->all_events();
    ASSERT_EQ(all.size(), 1u);
    const Event& got = all[0];
    EXPECT_EQ(got.pairs, (std::vector<CountryPair>{{"AE", "SA"}, {"MR", "SA"}}));
    ASSERT_EQ(got.participants.size(), 2u);
    EXPECT_EQ(got.participants[1].source, "SA");
    EXPECT_EQ(got.participants[1].target, "MR");
    EXPECT_TRUE(got.participants[1].directed);
    EXPECT_EQ(got.participants[1].cue, PairCue::Visit);
    EXPECT_NEAR(got.participants[1].confidence, 0.85, 1e-3);
    EXPECT_EQ(got.participants[0].cue, PairCue::SubjectObject);
    EXPECT_NEAR(got.participants[0].confidence, 0.4, 1e-3);
}

TEST_P(StoredParticipants, AMergedReportKeepsEachPairsSurestReading) {
    Event first = visit("The Saudi minister visited Nouakchott.", "doc-1");
    Event second = visit("The Saudi minister visited Nouakchott.", "doc-2");
    for (auto& p : second.participants)  // SA → MR read more surely by the second report
        if (p.lane() == CountryPair{"MR", "SA"}) p.confidence = 0.95f;
    second.confidence = 0.95f;
    normalize_actors(second);
    auto store = open();
    store->add_events({first});
    WriteStats w = store->add_events({second});
    EXPECT_EQ(w.events_merged, 1u);
    auto all = store->all_events();
    ASSERT_EQ(all.size(), 1u);
    EXPECT_EQ(all[0].sources.size(), 2u);
    for (const auto& p : all[0].participants)
        if (p.lane() == CountryPair{"MR", "SA"}) EXPECT_NEAR(p.confidence, 0.95, 1e-3);
}

TEST_P(StoredParticipants, MinConfidenceLeavesOutTheLessSurePairs) {
    Event only_weak = make_event("Emirati aid to Mauritania.", day(2017, 2, 1), day(2017, 2, 1), {}, "doc-w");
    only_weak.participants = {{"AE", "MR", true, PairCue::Cooccurrence, 0.3f}};
    only_weak.confidence = 0.3f;
    normalize_actors(only_weak);
    open()->add_events({visit(), only_weak});
    auto store = open(OpenMode::ReadOnly);

    EventQuery q;
    EXPECT_EQ(store->query(q).size(), 2u);
    q.min_confidence = 0.5f;
    auto sure = store->query(q);
    ASSERT_EQ(sure.size(), 1u);  // the weak event has no pair left
    EXPECT_EQ(sure[0].pairs, (std::vector<CountryPair>{{"MR", "SA"}}));  // its weak pair is left out
    EXPECT_EQ(store->count(q), 1u);

    // A lane whose pair is below the bound, in an event with a surer pair.
    q.pair = CountryPair{"AE", "SA"};
    EXPECT_TRUE(store->query(q).empty());
    EXPECT_EQ(store->count(q), 0u);
    q.pair = CountryPair{"SA", "MR"};
    EXPECT_EQ(store->query(q).size(), 1u);
    q.pair.reset();
    q.actor = "AE";
    EXPECT_TRUE(store->query(q).empty());
    q.actor = "SA";
    q.limit = 1;
    EXPECT_EQ(store->query(q).size(), 1u);
}

// A store of schema 2, as an older tarikh made it: today's schema without
// the participants column, holding the events of a store made now (`from`).
void make_schema_2(const std::string& from, const std::string& path) {
    std::string schema(store::schema_sql());
    const size_t sources = schema.find("sources BLOB NOT NULL"), end = schema.find("DEFAULT ''", sources);
    ASSERT_NE(end, std::string::npos);
    schema.replace(sources, end + std::string_view("DEFAULT ''").size() - sources, "sources BLOB NOT NULL");
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    const std::string statements[] = {
        fmt::format("PRAGMA application_id = {}", store::kApplicationId),
        "PRAGMA user_version = 2",
        schema,
        "INSERT INTO tarikh_meta VALUES ('format', 'tarikh-store'), ('schema', '2'), ('created', 'then')",
        fmt::format("ATTACH '{}' AS now", from),
        "INSERT INTO events SELECT id, span_class, earliest, latest, value, granularity, mod, kind, lang, confidence, "
        "actors, pairs, text, n_sources, sources FROM now.events",
        "INSERT INTO lanes SELECT * FROM now.lanes",
        "INSERT INTO event_lanes SELECT * FROM now.event_lanes",
        "INSERT INTO dedup SELECT * FROM now.dedup",
        "DETACH now"};
    for (const std::string& sql : statements)
        ASSERT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK) << sql << ": " << sqlite3_errmsg(db);
    sqlite3_close(db);
}

int user_version(const std::string& path) {
    sqlite3* db = nullptr;
    sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, nullptr);
    sqlite3_step(st);
    const int v = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(db);
    return v;
}

TEST(StoredParticipantsUpgrade, AStoreOfSchema2IsReadAsItIsAndUpgradedWhenWritten) {
    testing::ScratchDir dir;
    const std::string now = (dir / "now.db").string(), path = (dir / "old.db").string();
    open_store(now, OpenMode::ReadWrite)->add_events({visit()});
    make_schema_2(now, path);

    // Read-only: the pairs come back, without direction or cue; nothing is changed.
    {
        auto all = open_store(path, OpenMode::ReadOnly)->all_events();
        ASSERT_EQ(all.size(), 1u);
        EXPECT_EQ(all[0].pairs, (std::vector<CountryPair>{{"AE", "SA"}, {"MR", "SA"}}));
        ASSERT_EQ(all[0].participants.size(), 2u);
        EXPECT_EQ(all[0].participants[0].cue, PairCue::Unspecified);
        EXPECT_FALSE(all[0].participants[0].directed);
    }
    EXPECT_EQ(user_version(path), 2);

    // Written: upgraded in place; old events keep their pairs, new ones their participants.
    {
        auto store = open_store(path, OpenMode::ReadWrite);
        Event fresh = visit("The Mauritanian president received the Saudi minister.", "doc-new");
        fresh.interval = {day(2018, 5, 1), day(2018, 5, 1)};
        store->add_events({fresh});
    }
    EXPECT_EQ(user_version(path), int(store::kSchemaVersion));
    auto all = open_store(path, OpenMode::ReadOnly)->all_events();
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[0].participants[0].cue, PairCue::Unspecified);
    EXPECT_EQ(all[1].participants[1].cue, PairCue::Visit);
}

}  // namespace
}  // namespace tarikh
