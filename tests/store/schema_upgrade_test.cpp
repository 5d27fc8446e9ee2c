// Stores made by older tarikh builds: read as they are, upgraded in place the
// first time they are opened to write (one transaction), then found again by
// dedup and counted as a store made today is.
//   schema 1: every event's dedup keys in one row by event id (SQLite)
//   schema 2: keys on shelves; no participants column
//   schema 3: participants; no counts table
//   schema 4: counts; no record of each document's events
#include "backends.h"

#include "store/pg_db.h"
#include "store/schema.h"
#include "store/store_file.h"

#include "tarikh/event_json.h"
#include "tarikh/store.h"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>

namespace tarikh {
namespace {

using testing::day;
using testing::make_event;
using testing::undated_event;

// Events of several kinds: dated and undated, two reports of one event (one
// merge), and a lane of its own.
std::vector<Event> old_events() {
    std::vector<Event> out;
    for (int i = 0; i < 12; ++i)
        out.push_back(make_event(fmt::format("Iran and Iraq signed accord number {} on water in Baghdad.", i),
                                 day(2019, 3, 1 + i), day(2019, 3, 1 + i), {"IR", "IQ"}, fmt::format("doc-{}", i)));
    out.push_back(make_event("Iran and Iraq signed accord number 3 on water in Baghdad!", day(2019, 3, 4), day(2019, 3, 4),
                             {"IR", "IQ"}, "doc-copy"));
    out.push_back(undated_event("Turkey and Syria will meet a month later.", {"TR", "SY"}));
    out.push_back(make_event("Egypt alone raised rates in 2020.", day(2020, 1, 1), day(2020, 12, 31), {"EG"}, "doc-eg"));
    return out;
}

void sqlite_exec(const std::string& path, const std::vector<std::string>& statements) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    for (const std::string& sql : statements)
        ASSERT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK) << sql << ": " << sqlite3_errmsg(db);
    sqlite3_close(db);
}

// The store at `path` turned into one of schema `v`, as an older tarikh left it.
void make_older(const std::string& location, int v) {
    if (is_postgresql_location(location)) {
        store::PgDb pg(location);
        pg.exec("ALTER TABLE documents DROP COLUMN event_ids");
        if (v < 4) pg.exec("DROP TABLE counts");
        if (v < 3) pg.exec("ALTER TABLE events DROP COLUMN participants");
        pg.exec(fmt::format("UPDATE tarikh_meta SET value = '{}' WHERE key = 'schema'", v));
        return;
    }
    // Today's tables as they were then, in a new file, filled from the store.
    std::string schema(store::schema_sql());
    const size_t added = schema.find("added TEXT NOT NULL,"), ids_end = schema.find(") WITHOUT ROWID", added);
    ASSERT_NE(ids_end, std::string::npos);
    schema.replace(added, ids_end - added, "added TEXT NOT NULL\n");  // no event_ids before schema 5
    std::string columns = "*";
    if (v < 3) {
        const size_t sources = schema.find("sources BLOB NOT NULL"), end = schema.find("DEFAULT ''", sources);
        ASSERT_NE(end, std::string::npos);
        schema.replace(sources, end + std::string_view("DEFAULT ''").size() - sources, "sources BLOB NOT NULL");
        columns = "id, span_class, earliest, latest, value, granularity, mod, kind, lang, confidence, actors, pairs, "
                  "text, n_sources, sources";
    }
    const std::string older = location + ".older";
    std::vector<std::string> sql{
        fmt::format("PRAGMA application_id = {}", store::kApplicationId), fmt::format("PRAGMA user_version = {}", v),
        schema, fmt::format("ATTACH '{}' AS now", location),
        fmt::format("INSERT INTO tarikh_meta VALUES ('format', 'tarikh-store'), ('schema', '{}'), ('created', 'then')", v),
        fmt::format("INSERT INTO events SELECT {} FROM now.events", columns),
        "INSERT INTO lanes SELECT * FROM now.lanes", "INSERT INTO event_lanes SELECT * FROM now.event_lanes"};
    if (v < 2) {  // one row of keys per event; the upgrade makes them again from the events
        sql.push_back("DROP TABLE dedup");
        sql.push_back("CREATE TABLE dedup(event INTEGER PRIMARY KEY, keys BLOB NOT NULL)");
        sql.push_back("INSERT INTO dedup SELECT id, x'' FROM events");
    } else {
        sql.push_back("INSERT INTO dedup SELECT * FROM now.dedup");
    }
    if (v == 4) {
        sql.push_back(std::string(store::counts_table_sql(false)));
        sql.push_back(store::counts_fill_sql());
    }
    sql.push_back("DETACH now");
    sqlite_exec(older, sql);
    std::filesystem::rename(older, location);
    std::filesystem::remove(location + "-wal");
    std::filesystem::remove(location + "-shm");
}

