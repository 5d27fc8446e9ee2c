// Exports parsed back: the json document and the TimelineJS3 file, with text
// that could break them.
#include "store_fixtures.h"

#include "tarikh/event_json.h"
#include "tarikh/actors.h"
#include "tarikh/export.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <set>

namespace tarikh {
namespace {

using nlohmann::json;
using testing::day;
using testing::make_event;

std::vector<Event> sample() {
    std::vector<Event> events;
    Event a = make_event("Azerbaijan and Israel \"signed\" <b>deals</b> & more\non two lines.", day(2023, 12, 7),
                         day(2023, 12, 7), {"AZ", "IL"}, "seeds/a.txt", 3);
    a.id = 1;
    a.granularity = Granularity::Day;
    Event b = make_event("جنگ ۴۴ روزه میان جمهوری آذربایجان و ارمنستان، با حمایت ترکیه", day(2020, 9, 27),
                         day(2020, 11, 10), {"AZ", "AM", "TR"}, "seeds/b.txt", 0);
    b.id = 2;
    b.granularity = Granularity::Day;
    b.lang = lang_of("fa");
    b.sources[0].date_span = {0, static_cast<uint32_t>(std::string("جنگ ۴۴ روزه").size())};  // the war names its dates
    Event c = make_event("October 2023", day(2023, 10, 1), day(2023, 10, 31), {"IL"}, "c", 0);
    c.id = 3;
    c.granularity = Granularity::Month;
    Event d = make_event("Farvardin 1402 (a Solar Hijri month)", day(2023, 3, 21), day(2023, 4, 20), {"IR"}, "d", 0);
    d.id = 4;
    d.granularity = Granularity::Month;
    Event e = make_event("the 1990s", day(1990, 1, 1), day(1999, 12, 31), {"RU", "TR"}, "e", 0);
    e.id = 5;
    e.granularity = Granularity::Decade;
    Event f = make_event(std::string("broken \xff\xc3( utf-8"), day(2001, 1, 1), day(2001, 12, 31), {"US"}, "f", 0);
    f.id = 6;
    f.granularity = Granularity::Year;
    Event u = testing::undated_event("undated", {"AZ"});
    u.id = 7;
    Event g = make_event("Kazakhstan, like Tajikistan, Georgia and Armenia, has had relations with Israel",
                         day(1990, 1, 1), day(1999, 12, 31), {"KZ", "TJ", "GE", "AM", "IL"}, "g", 0);
    g.id = 8;
    g.granularity = Granularity::Decade;
    for (Event* x : {&a, &b, &c, &d, &e, &f, &u, &g}) {
        normalize_actors(*x);
        events.push_back(*x);
    }
    return events;
}

TEST(ExportJson, HasGeneratorQueryAndEvents) {
    EventQuery q;
    q.from = day(2020, 1, 1);
    q.pair = CountryPair{"AZ", "IL"};
    q.text = "signed";
    const auto events = sample();
    json j = json::parse(export_json(events, q));
    EXPECT_THAT(j["generator"].get<std::string>(), ::testing::StartsWith("tarikh"));
    EXPECT_EQ(j["query"]["from"], "2020-01-01");
    EXPECT_TRUE(j["query"]["to"].is_null());
    EXPECT_EQ(j["query"]["pair"], json::array({"AZ", "IL"}));
    EXPECT_EQ(j["query"]["text"], "signed");
    EXPECT_EQ(j["query"]["within"], false);
    ASSERT_EQ(j["events"].size(), events.size());
    for (size_t i = 0; i < events.size(); ++i) {
        Event back = event_from_json(j["events"][i].dump());
        EXPECT_EQ(back.id, events[i].id);
        EXPECT_EQ(back.interval, events[i].interval);
        EXPECT_EQ(back.pairs, events[i].pairs);
        EXPECT_EQ(back.sources, events[i].sources);
        if (i != 5) EXPECT_EQ(back.text, events[i].text);
    }
    EXPECT_EQ(j["events"][5]["text"], "broken \xEF\xBF\xBD\xEF\xBF\xBD( utf-8");
}

class TimelineJs : public ::testing::Test {
protected:
    void SetUp() override { doc = json::parse(export_timelinejs(sample(), {})); }
    // Slides of the event with this id, in order.
    std::vector<json> slides_of(int id) {
        std::vector<json> out;
        for (const auto& s : doc["events"])
            if (s["unique_id"].get<std::string>().rfind("event-" + std::to_string(id) + "-", 0) == 0) out.push_back(s);
        return out;
    }
    json doc;
};

TEST_F(TimelineJs, HasATitleSlideAndOneSlidePerEventAndPair) {
    ASSERT_TRUE(doc["title"]["text"]["headline"].is_string());
    EXPECT_THAT(doc["title"]["text"]["text"].get<std::string>(), ::testing::HasSubstr("1 undated"));
    EXPECT_FALSE(doc["title"].contains("start_date"));
    // a:1 pair, b:3 pairs, c, d, e, f: 1 each, g (10 pairs): 1; the undated event has no slide.
    EXPECT_EQ(doc["events"].size(), 9u);
    std::set<std::string> ids;
    for (const auto& s : doc["events"]) ids.insert(s["unique_id"].get<std::string>());
    EXPECT_EQ(ids.size(), doc["events"].size());
}

TEST_F(TimelineJs, DatesFollowTheGranularity) {
    auto a = slides_of(1).at(0);
    EXPECT_EQ(a["start_date"], json::parse(R"({"year":2023,"month":12,"day":7})"));
    EXPECT_FALSE(a.contains("end_date"));
    auto b = slides_of(2).at(0);
    EXPECT_EQ(b["start_date"], json::parse(R"({"year":2020,"month":9,"day":27})"));
    EXPECT_EQ(b["end_date"], json::parse(R"({"year":2020,"month":11,"day":10})"));
    auto c = slides_of(3).at(0);
    EXPECT_EQ(c["start_date"], json::parse(R"({"year":2023,"month":10})"));
    EXPECT_FALSE(c.contains("end_date"));
    auto d = slides_of(4).at(0);  // a Solar Hijri month is not a Gregorian one: its days
    EXPECT_EQ(d["start_date"], json::parse(R"({"year":2023,"month":3,"day":21})"));
    EXPECT_EQ(d["end_date"], json::parse(R"({"year":2023,"month":4,"day":20})"));
    auto e = slides_of(5).at(0);
    EXPECT_EQ(e["start_date"], json::parse(R"({"year":1990})"));
    EXPECT_EQ(e["end_date"], json::parse(R"({"year":1999})"));
    auto f = slides_of(6).at(0);
    EXPECT_EQ(f["start_date"], json::parse(R"({"year":2001})"));
    EXPECT_FALSE(f.contains("end_date"));
}

TEST_F(TimelineJs, AnEventOfManyCountriesIsOneSlideNotOnePerPair) {
    auto g = slides_of(8);
    ASSERT_EQ(g.size(), 1u);
    EXPECT_EQ(g[0]["group"], country_name("AM") + ", " + country_name("GE") + ", " + country_name("IL") + ", " +
                                 country_name("KZ") + ", " + country_name("TJ"));
    // Asked for one of its pairs, it is in that lane like any other event.
    EventQuery q;
    q.pair = CountryPair{"IL", "KZ"};
    json one = json::parse(export_timelinejs(sample(), q));
    size_t in_lane = 0;
    for (const auto& s : one["events"])
        if (s["unique_id"] == "event-8-IL-KZ") {
            ++in_lane;
            EXPECT_EQ(s["group"], pair_label({"IL", "KZ"}));
        }
    EXPECT_EQ(in_lane, 1u);
}

TEST_F(TimelineJs, GroupsArePairLabels) {
    std::vector<std::string> groups;
    for (const auto& s : slides_of(2)) groups.push_back(s["group"]);
    EXPECT_THAT(groups, ::testing::ElementsAre(pair_label({"AM", "AZ"}), pair_label({"AM", "TR"}),
                                               pair_label({"AZ", "TR"})));
    EXPECT_EQ(slides_of(3).at(0)["group"], country_name("IL"));
    EXPECT_EQ(pair_label({"AZ", "IL"}), country_name("AZ") + "\u2013" + country_name("IL"));
    EXPECT_EQ(pair_label({"AZ", "IL"}), "Azerbaijan\u2013Israel");
    EXPECT_EQ(country_name("QQ"), "QQ");  // unknown codes fall back to themselves
}

TEST_F(TimelineJs, TextIsEscapedHtmlAndRtlAware) {
    auto a = slides_of(1).at(0);
    const std::string text = a["text"]["text"];
    EXPECT_THAT(text, ::testing::HasSubstr("&quot;signed&quot; &lt;b&gt;deals&lt;/b&gt; &amp; more on two lines."));
    EXPECT_THAT(text, ::testing::HasSubstr("dir=\"auto\""));
    const std::string headline = a["text"]["headline"];
    EXPECT_EQ(headline.find('\n'), std::string::npos);
    EXPECT_EQ(headline.find('<'), std::string::npos);
    auto b = slides_of(2).at(0);
    // The date is marked in the sentence.
    EXPECT_THAT(b["text"]["text"].get<std::string>(), ::testing::HasSubstr("<mark>جنگ ۴۴ روزه</mark> میان"));
    // A Persian headline is a right-to-left isolate inside TimelineJS's
    // left-to-right heading, and names its lane in Persian.
    const std::string hb = b["text"]["headline"];
    EXPECT_EQ(hb.rfind("\u2067", 0), 0u) << hb;
    EXPECT_THAT(hb, ::testing::HasSubstr(": جنگ ۴۴ روزه"));
    EXPECT_THAT(hb, ::testing::HasSubstr(country_label("AM", "fa")));
    EXPECT_EQ(hb.substr(hb.size() - 3), "\u2069");
    EXPECT_EQ(headline.find("\u2067"), std::string::npos) << "an English headline is left alone";
    auto f = slides_of(6).at(0);
    EXPECT_THAT(f["text"]["text"].get<std::string>(), ::testing::HasSubstr("broken \xEF\xBF\xBD\xEF\xBF\xBD("));
}

TEST_F(TimelineJs, LongHeadlinesAreCutOnCharacterBoundaries) {
    Event e = make_event(std::string(69, 'x') + "آذربایجان", day(2020, 1, 1), day(2020, 1, 1), {"AZ"});
    e.granularity = Granularity::Day;
    normalize_actors(e);
    json j = json::parse(export_timelinejs({e}, {}));
    const std::string h = j["events"][0]["text"]["headline"];
    EXPECT_EQ(h, country_name("AZ") + ": " + std::string(69, 'x') + "آ\u2026");
}

TEST_F(TimelineJs, HeadlinesAreTheLaneAndTheClauseNotTheSentenceTwice) {
    Event e = make_event("After years of talks, Azerbaijan and Israel signed a gas deal in December 2023, officials said.",
                         day(2023, 12, 1), day(2023, 12, 31), {"AZ", "IL"}, "h.txt", 100);
    const std::string date = "December 2023";
    const uint32_t at = static_cast<uint32_t>(e.text.find(date));
    e.sources[0].date_span = {100 + at, 100 + at + static_cast<uint32_t>(date.size())};
    e.granularity = Granularity::Month;
    e.value = "2023-12";
    normalize_actors(e);
    json s = json::parse(export_timelinejs({e}, {}))["events"][0];
    EXPECT_EQ(s["text"]["headline"], pair_label({"AZ", "IL"}) + ": Azerbaijan and Israel signed a gas deal in December 2023");
    EXPECT_EQ(s["display_date"], "December 2023");
    EXPECT_THAT(s["text"]["text"].get<std::string>(), ::testing::HasSubstr("<mark>December 2023</mark>"));
    // Dates as people say them, never as TIMEX codes.
    EXPECT_EQ(slides_of(5).at(0)["display_date"], "1990s");
    EXPECT_EQ(slides_of(2).at(0)["display_date"], "27 September \u2013 10 November 2020");
    for (const auto& slide : doc["events"])
        EXPECT_THAT(slide["text"]["text"].get<std::string>(), ::testing::Not(::testing::HasSubstr("\u00b7 199 ")));
}

TEST_F(TimelineJs, TheTitleSlideIsATitleAndWordsNotQueryJson) {
    EventQuery q;
    q.pair = CountryPair{"AZ", "IL"};
    q.from = day(2020, 1, 1);
    json t = json::parse(export_timelinejs(sample(), q))["title"];
    EXPECT_EQ(t["text"]["headline"], pair_label({"AZ", "IL"}) + ", 2023");
    const std::string text = t["text"]["text"];
    EXPECT_THAT(text, ::testing::HasSubstr("1 event on 7 December 2023, in 1 lane."));
    EXPECT_THAT(text, ::testing::HasSubstr("in the lane " + pair_label({"AZ", "IL"})));
    EXPECT_EQ(text.find('{'), std::string::npos) << text;
    ExportOptions titled;
    titled.title = "Baku & Jerusalem";
    json given = json::parse(export_timelinejs(sample(), q, titled))["title"];
    EXPECT_EQ(given["text"]["headline"], "Baku &amp; Jerusalem");
    json j = json::parse(export_json(sample(), q, titled));
    EXPECT_EQ(j["title"], "Baku & Jerusalem");
    EXPECT_EQ(j["checked"], 0);
}

TEST(TimelineJsEmpty, NoEventsStillGivesAValidFile) {
    json j = json::parse(export_timelinejs({}, {}));
    EXPECT_TRUE(j["events"].is_array());
    EXPECT_TRUE(j["title"].is_object());
}

}  // namespace
}  // namespace tarikh
