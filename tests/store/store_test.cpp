// The store, on every backend with the same assertions: round trip,
// idempotence, dedup, and the edges of date queries. Events are built by
// hand; no parser is involved.
#include "backends.h"
#include "store_fixtures.h"

#include "tarikh/event_json.h"
#include "tarikh/store.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

namespace tarikh {
namespace {

using testing::day;
using testing::make_event;
using testing::StoreBackend;
using testing::texts_of;
using ::testing::ElementsAre;
using ::testing::UnorderedElementsAre;

class EventStore : public StoreBackend {
protected:
    std::unique_ptr<Store> fresh() { return open(OpenMode::ReadWrite); }
};
TARIKH_ON_EVERY_BACKEND(EventStore);

TEST_P(EventStore, RoundTripKeepsEveryField) {
    Event e = make_event("Azerbaijan and Israel signed a deal.", day(2023, 12, 1), day(2023, 12, 31), {"IL", "AZ"});
    e.value = "2023-12";
    e.granularity = Granularity::Month;
    e.mod = Mod::End;
    e.kind = EventKind::Energy;
    e.lang = lang_of("fa");
    e.confidence = 0.75f;
    e.sources.push_back({"doc-b", {5, 50}, {7, 12}});
    {
        auto store = fresh();
        WriteStats w = store->add_events({e});
        EXPECT_EQ(w.events_added, 1u);
    }
    auto store = open(OpenMode::ReadOnly);
    auto all = store->all_events();
    ASSERT_EQ(all.size(), 1u);
    const Event& got = all[0];
    EXPECT_GT(got.id, 0);
    EXPECT_EQ(got.interval, e.interval);
    EXPECT_EQ(got.value, "2023-12");
    EXPECT_EQ(got.granularity, Granularity::Month);
    EXPECT_EQ(got.mod, Mod::End);
    EXPECT_EQ(got.kind, EventKind::Energy);
    EXPECT_EQ(got.lang, lang_of("fa"));
    EXPECT_FLOAT_EQ(got.confidence, 0.75f);
    EXPECT_THAT(got.actors, ElementsAre("AZ", "IL"));
    ASSERT_EQ(got.pairs.size(), 1u);
    EXPECT_EQ(got.pairs[0], CountryPair("AZ", "IL"));
    EXPECT_EQ(got.text, e.text);
    EXPECT_EQ(got.sources, e.sources);
}

TEST_P(EventStore, SingleActorGoesToItsOwnLane) {
    auto store = fresh();
    store->add_events({make_event("Iran held elections.", day(2024, 6, 28), day(2024, 6, 28), {"IR"})});
    EventQuery q;
    q.pair = CountryPair{"IR", "IR"};
    auto got = store->query(q);
    ASSERT_EQ(got.size(), 1u);
    EXPECT_EQ(got[0].pairs[0], CountryPair("IR", "IR"));
}

TEST_P(EventStore, SameDocumentsTwiceAddNothing) {
    auto store = fresh();
    DocumentEvents d;
    d.document = {"a.txt", content_hash("text of a"), 9, std::nullopt, std::nullopt, ""};
    d.events = {make_event("Baku and Tel Aviv agreed.", day(2023, 1, 5), day(2023, 1, 5), {"AZ", "IL"}, "a.txt")};
    WriteStats first = store->add_documents({d});
    EXPECT_EQ(first.documents_added, 1u);
    EXPECT_EQ(first.events_added, 1u);
    EXPECT_EQ(store->document_name(content_hash("text of a")), "a.txt");

    // The same text under another name is the same document.
    DocumentEvents again = d;
    again.document.id = "copy-of-a.txt";
    WriteStats second = store->add_documents({d, again});
    EXPECT_EQ(second.documents_added, 0u);
    EXPECT_EQ(second.documents_skipped, 2u);
    EXPECT_EQ(second.events_added + second.events_merged, 0u);
    StoreStats s = store->stats();
    EXPECT_EQ(s.documents, 1u);
    EXPECT_EQ(s.events, 1u);
    EXPECT_EQ(s.sources, 1u);
}

TEST_P(EventStore, LoadingTheSameEventsTwiceAddsNothing) {
    auto store = fresh();
    std::vector<Event> events = {
        make_event("Russia and Turkey met in Sochi.", day(2020, 3, 5), day(2020, 3, 5), {"RU", "TR"}, "x", 0),
        make_event("Iran and Armenia opened a border crossing.", day(2021, 1, 1), day(2021, 12, 31), {"IR", "AM"}, "x", 50),
    };
    EXPECT_EQ(store->add_events(events).events_added, 2u);
    WriteStats again = store->add_events(events);
    EXPECT_EQ(again.events_added, 0u);
    EXPECT_EQ(again.events_merged, 0u);
    EXPECT_EQ(store->stats().events, 2u);
    EXPECT_EQ(store->stats().sources, 2u);
}

TEST_P(EventStore, SameEventFromSeveralDocumentsIsStoredOnceWithAllSources) {
    auto store = fresh();
    // Near-identical wording: punctuation, case and one word differ; the
    // intervals overlap (a day inside a month).
    Event a = make_event("On 7 December 2023, Azerbaijan and Israel signed an agreement on gas supplies.",
                         day(2023, 12, 7), day(2023, 12, 7), {"AZ", "IL"}, "news-1.txt", 100);
    Event b = make_event("In December 2023 Azerbaijan and Israel signed an agreement on gas supplies",
                         day(2023, 12, 1), day(2023, 12, 31), {"IL", "AZ"}, "news-2.txt", 40);
    // Same wording, other pair: a different event.
    Event c = make_event("On 7 December 2023, Azerbaijan and Turkey signed an agreement on gas supplies.",
                         day(2023, 12, 7), day(2023, 12, 7), {"AZ", "TR"}, "news-3.txt", 0);
    // Same pair and wording, a year later: a different event.
    Event d = make_event("On 7 December 2024, Azerbaijan and Israel signed an agreement on gas supplies.",
                         day(2024, 12, 7), day(2024, 12, 7), {"AZ", "IL"}, "news-4.txt", 0);
    WriteStats w = store->add_events({b, a, c, d});
    EXPECT_EQ(w.events_added, 3u);
    EXPECT_EQ(w.events_merged, 1u);

    EventQuery q;
    q.pair = CountryPair{"AZ", "IL"};
    auto got = store->query(q);
    ASSERT_EQ(got.size(), 2u);
    const Event& merged = got[0];
    ASSERT_EQ(merged.sources.size(), 2u);
    // Sources in document order, and the wording of the first of them.
    EXPECT_EQ(merged.sources[0].doc, "news-1.txt");
    EXPECT_EQ(merged.sources[1].doc, "news-2.txt");
    EXPECT_EQ(merged.text, a.text);
    // The more precise date wins.
    EXPECT_EQ(merged.interval, (Interval{day(2023, 12, 7), day(2023, 12, 7)}));

    // The narrowed interval is what queries see, on every index.
    EventQuery nov;
    nov.from = day(2023, 12, 10);
    nov.to = day(2023, 12, 31);
    EXPECT_TRUE(store->query(nov).empty());
    nov.pair = CountryPair{"AZ", "IL"};
    EXPECT_TRUE(store->query(nov).empty());
    nov.pair.reset();
    nov.actor = "IL";
    EXPECT_TRUE(store->query(nov).empty());
}

// Writers working side by side on shards must store what one writer going
// through the shards in turn stores: a merged event cannot depend on which
// report came first.
TEST_P(EventStore, MergedEventIsTheSameWhicheverReportCameFirst) {
    Event a = make_event("Azerbaijan and Israel signed an agreement on gas supplies in Baku", day(2023, 12, 1),
                         day(2023, 12, 31), {"AZ", "IL"}, "news-1.txt", 100);
    a.kind = EventKind::Energy;
    Event b = make_event("Azerbaijan and Israel signed an agreement on gas supplies in Baku today", day(2023, 12, 1),
                         day(2023, 12, 31), {"AZ", "IL"}, "news-2.txt", 40);
    b.confidence = 0.9f;
    Event c = make_event("Azerbaijan and Israel signed an agreement on gas supplies, in Baku.", day(2023, 11, 25),
                         day(2023, 12, 24), {"AZ", "IL"}, "news-3.txt", 7);
    std::vector<std::vector<Event>> orders = {{a, b, c}, {c, b, a}, {b, c, a}};
    std::vector<Event> results;
    for (const auto& order : orders) {
        auto store = open_store(another(), OpenMode::ReadWrite);
        for (const Event& e : order) store->add_events({e});  // one batch each, as separate writers would
        auto all = store->all_events();
        ASSERT_EQ(all.size(), 1u);
        results.push_back(all[0]);
    }
    for (auto& r : results) {
        r.id = 0;
        EXPECT_EQ(r.text, a.text);
        EXPECT_EQ(r.kind, EventKind::Energy);
        EXPECT_FLOAT_EQ(r.confidence, 0.9f);
        EXPECT_EQ(r.interval, (Interval{day(2023, 11, 25), day(2023, 12, 24)}));  // the most precise
        ASSERT_EQ(r.sources.size(), 3u);
        EXPECT_EQ(r.sources[0].doc, "news-1.txt");
        EXPECT_EQ(r.sources, results[0].sources);
    }
}

// Each batch is one transaction and each query reads one snapshot: a reader
// running beside a writer sees whole batches, never part of one.
TEST_P(EventStore, ReadersSeeWholeBatchesWhileAWriterWrites) {
    constexpr size_t kBatch = 40, kBatches = 25;
    auto writer = fresh();
    std::atomic<bool> done{false};
    std::thread writing([&] {
        for (size_t b = 0; b < kBatches; ++b) {
            std::vector<Event> batch;
            for (size_t i = 0; i < kBatch; ++i)
                batch.push_back(make_event("report " + std::to_string(b) + " " + std::to_string(i) + " of the talks",
                                           day(2020, 1, 1) + std::chrono::days(i), day(2020, 1, 1) + std::chrono::days(i),
                                           {"AZ", "TR"}, "d" + std::to_string(b)));
            writer->add_events(batch);
        }
        done = true;
    });
    auto reader = open(OpenMode::ReadOnly);
    size_t reads = 0;
    EventQuery lane;
    lane.pair = CountryPair{"AZ", "TR"};
    while (!done) {
        EXPECT_EQ(reader->query({}).size() % kBatch, 0u);
        EXPECT_EQ(reader->query(lane).size() % kBatch, 0u);
        ++reads;
    }
    writing.join();
    EXPECT_EQ(reader->stats().events, kBatch * kBatches);
    EXPECT_GT(reads, 0u);
}

TEST_P(EventStore, DifferentSentencesOfOnePairAndDateStayApart) {
    auto store = fresh();
    WriteStats w = store->add_events({
        make_event("Azerbaijan and Armenia exchanged prisoners.", day(2023, 12, 7), day(2023, 12, 7), {"AZ", "AM"}, "a"),
        make_event("Azerbaijan and Armenia agreed to hold talks on the border.", day(2023, 12, 7), day(2023, 12, 7),
                   {"AZ", "AM"}, "b"),
    });
    EXPECT_EQ(w.events_added, 2u);
}

TEST_P(EventStore, FoldedWordingMatchesAcrossPersianAndArabicSpellings) {
    auto store = fresh();
    // Arabic ي/ك against Persian ی/ک, tatweel, ZWNJ and digits.
    Event fa = make_event("جمهوری آذربایجان و رژیم صهیونیستی در ۱۵ آذر ۱۴۰۲ قرارداد امضا کردند.", day(2023, 12, 6),
                          day(2023, 12, 6), {"AZ", "IL"}, "fa-1");
    Event ar = make_event("جمهوري آذربايجان و رژيم صهيـــونيستي در 15 آذر 1402 قرارداد امضا كردند", day(2023, 12, 6),
                          day(2023, 12, 6), {"AZ", "IL"}, "fa-2");
    WriteStats w = store->add_events({fa, ar});
    EXPECT_EQ(w.events_added, 1u);
    EXPECT_EQ(w.events_merged, 1u);
}

// A load into an empty store writes batches large enough to take the bulk
// path (PostgreSQL: its keys looked up in memory, its index by time built at
// the end; SQLite: that index at the end): it must store exactly what small
// batches, which take the ordinary path, store — merges into events of
// earlier batches included — and leave a store other writers go on with.
TEST_P(EventStore, BulkLoadStoresWhatSmallBatchesStore) {
    auto report = [](size_t i, int copy) {
        const Day start = day(2001, 1, 1) + date::days(i % 5000);
        return make_event("Report " + std::to_string(i) + " on the talks about item " + std::to_string(i * 7919 % 1000),
                          start, start + date::days(copy ? 0 : 30), {"AZ", i % 3 ? "IL" : "TR"},
                          "d" + std::to_string(copy), static_cast<uint32_t>(i * 10));
    };
    constexpr size_t kEvents = 6000;  // above the bulk path's batch
    std::vector<Event> first, second;
    for (size_t i = 0; i < kEvents; ++i) {
        first.push_back(report(i, 0));
        second.push_back(report(i, 1));
    }
    auto bulk = fresh();
    EXPECT_EQ(bulk->add_events(first).events_added, kEvents);
    const WriteStats merged = bulk->add_events(second);
    EXPECT_EQ(merged.events_added, 0u);
    EXPECT_EQ(merged.events_merged, kEvents);
    bulk->finish_load();

    auto small = open_store(another(), OpenMode::ReadWrite);
    for (const auto* all : {&first, &second})
        for (size_t at = 0; at < all->size(); at += 1000)
            small->add_events(std::vector<Event>(all->begin() + static_cast<std::ptrdiff_t>(at),
                                                 all->begin() + static_cast<std::ptrdiff_t>(std::min(at + 1000, all->size()))));
    std::vector<std::string> got, want;
    for (const Event& e : bulk->all_events()) got.push_back(event_to_json(e));
    for (const Event& e : small->all_events()) want.push_back(event_to_json(e));
    EXPECT_EQ(got, want);
    EventQuery window;
    window.from = day(2003, 3, 1);
    window.to = day(2003, 3, 31);
    window.pair = CountryPair{"AZ", "IL"};
    EXPECT_EQ(texts_of(bulk->query(window)), texts_of(small->query(window)));
    EXPECT_FALSE(bulk->query(window).empty());

    // After the load, another writer finds the load's events.
    const WriteStats again = open(OpenMode::ReadWrite)->add_events({report(7, 2)});
    EXPECT_EQ(again.events_added, 0u);
    EXPECT_EQ(again.events_merged, 1u);
}

class QueryEdges : public EventStore {
protected:
    void SetUp() override {
        store = fresh();
        store->add_events({
            make_event("ends on from", day(2023, 9, 20), day(2023, 10, 1), {"AZ", "IL"}),
            make_event("starts on to", day(2023, 10, 31), day(2023, 11, 15), {"AZ", "IL"}),
            make_event("inside", day(2023, 10, 7), day(2023, 10, 7), {"IL", "IR"}),
            make_event("ends the day before", day(2023, 9, 1), day(2023, 9, 30), {"AZ", "IR"}),
            make_event("starts the day after", day(2023, 11, 1), day(2023, 11, 1), {"AZ", "IR"}),
            make_event("covers it", day(2023, 1, 1), day(2023, 12, 31), {"AZ", "IL"}),
            make_event("the twentieth century", day(1901, 1, 1), day(2000, 12, 31), {"RU", "TR"}),
            make_event("exactly the window", day(2023, 10, 1), day(2023, 10, 31), {"TR"}),
            testing::undated_event("a month later, unanchored", {"AZ", "IL"}),
        });
        q.from = day(2023, 10, 1);
        q.to = day(2023, 10, 31);
    }
    std::unique_ptr<Store> store;
    EventQuery q;
};
TARIKH_ON_EVERY_BACKEND(QueryEdges);

TEST_P(QueryEdges, OverlapIncludesEventsTouchingEitherEnd) {
    EXPECT_THAT(texts_of(store->query(q)),
                ElementsAre("covers it", "ends on from", "exactly the window", "inside", "starts on to"));
}

TEST_P(QueryEdges, WithinKeepsOnlyContainedEvents) {
    q.within = true;
    EXPECT_THAT(texts_of(store->query(q)), ElementsAre("exactly the window", "inside"));
}

TEST_P(QueryEdges, OneDayWindows) {
    q.from = q.to = day(2023, 10, 1);
    EXPECT_THAT(texts_of(store->query(q)), ElementsAre("covers it", "ends on from", "exactly the window"));
    q.within = true;
    EXPECT_TRUE(store->query(q).empty());
    q.from = q.to = day(2023, 10, 7);
    EXPECT_THAT(texts_of(store->query(q)), ElementsAre("inside"));
}

TEST_P(QueryEdges, OpenEnds) {
    EventQuery before;
    before.to = day(2000, 12, 31);
    EXPECT_THAT(texts_of(store->query(before)), ElementsAre("the twentieth century"));
    before.to = day(1900, 12, 31);
    EXPECT_TRUE(store->query(before).empty());
    EventQuery after;
    after.from = day(2023, 11, 15);
    EXPECT_THAT(texts_of(store->query(after)), ElementsAre("covers it", "starts on to"));
    EventQuery all;
    EXPECT_EQ(store->query(all).size(), 8u);  // dated ones only
}

TEST_P(QueryEdges, UndatedEventsAreKeptAndListedApart) {
    EventQuery u;
    u.undated = true;
    EXPECT_THAT(texts_of(store->query(u)), ElementsAre("a month later, unanchored"));
    u.pair = CountryPair{"AZ", "IL"};
    EXPECT_EQ(store->query(u).size(), 1u);
    u.pair = CountryPair{"AZ", "IR"};
    EXPECT_TRUE(store->query(u).empty());
    EXPECT_EQ(store->stats().undated_events, 1u);
    EXPECT_EQ(store->all_events().size(), 8u);
}

TEST_P(QueryEdges, FiltersCombine) {
    q.pair = CountryPair{"IL", "AZ"};  // either order
    EXPECT_THAT(texts_of(store->query(q)), ElementsAre("covers it", "ends on from", "starts on to"));
    q.pair.reset();
    q.actor = "IR";
    EXPECT_THAT(texts_of(store->query(q)), ElementsAre("inside"));
    q.actor.reset();
    q.text = "ENDS  from";
    EXPECT_THAT(texts_of(store->query(q)), ElementsAre("ends on from"));
    q.text.clear();
    q.kind = EventKind::Military;
    EXPECT_TRUE(store->query(q).empty());
    q.kind = EventKind::Diplomatic;
    q.pair = CountryPair{"AZ", "IL"};
    q.actor = "IL";
    EXPECT_EQ(store->query(q).size(), 3u);
    q.actor = "IR";
    EXPECT_TRUE(store->query(q).empty());
}

TEST_P(QueryEdges, LimitTakesTheFirstInDateOrder) {
    q.limit = 2;
    EXPECT_THAT(texts_of(store->query(q)), ElementsAre("covers it", "ends on from"));
    q.pair = CountryPair{"AZ", "IL"};
    q.limit = 1;
    EXPECT_THAT(texts_of(store->query(q)), ElementsAre("covers it"));
    EventQuery first;
    first.limit = 1;
    EXPECT_THAT(texts_of(store->query(first)), ElementsAre("the twentieth century"));
}

TEST_P(QueryEdges, EmptyWindowGivesNothing) {
    q.from = day(2023, 11, 1);
    q.to = day(2023, 10, 1);
    EXPECT_TRUE(store->query(q).empty());
}

TEST_P(EventStore, AllEventsAreInDateOrder) {
    auto store = fresh();
    store->add_events({
        make_event("c", day(2020, 1, 3), day(2020, 1, 3), {"AZ"}),
        make_event("a", day(1990, 1, 1), day(1999, 12, 31), {"AZ"}),
        make_event("b", day(2020, 1, 1), day(2020, 12, 31), {"AZ"}),
    });
    EXPECT_THAT(texts_of(store->all_events()), ElementsAre("a", "b", "c"));
}

TEST_P(EventStore, StatsCountAndSpan) {
    auto store = fresh();
    store->add_events({
        make_event("one", day(1991, 12, 26), day(1991, 12, 26), {"RU"}),
        make_event("two", day(2025, 6, 13), day(2025, 6, 24), {"IL", "IR"}),
        testing::undated_event("three", {"TR"}),
    });
    StoreStats s = store->stats();
    EXPECT_EQ(s.events, 3u);
    EXPECT_EQ(s.undated_events, 1u);
    EXPECT_EQ(s.sources, 3u);
    EXPECT_EQ(s.earliest, day(1991, 12, 26));
    EXPECT_EQ(s.latest, day(2025, 6, 24));
}

TEST_P(EventStore, ReadOnlyStoreRefusesWrites) {
    fresh();
    auto store = open(OpenMode::ReadOnly);
    EXPECT_THROW(store->add_events({make_event("x", day(2020, 1, 1), day(2020, 1, 1), {"AZ"})}), StoreError);
}

TEST(ContentHash, IsStableAndDiscriminating) {
    EXPECT_EQ(content_hash("abc"), content_hash("abc"));
    EXPECT_NE(content_hash("abc"), content_hash("abd"));
    EXPECT_NE(content_hash(""), content_hash(std::string(1, '\0')));
    EXPECT_EQ(content_hash("x").size(), 32u);
}

}  // namespace
}  // namespace tarikh
