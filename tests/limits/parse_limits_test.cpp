// `tarikh parse` on inputs made to be slow: one endless line of dates, a long
// run of words followed by a long run of dates. Both were quadratic (the
// dateline search counted the words of a line once per date on it: 37 s and
// more than 60 s); linear, each takes about a second here, so the guard of
// the runs below (30 s) only trips if the quadratic path comes back.
#include "limits/cli.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

namespace tarikh::testing {
namespace {

size_t count_lines(const std::string& s) { return static_cast<size_t>(std::count(s.begin(), s.end(), '\n')); }

// Words that are no date in any language, cycled.
std::string words(size_t bytes) {
    static const char* const kWords[] = {"alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel"};
    std::string out;
    out.reserve(bytes + 16);
    for (size_t i = 0; out.size() < bytes; ++i) {
        out += kWords[(i * 7 + i / 8) % 8];
        out += ' ';
    }
    return out;
}

TEST(ParseLimits, OneLineOfDatesWithoutDctIsLinear) {
    CliDir dir;
    // 100k dates among 1.6M words on one line, no line break, no --dct: every
    // date is a dateline candidate on the same line (none opens the document,
    // which would end the search at once).
    std::string line;
    line.reserve(10 << 20);
    for (int i = 0; i < 100000; ++i) {
        line += words(80);
        line += "1/2/2020 ";
    }
    dir.write("line.txt", line);
    const Outcome r = dir.run("parse --lang en line.txt", 30);
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(count_lines(r.out), 100000u);
}

TEST(ParseLimits, WordsThenManyDatesIsLinear) {
    CliDir dir;
    dir.write("tail.txt", words(1800000) + [] {
        std::string s;
        for (int i = 0; i < 200000; ++i) s += "1/2/2020 ";
        return s;
    }());
    const Outcome r = dir.run("parse --lang en tail.txt", 30);
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(count_lines(r.out), 200000u);
}

}  // namespace
}  // namespace tarikh::testing
