// `tarikh ingest | extract | load | query | export` as a user meets them:
// exit codes, messages naming the input, formats parsed back, and a --db that
// is not a store left as it was.
#include "cli_fixture.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>

namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using ::testing::HasSubstr;

// Two hand-made events on either side of 1 Farvardin 1402 (2023-03-21), and one undated.
constexpr const char* kEvents =
    R"({"earliest":"2023-03-20","latest":"2023-03-20","value":"2023-03-20","granularity":"day","actors":["AZ","IL"],"kind":"diplomatic","text":"Azerbaijan opened an embassy in Tel Aviv, \"a first\".","lang":"en","sources":[{"doc":"a.txt","span":[0,50],"date_span":[3,13]}]})"
    "\n"
    R"({"earliest":"2023-03-21","latest":"2023-04-20","value":"2023-03-21/2023-04-20","granularity":"month","actors":["IR","AZ"],"kind":"security","text":"در فروردین ۱۴۰۲ تنش میان ایران و جمهوری آذربایجان بالا گرفت.","lang":"fa","sources":[{"doc":"b.txt","span":[10,90],"date_span":[13,40]}]})"
    "\n"
    R"({"earliest":null,"latest":null,"value":"XXXX","actors":["TR"],"text":"A month later Turkey responded.","lang":"en"})"
    "\n";

using tarikh::testing::lines_of;
using tarikh::testing::Outcome;
using tarikh::testing::slurp;

class CliStore : public tarikh::testing::CliRun {
protected:
    std::string db() const { return (dir / "t.db").string(); }
    void load_sample() {
        write("events.jsonl", kEvents);
        Outcome r = run("load --db " + db() + " " + (dir / "events.jsonl").string());
        ASSERT_EQ(r.code, 0) << r.err;
    }
};

TEST_F(CliStore, IngestTwiceAddsNothing) {
    write("docs/a.txt", "On 7 December 2023 Azerbaijan and Israel signed an energy agreement in Baku.");
    write("docs/more/b.jsonl",
          R"({"id":"b1","text":"در ۱۵ فروردین ۱۴۰۲ ایران و جمهوری آذربایجان گفت‌وگو کردند.","date":"2023-04-10"})" "\n");
    Outcome first = run("ingest --db " + db() + " " + (dir / "docs").string());
    ASSERT_EQ(first.code, 0) << first.err;
    EXPECT_THAT(first.out, HasSubstr("2 read, 2 added"));
    Outcome second = run("ingest --db " + db() + " " + (dir / "docs").string());
    ASSERT_EQ(second.code, 0) << second.err;
    EXPECT_THAT(second.out, HasSubstr("2 read, 0 added, 2 already stored"));
    EXPECT_THAT(second.out, HasSubstr("0 added, 0 merged"));
}

TEST_F(CliStore, BadDocumentsAreReportedAndTheRestIsStored) {
    write("docs/good.txt", "In October 2023 Israel and Iran exchanged threats.");
    write("docs/bad.jsonl", "{\"id\":\"ok\",\"text\":\"Turkey and Azerbaijan met in 2021.\"}\nnot json\n");
    Outcome r = run("ingest --db " + db() + " " + (dir / "docs").string() + " " + (dir / "missing.txt").string());
    EXPECT_EQ(r.code, 1);
    EXPECT_THAT(r.err, HasSubstr("bad.jsonl:2"));
    EXPECT_THAT(r.err, HasSubstr("missing.txt"));
    EXPECT_THAT(r.out, HasSubstr("2 added"));
}

TEST_F(CliStore, NotAStoreIsRefusedAndLeftAlone) {
    const fs::path notes = write("notes.db", "my notes, not a database\n");
    write("doc.txt", "In 2020 Armenia and Azerbaijan fought a war.");
    for (const std::string& cmd : {"ingest --db " + notes.string() + " " + (dir / "doc.txt").string(),
                                   "query --db " + notes.string(), "export --db " + notes.string(),
                                   "load --db " + notes.string() + " " + (dir / "doc.txt").string()}) {
        Outcome r = run(cmd);
        EXPECT_NE(r.code, 0) << cmd;
        EXPECT_THAT(r.err, HasSubstr(notes.string())) << cmd;
        EXPECT_THAT(r.err, HasSubstr("not a tarikh store")) << cmd;
    }
    EXPECT_EQ(slurp(notes), "my notes, not a database\n");
    EXPECT_FALSE(fs::exists(notes.string() + "-wal"));
    Outcome missing = run("query --db " + (dir / "none.db").string());
    EXPECT_EQ(missing.code, 1);
    EXPECT_THAT(missing.err, HasSubstr("none.db"));
    EXPECT_FALSE(fs::exists(dir / "none.db"));
}

