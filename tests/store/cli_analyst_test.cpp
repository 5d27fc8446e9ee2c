// The CLI as an analyst uses it (issue 14): flags read whole or refused with
// their name, the window used said on stderr, a page of the table by default,
// countries by name in any language, and `tarikh curate`.
#include "cli_fixture.h"

#include <gmock/gmock.h>
#include <nlohmann/json.hpp>

namespace {

using namespace tarikh::testing;
namespace fs = std::filesystem;
using nlohmann::json;
using ::testing::HasSubstr;
using ::testing::Not;

// An embassy opened in Baku's partner a day before Nowruz, tension in the
// month after, and a response no date anchors.
constexpr const char* kSample =
    R"({"earliest":"2023-03-20","latest":"2023-03-20","value":"2023-03-20","granularity":"day","actors":["AZ","IL"],"kind":"diplomatic","text":"Azerbaijan opened its embassy in Israel.","lang":"en","sources":[{"doc":"a.txt","span":[0,40],"date_span":[3,13]}]})"
    "\n"
    R"({"earliest":"2023-03-21","latest":"2023-04-20","value":"2023-03-21/2023-04-20","granularity":"month","actors":["IR","AZ"],"kind":"security","text":"Tension rose between Iran and Azerbaijan in Farvardin 1402.","lang":"en","sources":[{"doc":"b.txt","span":[10,90],"date_span":[13,40]}]})"
    "\n"
    R"({"earliest":null,"latest":null,"value":"XXXX","actors":["TR"],"text":"Turkey answered later.","lang":"en"})"
    "\n";

class CliAnalyst : public CliRun {
protected:
    std::string db() const { return (dir / "t.db").string(); }
    void load_sample() {
        write("sample.jsonl", kSample);
        Outcome r = run("load --db " + db() + " " + (dir / "sample.jsonl").string());
        ASSERT_EQ(r.code, 0) << r.err;
    }
    // n one-day events of AZ-IL, one a day from 1 Jan 2023.
    void load_days(int n) {
        std::string lines;
        for (int i = 0; i < n; ++i) {
            const std::string d = fmt_day(i);
            lines += R"({"earliest":")" + d + R"(","latest":")" + d + R"(","value":")" + d +
                     R"(","granularity":"day","actors":["AZ","IL"],"kind":"diplomatic","text":"Meeting number )" +
                     std::to_string(i) + R"( of Azerbaijan and Israel.","lang":"en","sources":[{"doc":"d)" +
                     std::to_string(i) + R"(.txt","span":[0,40],"date_span":[0,10]}]})" + "\n";
        }
        write("days.jsonl", lines);
        ASSERT_EQ(run("load --db " + db() + " " + (dir / "days.jsonl").string()).code, 0);
    }
    static std::string fmt_day(int i) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "2023-01-%02d", i + 1);
        return buf;
    }
    json first_event(const std::string& flags) {
        Outcome r = run("query --db " + db() + " --format json " + flags);
        EXPECT_EQ(r.code, 0) << r.err;
        json arr = json::parse(r.out);
        return arr.empty() ? json() : arr[0];
    }
};

TEST_F(CliAnalyst, ADateThatIsNotReadWholeIsAnErrorNamingIt) {
    load_sample();
    for (const std::string bad : {"2023-13-01", "hello 1999", "1999 and then some", "2023-02-30"}) {
        Outcome r = run("query --db " + db() + " --from '" + bad + "'");
        EXPECT_EQ(r.code, 2) << bad << ": " << r.out;
        EXPECT_THAT(r.err, HasSubstr("--from \"" + bad + "\"")) << bad;
        EXPECT_EQ(r.out, "") << bad;
    }
    Outcome to = run("query --db " + db() + " --to 'next year-ish 2024x'");
    EXPECT_EQ(to.code, 2);
    EXPECT_THAT(to.err, HasSubstr("--to"));
    // Whole dates in any of the ways people write them still work.
    for (const std::string good : {"2023-03-21", "2023-03", "2023", "March 2023", "فروردین ۱۴۰۲", " 21 March 2023 "})
        EXPECT_EQ(run("query --db " + db() + " --from '" + good + "'").code, 0) << good;
}

TEST_F(CliAnalyst, LimitIsAWholeNumber) {
    load_sample();
    for (const std::string bad : {"-5", "abc", "5x", "1.5"}) {
        Outcome r = run("query --db " + db() + " --limit=" + bad);
        EXPECT_EQ(r.code, 2) << bad;
        EXPECT_THAT(r.err, HasSubstr("--limit \"" + bad + "\"")) << bad;
    }
    EXPECT_EQ(lines_of(run("query --db " + db() + " --limit 1 --format jsonl").out).size(), 1u);
}

