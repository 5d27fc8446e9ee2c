// Curation (tarikh/curation.h): kept beside the machine's events, found again
// after a re-ingest and in a store rebuilt from the same documents, applied by
// query and both exports.
#include "backends.h"
#include "store_fixtures.h"

#include "tarikh/curation.h"
#include "tarikh/documents.h"
#include "tarikh/event_json.h"
#include "tarikh/export.h"
#include "tarikh/ingest.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sqlite3.h>

namespace tarikh {
namespace {

using testing::day;
using testing::ids_of;
using testing::make_event;
using testing::ScratchDir;
using testing::texts_of;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

std::unique_ptr<Store> fresh(const ScratchDir& dir, const std::string& name = "t.db") {
    return open_sqlite_store(dir / name, OpenMode::ReadWrite);
}

// A curation of `e` as `tarikh curate` makes it.
Curation curation_of(Store& store, const Event& e) {
    Curation c;
    c.key = *curation_key(store, e);
    c.doc = e.sources.front().doc;
    c.machine_interval = e.interval;
    c.machine_pairs = e.pairs;
    c.machine_kind = e.kind;
    c.event = e.id;
    c.updated = utc_now();
    return c;
}

Event stored(Store& store, const std::string& text) {
    for (const Event& e : store.all_events())
        if (e.text == text) return e;
    ADD_FAILURE() << "no stored event: " << text;
    return {};
}

// Every backend keeps curations and answers curated queries alike.
class Curated : public testing::StoreBackend {
protected:
    std::unique_ptr<Store> store;
    void SetUp() override {
        store = open();
        store->add_events({
            make_event("Azerbaijan and Israel signed a gas deal.", day(2023, 12, 1), day(2023, 12, 31), {"AZ", "IL"},
                       "a.txt", 0),
            make_event("Iran and Azerbaijan held talks.", day(2024, 1, 10), day(2024, 1, 10), {"AZ", "IR"}, "b.txt",
                       0),
            make_event("Turkey, Azerbaijan and Israel met.", day(2024, 3, 1), day(2024, 3, 31), {"AZ", "IL", "TR"},
                       "c.txt", 0),
        });
    }
};

TEST_P(Curated, KeptAndReadBackWithEveryField) {
    Event e = stored(*store, "Azerbaijan and Israel signed a gas deal.");
    Curation c = curation_of(*store, e);
    c.verdict = Verdict::Confirmed;
    c.interval = Interval{day(2023, 12, 7), day(2023, 12, 7)};
    c.pairs = std::vector<CountryPair>{{"AZ", "IL"}, {"AZ", "TR"}};
    c.kind = EventKind::Energy;
    c.note = "the date is in the second paragraph";
    store->put_curation(c);
    store.reset();
    auto ro = open(OpenMode::ReadOnly);
    auto all = ro->curations();
    ASSERT_EQ(all.size(), 1u);
    const Curation& got = all[0];
    EXPECT_EQ(got.key, c.key);
    EXPECT_EQ(got.key.document, "a.txt");  // no document row (a load): keyed by the id
    EXPECT_EQ(got.doc, "a.txt");
    EXPECT_EQ(got.verdict, Verdict::Confirmed);
    EXPECT_EQ(got.interval, c.interval);
    EXPECT_EQ(got.pairs, c.pairs);
    EXPECT_EQ(got.kind, EventKind::Energy);
    EXPECT_EQ(got.note, c.note);
    EXPECT_EQ(got.updated, c.updated);
    EXPECT_EQ(got.machine_interval, e.interval);
    EXPECT_EQ(got.machine_pairs, e.pairs);
    EXPECT_EQ(got.event, e.id);
    EXPECT_THROW(ro->put_curation(c), StoreError);
}

TEST_P(Curated, DismissedEventsAreHiddenUnlessAskedFor) {
    Event e = stored(*store, "Iran and Azerbaijan held talks.");
    Curation c = curation_of(*store, e);
    c.verdict = Verdict::Dismissed;
    store->put_curation(c);
    EventQuery q;
    EXPECT_EQ(curated_query(*store, q).size(), 2u);
    EXPECT_EQ(curated_count(*store, q), 2u);
    q.dismissed = true;
    auto all = curated_query(*store, q);
    ASSERT_EQ(all.size(), 3u);
    EXPECT_EQ(curated_count(*store, q), 3u);
    auto it = std::find_if(all.begin(), all.end(), [&](const Event& x) { return x.id == e.id; });
    ASSERT_NE(it, all.end());
    ASSERT_TRUE(it->curation);
    EXPECT_EQ(it->curation->verdict, Verdict::Dismissed);
    // The machine's event is untouched.
    EXPECT_EQ(store->query(EventQuery{}).size(), 3u);
}

TEST_P(Curated, CorrectionsMoveTheEventBetweenWindowsLanesAndKinds) {
    Event e = stored(*store, "Azerbaijan and Israel signed a gas deal.");
    Curation c = curation_of(*store, e);
    c.interval = Interval{day(2021, 5, 1), day(2021, 5, 31)};
    c.pairs = std::vector<CountryPair>{{"AM", "AZ"}};
    c.kind = EventKind::Military;
    store->put_curation(c);

    EventQuery december;
    december.from = day(2023, 12, 1);
    december.to = day(2023, 12, 31);
    EXPECT_THAT(curated_query(*store, december), IsEmpty());
    EXPECT_EQ(curated_count(*store, december), 0u);

    EventQuery may;
    may.from = day(2021, 5, 15);
    may.to = day(2021, 5, 15);
    auto got = curated_query(*store, may);
    ASSERT_EQ(got.size(), 1u);
    EXPECT_EQ(got[0].id, e.id);
    EXPECT_EQ(got[0].value, "2021-05");
    EXPECT_EQ(got[0].granularity, Granularity::Month);
    EXPECT_THAT(got[0].actors, ElementsAre("AM", "AZ"));
    EXPECT_EQ(got[0].kind, EventKind::Military);
    ASSERT_TRUE(got[0].curation);
    EXPECT_EQ(got[0].curation->machine_interval, e.interval);
    EXPECT_EQ(got[0].curation->machine_kind, EventKind::Diplomatic);

    EventQuery lane;
    lane.pair = CountryPair{"AZ", "IL"};
    EXPECT_THAT(texts_of(curated_query(*store, lane)), ElementsAre("Turkey, Azerbaijan and Israel met."));
    lane.pair = CountryPair{"AZ", "AM"};  // either order
    EXPECT_EQ(curated_query(*store, lane).size(), 1u);
    EventQuery armenia;
    armenia.actor = "AM";
    EXPECT_EQ(curated_count(*store, armenia), 1u);
    EventQuery military;
    military.kind = EventKind::Military;
    EXPECT_EQ(curated_query(*store, military).size(), 1u);

    // The order of results follows the corrected date: it now comes first.
    EXPECT_EQ(curated_query(*store, EventQuery{}).front().id, e.id);
}

TEST_P(Curated, LimitCountsCorrectedEventsInTheirNewPlace) {
    Event last = stored(*store, "Turkey, Azerbaijan and Israel met.");
    Curation c = curation_of(*store, last);
    c.interval = Interval{day(2020, 1, 1), day(2020, 1, 1)};
    store->put_curation(c);
    EventQuery q;
    q.limit = 1;
    auto first = curated_query(*store, q);
    ASSERT_EQ(first.size(), 1u);
    EXPECT_EQ(first[0].id, last.id);
    EXPECT_EQ(curated_count(*store, q), 3u);
    q.checked = true;
    q.limit = 0;
    EXPECT_THAT(ids_of(curated_query(*store, q)), ElementsAre(last.id));
}

TEST_P(Curated, AnUndatedEventGetsADateFromAPerson) {
    Event u = testing::undated_event("A month later Turkey responded.", {"TR"}, "d.txt");
    store->add_events({u});
    EventQuery undated;
    undated.undated = true;
    Event got = curated_query(*store, undated).at(0);
    Curation c = curation_of(*store, got);
    c.interval = Interval{day(2024, 4, 1), day(2024, 4, 30)};
    store->put_curation(c);
    EXPECT_THAT(curated_query(*store, undated), IsEmpty());
    EventQuery april;
    april.from = day(2024, 4, 10);
    april.to = day(2024, 4, 10);
    EXPECT_THAT(ids_of(curated_query(*store, april)), ElementsAre(got.id));
}

TEST_P(Curated, DeletedCurationLeavesTheMachinesReading) {
    Event e = stored(*store, "Iran and Azerbaijan held talks.");
    Curation c = curation_of(*store, e);
    c.verdict = Verdict::Dismissed;
    store->put_curation(c);
    EXPECT_TRUE(store->delete_curation(c.key));
    EXPECT_FALSE(store->delete_curation(c.key));
    EXPECT_EQ(curated_query(*store, EventQuery{}).size(), 3u);
}

TEST_P(Curated, BothExportsSayWhichEventsAPersonChecked) {
    Event e = stored(*store, "Azerbaijan and Israel signed a gas deal.");
    Curation c = curation_of(*store, e);
    c.verdict = Verdict::Confirmed;
    c.note = "checked against the ministry's statement";
    store->put_curation(c);
    const auto events = curated_query(*store, EventQuery{});

    auto json = nlohmann::json::parse(export_json(events, EventQuery{}));
    size_t checked = 0;
    for (const auto& ev : json["events"]) {
        if (!ev.contains("curation")) continue;
        ++checked;
        EXPECT_EQ(ev["id"], e.id);
        EXPECT_EQ(ev["curation"]["verdict"], "confirmed");
        EXPECT_EQ(ev["curation"]["note"], c.note);
        EXPECT_EQ(ev["curation"]["machine"]["earliest"], "2023-12-01");
    }
    EXPECT_EQ(checked, 1u);

    const std::string tl = export_timelinejs(events, EventQuery{});
    auto t = nlohmann::json::parse(tl);
    EXPECT_THAT(t["title"]["text"]["text"].get<std::string>(), HasSubstr("1 checked by a person"));
    size_t marked = 0;
    for (const auto& s : t["events"])
        if (s["text"]["text"].get<std::string>().find("checked by a person") != std::string::npos) ++marked;
    EXPECT_EQ(marked, 1u);
}

TARIKH_ON_EVERY_BACKEND(Curated);

TEST(Curation, CorrectedPairsKeepTheParticipantsAPersonKept) {
    Event e = make_event("Turkey hosted talks between Azerbaijan and Armenia.", day(2024, 5, 1), day(2024, 5, 1),
                         {"AM", "AZ", "TR"});
    e.participants = {{"AM", "AZ", false, PairCue::Between, 0.9f}, {"TR", "AM", true, PairCue::SubjectObject, 0.6f},
                      {"TR", "AZ", true, PairCue::SubjectObject, 0.6f}};
    normalize_actors(e);
    Curation c;
    c.pairs = std::vector<CountryPair>{{"AM", "AZ"}, {"AZ", "RU"}};
    const Event shown = apply_curation(e, c);
    EXPECT_THAT(shown.pairs, ElementsAre(CountryPair{"AM", "AZ"}, CountryPair{"AZ", "RU"}));
    EXPECT_THAT(shown.actors, ElementsAre("AM", "AZ", "RU"));
    ASSERT_EQ(shown.participants.size(), 2u);
    EXPECT_EQ(shown.participants[0].cue, PairCue::Between);  // kept as the machine read it
    EXPECT_EQ(shown.participants[1].cue, PairCue::Unspecified);  // added by a person
}

TEST(Curation, JsonLinesRoundTrip) {
    Curation c;
    c.key = {"0123456789abcdef0123456789abcdef", {140, 170}};
    c.doc = "seeds/002.txt";
    c.verdict = Verdict::Dismissed;
    c.interval = Interval{day(2020, 9, 27), day(2020, 11, 10)};
    c.pairs = std::vector<CountryPair>{{"AM", "AZ"}};
    c.kind = EventKind::Military;
    c.note = "«جنگ ۴۴ روزه» \"quoted\"";
    c.updated = "2025-12-06T03:40:12Z";
    c.machine_interval = {day(2020, 9, 1), day(2020, 11, 30)};
    c.machine_pairs = {{"AZ", "IR"}};
    c.machine_kind = EventKind::Other;
    c.event = 41;
    const Curation back = curation_from_json(curation_to_json(c));
    EXPECT_EQ(back.key, c.key);
    EXPECT_EQ(back.doc, c.doc);
    EXPECT_EQ(back.verdict, c.verdict);
    EXPECT_EQ(back.interval, c.interval);
    EXPECT_EQ(back.pairs, c.pairs);
    EXPECT_EQ(back.kind, c.kind);
    EXPECT_EQ(back.note, c.note);
    EXPECT_EQ(back.updated, c.updated);
    EXPECT_EQ(back.machine_interval, c.machine_interval);
    EXPECT_EQ(back.machine_pairs, c.machine_pairs);
    EXPECT_EQ(back.machine_kind, c.machine_kind);
    EXPECT_EQ(back.event, 41);
    EXPECT_THROW(curation_from_json(R"({"verdict":"maybe","document":"x","date_span":[0,1]})"), EventJsonError);
    EXPECT_THROW(curation_from_json(R"({"document":"x","date_span":[5,1]})"), EventJsonError);
    EXPECT_THROW(curation_from_json(R"({"date_span":[0,1]})"), EventJsonError);
}

TEST(Curation, IntervalValuesReadAsTheirUnit) {
    EXPECT_EQ(interval_value({day(2020, 9, 27), day(2020, 9, 27)}).value, "2020-09-27");
    EXPECT_EQ(interval_value({day(2020, 9, 1), day(2020, 9, 30)}).value, "2020-09");
    EXPECT_EQ(interval_value({day(2020, 1, 1), day(2020, 12, 31)}).value, "2020");
    EXPECT_EQ(interval_value({day(1990, 1, 1), day(1999, 12, 31)}).value, "199");
    EXPECT_EQ(interval_value({day(1990, 1, 1), day(1999, 12, 31)}).granularity, Granularity::Decade);
    EXPECT_EQ(interval_value({day(2020, 9, 27), day(2020, 11, 10)}).value, "2020-09-27/2020-11-10");
}

// The seeds, curated, then ingested again; then a store rebuilt from the same
// documents under other names, in another order, with the curations moved.
IngestResult ingest_dir(Store& store, const std::filesystem::path& dir) {
    static const Parser parser;
    static const Extractor extractor(parser);
    std::vector<InputProblem> problems;
    DocumentReader reader(expand_inputs({dir.string()}, problems));
    return ingest([&] { return reader.next(); }, extractor, store, {});
}

class CurationSurvives : public testing::StoreBackend {};

TEST_P(CurationSurvives, ASecondIngestAndARebuildFromTheSameDocuments) {
    const std::filesystem::path seeds = std::string(TARIKH_SOURCE_DIR) + "/seeds";
    auto store = open();
    ingest_dir(*store, seeds);
    EventQuery lane;
    lane.pair = CountryPair{"AZ", "IL"};
    const auto events = store->query(lane);
    ASSERT_GE(events.size(), 3u);
    const Event dismissed = events[0], corrected = events[1];
    Curation d = curation_of(*store, dismissed);
    d.verdict = Verdict::Dismissed;
    store->put_curation(d);
    Curation c = curation_of(*store, corrected);
    c.interval = Interval{day(2020, 9, 27), day(2020, 11, 10)};
    c.kind = EventKind::Military;
    store->put_curation(c);
    // Keyed by the document's content, not its name.
    EXPECT_EQ(c.key.document, content_hash(testing::read_bytes(corrected.sources[0].doc)));

    auto check = [&](Store& s, const std::string& when) {
        SCOPED_TRACE(when);
        const auto shown = curated_query(s, lane);
        EXPECT_EQ(shown.size(), events.size() - 1);
        for (const Event& e : shown) EXPECT_NE(e.text, dismissed.text);
        auto it = std::find_if(shown.begin(), shown.end(), [&](const Event& e) { return e.text == corrected.text; });
        ASSERT_NE(it, shown.end());
        EXPECT_EQ(it->interval, *c.interval);
        EXPECT_EQ(it->kind, EventKind::Military);
    };
    check(*store, "as curated");
    IngestResult again = ingest_dir(*store, seeds);
    EXPECT_EQ(again.written.documents_skipped, 5u);
    check(*store, "after a second ingest");

    // Rebuilt: the same texts under other names, the last one first.
    ScratchDir copies;
    std::vector<std::filesystem::path> files;
    for (const auto& f : std::filesystem::directory_iterator(seeds)) files.push_back(f.path());
    std::sort(files.begin(), files.end());
    for (size_t i = 0; i < files.size(); ++i)
        std::filesystem::copy_file(files[i], copies / (std::to_string(files.size() - i) + "-renamed.txt"));
    auto rebuilt = open_store(another(), OpenMode::ReadWrite);
    ingest_dir(*rebuilt, copies.path());
    for (const Curation& k : store->curations()) rebuilt->put_curation(curation_from_json(curation_to_json(k)));
    EXPECT_EQ(refresh_curation_hints(*rebuilt), 0u);
    check(*rebuilt, "in a store rebuilt from the same documents");
    for (const auto& b : bind_curations(*rebuilt)) EXPECT_EQ(b.curation.event, b.machine.id);
}

TARIKH_ON_EVERY_BACKEND(CurationSurvives);

TEST(CurationSurvivesSqlite, AStoreMadeBeforeCurationIsReadAsHavingNone) {
    ScratchDir dir;
    {
        auto store = fresh(dir);
        store->add_events({make_event("Azerbaijan and Israel met.", day(2023, 1, 1), day(2023, 1, 1), {"AZ", "IL"})});
    }
    {
        // As an older tarikh left it: no curations table.
        sqlite3* db = nullptr;
        ASSERT_EQ(sqlite3_open((dir / "t.db").c_str(), &db), SQLITE_OK);
        ASSERT_EQ(sqlite3_exec(db, "DROP TABLE curations", nullptr, nullptr, nullptr), SQLITE_OK);
        sqlite3_close(db);
    }
    {
        auto ro = open_sqlite_store(dir / "t.db", OpenMode::ReadOnly);
        EXPECT_THAT(ro->curations(), IsEmpty());
        EXPECT_EQ(curated_query(*ro, EventQuery{}).size(), 1u);
    }
    // A writer adds the table and keeps curations in it.
    auto rw = fresh(dir);
    Event e = rw->all_events().at(0);
    Curation c = curation_of(*rw, e);
    c.verdict = Verdict::Dismissed;
    rw->put_curation(c);
    EXPECT_THAT(curated_query(*rw, EventQuery{}), IsEmpty());
}

}  // namespace
}  // namespace tarikh
