// The store as a file shared with others: a second writer waits (it failed
// after 10 s with "database is locked"), a reader needs no write access to
// the folder ("attempt to write a readonly database"), and damaged pages
// behind a sound header are found before anything is written (ingest said
// nothing and exited 0).
#include "limits/cli.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <thread>
#include <unistd.h>

namespace tarikh::testing {
namespace {

namespace fs = std::filesystem;

bool has(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

constexpr const char* kDoc = "Azerbaijan and Israel signed an agreement on 3 May 2020.\n";

TEST(StoreFileLimits, ASecondWriterWaitsAndSaysSo) {
    CliDir dir;
    dir.write("a.txt", kDoc);
    dir.write("b.txt", "Iran and Iraq met on 4 May 2021.\n");
    ASSERT_EQ(dir.run("ingest --db s.db a.txt").code, 0);
    // Hold the write lock as a long load would, until the second writer says
    // it has waited longer than the old 10 s (its count of the time it slept,
    // which no load on the machine can shorten), then let it write.
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open((dir / "s.db").c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);
    Outcome r;
    std::thread second([&] { r = dir.run("ingest --db s.db b.txt"); });
    const std::string waited = "s.db is being written by another process; waiting for it (12 s)";
    bool said = false;
    for (int polls = 0; polls < 6000 && !said; ++polls) {  // a hang guard of 10 min, never reached
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        said = has(CliDir::read(dir / ".err"), waited);
    }
    sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    second.join();
    sqlite3_close(db);
    EXPECT_TRUE(said);
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_TRUE(has(r.err, "waiting for it (3 s)")) << r.err;
    EXPECT_TRUE(has(r.err, waited)) << r.err;
    EXPECT_TRUE(has(r.out, "from 2 documents")) << r.out;
}

TEST(StoreFileLimits, QueryWorksInAFolderItsUserCannotWrite) {
    CliDir dir;
    dir.write("a.txt", kDoc);
    fs::create_directory(dir / "ro");
    ASSERT_EQ(dir.run("ingest --db ro/s.db a.txt").code, 0);
    ASSERT_FALSE(fs::exists(dir / "ro" / "s.db-wal"));
    // Root writes anywhere: run the query as nobody, for whom the folder
    // (root's, 0755) is read-only. Otherwise take the write bit away.
    std::string as, binary = std::string(TARIKH_BINARY_DIR) + "/tarikh";
    if (::geteuid() == 0) {
        if (std::system("command -v runuser >/dev/null && id nobody >/dev/null") != 0)
            GTEST_SKIP() << "running as root without runuser or the user nobody";
        as = "runuser -u nobody -- ";
        fs::permissions(dir.path(), fs::perms::others_read | fs::perms::others_exec, fs::perm_options::add);
        // The build folder may be out of nobody's reach (under /root): a copy beside the store.
        fs::copy_file(binary, dir / "tarikh");
        binary = (dir / "tarikh").string();
    } else {
        fs::permissions(dir / "ro", fs::perms::owner_write, fs::perm_options::remove);
    }
    const std::string cmd = "cd '" + dir.path().string() + "' && " + as + binary +
                            " query --db ro/s.db --format jsonl >out.txt 2>err.txt";
    const int status = std::system(cmd.c_str());
    EXPECT_EQ(WEXITSTATUS(status), 0) << CliDir::read(dir / "err.txt");
    EXPECT_TRUE(has(CliDir::read(dir / "out.txt"), "\"2020-05-03\"")) << CliDir::read(dir / "err.txt");
    EXPECT_FALSE(fs::exists(dir / "ro" / "s.db-shm"));
    fs::permissions(dir / "ro", fs::perms::owner_write, fs::perm_options::add);
}

TEST(StoreFileLimits, DamagedPagesAreReportedByNameAndNothingIsWritten) {
    CliDir dir;
    const fs::path seeds = fs::path(TARIKH_SOURCE_DIR) / "seeds";
    ASSERT_EQ(dir.run("ingest --db s.db '" + seeds.string() + "'").code, 0);
    {
        // Pages 3, 5 and 7 (of 16 KB) overwritten; page 1, the header, kept.
        std::fstream f(dir / "s.db", std::ios::in | std::ios::out | std::ios::binary);
        std::mt19937 rng(12);
        for (int page : {2, 4, 6}) {
            std::string junk(16384, '\0');
            for (char& c : junk) c = static_cast<char>(rng());
            f.seekp(std::streamoff(page) * 16384);
            f.write(junk.data(), std::streamsize(junk.size()));
        }
    }
    const std::string before = CliDir::read(dir / "s.db");
    dir.write("a.txt", kDoc);
    const Outcome r = dir.run("ingest --db s.db a.txt");
    EXPECT_EQ(r.code, 1);
    EXPECT_TRUE(has(r.err, "s.db: the store is damaged (")) << r.err;
    EXPECT_TRUE(has(r.err, "nothing was written")) << r.err;
    EXPECT_EQ(CliDir::read(dir / "s.db"), before);
    EXPECT_FALSE(fs::exists(dir / "s.db-wal") && fs::file_size(dir / "s.db-wal") > 0);
}

// A store too big to read whole before each session (store_file.h,
// kWholeCheckBytes): damage on the pages a session writes stops it before it
// writes anything there; damage elsewhere is left for the reader that meets it.
TEST(StoreFileLimits, ABigStoresDamageIsFoundWhereTheSessionWrites) {
    CliDir dir;
    const fs::path seeds = fs::path(TARIKH_SOURCE_DIR) / "seeds";
    ASSERT_EQ(dir.run("ingest --db s.db '" + seeds.string() + "'").code, 0);
    int events_root = 0, padding_root = 0;
    {
        // Pages of another table make it big quickly.
        sqlite3* db = nullptr;
        ASSERT_EQ(sqlite3_open((dir / "s.db").c_str(), &db), SQLITE_OK);
        ASSERT_EQ(sqlite3_exec(db, "CREATE TABLE padding(b BLOB); INSERT INTO padding VALUES (zeroblob(72 * 1024 * 1024))",
                               nullptr, nullptr, nullptr), SQLITE_OK);
        sqlite3_stmt* st = nullptr;
        sqlite3_prepare_v2(db, "SELECT name, rootpage FROM sqlite_schema WHERE name IN ('events', 'padding')", -1, &st, nullptr);
        while (sqlite3_step(st) == SQLITE_ROW)
            (std::string(reinterpret_cast<const char*>(sqlite3_column_text(st, 0))) == "events" ? events_root : padding_root) =
                sqlite3_column_int(st, 1);
        sqlite3_finalize(st);
        sqlite3_close(db);
    }
    ASSERT_GT(fs::file_size(dir / "s.db"), 64u << 20);
    auto damage = [&](const fs::path& file, int page) {
        std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
        std::mt19937 rng(page);
        std::string junk(16384, '\0');
        for (char& c : junk) c = static_cast<char>(rng());
        f.seekp(std::streamoff(page - 1) * 16384);
        f.write(junk.data(), std::streamsize(junk.size()));
    };
    fs::copy_file(dir / "s.db", dir / "far.db");
    dir.write("a.txt", kDoc);

    damage(dir / "s.db", events_root);  // every event added goes through it
    const std::string before = CliDir::read(dir / "s.db");
    const Outcome r = dir.run("ingest --db s.db a.txt");
    EXPECT_EQ(r.code, 1);
    EXPECT_TRUE(has(r.err, "s.db: the store is damaged (")) << r.err;
    EXPECT_EQ(CliDir::read(dir / "s.db"), before);

    damage(dir / "far.db", padding_root + 100);  // a page no session of tarikh reads
    EXPECT_EQ(dir.run("ingest --db far.db a.txt").code, 0);
    EXPECT_TRUE(has(dir.run("query --db far.db --format jsonl").out, "\"2020-05-03\""));
}

TEST(StoreFileLimits, AFullDiskWhileWritingKeepsTheLastBatchAndSaysSo) {
    CliDir dir;
    dir.write("a.txt", kDoc);
    ASSERT_EQ(dir.run("ingest --db s.db a.txt").code, 0);
    const std::string before = dir.run("query --db s.db --format jsonl").out;
    // Thousands of events in one batch; writes past 64 KB fail (EFBIG, as
    // ENOSPC on a full disk).
    std::string big = "Azerbaijan and Israel met on ";
    for (int i = 0; i < 3000; ++i) big += std::to_string(i % 28 + 1) + "/" + std::to_string(i / 28 % 12 + 1) + "/20" +
                                          std::to_string(10 + i / 336) + (i % 3 ? ", " : ". Azerbaijan and Israel met on ");
    dir.write("big.txt", big + "1/1/2001.\n");
    const std::string cmd = "cd '" + dir.path().string() + "' && sh -c 'ulimit -f 64; exec " + TARIKH_BINARY_DIR +
                            "/tarikh ingest --db s.db big.txt' >out.txt 2>err.txt";
    const int status = std::system(cmd.c_str());
    const std::string err = CliDir::read(dir / "err.txt");
    EXPECT_EQ(WEXITSTATUS(status), 1) << err;
    EXPECT_TRUE(has(err, "s.db")) << err;
    const Outcome after = dir.run("query --db s.db --format jsonl");
    EXPECT_EQ(after.code, 0) << after.err;
    EXPECT_EQ(after.out, before);
}

}  // namespace
}  // namespace tarikh::testing
