// Every write checked: standard output on a full disk (/dev/full), an output
// file on a full disk (a file size limit: the same error path, EFBIG instead
// of ENOSPC), a planted OUT.tmp symlink, -o naming the store, CSV quoting,
// and what a table sends to the terminal.
#include "limits/cli.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace tarikh::testing {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

bool has(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

constexpr const char* kDoc = "Azerbaijan and Israel signed an agreement on 3 May 2020.\n";

// A store with one event whose text and source carry what a table or a CSV
// must not pass on raw.
void make_store(const CliDir& dir) {
    json e = {{"earliest", "2020-05-03"}, {"latest", "2020-05-03"}, {"actors", {"AZ", "IL"}}, {"lang", "en"},
              {"text", "They said \"yes\", then\r\nno \x1b[2J\x1b[31mred\xe2\x80\xae reversed\xe2\x81\xa6 isolate\x07."},
              {"sources", {{{"doc", "evil\x1b]0;title\x07.txt"}, {"span", {0, 10}}, {"date_span", {0, 4}}}}}};
    dir.write("e.jsonl", e.dump() + "\n");
    const Outcome r = dir.run("load --db s.db e.jsonl");
    ASSERT_EQ(r.code, 0) << r.err;
}

TEST(OutputLimits, StandardOutputOnAFullDiskIsAnErrorWithAMessage) {
    CliDir dir;
    dir.write("doc.txt", kDoc);
    make_store(dir);
    for (const std::string cmd : {"parse doc.txt", "parse --format table doc.txt", "query --db s.db",
                                  "query --db s.db --format jsonl", "query --db s.db --format csv",
                                  "export --db s.db", "export --db s.db --format timelinejs", "extract doc.txt"}) {
        const Outcome r = dir.run(cmd, 120, "/dev/full");
        EXPECT_EQ(r.code, 1) << cmd << "\n" << r.err;
        EXPECT_TRUE(has(r.err, "writing standard output failed: No space left on device")) << cmd << "\n" << r.err;
    }
}

TEST(OutputLimits, AnOutputFileOnAFullDiskIsLeftAsItWas) {
    CliDir dir;
    std::string many;
    for (int i = 0; i < 200; ++i) many += "Azerbaijan and Israel met on " + std::to_string(i % 28 + 1) + " May 2020.\n";
    dir.write("doc.txt", many);
    dir.write("events.jsonl", "the previous content\n");
    // ulimit -f 4: writes past 4 KB fail (EFBIG), as on a full disk.
    const std::string cmd = "sh -c 'ulimit -f 4; exec " + std::string(TARIKH_BINARY_DIR) + "/tarikh extract -o events.jsonl doc.txt'";
    const int status = std::system(("cd '" + dir.path().string() + "' && " + cmd + " 2>err.txt").c_str());
    EXPECT_EQ(WEXITSTATUS(status), 1);
    EXPECT_TRUE(has(CliDir::read(dir / "err.txt"), "writing events.jsonl failed: cannot write: File too large (left as it was)"))
        << CliDir::read(dir / "err.txt");
    EXPECT_EQ(CliDir::read(dir / "events.jsonl"), "the previous content\n");
    for (const auto& f : fs::directory_iterator(dir.path()))  // no temporary file left behind
        EXPECT_FALSE(has(f.path().filename().string(), "events.jsonl.")) << f.path();
}

TEST(OutputLimits, APlantedTmpSymlinkIsNeverFollowed) {
    CliDir dir;
    make_store(dir);
    dir.write("victim", "not yours\n");
    fs::create_symlink("victim", dir / "OUT.tmp");
    fs::create_symlink("victim", dir / "OUT.json.tmp");
    Outcome r = dir.run("export --db s.db -o OUT");
    ASSERT_EQ(r.code, 0) << r.err;
    r = dir.run("extract -o OUT.json /dev/null");
    EXPECT_EQ(CliDir::read(dir / "victim"), "not yours\n");
    EXPECT_TRUE(fs::is_symlink(dir / "OUT.tmp"));
    EXPECT_TRUE(has(CliDir::read(dir / "OUT"), "\"events\""));
}

TEST(OutputLimits, OutputNamingTheStoreIsRefused) {
    CliDir dir;
    make_store(dir);
    const std::string before = CliDir::read(dir / "s.db");
    for (const std::string out : {"s.db", "./s.db", "s.db-wal"}) {
        const Outcome r = dir.run("export --db s.db -o " + out);
        EXPECT_EQ(r.code, 2) << out;
        EXPECT_TRUE(has(r.err, "is the store (--db s.db)")) << r.err;
    }
    EXPECT_EQ(CliDir::read(dir / "s.db"), before);
    EXPECT_EQ(dir.run("query --db s.db --format jsonl").code, 0);
}

// Records of an RFC 4180 document: quoted fields may hold commas, quotes
// ("" for one) and line breaks; records end with CRLF.
std::vector<std::vector<std::string>> csv_records(const std::string& s) {
    std::vector<std::vector<std::string>> rows(1, std::vector<std::string>(1));
    bool quoted = false;
    for (size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (quoted) {
            if (c == '"' && i + 1 < s.size() && s[i + 1] == '"') rows.back().back() += '"', ++i;
            else if (c == '"') quoted = false;
            else rows.back().back() += c;
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            rows.back().emplace_back();
        } else if (c == '\r' && i + 1 < s.size() && s[i + 1] == '\n') {
            ++i;
            if (i + 1 < s.size()) rows.emplace_back(1);
        } else {
            rows.back().back() += c;
        }
    }
    return rows;
}

TEST(OutputLimits, CsvFieldsAreQuotedAsRfc4180Asks) {
    CliDir dir;
    make_store(dir);
    const Outcome r = dir.run("query --db s.db --format csv");
    ASSERT_EQ(r.code, 0) << r.err;
    const auto rows = csv_records(r.out);
    ASSERT_EQ(rows.size(), 2u) << r.out;
    for (const auto& row : rows) EXPECT_EQ(row.size(), 14u);  // with checked and note (curation)
    EXPECT_EQ(rows[1][6], "AZ IL");
    EXPECT_TRUE(has(rows[1][10], "They said \"yes\", then\r\nno")) << rows[1][10];
}

TEST(OutputLimits, TablesDropControlAndBidiOverrideCharacters) {
    CliDir dir;
    make_store(dir);
    const Outcome r = dir.run("query --db s.db");
    ASSERT_EQ(r.code, 0) << r.err;
    for (const std::string bad : {"\x1b", "\x07", "\r", "\xe2\x80\xae", "\xe2\x81\xa6"})
        EXPECT_FALSE(has(r.out, bad)) << r.out;
    EXPECT_TRUE(has(r.out, "red reversed isolate")) << r.out;

    dir.write("doc\x1b[31m.txt", kDoc);
    const Outcome p = dir.run("parse --format table 'doc\x1b[31m.txt'");
    ASSERT_EQ(p.code, 0) << p.err;
    EXPECT_FALSE(has(p.out, "\x1b")) << p.out;
}

}  // namespace
}  // namespace tarikh::testing
