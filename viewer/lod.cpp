#include "lod.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace tarikh::viewer {
namespace {

struct Cell {
    uint32_t count = 0;
    int32_t first = 0, last = 0;
    uint32_t event = 0;
    uint8_t kind = kMixedKinds;
};

int32_t to_day(double t) {
    return static_cast<int32_t>(std::clamp(t, -2.0e9, 2.0e9));
}

// The common kind of items [i, k) of a level; a long range is called mixed
// rather than scanned (the frame budget is per pixel, not per event).
uint8_t kind_of(const LaneLevel& l, const uint8_t* kinds, size_t i, size_t k) {
    if (k - i > 32) return kMixedKinds;
    uint8_t kind = kinds[l.event[i]];
    for (size_t j = i + 1; j < k; ++j)
        if (kinds[l.event[j]] != kind) return kMixedKinds;
    return kind;
}

// First index in [lo, hi) whose start is >= v, searching outward from lo:
// the end of a cell is usually a few items away, so this costs the log of the
// items in the cell rather than the log of the level.
size_t gallop(const int32_t* s, size_t lo, size_t hi, int32_t v) {
    size_t prev = lo, step = 1;
    while (lo + step < hi && s[lo + step] < v) {
        prev = lo + step;
        step <<= 1;
    }
    return static_cast<size_t>(std::lower_bound(s + prev, s + std::min(lo + step, hi), v) - s);
}

uint8_t merge_kind(uint32_t count_before, uint8_t before, uint8_t added) {
    if (count_before == 0) return added;
    return before == added ? before : kMixedKinds;
}

}  // namespace