TEST_F(CliAnalyst, MinConfidenceIsANumberFromZeroToOneAndLeavesOutLessSurePairs) {
    write("pairs.jsonl",
          R"({"earliest":"2017-01-03","latest":"2017-01-03","value":"2017-01-03","granularity":"day","kind":"diplomatic",)"
          R"("participants":[{"source":"SA","target":"MR","cue":"visit","confidence":0.85},)"
          R"({"source":"SA","target":"AE","cue":"co-occurrence","confidence":0.3}],)"
          R"("text":"The Saudi minister visited Nouakchott.","lang":"en","sources":[{"doc":"v.txt","span":[0,38],"date_span":[0,4]}]})"
          "\n");
    ASSERT_EQ(run("load --db " + db() + " " + (dir / "pairs.jsonl").string()).code, 0);
    for (const std::string bad : {"-0.1", "1.5", "high", "0.5x"}) {
        Outcome r = run("query --db " + db() + " --min-confidence='" + bad + "'");
        EXPECT_EQ(r.code, 2) << bad;
        EXPECT_THAT(r.err, HasSubstr("--min-confidence \"" + bad + "\"")) << bad;
    }
    json all = first_event("");
    EXPECT_EQ(all["pairs"].size(), 2u);
    json sure = first_event("--min-confidence 0.5");
    ASSERT_EQ(sure["pairs"].size(), 1u);
    EXPECT_EQ(sure["participants"][0]["source"], "SA");
    EXPECT_EQ(sure["participants"][0]["target"], "MR");
    EXPECT_EQ(sure["participants"][0]["cue"], "visit");
    EXPECT_TRUE(first_event("--min-confidence 0.5 --pair AE-SA").is_null());
    EXPECT_TRUE(first_event("--min-confidence 0.9").is_null());
}

TEST_F(CliAnalyst, UnknownCountriesAreErrorsAndNamesInAnyLanguageAreCountries) {
    load_sample();
    for (const std::string bad : {"--pair XX-YY", "--actor QQ", "--actor Atlantis", "--pair 'Azerbaijan-Narnia'"}) {
        Outcome r = run("query --db " + db() + " " + bad);
        EXPECT_EQ(r.code, 2) << bad << ": " << r.out;
        EXPECT_THAT(r.err, HasSubstr(bad.substr(0, 6))) << bad;
    }
    EXPECT_THAT(run("query --db " + db() + " --pair XX-YY").err, HasSubstr("\"XX\""));
    const json by_code = first_event("--actor IR");
    ASSERT_FALSE(by_code.is_null());
    for (const std::string name : {"Iran", "iran", "ایران", "إيران"}) EXPECT_EQ(first_event("--actor '" + name + "'"), by_code) << name;
    const json pair = first_event("--pair AZ-IL");
    ASSERT_FALSE(pair.is_null());
    for (const std::string p : {"Azerbaijan-Israel", "Israel / Azerbaijan", "آذربایجان-اسرائیل", "IL AZ", "Israel–AZ"})
        EXPECT_EQ(first_event("--pair '" + p + "'"), pair) << p;
    // A name the gazetteer knows for a code: said on stderr.
    Outcome uk = run("query --db " + db() + " --actor UK");
    EXPECT_EQ(uk.code, 0);
    EXPECT_THAT(uk.err, HasSubstr("(GB)"));
}

TEST_F(CliAnalyst, TheTableSaysItsWindowAndShowsAPageOfHowMany) {
    load_days(30);
    Outcome r = run("query --db " + db() + " --from 2023-01 --to 2023-01");
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_THAT(r.err, HasSubstr("events overlapping 2023-01-01 \u2026 2023-01-31"));
    EXPECT_THAT(r.out, HasSubstr("20 of 30 events, the earliest first (20 shown in 1 lane)"));
    EXPECT_THAT(r.out, HasSubstr("--limit 0 for all"));
    EXPECT_THAT(r.out, HasSubstr("Meeting number 19 "));
    EXPECT_THAT(r.out, Not(HasSubstr("Meeting number 20 ")));
    Outcome all = run("query --db " + db() + " --limit 0");
    EXPECT_THAT(all.out, HasSubstr("30 events in 1 lane"));
    EXPECT_THAT(all.out, Not(HasSubstr("of 30")));
    // Formats for programs are not paged.
    EXPECT_EQ(lines_of(run("query --db " + db() + " --format jsonl").out).size(), 30u);
    EXPECT_EQ(lines_of(run("query --db " + db() + " --format jsonl").err).size(), 0u);
}

