// What `query` and `export` take from the user: --from/--to (ISO forms, or
// anything `parse` reads, read whole), --pair, --actor, --limit.
#include "cli/query_flags.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <string>
#include <unistd.h>

namespace {

// build_query explains each refused flag on stderr: thousands of lines a
// second here. They go to /dev/null while it runs (a crash inside still
// leaves its input in the findings).
struct QuietStderr {
    int saved = ::dup(STDERR_FILENO);
    QuietStderr() {
        const int null = ::open("/dev/null", O_WRONLY);
        ::dup2(null, STDERR_FILENO);
        ::close(null);
    }
    ~QuietStderr() {
        std::fflush(stderr);
        ::dup2(saved, STDERR_FILENO);
        ::close(saved);
    }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace tarikh;
    const std::string text(reinterpret_cast<const char*>(data), size);
    std::string why;
    if (auto iv = cli::date_argument(text, &why)) {
        if (!iv->anchored() || *iv->latest < *iv->earliest) std::abort();
        if (!in_year_range(*iv->earliest) || !in_year_range(*iv->latest)) std::abort();
    }
    (void)cli::count_argument(text);
    QuietStderr quiet;
    for (std::string cli::QueryFlags::*field : {&cli::QueryFlags::pair, &cli::QueryFlags::actor, &cli::QueryFlags::limit}) {
        cli::QueryFlags flags;
        flags.*field = text;
        (void)cli::build_query(flags, "query");
    }
    return 0;
}
