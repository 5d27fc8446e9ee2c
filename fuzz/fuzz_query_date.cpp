// The dates and countries `query --from/--to/--pair/--actor` take from the
// user: ISO forms, or anything `parse` reads.
#include "cli/query_flags.h"

#include <cstdint>
#include <cstdlib>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace tarikh;
    const std::string text(reinterpret_cast<const char*>(data), size);
    if (auto iv = cli::date_argument(text)) {
        if (!iv->anchored() || *iv->latest < *iv->earliest) std::abort();
        if (!in_year_range(*iv->earliest) || !in_year_range(*iv->latest)) std::abort();
    }
    (void)cli::pair_argument(text);
    (void)cli::country_argument(text);
    return 0;
}
