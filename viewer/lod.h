// Level of detail: what a lane draws at the current zoom, in a number of
// marks bounded by the lane's width in pixels, whatever the number of events.
//
// As in Tracy: each level of a lane (lanes.h) is sorted by start, and binary
// searches find the visible slice. Events narrower than a few pixels are
// never visited one by one: a binary search finds where each few-pixel cell
// of the screen ends, the items starting in it are counted by the difference
// of indices, and adjacent cells fold into one density mark that knows its
// count and time range (a click zooms to it). Cells are laid on a grid fixed
// in time, not on the screen, so the marks stay put while the view pans.
// Wider events are drawn as bars; those starting within the same cell merge
// too, so overlapping bars cannot multiply without bound either.
#pragma once

#include "lanes.h"
#include "time_axis.h"

#include <cstdint>
#include <vector>

namespace tarikh::viewer {

constexpr uint8_t kMixedKinds = 255;

struct Mark {
    float x0 = 0, x1 = 0;           // pixels from the lane's left edge (may run off either side)
    int32_t first = 0, last = 0;    // the days it covers, inclusive
    uint32_t count = 0;             // events in it
    uint32_t event = 0;             // the event when count == 1
    uint8_t kind = kMixedKinds;     // their common kind, or kMixedKinds
    bool dense = false;             // folded from events narrower than min_px

    bool single() const { return count == 1; }
};

struct LodParams {
    View view;
    float width = 1000;     // pixels
    float min_px = 3;       // Tracy's MinVisSize: narrower events fold into cells of this size
    int max_run_cells = 8;  // a density mark spans at most this many cells, so density stays readable
    // Bars that start together merge into one mark; once such a mark is
    // `open_px` wide the lane can show its events apart, stacked in sub-rows
    // (stacking.h), so up to `open_max` of them come out one by one and the
    // rest stays one mark with their count. 0: never open (one-row lanes).
    int open_max = 0;
    float open_px = 24;
};

struct LaneMarks {
    std::vector<Mark> bars;   // wide events, longest level first (the drawing order)
    std::vector<Mark> dense;  // density marks, left to right, drawn over the bars
    void clear() {
        bars.clear();
        dense.clear();
    }
};

// Appends the marks of `lane` in view. `kinds` is EventTable::kind.data().
void lane_marks(const Lane& lane, const uint8_t* kinds, const LodParams& p, LaneMarks& out);

// The topmost mark under `x` (within `slop` pixels), preferring density marks
// and the shortest bars, as they are drawn on top; null when none.
const Mark* mark_at(const LaneMarks& marks, float x, float slop = 2);

}  // namespace tarikh::viewer
