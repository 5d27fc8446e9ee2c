// Event ⇄ JSON: the exact shape of issue 3, round trips, and text that would
// break a naive writer (quotes, newlines, RTL, invalid UTF-8).
#include "store_fixtures.h"

#include "tarikh/event_json.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace tarikh {
namespace {

using nlohmann::json;
using testing::day;
using testing::make_event;

TEST(EventJson, HasExactlyTheIssueShape) {
    Event e = make_event("Baku, 7 Dec.", day(2023, 12, 7), day(2023, 12, 7), {"IL", "AZ"}, "seeds/002.txt", 10);
    e.id = 42;
    normalize_actors(e);
    json j = json::parse(event_to_json(e));
    std::vector<std::string> keys;
    for (auto& [k, v] : j.items()) keys.push_back(k);
    EXPECT_THAT(keys, ::testing::UnorderedElementsAre("id", "earliest", "latest", "value", "granularity", "actors",
                                                      "pairs", "participants", "kind", "text", "lang", "confidence",
                                                      "sources"));
    EXPECT_EQ(j["id"], 42);
    EXPECT_EQ(j["earliest"], "2023-12-07");
    EXPECT_EQ(j["latest"], "2023-12-07");
    EXPECT_EQ(j["granularity"], "day");
    EXPECT_EQ(j["actors"], json::array({"AZ", "IL"}));
    EXPECT_EQ(j["pairs"], json::parse(R"([["AZ","IL"]])"));
    // Given without participants, a pair has no direction and no cue.
    EXPECT_EQ(j["participants"],
              json::parse(R"([{"source":"AZ","target":"IL","directed":false,"cue":"unspecified","confidence":0.8}])"));
    EXPECT_EQ(j["kind"], "diplomatic");
    EXPECT_EQ(j["lang"], "en");
    EXPECT_DOUBLE_EQ(j["confidence"].get<double>(), 0.8);
    EXPECT_EQ(j["sources"], json::parse(R"([{"doc":"seeds/002.txt","span":[10,22],"date_span":[10,14]}])"));
}

TEST(EventJson, ParticipantsRoundTripAndDecideThePairs) {
    Event e = make_event("Saudi minister visits Nouakchott", day(2017, 1, 3), day(2017, 1, 3), {}, "d", 0);
    e.participants = {{"SA", "MR", true, PairCue::Visit, 0.85f}, {"MR", "SA", true, PairCue::SubjectObject, 0.5f},
                      {"AE", "CN", false, PairCue::Between, 0.9f}};
    normalize_actors(e);
    // One entry per lane, the surest of a lane given twice; undirected pairs in code order.
    ASSERT_EQ(e.participants.size(), 2u);
    EXPECT_EQ(e.pairs, (std::vector<CountryPair>{{"AE", "CN"}, {"MR", "SA"}}));
    EXPECT_EQ(e.actors, (std::vector<CountryCode>{"AE", "CN", "MR", "SA"}));
    EXPECT_EQ(e.participants[1].cue, PairCue::Visit);
    Event back = event_from_json(event_to_json(e));
    ASSERT_EQ(back.participants.size(), 2u);
    for (size_t i = 0; i < 2; ++i) {
        EXPECT_EQ(back.participants[i].source, e.participants[i].source);
        EXPECT_EQ(back.participants[i].target, e.participants[i].target);
        EXPECT_EQ(back.participants[i].directed, e.participants[i].directed);
        EXPECT_EQ(back.participants[i].cue, e.participants[i].cue);
        EXPECT_NEAR(back.participants[i].confidence, e.participants[i].confidence, 0.005);
    }
    EXPECT_EQ(back.pairs, e.pairs);
}

TEST(EventJson, ParticipantsThatContradictThePairsAreRefused) {
    const std::string base = R"({"text":"t","earliest":"2020-01-01","latest":"2020-01-01",)";
    EXPECT_THROW(event_from_json(base + R"("pairs":[["IR","IQ"]],"participants":[{"source":"IR","target":"SY"}]})"),
                 EventJsonError);
    EXPECT_THROW(event_from_json(base + R"("participants":[{"source":"IR","target":"SY","cue":"telepathy"}]})"),
                 EventJsonError);
    EXPECT_THROW(event_from_json(base + R"("participants":[{"source":"IR","target":"SY","confidence":7}]})"),
                 EventJsonError);
    EXPECT_THROW(event_from_json(base + R"("participants":[{"target":"SY"}]})"), EventJsonError);
    Event ok = event_from_json(base + R"("participants":[{"source":"SY","target":"IR","cue":"with"}]})");
    EXPECT_EQ(ok.pairs, (std::vector<CountryPair>{{"IR", "SY"}}));
    EXPECT_EQ(ok.participants.at(0).source, "SY");
    EXPECT_TRUE(ok.participants.at(0).directed);
}

TEST(EventJson, UndatedHasNullBoundsAndNullIdBeforeStoring) {
    Event e = testing::undated_event("later", {"TR"});
    json j = json::parse(event_to_json(e));
    EXPECT_TRUE(j["earliest"].is_null());
    EXPECT_TRUE(j["latest"].is_null());
    EXPECT_TRUE(j["id"].is_null());
}

// Found by fuzz-event-json: pairs given without participants name countries
// the actors list lacks; what is read must write back and read to itself.
TEST(EventJson, PairsWithoutParticipantsMakeTheirCountriesActors) {
    const std::string line =
        R"({"id":null,"earliest":"2023-03-20","latest":"2023-03-20","granularity":"day","actors":["QQ","IL"],)"
        R"("pairs":[["AZ","IL"]],"kind":"diplomatic","text":"t","lang":"en","confidence":0.9,)"
        R"("sources":[{"doc":"a.txt","span":[0,1],"date_span":[0,1]}]})";
    const Event e = event_from_json(line);
    EXPECT_THAT(e.actors, ::testing::ElementsAre("AZ", "IL", "QQ"));
    const std::string once = event_to_json(e);
    EXPECT_EQ(event_to_json(event_from_json(once)), once);
}

TEST(EventJson, RoundTrips) {
    Event e = make_event("\"Quoted\" and\nnew line\tand \\ backslash — «آذربایجان» و «إسرائيل» \u200f",
                         day(1990, 1, 1), day(1999, 12, 31), {"AZ", "IL", "TR"}, "a\"b.jsonl:3", 5);
    e.value = "199";
    e.granularity = Granularity::Decade;
    e.mod = Mod::Approx;
    e.kind = EventKind::Security;
    e.lang = lang_of("ar");
    e.id = 7;
    normalize_actors(e);
    Event back = event_from_json(event_to_json(e));
    EXPECT_EQ(back.id, 7);
    EXPECT_EQ(back.interval, e.interval);
    EXPECT_EQ(back.value, "199");
    EXPECT_EQ(back.granularity, Granularity::Decade);
    EXPECT_EQ(back.mod, Mod::Approx);
    EXPECT_EQ(back.kind, EventKind::Security);
    EXPECT_EQ(back.lang, lang_of("ar"));
    EXPECT_EQ(back.actors, e.actors);
    EXPECT_EQ(back.pairs, e.pairs);
    EXPECT_EQ(back.pairs.size(), 3u);
    EXPECT_EQ(back.text, e.text);
    EXPECT_EQ(back.sources, e.sources);
}

TEST(EventJson, InvalidUtf8IsReplacedNotThrown) {
    Event e = make_event(std::string("bad \xff\xfe bytes \xd8 and a cut \xe2\x80"), day(2020, 1, 1), day(2020, 1, 1),
                         {"AZ"}, std::string("doc\xc3"), 0);
    std::string out;
    ASSERT_NO_THROW(out = event_to_json(e));
    json j = json::parse(out);  // valid JSON, valid UTF-8
    EXPECT_EQ(j["text"], "bad \xEF\xBF\xBD\xEF\xBF\xBD bytes \xEF\xBF\xBD and a cut \xEF\xBF\xBD");
    EXPECT_EQ(valid_utf8("a\xffz"), "a\xEF\xBF\xBDz");
    EXPECT_EQ(valid_utf8("آذر"), "آذر");
}

TEST(EventJson, DerivesPairsFromActorsWhenAbsent) {
    Event e = event_from_json(R"({"text":"x","actors":["tr","AZ","IL"],"earliest":"2020-01-01","latest":"2020-01-31"})");
    EXPECT_THAT(e.actors, ::testing::ElementsAre("AZ", "IL", "TR"));
    ASSERT_EQ(e.pairs.size(), 3u);
    EXPECT_EQ(e.pairs[0], CountryPair("AZ", "IL"));
    EXPECT_EQ(e.pairs[2], CountryPair("IL", "TR"));
    Event single = event_from_json(R"({"text":"x","actors":["IR"]})");
    ASSERT_EQ(single.pairs.size(), 1u);
    EXPECT_EQ(single.pairs[0], CountryPair("IR", "IR"));
}

TEST(EventJson, BadInputSaysWhichField) {
    auto message = [](const char* text) {
        try {
            event_from_json(text);
        } catch (const EventJsonError& e) {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    EXPECT_THAT(message("{not json"), ::testing::HasSubstr("not valid JSON"));
    EXPECT_THAT(message("[1,2]"), ::testing::HasSubstr("object"));
    EXPECT_THAT(message(R"({"earliest":"2020-01-01","actors":["AZ"]})"), ::testing::HasSubstr("\"text\""));
    EXPECT_THAT(message(R"({"text":"no country"})"), ::testing::HasSubstr("\"actors\""));
    EXPECT_THAT(message(R"({"text":"x","actors":["AZ"],"earliest":"2020-13-01"})"), ::testing::HasSubstr("\"earliest\""));
    EXPECT_THAT(message(R"({"text":"x","actors":["AZ"],"earliest":"2020-02-01","latest":"2020-01-01"})"),
                ::testing::HasSubstr("\"latest\""));
    EXPECT_THAT(message(R"({"text":"x","actors":["AZ"],"kind":"party"})"), ::testing::HasSubstr("\"kind\""));
    EXPECT_THAT(message(R"({"text":"x","actors":["AZ"],"lang":"xx"})"), ::testing::HasSubstr("\"lang\""));
    EXPECT_THAT(message(R"({"text":"x","actors":["A Z"]})"), ::testing::HasSubstr("\"actors\""));
    EXPECT_THAT(message(R"({"text":"x","actors":["AZ"],"sources":[{"doc":"d","span":[5,1]}]})"), ::testing::HasSubstr("\"span\""));
    EXPECT_THAT(message(R"({"text":"x","actors":["AZ"],"granularity":"fortnight"})"), ::testing::HasSubstr("\"granularity\""));
}

// JSON written by hand or another program: fields in any order, spacing,
// escapes, a number written as an integer, a field given twice (the last
// counts, as in any JSON object read into a map).
TEST(EventJson, ReadsAnyValidSpellingOfTheSameEvent) {
    const Event e = event_from_json(
        "  { \"sources\" : [ { \"span\" : [ 0 , 9 ], \"doc\" : \"d\\\"1\" } ],\n"
        "    \"confidence\" : 1, \"text\" : \"caf\\u00e9 \\n\\\"talks\\\"\", \"actors\" : [ \"il\", \"AZ\" ],\n"
        "    \"kind\" : \"energy\", \"kind\" : \"military\", \"earliest\" : \"2020-05-03\", \"latest\" : null } ");
    EXPECT_EQ(e.text, "caf\xC3\xA9 \n\"talks\"");
    EXPECT_EQ(e.actors, (std::vector<CountryCode>{"AZ", "IL"}));
    EXPECT_EQ(e.kind, EventKind::Military);
    EXPECT_FLOAT_EQ(e.confidence, 1.0f);
    ASSERT_EQ(e.sources.size(), 1u);
    EXPECT_EQ(e.sources[0].doc, "d\"1");
    EXPECT_EQ(e.sources[0].span.end, 9u);
    EXPECT_TRUE(e.interval.earliest && !e.interval.latest);
    EXPECT_THROW(event_from_json("{\"text\":\"\xff\",\"actors\":[\"AZ\"]}"), EventJsonError);  // not UTF-8
    EXPECT_THROW(event_from_json(R"({"text":"x","actors":["AZ"]} trailing)"), EventJsonError);
    EXPECT_THROW(event_from_json(R"({"text":"x","actors":["AZ"],"sources":[{"doc":"d","span":[1.5,2]}]})"), EventJsonError);
}

}  // namespace
}  // namespace tarikh