TEST_F(CliStore, ExtractThenLoadEqualsIngest) {
    // A seed article: it has dated sentences about several pairs.
    write("docs/a.txt", slurp(fs::path(TARIKH_SOURCE_DIR) / "seeds/002_436d1943e68881f6.txt"));
    Outcome ex = run("extract " + (dir / "docs").string());
    ASSERT_EQ(ex.code, 0) << ex.err;
    ASSERT_GT(lines_of(ex.out).size(), 5u);
    for (const auto& line : lines_of(ex.out)) {
        json j = json::parse(line);
        EXPECT_TRUE(j["id"].is_null());
        EXPECT_TRUE(j.contains("sources"));
    }
    write("events.jsonl", ex.out);
    Outcome load = run("load --db " + db() + " " + (dir / "events.jsonl").string());
    ASSERT_EQ(load.code, 0) << load.err;
    Outcome again = run("load --db " + db() + " " + (dir / "events.jsonl").string());
    EXPECT_THAT(again.out, HasSubstr(" 0 added, 0 merged"));
    Outcome ing = run("ingest --db " + (dir / "i.db").string() + " " + (dir / "docs").string());
    ASSERT_EQ(ing.code, 0) << ing.err;
    Outcome a = run("query --db " + db() + " --format jsonl");
    Outcome b = run("query --db " + (dir / "i.db").string() + " --format jsonl");
    EXPECT_EQ(a.out, b.out);
}

TEST_F(CliStore, LoadReportsBadLinesWithTheirNumbers) {
    write("events.jsonl", std::string(kEvents) + "{\"text\":\"no actors\"}\n{oops\n");
    Outcome r = run("load --db " + db() + " " + (dir / "events.jsonl").string());
    EXPECT_EQ(r.code, 1);
    EXPECT_THAT(r.err, HasSubstr("events.jsonl:4"));
    EXPECT_THAT(r.err, HasSubstr("events.jsonl:5"));
    EXPECT_THAT(r.out, HasSubstr("3 added"));
}

TEST_F(CliStore, QueryDatesAsPeopleWriteThem) {
    load_sample();
    Outcome r = run("query --db " + db() + " --from 'فروردین ۱۴۰۲' --to 'فروردین ۱۴۰۲' --format jsonl");
    ASSERT_EQ(r.code, 0) << r.err;
    auto lines = lines_of(r.out);
    ASSERT_EQ(lines.size(), 1u) << r.out;
    EXPECT_EQ(json::parse(lines[0])["earliest"], "2023-03-21");
    Outcome march = run("query --db " + db() + " --from 'March 2023' --to 2023-03 --format jsonl");
    EXPECT_EQ(lines_of(march.out).size(), 2u) << march.out;
    Outcome within = run("query --db " + db() + " --from 'March 2023' --to 2023-03 --within --format jsonl");
    EXPECT_EQ(lines_of(within.out).size(), 1u) << within.out;
    Outcome undated = run("query --db " + db() + " --undated --format jsonl");
    ASSERT_EQ(lines_of(undated.out).size(), 1u);
    EXPECT_TRUE(json::parse(lines_of(undated.out)[0])["earliest"].is_null());
    Outcome bad = run("query --db " + db() + " --from 'the day after never'");
    EXPECT_EQ(bad.code, 2);
    EXPECT_THAT(bad.err, HasSubstr("the day after never"));
}

