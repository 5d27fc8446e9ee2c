// Inputs that are not documents or are too big: a FIFO (parse hung on it),
// /dev/zero and a 3 GB file (ingest aborted with bad_alloc, losing the other
// files), an endless line, a UTF-16 file (no output, exit 0).
#include "limits/cli.h"

#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <string>

namespace tarikh::testing {
namespace {

constexpr const char* kGood = "Azerbaijan and Israel signed an agreement on 3 May 2020.\n";

bool has(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

TEST(InputLimits, AFifoAndDevZeroAreRefusedByNameAndTheOtherFilesStillParse) {
    CliDir dir;
    ASSERT_EQ(::mkfifo((dir / "pipe.txt").c_str(), 0600), 0);
    dir.write("good.txt", kGood);
    Outcome r = dir.run("parse pipe.txt /dev/zero good.txt");
    EXPECT_EQ(r.code, 2);
    EXPECT_TRUE(has(r.err, "pipe.txt: a FIFO (named pipe), not read")) << r.err;
    EXPECT_TRUE(has(r.err, "/dev/zero: a character device, not read")) << r.err;
    EXPECT_TRUE(has(r.out, "\"doc\":\"good.txt\"")) << r.out;

    r = dir.run("ingest --db s.db pipe.txt /dev/zero good.txt");
    EXPECT_EQ(r.code, 1);
    EXPECT_TRUE(has(r.err, "pipe.txt: a FIFO")) << r.err;
    EXPECT_TRUE(has(r.err, "/dev/zero: a character device")) << r.err;
    EXPECT_TRUE(has(r.out, "1 added")) << r.out;

    r = dir.run("load --db s.db /dev/zero");
    EXPECT_EQ(r.code, 1);
    EXPECT_TRUE(has(r.err, "/dev/zero: a character device")) << r.err;
}

TEST(InputLimits, AFileOverMaxBytesIsSkippedWithAClearMessage) {
    CliDir dir;
    dir.write("good.txt", kGood);
    // 3 GB without using the disk: a sparse file.
    {
        const auto big = dir / "big.txt";
        dir.write("big.txt", "");
        ASSERT_EQ(::truncate(big.c_str(), off_t{3} << 30), 0);
    }
    Outcome r = dir.run("ingest --db s.db big.txt good.txt");
    EXPECT_EQ(r.code, 1);
    EXPECT_TRUE(has(r.err, "big.txt: skipped: 3.0 GB is over --max-bytes (256.0 MB)")) << r.err;
    EXPECT_TRUE(has(r.out, "1 added")) << r.out;

    r = dir.run("parse --max-bytes 20 good.txt");
    EXPECT_EQ(r.code, 2);
    EXPECT_TRUE(has(r.err, "good.txt: skipped: 57 bytes is over --max-bytes (20 bytes)")) << r.err;
    r = dir.run("parse --max-bytes 1K -", 120, "", "/dev/zero");  // standard input that never ends
    EXPECT_EQ(r.code, 2);
    EXPECT_TRUE(has(r.err, "-: skipped: more than --max-bytes (1.0 KB)")) << r.err;
}

TEST(InputLimits, ALongJsonLinesLineIsSkippedAndTheNextOnesRead) {
    CliDir dir;
    std::string docs = "{\"id\":\"a\",\"text\":\"" + std::string(3000, 'x') + "\"}\n";
    docs += "{\"id\":\"b\",\"text\":\"Azerbaijan and Israel met in 2020.\"}\n";
    dir.write("docs.jsonl", docs);
    const Outcome r = dir.run("extract --max-bytes 2K docs.jsonl");
    EXPECT_EQ(r.code, 1);
    EXPECT_TRUE(has(r.err, "docs.jsonl:1: skipped: a line over --max-bytes (2.0 KB)")) << r.err;
    EXPECT_TRUE(has(r.out, "\"doc\":\"b\"")) << r.out;
}

TEST(InputLimits, Utf16WithAByteOrderMarkIsReadAndUtf32IsRefusedByName) {
    CliDir dir;
    auto utf16 = [](const std::string& ascii, bool little) {
        std::string out = little ? "\xFF\xFE" : "\xFE\xFF";
        for (char c : ascii) {
            out += little ? std::string{c, '\0'} : std::string{'\0', c};
        }
        return out;
    };
    dir.write("le.txt", utf16("They met on 3 May 2020.", true));
    dir.write("be.txt", utf16("They met on 4 May 2020.", false));
    dir.write("u32.txt", std::string("\xFF\xFE\0\0T\0\0\0", 8));
    const Outcome r = dir.run("parse le.txt be.txt u32.txt");
    EXPECT_EQ(r.code, 2);
    EXPECT_TRUE(has(r.out, "\"doc\":\"le.txt\",\"span\":[12,22],\"text\":\"3 May 2020\"")) << r.out;
    EXPECT_TRUE(has(r.out, "\"doc\":\"be.txt\",\"span\":[12,22],\"text\":\"4 May 2020\"")) << r.out;
    EXPECT_TRUE(has(r.err, "u32.txt: UTF-32 text is not read")) << r.err;
}

}  // namespace
}  // namespace tarikh::testing
