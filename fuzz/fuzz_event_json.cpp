// The event JSON reader of `tarikh load` on any line. What it accepts must
// write back and read again to the same event: what `extract` writes, `load`
// reads.
#include "tarikh/event_json.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace tarikh;
    const std::string_view line(reinterpret_cast<const char*>(data), size);
    Event e;
    try {
        e = event_from_json(line);
    } catch (const EventJsonError&) {
        return 0;  // refused, with a message: fine
    }
    if (e.actors.size() > kMaxEventActors) std::abort();
    const std::string once = event_to_json(e);
    std::string twice;
    try {
        twice = event_to_json(event_from_json(once));
    } catch (const EventJsonError&) {
        std::abort();  // it wrote what it cannot read
    }
    if (once != twice) std::abort();
    return 0;
}
