// Years stay in 1–9999 everywhere: what the parser computes ("999 centuries
// ago" wrapped a 16-bit year to −32363; "9999 … 999 years later" gave a
// five-digit year), what `extract` writes and what `load` reads back.
#include "limits/cli.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <set>
#include <sstream>
#include <string>
#include <utility>

namespace tarikh::testing {
namespace {

using nlohmann::json;

std::vector<json> lines_of(const std::string& jsonl) {
    std::vector<json> out;
    std::istringstream in(jsonl);
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) out.push_back(json::parse(line));
    return out;
}

bool four_digit_year(const json& day) {
    if (day.is_null()) return true;
    const std::string s = day;
    return s.size() == 10 && s[4] == '-' && s.substr(0, 4) >= "0001" && s.substr(0, 4) <= "9999";
}

TEST(YearRange, DatesBeyondTheYearsGetNullBounds) {
    CliDir dir;
    dir.write("far.txt",
              "They met 999 centuries ago. They met in 9999 AD, and 999 years later again. "
              "A year before 1 AD nothing happened. 5000000 days ago, 99999999 weeks later, 40000 years ago.\n");
    const Outcome r = dir.run("parse --lang en --dct 2024-05-01 far.txt");
    ASSERT_EQ(r.code, 0) << r.err;
    const auto mentions = lines_of(r.out);
    ASSERT_GE(mentions.size(), 4u) << r.out;
    for (const json& m : mentions) {
        EXPECT_TRUE(four_digit_year(m["earliest"]) && four_digit_year(m["latest"])) << m.dump();
        const std::string text = m["text"];
        if (text.find("centuries ago") != std::string::npos || text.find("years later") != std::string::npos) {
            EXPECT_TRUE(m["earliest"].is_null()) << m.dump();
            EXPECT_EQ(m["anchor"], "none") << m.dump();
        }
    }
    EXPECT_NE(r.out.find("\"9999-12-31\""), std::string::npos);  // 9999 itself is a year
}

TEST(YearRange, WhatExtractWritesLoadReadsAcrossTheCalendarsEdges) {
    CliDir dir;
    dir.write("en.txt",
              "Azerbaijan and Israel met in 1 AD. Azerbaijan and Israel met on 1 January 0001. "
              "Azerbaijan and Israel met on 31 December 9999. Azerbaijan and Israel met in 9999 AD, "
              "and 999 years later Azerbaijan and Israel met again. Azerbaijan and Israel met 999 centuries ago.\n");
    dir.write("fa.txt",
              "ایران و اسرائیل در ۲۹ اسفند ۹۹۹۹ دیدار کردند. ایران و اسرائیل در سال ۹۳۷۸ دیدار کردند. "
              "ایران و اسرائیل در ۱ فروردین ۱ دیدار کردند.\n");
    dir.write("ar.txt", "التقت إيران وإسرائيل في ١ محرم ١ هـ. والتقت إيران وإسرائيل في عام 9999.\n");
    Outcome r = dir.run("extract --dct 2024-05-01 -o events.jsonl en.txt fa.txt ar.txt");
    ASSERT_EQ(r.code, 0) << r.err;
    const auto extracted = lines_of(CliDir::read(dir / "events.jsonl"));
    ASSERT_GE(extracted.size(), 6u);
    std::multiset<std::pair<std::string, std::string>> written, stored;
    for (const json& e : extracted) {
        ASSERT_TRUE(four_digit_year(e["earliest"]) && four_digit_year(e["latest"])) << e.dump();
        written.emplace(e["earliest"].dump(), e["latest"].dump());
    }
    r = dir.run("load --db s.db events.jsonl");
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("0 bad lines"), std::string::npos) << r.out;
    for (const char* which : {"", "--undated "}) {
        r = dir.run(std::string("query --db s.db ") + which + "--format jsonl");
        ASSERT_EQ(r.code, 0) << r.err;
        for (const json& e : lines_of(r.out)) stored.emplace(e["earliest"].dump(), e["latest"].dump());
    }
    for (const auto& w : written) EXPECT_TRUE(stored.count(w)) << w.first << " " << w.second;
}

TEST(YearRange, YearZeroAndFiveDigitYearsAreRefusedOnInput) {
    CliDir dir;
    json e = {{"earliest", "0000-12-31"}, {"latest", "0000-12-31"}, {"actors", {"AZ"}}, {"text", "x"}};
    dir.write("e.jsonl", e.dump() + "\n");
    Outcome r = dir.run("load --db s.db e.jsonl");
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.err.find("e.jsonl:1: \"earliest\": not an ISO date"), std::string::npos) << r.err;
    r = dir.run("parse --dct 0000-01-01 -");
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find("--dct 0000-01-01"), std::string::npos) << r.err;
}

// Found by fuzz-event-json: a confidence too large for a float was read as
// infinity and written back as null, so what load read, extract could not
// write again. Now refused by name, like any value out of its range.
TEST(EventJsonLimits, AConfidenceOutsideZeroToOneIsRefused) {
    CliDir dir;
    std::string lines;
    for (const char* c : {"8e125", "-0.5", "1.5"})
        lines += std::string(R"({"earliest":"2020-01-01","latest":"2020-01-01","actors":["AZ","IL"],"text":"x","confidence":)") +
                 c + "}\n";
    dir.write("e.jsonl", lines);
    const Outcome r = dir.run("load --db s.db e.jsonl");
    EXPECT_EQ(r.code, 1);
    for (int line = 1; line <= 3; ++line)
        EXPECT_NE(r.err.find("e.jsonl:" + std::to_string(line) + ": \"confidence\": expected a number from 0 to 1"),
                  std::string::npos)
            << r.err;
}

}  // namespace
}  // namespace tarikh::testing
