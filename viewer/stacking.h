// A lane's marks stacked in sub-rows, as vis-timeline stacks its items:
// events that overlap in time are drawn one above the other instead of on
// top of each other, and a mark with room for it carries a short label.
//
// Marks are taken left to right; each goes to the first sub-row it clears
// (with its label when one fits, else without), up to a cap of sub-rows. The
// last sub-row takes what remains, and what overlaps there merges into one
// mark with a count, so a lane's height stays bounded whatever it holds. The
// work is per mark on screen (lod.h bounds them), never per event.
#pragma once

#include "lod.h"

#include <cstdint>
#include <functional>
#include <limits>
#include <vector>

namespace tarikh::viewer {

struct Placed {
    Mark mark;
    uint8_t row = 0;       // sub-row, 0 at the top
    float end = 0;         // where it stops taking room, its label included
    float label_w = 0;     // the label's width; 0: no label
    bool label_inside = false;  // drawn inside the bar (else after the mark)
};

struct StackParams {
    int max_rows = 4;      // 1: no stacking (marks drawn over each other, no labels)
    float gap = 4;         // pixels between two marks of a sub-row
    float point_px = 12;   // how wide a one-day mark is drawn (its diamond), whatever its days
    // The label width of a single mark, 0 for none; called only when a mark
    // might have room for one.
    std::function<float(const Mark&)> label_width;
    float min_label_room = 36;  // no label is tried in less room than this
    // The visible canvas: a label must fit inside it, or a mark near the
    // right edge loses its label's end (a right-to-left one, its first words).
    float left = -std::numeric_limits<float>::max(), right = std::numeric_limits<float>::max();
};

struct Stack {
    std::vector<Placed> marks;  // left to right within each sub-row
    int rows = 1;               // sub-rows used
};

// `is_point(m)` says whether a single mark is one day (drawn as a diamond).
void stack_marks(const LaneMarks& marks, const StackParams& p, const std::function<bool(const Mark&)>& is_point,
                 Stack& out);

// The placed mark under `x` in sub-row `row` (its label counts), or null.
const Placed* placed_at(const Stack& stack, int row, float x, float slop = 2);

}  // namespace tarikh::viewer