TEST_F(CliAnalyst, CurateByIdThenQueryAndBothExportsShowIt) {
    load_sample();
    const int64_t embassy = first_event("--pair AZ-IL")["id"];
    const int64_t tension = first_event("--pair AZ-IR")["id"];
    Outcome d = run("curate --db " + db() + " " + std::to_string(tension) + " --dismiss --note 'a forecast, not news'");
    ASSERT_EQ(d.code, 0) << d.err;
    EXPECT_THAT(d.out, HasSubstr("dismissed"));
    Outcome c = run("curate --db " + db() + " " + std::to_string(embassy) +
                    " --date '29 March 2023' --kind diplomatic --pairs 'Azerbaijan-Israel, AZ-TR'");
    ASSERT_EQ(c.code, 0) << c.err;
    EXPECT_THAT(c.out, HasSubstr("date 2023-03-29 (the machine read 2023-03-20)"));

    EXPECT_TRUE(first_event("--pair AZ-IR").is_null());
    EXPECT_EQ(first_event("--pair AZ-IR --dismissed")["curation"]["verdict"], "dismissed");
    const json moved = first_event("--pair AZ-TR --from 2023-03-29 --to 2023-03-29");
    ASSERT_FALSE(moved.is_null());
    EXPECT_EQ(moved["id"], embassy);
    EXPECT_EQ(moved["curation"]["machine"]["earliest"], "2023-03-20");
    EXPECT_TRUE(first_event("--from 2023-03-20 --to 2023-03-20").is_null());

    Outcome csv = run("query --db " + db() + " --format csv --checked --dismissed");
    EXPECT_THAT(csv.out, HasSubstr(",dismissed,\"a forecast, not news\""));
    EXPECT_THAT(csv.out, HasSubstr(",unchecked+corrected,"));
    Outcome table = run("query --db " + db() + " --dismissed");
    EXPECT_THAT(table.out, HasSubstr("note: a forecast, not news"));

    ASSERT_EQ(run("export --db " + db() + " --format json -o " + (dir / "x.json").string()).code, 0);
    json ex = json::parse(slurp(dir / "x.json"));
    ASSERT_EQ(ex["events"].size(), 1u);
    EXPECT_EQ(ex["events"][0]["curation"]["kind"], "diplomatic");
    ASSERT_EQ(run("export --db " + db() + " --format timelinejs -o " + (dir / "t.json").string()).code, 0);
    EXPECT_THAT(slurp(dir / "t.json"), HasSubstr("checked by a person"));

    // Back to the machine's reading.
    Outcome reset = run("curate --db " + db() + " " + std::to_string(tension) + " --reset");
    EXPECT_THAT(reset.out, HasSubstr("back to the machine's reading"));
    EXPECT_FALSE(first_event("--pair AZ-IR").is_null());
}

TEST_F(CliAnalyst, CurateRefusesWhatItCannotDoAndWritesNothing) {
    load_sample();
    const std::string id = std::to_string(first_event("")["id"].get<int64_t>());
    const std::string undated = std::to_string(json::parse(lines_of(run("query --db " + db() + " --undated --format jsonl").out).at(0))["id"].get<int64_t>());
    for (const std::string bad : std::vector<std::string>{"999", "abc", id, id + " --date 'hello 1999'", id + " --kind war",
                                  id + " --pairs 'XX-YY'", id + " --confirm --dismiss", id + " --reset --confirm",
                                  undated + " --confirm", "999 " + id + " --confirm"}) {
        Outcome r = run("curate --db " + db() + " " + bad);
        EXPECT_EQ(r.code, 2) << bad << ": " << r.out;
        EXPECT_FALSE(r.err.empty()) << bad;
    }
    EXPECT_THAT(run("curate --db " + db() + " 999 --confirm").err, HasSubstr("no event 999"));
    EXPECT_THAT(run("curate --db " + db() + " " + undated + " --confirm").err, HasSubstr("no source"));
    Outcome list = run("curate --db " + db() + " --list");
    EXPECT_EQ(list.code, 0);
    EXPECT_THAT(list.out, HasSubstr("0 curations"));
}

