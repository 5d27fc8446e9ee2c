// `tarikh parse` on inputs made to be slow: one endless line of dates, a long
// run of words followed by a long run of dates. Both were quadratic (the
// dateline search counted the words of a line once per date on it: 37 s and
// more than 60 s). That it is linear now is checked by counting the
// dateline search's steps, not by a clock (a loaded machine fails clocks);
// the CLI runs check what it answers on those inputs.
#include "limits/cli.h"
#include "tagger/dateline.h"
#include "tagger/grammar.h"
#include "tagger/lexicon.h"
#include "tagger/tokenize.h"

#include "tarikh/language.h"
#include "tarikh/normalize.h"

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

// 100k dates among 1.6M words on one line, no line break, no --dct: every
// date is a dateline candidate on the same line (none opens the document,
// which would end the search at once).
std::string one_line_of_dates() {
    std::string line;
    line.reserve(10 << 20);
    for (int i = 0; i < 100000; ++i) {
        line += words(80);
        line += "1/2/2020 ";
    }
    return line;
}

std::string words_then_dates() {
    std::string s = words(1800000);
    for (int i = 0; i < 200000; ++i) s += "1/2/2020 ";
    return s;
}

// The dateline search over `text` as the parser runs it on a whole document:
// each token and each date looked at once, whatever the line lengths.
void expect_dateline_search_linear(const std::string& text) {
    using namespace tagger;
    static const Lexicon lexicon;
    const NormalizedText norm = normalize(text);
    const std::vector<Token> tokens = tokenize(norm.text);
    const std::vector<RawDate> raws = find_dates(norm.text, tokens, lang_of("en"), lexicon);
    ASSERT_GT(raws.size(), 99999u);
    size_t steps = 0;
    EXPECT_FALSE(find_dateline(tokens, raws, kWhole, &steps));
    // Counting the words of the line per date was tokens × dates: 1.7e11.
    EXPECT_LE(steps, tokens.size() + 2 * raws.size()) << tokens.size() << " tokens, " << raws.size() << " dates";
}

TEST(ParseLimits, DatelineSearchOnOneLineOfDatesIsLinear) { expect_dateline_search_linear(one_line_of_dates()); }

TEST(ParseLimits, DatelineSearchOnWordsThenManyDatesIsLinear) { expect_dateline_search_linear(words_then_dates()); }

TEST(ParseLimits, OneLineOfDatesWithoutDct) {
    CliDir dir;
    dir.write("line.txt", one_line_of_dates());
    const Outcome r = dir.run("parse --lang en line.txt");
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(count_lines(r.out), 100000u);
}

TEST(ParseLimits, WordsThenManyDates) {
    CliDir dir;
    dir.write("tail.txt", words_then_dates());
    const Outcome r = dir.run("parse --lang en tail.txt");
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(count_lines(r.out), 200000u);
}

}  // namespace
}  // namespace tarikh::testing
