// Where the events are: the time the first screen frames (Home), and the
// density strip above the axis that shows all of it.
//
// Home used to fit every event, and one event of 1200 BCE made the news of
// the last decade a sliver. It now fits where most events are: the shortest
// time that holds three quarters of their middle days, widened a little to
// the events that reach into it. The rest stay a zoom away, and the strip
// shows where they are.
#pragma once

#include "event_table.h"

#include <cstdint>
#include <vector>

namespace tarikh::viewer {

struct Overview {
    bool empty = true;
    int32_t first = 0, last = 0;            // every event, from the first day to the last
    int32_t core_first = 0, core_last = 0;  // where most of them are: what Home frames
    std::vector<uint32_t> bins;             // events by their middle day, in equal bins over [first, last]
    uint32_t max_bin = 0;
};

// Over the rows whose `keep` is set (all when empty). `bins` bins.
Overview make_overview(const EventTable& table, const std::vector<uint8_t>& keep, size_t bins = 1024);

}  // namespace tarikh::viewer
