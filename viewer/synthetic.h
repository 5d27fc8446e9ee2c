// Synthetic events for tests and for running the viewer before a store
// exists (`tarikh-view --synthetic N`): a deterministic mix of countries,
// pairs (a few busy ones, a long tail), granularities from days to centuries,
// fuzzy modifiers, kinds and sentences in the three languages.
#pragma once

#include "tarikh/event.h"

#include <cstdint>
#include <vector>

namespace tarikh::viewer {

std::vector<Event> synthetic_events(size_t n, uint64_t seed = 1);
// Undated events for the tray.
std::vector<Event> synthetic_undated(size_t n, uint64_t seed = 2);

}  // namespace tarikh::viewer