TEST_F(CliStore, QueryFormats) {
    load_sample();
    Outcome j = run("query --db " + db() + " --format json");
    ASSERT_EQ(j.code, 0) << j.err;
    json arr = json::parse(j.out);
    ASSERT_EQ(arr.size(), 2u);
    EXPECT_EQ(arr[0]["pairs"], json::parse(R"([["AZ","IL"]])"));
    EXPECT_EQ(arr[1]["pairs"], json::parse(R"([["AZ","IR"]])"));
    Outcome csv = run("query --db " + db() + " --format csv --pair IL-AZ");
    ASSERT_EQ(csv.code, 0);
    auto rows = lines_of(csv.out);
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_THAT(rows[0], HasSubstr("id,earliest,latest"));
    EXPECT_THAT(rows[1], HasSubstr("\"Azerbaijan opened an embassy in Tel Aviv, \"\"a first\"\".\""));
    Outcome table = run("query --db " + db() + " --actor ir");
    ASSERT_EQ(table.code, 0);
    EXPECT_THAT(table.out, HasSubstr("(AZ-IR)"));
    EXPECT_THAT(table.out, ::testing::Not(HasSubstr("(AZ-IL)")));
    Outcome kind = run("query --db " + db() + " --kind war");
    EXPECT_EQ(kind.code, 2);
}

TEST_F(CliStore, ExportsAreValidFiles) {
    load_sample();
    Outcome r = run("export --db " + db() + " --format json -o " + (dir / "exports/chronology.json").string());
    ASSERT_EQ(r.code, 0) << r.err;
    json doc = json::parse(slurp(dir / "exports/chronology.json"));
    EXPECT_EQ(doc["events"].size(), 2u);
    EXPECT_TRUE(doc["query"].is_object());
    Outcome t = run("export --db " + db() + " --format timelinejs --from 2023-03-21 -o " + (dir / "exports/timeline.json").string());
    ASSERT_EQ(t.code, 0) << t.err;
    json tl = json::parse(slurp(dir / "exports/timeline.json"));
    ASSERT_EQ(tl["events"].size(), 1u);
    EXPECT_EQ(tl["events"][0]["start_date"], json::parse(R"({"year":2023,"month":3,"day":21})"));
    EXPECT_FALSE(fs::exists(dir / "exports/timeline.json.tmp"));
    Outcome fail = run("export --db " + db() + " -o /proc/no/such/dir/x.json");
    EXPECT_EQ(fail.code, 1);
    EXPECT_THAT(fail.err, HasSubstr("/proc/no/such/dir/x.json"));
}

}  // namespace

// The TimelineJS export of the seeds loads in the real TimelineJS3 under
// headless Chromium, every slide of it (tests/store/timelinejs/run.sh). Parsing
// our own JSON back proves little; this asks the consumer. Skipped where
// Chromium or npm (to fetch TimelineJS3 once) is missing, or with
// TARIKH_SKIP_BROWSER set.
TEST_F(CliStore, TimelineJsExportLoadsInTimelineJs3) {
    if (std::getenv("TARIKH_SKIP_BROWSER")) GTEST_SKIP() << "TARIKH_SKIP_BROWSER is set";
    if (std::system("command -v chromium >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 && "
                    "command -v timeout >/dev/null 2>&1") != 0)
        GTEST_SKIP() << "chromium or npm not installed";
    const std::string seeds = std::string(TARIKH_SOURCE_DIR) + "/seeds";
    ASSERT_EQ(run("ingest --db " + db() + " " + seeds).code, 0);
    const std::string json = (dir / "timeline.json").string();
    Outcome ex = run("export --db " + db() + " --format timelinejs -o " + json);
    ASSERT_EQ(ex.code, 0) << ex.err;
    const size_t slides = json::parse(slurp(json))["events"].size();
    ASSERT_GT(slides, 10u);
    const std::string script = std::string(TARIKH_SOURCE_DIR) + "/tests/store/timelinejs/run.sh";
    const std::string cmd = "timeout 180 bash " + script + " " + json + " >" + (dir / "tl.out").string() + " 2>&1";
    const int status = std::system(cmd.c_str());
    const std::string out = slurp(dir / "tl.out");
    if (out.find("npm") != std::string::npos && out.find("ERR") != std::string::npos)
        GTEST_SKIP() << "could not fetch TimelineJS3: " << out;
    // A browser that hangs says nothing about the file (TimelineJS reports a
    // bad one at once, and run.sh exits 1).
    if (WIFEXITED(status) && WEXITSTATUS(status) == 124) GTEST_SKIP() << "headless Chromium timed out: " << out;
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << out;
    EXPECT_THAT(out, HasSubstr("TARIKH-LOADED " + std::to_string(slides) + " events + title")) << out;
}
