#include "overview.h"

#include <algorithm>
#include <cmath>

namespace tarikh::viewer {

Overview make_overview(const EventTable& table, const std::vector<uint8_t>& keep, size_t bins) {
    Overview o;
    std::vector<int32_t> mids;
    mids.reserve(keep.empty() ? table.size() : 0);
    for (size_t i = 0; i < table.size(); ++i) {
        if (!keep.empty() && !keep[i]) continue;
        const int32_t mid = table.first[i] + (table.last[i] - table.first[i]) / 2;
        if (o.empty) {
            o.first = table.first[i];
            o.last = table.last[i];
            o.empty = false;
        } else {
            o.first = std::min(o.first, table.first[i]);
            o.last = std::max(o.last, table.last[i]);
        }
        mids.push_back(mid);
    }
    if (o.empty) return o;

    // The middle 96% of the middle days; with few events, all of them.
    const size_t n = mids.size();
    const size_t lo = n >= 50 ? n * 2 / 100 : 0, hi = n >= 50 ? n - 1 - n * 2 / 100 : n - 1;
    std::nth_element(mids.begin(), mids.begin() + static_cast<long>(lo), mids.end());
    const int32_t a = mids[lo];
    std::nth_element(mids.begin(), mids.begin() + static_cast<long>(hi), mids.end());
    const int32_t b = mids[hi];
    o.core_first = a;
    o.core_last = b;
    // Events of the core whose interval reaches beyond it widen it, a little:
    // a decade that ends in the core should not be cut at its middle.
    const int32_t span = std::max(1, b - a);
    for (size_t i = 0; i < table.size(); ++i) {
        if (!keep.empty() && !keep[i]) continue;
        const int32_t mid = table.first[i] + (table.last[i] - table.first[i]) / 2;
        if (mid < a || mid > b) continue;
        o.core_first = std::min(o.core_first, std::max(table.first[i], a - span / 4));
        o.core_last = std::max(o.core_last, std::min(table.last[i], b + span / 4));
    }

    o.bins.assign(std::max<size_t>(bins, 1), 0);
    const double width = static_cast<double>(o.last) - o.first + 1;
    for (int32_t mid : mids) {
        const auto k = static_cast<size_t>((mid - o.first) / width * static_cast<double>(o.bins.size()));
        o.max_bin = std::max(o.max_bin, ++o.bins[std::min(k, o.bins.size() - 1)]);
    }
    return o;
}

}  // namespace tarikh::viewer
