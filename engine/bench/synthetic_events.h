// Realistic synthetic events for the store benchmarks and for making a large
// store (`tarikh-bench synth 1000000 /tmp/events.jsonl` + `tarikh load`):
// ~27 countries of the region and the great powers, plausible pairs with
// Zipf-like frequencies (a few busy lanes, a long tail), dates concentrated
// on 1990–2025 with a tail back to 1900, granularities from days to
// centuries, kinds, and sentences in Persian, Arabic and English.
#pragma once

#include "tarikh/event.h"

#include <cstdint>
#include <string>
#include <vector>

namespace tarikh::bench {

class SyntheticEvents {
public:
    explicit SyntheticEvents(uint64_t seed = 1);
    ~SyntheticEvents();
    Event next();
    std::vector<Event> take(size_t n);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// A random window of `days` days starting in 1990–2025 (where the events are).
struct Window {
    Day from;
    Day to;
};
std::vector<Window> random_windows(size_t n, int days, uint64_t seed);

}  // namespace tarikh::bench