std::string schema_of(const std::string& location) {
    if (is_postgresql_location(location))
        return std::string(store::PgDb(location).exec("SELECT value FROM tarikh_meta WHERE key = 'schema'").text(0, 0));
    sqlite3* db = nullptr;
    sqlite3_open_v2(location.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db, "SELECT value FROM tarikh_meta WHERE key = 'schema'", -1, &st, nullptr);
    sqlite3_step(st);
    std::string v(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)));
    sqlite3_finalize(st);
    sqlite3_close(db);
    return v;
}

class SchemaUpgrade : public testing::StoreBackend {};

TEST_P(SchemaUpgrade, OlderStoresAreReadAsTheyAreAndUpgradedWhenWritten) {
    const int oldest = GetParam() == "postgresql" ? 2 : 1;  // PostgreSQL stores began at schema 2
    for (int v = oldest; v < int(store::kSchemaVersion); ++v) {
        SCOPED_TRACE(fmt::format("schema {}", v));
        const std::string location = another();
        WriteStats first = open_store(location, OpenMode::ReadWrite)->add_events(old_events());
        ASSERT_EQ(first.events_merged, 1u);
        const StoreStats today = open_store(location, OpenMode::ReadOnly)->stats();
        make_older(location, v);

        {  // Read-only: everything is there, counted from the tables; nothing changes.
            auto reader = open_store(location, OpenMode::ReadOnly);
            const StoreStats st = reader->stats();
            EXPECT_EQ(st.events, today.events);
            EXPECT_EQ(st.undated_events, 1u);
            EXPECT_EQ(st.sources, old_events().size());
            EXPECT_EQ(st.earliest, today.earliest);
            EXPECT_EQ(st.latest, today.latest);
            EXPECT_EQ(reader->all_events().size(), today.events - 1);
        }
        EXPECT_EQ(schema_of(location), std::to_string(v));

        // Written: upgraded; the same events again are found by dedup, a new one is added and counted.
        auto writer = open_store(location, OpenMode::ReadWrite);
        EXPECT_EQ(schema_of(location), std::to_string(store::kSchemaVersion));
        const WriteStats again = writer->add_events(old_events());
        EXPECT_EQ(again.events_added, 0u);
        Event fresh = make_event("Iran and Iraq reopened the Mehran crossing.", day(2021, 6, 12), day(2021, 6, 12),
                                 {"IR", "IQ"}, "doc-new");
        EXPECT_EQ(writer->add_events({fresh}).events_added, 1u);
        const StoreStats st = writer->stats();
        EXPECT_EQ(st.events, today.events + 1);
        EXPECT_EQ(st.undated_events, 1u);
        EXPECT_EQ(st.sources, old_events().size() + 1);
        EXPECT_EQ(st.latest, day(2021, 6, 12));
    }
}

// The counts a summary reads follow documents added and skipped, events added
// and merged, sources gained by merges.
TEST_P(SchemaUpgrade, CountsFollowEveryWrite) {
    auto store = open();
    auto doc = [](std::string id, std::string text, std::vector<Event> events) {
        DocumentEvents de;
        de.document = {std::move(id), content_hash(text), text.size(), std::nullopt, std::nullopt, ""};
        de.events = std::move(events);
        return de;
    };
    const std::vector<Event> events = old_events();
    store->add_documents({doc("a.txt", "text a", {events.begin(), events.begin() + 6}),
                          doc("b.txt", "text b", {events.begin() + 6, events.end()})});
    store->add_documents({doc("a-again.txt", "text a", {events.begin(), events.begin() + 6})});  // skipped
    const StoreStats st = store->stats();
    EXPECT_EQ(st.documents, 2u);
    EXPECT_EQ(st.events, events.size() - 1);
    EXPECT_EQ(st.undated_events, 1u);
    EXPECT_EQ(st.sources, events.size());
    EXPECT_EQ(st.earliest, day(2019, 3, 1));
    EXPECT_EQ(st.latest, day(2020, 12, 31));
}

TARIKH_ON_EVERY_BACKEND(SchemaUpgrade);

}  // namespace
}  // namespace tarikh
