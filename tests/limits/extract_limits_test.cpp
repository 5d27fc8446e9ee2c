// `extract`, `ingest` and `load` on inputs made to blow up: one sentence of
// thousands of dates, an event naming thousands of countries, country codes
// that carry separators and escape characters.
#include "limits/cli.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <sstream>
#include <string>

namespace tarikh::testing {
namespace {

using nlohmann::json;

// One "sentence" of 8,000 dates and no full stop, ~108 KB, with countries
// named every fourth date.
std::string sentence_of_dates() {
    std::string s = "Azerbaijan and Israel signed agreements on ";
    int n = 0;
    for (int y = 10; y < 30 && n < 8000; ++y)
        for (int m = 1; m <= 12 && n < 8000; ++m)
            for (int d = 1; d <= 28 && n < 8000; ++d, ++n) {
                if (n) s += ", ";
                if (n % 4 == 0) s += "Iran and Iraq met on ";
                s += std::to_string(d) + "/" + std::to_string(m) + "/20" + std::to_string(y);
            }
    return s + " in Baku.";
}

std::string fmt_code(int i) { return "X" + std::to_string(1000 + i); }

std::vector<json> events_in(const std::string& jsonl) {
    std::vector<json> out;
    std::istringstream in(jsonl);
    for (std::string line; std::getline(in, line);) out.push_back(json::parse(line));
    return out;
}

TEST(ExtractLimits, ASentenceOfThousandsOfDatesGivesEventsOfBoundedText) {
    CliDir dir;
    const std::string text = sentence_of_dates();
    dir.write("dates.txt", text);
    const Outcome r = dir.run("extract -o events.jsonl dates.txt");
    ASSERT_EQ(r.code, 0) << r.err;
    const std::string out = CliDir::read(dir / "events.jsonl");
    const auto events = events_in(out);
    // Each event carries at most ~1 KB of the text and points to its
    // (bounded) sentence by span: the output was 770 MB, each event copying
    // the whole 96 KB sentence.
    EXPECT_GT(events.size(), 5000u);
    EXPECT_LT(out.size(), events.size() * 2000);
    for (const json& e : events) {
        const std::string t = e["text"];
        ASSERT_LE(t.size(), 1024u);
        const auto& src = e["sources"][0];
        const uint32_t b = src["span"][0], end = src["span"][1], db = src["date_span"][0], de = src["date_span"][1];
        ASSERT_LE(end - b, 2048u);                     // the sentence bound
        ASSERT_TRUE(b <= db && de <= end);
        // The kept words are the input's, around the date.
        ASSERT_NE(text.find(t), std::string::npos);
        ASSERT_NE(t.find(text.substr(db, de - db)), std::string::npos) << t;
    }
}

TEST(ExtractLimits, IngestOfASentenceOfThousandsOfDatesStaysSmall) {
    CliDir dir;
    dir.write("dates.txt", sentence_of_dates());
    const Outcome r = dir.run("ingest --db s.db dates.txt");
    ASSERT_EQ(r.code, 0) << r.err;
    // 787 MB before; the events' words are now bounded (~9 MB).
    EXPECT_LT(std::filesystem::file_size(dir / "s.db"), 32u << 20);
}

TEST(ExtractLimits, AnEventWithThousandsOfActorsIsRefusedByName) {
    CliDir dir;
    json e = {{"earliest", "2020-01-01"}, {"latest", "2020-01-01"}, {"text", "Many countries met."}, {"lang", "en"}};
    json actors = json::array();
    for (int i = 0; i < 2000; ++i) actors.push_back(fmt_code(i));
    e["actors"] = actors;
    json ok = {{"earliest", "2020-01-02"}, {"latest", "2020-01-02"}, {"text", "Azerbaijan and Israel met."},
               {"lang", "en"}, {"actors", {"AZ", "IL"}}};
    dir.write("events.jsonl", e.dump() + "\n" + ok.dump() + "\n");
    const Outcome r = dir.run("load --db s.db events.jsonl");
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.err.find("events.jsonl:1"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("more than 16 countries"), std::string::npos) << r.err;
    EXPECT_NE(r.out.find("1 added"), std::string::npos) << r.out;  // the good line is loaded
}

TEST(ExtractLimits, ASentenceListingMoreCountriesThanTheCapMakesNoEvent) {
    CliDir dir;
    dir.write("list.txt",
              "In 2020 Azerbaijan, Armenia, Georgia, Russia, Kazakhstan, Kyrgyzstan, Tajikistan, Turkey, Iran, Iraq, "
              "Israel, Egypt, Syria, Lebanon, Jordan, Qatar, Pakistan and India sent delegates.\n"
              "In 2021 Azerbaijan and Israel signed a deal.\n");
    const Outcome r = dir.run("extract list.txt");
    ASSERT_EQ(r.code, 0) << r.err;
    const auto events = events_in(r.out);
    ASSERT_FALSE(events.empty()) << r.err;
    for (const json& e : events) EXPECT_LE(e["actors"].size(), 16u) << e.dump();
}

TEST(ExtractLimits, CountryCodesWithSeparatorsOrEscapesAreRefused) {
    CliDir dir;
    std::string lines;
    for (const char* code : {"A\rZ", "AZ,IL", "A\"Z", "\x1b[31mAZ", "A", "AZ IL", "TOOLONGCODE", "A-Z"}) {
        json e = {{"earliest", "2020-01-01"}, {"latest", "2020-01-01"}, {"text", "They met."}, {"lang", "en"},
                  {"actors", {code, "IL"}}};
        lines += e.dump() + "\n";
    }
    dir.write("events.jsonl", lines);
    const Outcome r = dir.run("load --db s.db events.jsonl");
    EXPECT_EQ(r.code, 1);
    for (int line = 1; line <= 8; ++line)
        EXPECT_NE(r.err.find("events.jsonl:" + std::to_string(line) + ": \"actors\": not a country code"), std::string::npos)
            << line << "\n" << r.err;
    EXPECT_EQ(r.err.find('\x1b'), std::string::npos);  // the message shows it escaped
    const Outcome q = dir.run("query --db s.db --format csv");
    EXPECT_EQ(q.out.find("IL"), std::string::npos) << q.out;  // nothing was stored
}

}  // namespace
}  // namespace tarikh::testing