void lane_marks(const Lane& lane, const uint8_t* kinds, const LodParams& p, LaneMarks& out) {
    const double t0 = p.view.t0, t1 = p.view.t1;
    const double ppd = p.width / p.view.span();  // pixels per day
    const double cell_days = p.min_px / ppd;
    const int32_t ft0 = to_day(std::floor(t0));
    const int32_t hi = to_day(std::ceil(t1));  // an item is visible when start < hi and end >= ft0
    auto xat = [&](double t) { return static_cast<float>((t - t0) * ppd); };
    auto cell_of = [&](int32_t t) { return static_cast<int64_t>(std::floor(t / cell_days)); };
    auto cell_end = [&](int64_t c) { return to_day(std::ceil(static_cast<double>(c + 1) * cell_days)); };

    // Cells of the grid that can hold a visible narrow item.
    const int64_t c_first = static_cast<int64_t>(std::floor(t0 / cell_days)) - 1;
    const int64_t c_last = static_cast<int64_t>(std::floor(t1 / cell_days)) + 1;
    thread_local std::vector<Cell> cells;
    cells.assign(static_cast<size_t>(c_last - c_first + 1), Cell{});
    bool any_dense = false;

    auto add_cell = [&](int64_t c, const LaneLevel& l, size_t i, size_t k) {
        c = std::clamp(c, c_first, c_last);
        Cell& cell = cells[static_cast<size_t>(c - c_first)];
        int32_t reach = l.max_end(i, k);
        uint8_t kind = kind_of(l, kinds, i, k);
        if (cell.count == 0) {
            cell.first = l.start[i];
            cell.last = reach;
            cell.event = l.event[i];
        } else {
            cell.first = std::min(cell.first, l.start[i]);
            cell.last = std::max(cell.last, reach);
        }
        cell.kind = merge_kind(cell.count, cell.kind, kind);
        cell.count += static_cast<uint32_t>(k - i);
        any_dense = true;
    };

    for (const LaneLevel& l : lane.levels) {
        const size_t n = l.size();
        if (!n) continue;
        const int32_t* S = l.start.data();
        // Starts before `lo` end before t0; starts from `sure` on surely reach it.
        const int32_t lo = ft0 - l.max_length() + 1;
        const int32_t sure = ft0 - (int32_t{1} << l.level) + 1;
        size_t i = static_cast<size_t>(std::lower_bound(S, S + n, lo) - S);
        const size_t band_end = static_cast<size_t>(std::lower_bound(S + i, S + n, sure) - S);
        const size_t e = static_cast<size_t>(std::lower_bound(S + band_end, S + n, hi) - S);
        if (i >= e) continue;
        // A level folds into density marks while its longest items are under
        // two cells: bars of 3 to 6 pixels starting in every 3-pixel cell (a
        // busy lane's months at a decade's zoom) read as one band anyway, and
        // cost a mark per cell per level.
        const bool narrow = l.max_length() * ppd < 2 * p.min_px;

        if (narrow) {
            for (; i < band_end && i < e; ++i)  // a sliver of at most min_px at the left edge
                if (l.end[i] >= ft0) add_cell(cell_of(S[i]), l, i, i + 1);
            while (i < e) {
                int64_t c = cell_of(S[i]);
                size_t k = gallop(S, i + 1, e, cell_end(c));
                add_cell(c, l, i, k);
                i = k;
            }
            continue;
        }

        // Wide items. Those starting left of the view merge into one bar from
        // the edge: zoomed into a month, every year-long event overlaps it.
        const size_t left_end = static_cast<size_t>(std::lower_bound(S + band_end, S + e, to_day(std::ceil(t0))) - S);
        {
            Mark m;
            for (; i < band_end; ++i) {
                if (l.end[i] < ft0) continue;
                m.kind = merge_kind(m.count, m.kind, kinds[l.event[i]]);
                m.first = m.count ? std::min(m.first, S[i]) : S[i];
                m.last = m.count ? std::max(m.last, l.end[i]) : l.end[i];
                if (!m.count) m.event = l.event[i];
                ++m.count;
            }
            if (band_end < left_end) {
                uint8_t kind = kind_of(l, kinds, band_end, left_end);
                int32_t reach = l.max_end(band_end, left_end);
                m.kind = merge_kind(m.count, m.kind, kind);
                m.first = m.count ? std::min(m.first, S[band_end]) : S[band_end];
                m.last = m.count ? std::max(m.last, reach) : reach;
                if (!m.count) m.event = l.event[band_end];
                m.count += static_cast<uint32_t>(left_end - band_end);
            }
            if (m.count) {
                m.x0 = xat(m.first);
                m.x1 = xat(static_cast<double>(m.last) + 1);
                out.bars.push_back(m);
            }
            i = std::max(i, left_end);
        }
        // Bars starting within half the level's shortest length of each
        // other overlap by at least half: one bar stands for them. At a
        // decade's zoom a busy lane holds hundreds of month- to year-long
        // events, and min_px cells alone would draw one bar per 3 pixels per
        // level, each hidden under the next.
        const double bar_cell = std::max(cell_days, (int32_t{1} << l.level) / 2.0);
        auto bar_cell_end = [&](int32_t t) {
            return to_day(std::ceil((std::floor(t / bar_cell) + 1) * bar_cell));
        };
        while (i < e) {
            size_t k = gallop(S, i + 1, e, bar_cell_end(S[i]));
            // Wide enough to tell apart: the first ones one by one, the rest as one.
            if (k - i > 1 && p.open_max > 0 && (xat(static_cast<double>(l.max_end(i, k)) + 1) - xat(S[i])) >= p.open_px) {
                const size_t limit = static_cast<size_t>(p.open_max);
                const size_t alone = k - i <= limit + 1 ? k - i : limit;
                for (size_t j = i; j < i + alone; ++j) {
                    Mark one;
                    one.first = S[j];
                    one.last = l.end[j];
                    one.count = 1;
                    one.event = l.event[j];
                    one.kind = kinds[l.event[j]];
                    one.x0 = xat(one.first);
                    one.x1 = xat(static_cast<double>(one.last) + 1);
                    out.bars.push_back(one);
                }
                i += alone;
                if (i == k) continue;
            }
            Mark m;
            m.first = S[i];
            m.last = l.max_end(i, k);
            m.count = static_cast<uint32_t>(k - i);
            m.event = l.event[i];
            m.kind = kind_of(l, kinds, i, k);
            m.x0 = xat(m.first);
            m.x1 = xat(static_cast<double>(m.last) + 1);
            out.bars.push_back(m);
            i = k;
        }
    }

    if (!any_dense) return;
    // Adjacent non-empty cells fold into one mark. Long chains are cut where
    // the cell index is a multiple of max_run_cells: a boundary fixed in time,
    // so the pieces do not change as the screen edge moves along the chain.
    Mark run;
    auto close = [&] {
        if (!run.count) return;
        run.x0 = xat(run.first);
        run.x1 = std::max(xat(static_cast<double>(run.last) + 1), run.x0 + p.min_px);
        run.dense = true;
        out.dense.push_back(run);
        run = Mark{};
    };
    const int64_t cut = std::max(1, p.max_run_cells);
    for (size_t ci = 0; ci < cells.size(); ++ci) {
        const Cell& cell = cells[ci];
        if (!cell.count) {
            close();
            continue;
        }
        const int64_t c = c_first + static_cast<int64_t>(ci);
        if ((c % cut + cut) % cut == 0) close();
        if (!run.count) {
            run.first = cell.first;
            run.last = cell.last;
            run.event = cell.event;
        } else {
            run.first = std::min(run.first, cell.first);
            run.last = std::max(run.last, cell.last);
        }
        run.kind = merge_kind(run.count, run.kind, cell.kind);
        run.count += cell.count;
    }
    close();
}

const Mark* mark_at(const LaneMarks& marks, float x, float slop) {
    const Mark* best = nullptr;
    float best_d = std::numeric_limits<float>::max();
    for (const Mark& m : marks.dense) {
        float d = x < m.x0 ? m.x0 - x : (x > m.x1 ? x - m.x1 : 0);
        if (d <= slop && d < best_d) {
            best = &m;
            best_d = d;
        }
    }
    if (best) return best;
    // Bars: the last drawn (shortest) wins; a day event is a point with a
    // hit area of its marker even when the day is narrower.
    for (auto it = marks.bars.rbegin(); it != marks.bars.rend(); ++it) {
        float x0 = it->x0, x1 = it->x1;
        if (it->first == it->last && x1 - x0 < 10) {
            float c = (x0 + x1) / 2;
            x0 = c - 5;
            x1 = c + 5;
        }
        if (x >= x0 - slop && x <= x1 + slop) return &*it;
    }
    return nullptr;
}

}  // namespace tarikh::viewer
