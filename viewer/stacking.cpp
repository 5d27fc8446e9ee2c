#include "stacking.h"

#include <algorithm>
#include <limits>

namespace tarikh::viewer {
namespace {

struct Item {
    Mark mark;
    float x0, x1;  // as drawn: a one-day mark is as wide as its diamond
};

uint8_t merged_kind(uint8_t a, uint8_t b) { return a == b ? a : kMixedKinds; }

// `into` stands for `m` too from now on: a mark of both counts and ranges.
void merge(Placed& into, const Item& m) {
    Mark& a = into.mark;
    a.first = std::min(a.first, m.mark.first);
    a.last = std::max(a.last, m.mark.last);
    a.x0 = std::min(a.x0, m.mark.x0);
    a.x1 = std::max(a.x1, m.mark.x1);
    a.count += m.mark.count;
    a.kind = merged_kind(a.kind, m.mark.kind);
    a.dense = false;
    into.label_w = 0;
    into.label_inside = false;
    into.end = std::max(into.end, m.x1);
}

}  // namespace

void stack_marks(const LaneMarks& marks, const StackParams& p, const std::function<bool(const Mark&)>& is_point,
                 Stack& out) {
    out.marks.clear();
    out.rows = 1;
    thread_local std::vector<Item> items;
    items.clear();
    auto add = [&](const Mark& m) {
        float x0 = m.x0, x1 = m.x1;
        if (m.single() && x1 - x0 < p.point_px && is_point(m)) {
            const float c = (x0 + x1) / 2;
            x0 = c - p.point_px / 2;
            x1 = c + p.point_px / 2;
        }
        items.push_back({m, x0, x1});
    };
    for (const Mark& m : marks.bars) add(m);
    for (const Mark& m : marks.dense) add(m);

    if (p.max_rows <= 1) {
        // One row: drawn as they come (long bars first, density on top).
        for (const Item& it : items) out.marks.push_back({it.mark, 0, it.x1, 0, false});
        return;
    }
    std::stable_sort(items.begin(), items.end(), [](const Item& a, const Item& b) {
        if (a.x0 != b.x0) return a.x0 < b.x0;
        return a.x1 > b.x1;  // the longer first: it is the one others stack under
    });

    const int rows = std::min(p.max_rows, 32);
    float row_end[32];
    int row_last[32];  // index into out.marks of each sub-row's last mark
    std::fill(row_end, row_end + rows, -std::numeric_limits<float>::max());
    std::fill(row_last, row_last + rows, -1);
    for (size_t i = 0; i < items.size(); ++i) {
        const Item& it = items[i];
        // A label when the next mark leaves room for it.
        float label_w = 0;
        bool inside = false;
        const float room = std::min(i + 1 < items.size() ? items[i + 1].x0 : p.right, p.right) - it.x1;
        const bool bar = !is_point(it.mark);
        const float shown = std::min(it.x1, p.right) - std::max(it.x0, p.left);  // of a bar, what is in view
        if (it.mark.single() && p.label_width && (room >= p.min_label_room || (bar && shown >= p.min_label_room))) {
            const float w = p.label_width(it.mark);
            if (w > 0 && bar && shown >= w + 10) {
                label_w = w;
                inside = true;
            } else if (w > 0 && room >= w + 4 + p.gap) {
                label_w = w;
            }
        }
        const float full_end = inside || label_w == 0 ? it.x1 : it.x1 + 4 + label_w;
        int row = -1;
        // Every sub-row but the last holds marks one by one.
        for (int r = 0; r + 1 < rows && row < 0; ++r)
            if (row_end[r] + p.gap <= it.x0) row = r;
        if (row < 0 && row_end[rows - 1] + p.gap <= it.x0) row = rows - 1;
        if (row < 0) {
            // The last sub-row is full here: what overlaps there merges.
            merge(out.marks[static_cast<size_t>(row_last[rows - 1])], it);
            row_end[rows - 1] = std::max(row_end[rows - 1], it.x1);
            out.rows = rows;
            continue;
        }
        // A label that would run into the next mark of its sub-row is dropped
        // rather than pushing the mark down.
        out.marks.push_back({it.mark, static_cast<uint8_t>(row), full_end, label_w, inside});
        row_end[row] = full_end;
        row_last[row] = static_cast<int>(out.marks.size() - 1);
        out.rows = std::max(out.rows, row + 1);
    }
}

const Placed* placed_at(const Stack& stack, int row, float x, float slop) {
    const Placed* best = nullptr;
    for (const Placed& p : stack.marks) {
        if (p.row != row) continue;
        const float x0 = std::min(p.mark.x0, (p.mark.x0 + p.mark.x1) / 2 - 6);
        const float x1 = std::max({p.mark.x1, (p.mark.x0 + p.mark.x1) / 2 + 6, p.end});
        if (x >= x0 - slop && x <= x1 + slop) best = &p;  // the last drawn wins
    }
    return best;
}

}  // namespace tarikh::viewer
