// The CLI on a PostgreSQL store (--db postgresql://…), as a user meets it: the
// same answers as on an SQLite file, and clear messages when the server or
// the database is not what it should be.
#include "cli_fixture.h"
#include "pg_server.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

namespace {

using tarikh::testing::Outcome;
using tarikh::testing::ScratchDatabase;
using tarikh::testing::slurp;
using ::testing::HasSubstr;
using ::testing::Not;

class CliPostgresql : public tarikh::testing::CliRun {
protected:
    // URIs hold '&' and '?': quoted for the shell.
    static std::string q(const std::string& s) { return "'" + s + "'"; }
    std::string without_ids(std::string jsonl) {
        for (size_t at; (at = jsonl.find("{\"id\":")) != std::string::npos;) {
            const size_t comma = jsonl.find(',', at);
            jsonl.erase(at + 1, comma - at);
        }
        return jsonl;
    }
};

TEST_F(CliPostgresql, IngestQueryExportAnswerAsOnAnSqliteFile) {
    ScratchDatabase pg;
    const std::string seeds = std::string(TARIKH_SOURCE_DIR) + "/seeds";
    const std::string file = (dir / "t.db").string();
    for (const std::string& db : {q(pg.uri()), file}) {
        Outcome r = run("ingest --db " + db + " " + seeds);
        ASSERT_EQ(r.code, 0) << r.err;
        EXPECT_THAT(r.out, HasSubstr("5 read, 5 added"));
        EXPECT_THAT(run("ingest --db " + db + " " + seeds).out, HasSubstr("5 read, 0 added, 5 already stored"));
    }
    for (const std::string& flags : {"--format jsonl", "--format jsonl --undated", "--pair AZ-IL --format csv",
                                     "--actor IR --from 2020 --to 2023 --format jsonl", "--text Baku --format jsonl",
                                     "--limit 3 --format jsonl"}) {
        Outcome a = run("query --db " + q(pg.uri()) + " " + flags);
        Outcome b = run("query --db " + file + " " + flags);
        ASSERT_EQ(a.code, 0) << a.err;
        EXPECT_EQ(without_ids(a.out), without_ids(b.out)) << flags;
    }
    Outcome ex = run("export --db " + q(pg.uri()) + " --format timelinejs -o " + (dir / "tl.json").string());
    ASSERT_EQ(ex.code, 0) << ex.err;
    EXPECT_THAT(slurp(dir / "tl.json"), HasSubstr("\"events\""));
}

TEST_F(CliPostgresql, UnreachableServerIsNamedWithoutItsPassword) {
    const std::string uri = "postgresql://reader:s3cret@/tarikh?host=" + (dir / "no-server").string() + "&port=5";
    write("x.txt", "In 2020 Armenia and Azerbaijan fought a war.");
    for (const std::string& cmd : {"query", "ingest", "export --format json", "load"}) {
        const bool reads_files = cmd == "ingest" || cmd == "load";
        Outcome r = run(cmd + " --db " + q(uri) + (reads_files ? " " + (dir / "x.txt").string() : ""));
        EXPECT_EQ(r.code, 1) << cmd;
        EXPECT_THAT(r.err, HasSubstr("postgresql://reader:***@/tarikh")) << cmd;
        EXPECT_THAT(r.err, HasSubstr("cannot connect")) << cmd;
        EXPECT_THAT(r.err, Not(HasSubstr("s3cret"))) << cmd;
    }
}

TEST_F(CliPostgresql, DatabaseOfAnotherApplicationIsRefusedAndLeftAlone) {
    ScratchDatabase pg;
    Outcome made = run("query --db " + q(pg.uri()));
    EXPECT_EQ(made.code, 1);
    EXPECT_THAT(made.err, HasSubstr("no tarikh store in this database"));
    // Another application's table, then every command refuses the database.
    const std::string psql = "psql " + q(pg.uri()) + " -qc ";
    ASSERT_EQ(std::system((psql + "'CREATE TABLE invoices(n int); INSERT INTO invoices VALUES (7)'").c_str()), 0);
    write("doc.txt", "In 2020 Armenia and Azerbaijan fought a war.");
    for (const std::string& cmd : {"ingest", "load", "query", "export"}) {
        Outcome r = run(cmd + " --db " + q(pg.uri()) + " " + (cmd == "ingest" || cmd == "load" ? (dir / "doc.txt").string() : ""));
        EXPECT_EQ(r.code, 1) << cmd;
        EXPECT_THAT(r.err, HasSubstr("not a tarikh store")) << cmd;
    }
    const std::string count = "psql " + q(pg.uri()) + " -Atc 'SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()' > " +
                              (dir / "n").string();
    ASSERT_EQ(std::system(count.c_str()), 0);
    EXPECT_EQ(slurp(dir / "n"), "1\n");
}

}  // namespace
