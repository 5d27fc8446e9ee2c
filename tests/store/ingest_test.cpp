// The ingest pipeline on the seeds: documents → extractor → store, in
// batches; the second run adds nothing; the store answers lane queries.
#include "backends.h"
#include "store_fixtures.h"

#include "tarikh/documents.h"
#include "tarikh/ingest.h"

#include <gtest/gtest.h>

namespace tarikh {
namespace {

using testing::day;
using testing::StoreBackend;

class Ingest : public StoreBackend {};
TARIKH_ON_EVERY_BACKEND(Ingest);

IngestResult ingest_seeds(Store& store, const Extractor& extractor, size_t batch) {
    std::vector<InputProblem> problems;
    DocumentReader reader(expand_inputs({std::string(TARIKH_SOURCE_DIR) + "/seeds"}, problems));
    IngestOptions options;
    options.batch_documents = batch;
    return ingest([&] { return reader.next(); }, extractor, store, options);
}

TEST_P(Ingest, SeedsTwiceAndInAnyBatchSize) {
    const Parser parser;
    const Extractor extractor(parser);
    auto store = open();
    IngestResult first = ingest_seeds(*store, extractor, 2);
    EXPECT_EQ(first.documents, 5u);
    EXPECT_EQ(first.written.documents_added, 5u);
    EXPECT_EQ(first.documents_failed, 0u);
    EXPECT_GT(first.written.events_added, 10u);
    const StoreStats before = store->stats();
    EXPECT_EQ(before.documents, 5u);

    IngestResult second = ingest_seeds(*store, extractor, 256);
    EXPECT_EQ(second.written.documents_skipped, 5u);
    EXPECT_EQ(second.written.events_added + second.written.events_merged, 0u);
    EXPECT_EQ(store->stats().events, before.events);
    EXPECT_EQ(store->stats().sources, before.sources);

    // One batch or many: the same store.
    auto other = open_store(another(), OpenMode::ReadWrite);
    ingest_seeds(*other, extractor, 256);
    EXPECT_EQ(other->stats().events, before.events);
}

TEST_P(Ingest, SeedsGiveTheKarabakhWarOnTheAzerbaijanIranLane) {
    const Parser parser;
    const Extractor extractor(parser);
    auto store = open();
    ingest_seeds(*store, extractor, 256);
    EventQuery q;
    q.pair = CountryPair{"AZ", "IR"};
    q.from = day(2020, 9, 1);
    q.to = day(2020, 11, 30);
    q.within = true;
    const auto events = store->query(q);
    ASSERT_FALSE(events.empty());
    for (const auto& e : events) {
        ASSERT_FALSE(e.sources.empty());
        EXPECT_NE(e.sources[0].doc.find("002_"), std::string::npos);
    }
}

}  // namespace
}  // namespace tarikh