TEST_F(CliAnalyst, CurationsSurviveASecondIngestAndMoveToARebuiltStore) {
    write("docs/a.txt", "Azerbaijan and Israel signed an energy agreement in Baku on 7 December 2023.");
    write("docs/b.txt", "Iran and Azerbaijan held talks on the border in March 2021.");
    ASSERT_EQ(run("ingest --db " + db() + " " + (dir / "docs").string()).code, 0);
    const int64_t id = first_event("--pair AZ-IL")["id"];
    ASSERT_EQ(run("curate --db " + db() + " " + std::to_string(id) + " --confirm --date 2023-12-08").code, 0);
    // A second ingest of the same documents and of a new one reporting the same event.
    write("docs/c.txt", "Azerbaijan and Israel signed an energy agreement in Baku on 7 December 2023, officials said.");
    ASSERT_EQ(run("ingest --db " + db() + " " + (dir / "docs").string()).code, 0);
    json e = first_event("--pair AZ-IL");
    EXPECT_EQ(e["earliest"], "2023-12-08");
    EXPECT_EQ(e["curation"]["verdict"], "confirmed");

    // Rebuilt elsewhere, from the same texts under other names.
    write("copy/z.txt", slurp(dir / "docs/b.txt"));
    write("copy/y.txt", slurp(dir / "docs/a.txt"));
    const std::string other = (dir / "other.db").string();
    ASSERT_EQ(run("ingest --db " + other + " " + (dir / "copy").string()).code, 0);
    ASSERT_EQ(run("curate --db " + db() + " --export " + (dir / "mine.jsonl").string()).code, 0);
    Outcome imp = run("curate --db " + other + " --import " + (dir / "mine.jsonl").string());
    ASSERT_EQ(imp.code, 0) << imp.err;
    EXPECT_THAT(imp.out, HasSubstr("1 of them about events it holds"));
    Outcome q = run("query --db " + other + " --pair AZ-IL --format json");
    json moved = json::parse(q.out).at(0);
    EXPECT_EQ(moved["earliest"], "2023-12-08");
    EXPECT_EQ(moved["curation"]["doc"], (dir / "docs/a.txt").string());
    EXPECT_THAT(moved["sources"][0]["doc"].get<std::string>(), HasSubstr("y.txt"));
    // A file that is not curations is refused whole.
    write("bad.jsonl", "{\"document\":\"x\",\"date_span\":[0,1]}\nnot json\n");
    Outcome bad = run("curate --db " + other + " --import " + (dir / "bad.jsonl").string());
    EXPECT_EQ(bad.code, 2);
    EXPECT_THAT(bad.err, HasSubstr("bad.jsonl:2"));
}

}  // namespace

namespace {

class CliCorpus : public CliRun {
protected:
    std::string db() const { return (dir / "t.db").string(); }
};

TEST_F(CliCorpus, SplitMakesOneDocumentPerArticleSoEventsDoNotBleedAcrossThem) {
    // Two articles, one line apart: the second's "the two countries" must not
    // reach the first's pair, and each is its own document.
    write("wire.txt",
          "Azerbaijan and Israel signed a gas deal in Baku on 7 December 2023.\n"
          "\n"
          "Iran held a parade in Tehran on 22 September 2023 and the two countries traded words.\n");
    Outcome whole = run("ingest --db " + (dir / "whole.db").string() + " " + (dir / "wire.txt").string());
    ASSERT_EQ(whole.code, 0) << whole.err;
    EXPECT_THAT(whole.out, HasSubstr("1 read, 1 added"));
    Outcome split = run("ingest --db " + db() + " --split '^\\s*$' " + (dir / "wire.txt").string());
    ASSERT_EQ(split.code, 0) << split.err;
    EXPECT_THAT(split.out, HasSubstr("2 read, 2 added"));
    Outcome q = run("query --db " + db() + " --format jsonl");
    for (const auto& line : lines_of(q.out)) {
        const json e = json::parse(line);
        const std::string doc = e["sources"][0]["doc"];
        EXPECT_THAT(doc, ::testing::EndsWith(e["earliest"] == "2023-12-07" ? "wire.txt#1" : "wire.txt#2")) << line;
    }
    Outcome bad = run("ingest --db " + db() + " --split '(' " + (dir / "wire.txt").string());
    EXPECT_EQ(bad.code, 2);
    EXPECT_THAT(bad.err, HasSubstr("--split \"(\""));
}

TEST_F(CliCorpus, ManyUndatedEventsWithoutADocumentDateGetAWarningWithTheFix) {
    // Relative dates only: without the article's date none can be placed.
    std::string text;
    for (int i = 0; i < 30; ++i)
        text += "Azerbaijan and Israel met again last month, round " + std::to_string(i) + " of their talks.\n\n";
    write("news.txt", text);
    Outcome r = run("ingest --db " + db() + " --split '^\\s*$' " + (dir / "news.txt").string());
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_THAT(r.err, HasSubstr("are undated"));
    EXPECT_THAT(r.err, HasSubstr("--dct YYYY-MM-DD"));
    EXPECT_THAT(r.err, HasSubstr("\"date\""));
    // With the date, no warning, and the events are dated.
    Outcome dated = run("ingest --db " + (dir / "d.db").string() + " --dct 2024-05-10 --split '^\\s*$' " +
                        (dir / "news.txt").string());
    ASSERT_EQ(dated.code, 0) << dated.err;
    EXPECT_THAT(dated.err, Not(HasSubstr("undated")));
    EXPECT_THAT(dated.out, HasSubstr("(0 undated)"));
}

}  // namespace
