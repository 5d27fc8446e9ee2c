// The same text under several names (a wire story saved twice, a mirror):
// the store keeps the smallest name and cites it in the events, whichever
// copy came first, so writers side by side store what one writer stores.
#include "backends.h"

#include "tarikh/store.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace tarikh {
namespace {

using testing::day;
using testing::make_event;

const std::string kWire = "Iran and Iraq signed a water accord in Baghdad on 3 May 2020.";
const std::string kOther = "Iran and Iraq signed a water accord in Baghdad on 3 May 2020, officials said.";

// A document and the event extracted from it.
DocumentEvents document(const std::string& name, const std::string& text) {
    DocumentEvents de;
    de.document = {name, content_hash(text), text.size(), std::nullopt, std::nullopt, ""};
    de.events.push_back(make_event(text, day(2020, 5, 3), day(2020, 5, 3), {"IR", "IQ"}, name));
    de.events.back().confidence = name == "m.txt" ? 0.9f : 0.8f;
    return de;
}

std::vector<std::string> events_without_ids(Store& store) {
    std::vector<std::string> out;
    for (Event e : store.all_events()) {
        e.id = 0;
        std::string sources;
        for (const auto& s : e.sources) sources += s.doc + ",";
        out.push_back(e.text + " | " + sources + " | " + std::to_string(e.confidence));
    }
    std::sort(out.begin(), out.end());
    return out;
}

class Copies : public testing::StoreBackend {};

TEST_P(Copies, TheSmallestNameIsKeptWhicheverCopyCameFirst) {
    const DocumentEvents a = document("a.txt", kWire), z = document("z.txt", kWire), m = document("m.txt", kOther);
    // One batch each, in every order, and all in one batch.
    const std::vector<std::vector<std::vector<DocumentEvents>>> orders{
        {{a}, {z}, {m}}, {{z}, {m}, {a}}, {{z}, {a}, {m}}, {{m}, {z}, {a}}, {{z, m, a}}, {{z}, {m, a}}};
    std::vector<std::string> first;
    for (size_t o = 0; o < orders.size(); ++o) {
        SCOPED_TRACE("order " + std::to_string(o));
        auto store = open_store(another(), OpenMode::ReadWrite);
        for (const auto& batch : orders[o]) store->add_documents(batch);
        const auto got = events_without_ids(*store);
        ASSERT_EQ(got.size(), 1u);
        // The wording of the first source in document order: a.txt's.
        EXPECT_EQ(got[0], kWire + " | a.txt,m.txt, | 0.900000");
        EXPECT_EQ(store->document_by_hash(content_hash(kWire))->id, "a.txt");
        EXPECT_EQ(store->stats().documents, 2u);
        EXPECT_EQ(store->stats().sources, 2u);
        if (o == 0) first = got;
        EXPECT_EQ(got, first);
    }
}

// Two reports of one undated event (or of one interval) read in other words
// ("XXXX-XX-XX", a day; "XXXX", a week): the event keeps the reading of the
// report that leads, as it keeps its wording, whichever came first.
TEST_P(Copies, OneIntervalReadTwoWaysKeepsTheLeadingReading) {
    auto report = [](const std::string& doc, const std::string& value, Granularity g) {
        Event e = testing::undated_event("Venezuela held its presidential election in May, officials said.", {"VE"}, doc);
        e.value = value;
        e.granularity = g;
        return e;
    };
    const Event first = report("a.txt", "XXXX-XX-XX", Granularity::Day), second = report("b.txt", "XXXX", Granularity::Week);
    for (const auto& order : {std::vector<Event>{first, second}, std::vector<Event>{second, first}}) {
        auto store = open_store(another(), OpenMode::ReadWrite);
        for (const Event& e : order) store->add_events({e});
        EventQuery q;
        q.undated = true;
        const auto got = store->query(q);
        ASSERT_EQ(got.size(), 1u);
        EXPECT_EQ(got[0].value, "XXXX-XX-XX");
        EXPECT_EQ(got[0].granularity, Granularity::Day);
    }
}

TARIKH_ON_EVERY_BACKEND(Copies);

}  // namespace
}  // namespace tarikh
