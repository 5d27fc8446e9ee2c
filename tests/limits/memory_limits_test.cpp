// Memory follows the part of a document being parsed, not the document:
// `parse` held ten times its input (385 MB for the 36.7 MB Arabic bench).
// Long documents are parsed in parts of 1 MB cut at paragraph breaks; what
// the parts resolve carries over (the DCT, the previous date).
#include "limits/cli.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <sstream>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

namespace tarikh::testing {
namespace {

using nlohmann::json;

// ~24 MB of news-like paragraphs (a date every 600 bytes or so, as in the
// benches), a dateline on the last line.
std::string long_document() {
    std::string s = "Yesterday the ministers met again.\n\n";
    for (int i = 0; s.size() < (24u << 20); ++i)
        s += "The delegation arrived on " + std::to_string(i % 28 + 1) +
             " March 2019 and stayed for talks about trade, energy and the border. The officials spoke of "
             "progress on the pipeline, on the railway through the mountains and on the customs posts that "
             "have kept lorries waiting for days. Neither side gave figures, and the statements that followed "
             "were cautious; observers in the capital noted that the talks had stalled more than once before "
             "and that the questions of water and of the enclaves remained open. A joint committee is to "
             "report to both governments, and its members will travel to the border region.\n\n";
    return s + "Tuesday, 27 January , 2026\n";
}

// Peak resident memory of `tarikh ARGS` in kB, and its exit status.
std::pair<long, int> peak_rss_kb(const CliDir& dir, const std::string& file) {
    const std::string binary = std::string(TARIKH_BINARY_DIR) + "/tarikh";
    const std::string out = (dir / "out.jsonl").string();
    const pid_t pid = ::fork();
    if (pid == 0) {
        if (!std::freopen(out.c_str(), "w", stdout)) ::_exit(127);
        ::execl(binary.c_str(), "tarikh", "parse", "--lang", "en", file.c_str(), static_cast<char*>(nullptr));
        ::_exit(127);
    }
    int status = 0;
    rusage usage{};
    ::wait4(pid, &status, 0, &usage);
    return {usage.ru_maxrss, WIFEXITED(status) ? WEXITSTATUS(status) : -1};
}

TEST(MemoryLimits, ParseMemoryFollowsThePartNotTheDocument) {
    CliDir dir;
    const std::string text = long_document();
    const auto path = dir.write("long.txt", text);
    const auto [kb, code] = peak_rss_kb(dir, path.string());
    ASSERT_EQ(code, 0);
    // The input itself, the mentions, the language data, and parts of 1 MB
    // (about 10 MB each while parsed): twice the input is ample. Ten times
    // the input (240 MB) before.
    EXPECT_LT(kb * 1024, long(text.size()) * 2 + (32l << 20)) << kb << " kB";

    std::istringstream lines(CliDir::read(dir / "out.jsonl"));
    size_t n = 0;
    bool yesterday = false;
    for (std::string line; std::getline(lines, line); ++n) {
        const json m = json::parse(line);
        const uint32_t b = m["span"][0], e = m["span"][1];
        ASSERT_EQ(text.substr(b, e - b), m["text"].get<std::string>()) << line;
        // The dateline is on the last line, 24 parts after this mention.
        if (m["text"] == "Yesterday") {
            yesterday = true;
            EXPECT_EQ(m["earliest"], "2026-01-26") << line;
        }
    }
    EXPECT_TRUE(yesterday);
    EXPECT_GT(n, 40000u);
}

}  // namespace
}  // namespace tarikh::testing
