#include "overview.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace tarikh::viewer {
namespace {

// The shortest time that holds three quarters of the middle days (all of
// them when there are few). News cites history: in a year of real articles
// (../shared/bench) a quarter of the dated events lie anywhere over the last
// century and a few thousand years, so cutting a fixed share at each end
// (the middle 96% was tried) still opened on 175 years with the news a tenth
// of the screen; the busiest three quarters open on 1994-2020. Measured on a
// sample of at most 65,536 days, spread over all of them, so a 1M-event
// store costs a small sort when filters change.
std::pair<int32_t, int32_t> busiest_extent(const std::vector<int32_t>& mids) {
    constexpr size_t kSample = 65536;
    std::vector<int32_t> s;
    if (mids.size() <= kSample) {
        s = mids;
    } else {
        s.reserve(kSample);
        for (size_t k = 0; k < kSample; ++k) s.push_back(mids[k * mids.size() / kSample]);
    }
    std::sort(s.begin(), s.end());
    const size_t n = s.size();
    if (n < 20) return {s.front(), s.back()};
    const size_t held = (n * 3 + 3) / 4;
    size_t best = 0;
    for (size_t i = 1; i + held <= n; ++i)
        if (s[i + held - 1] - s[i] < s[best + held - 1] - s[best]) best = i;
    return {s[best], s[best + held - 1]};
}

}  // namespace

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

    const auto [a, b] = busiest_extent(mids);
    o.core_first = a;
    o.core_last = b;
    // Events of the core whose interval reaches beyond it widen it, a little:
    // a decade that ends in the core should not be cut at its middle.
    const int32_t span = std::max(1, b - a);
    for (size_t i = 0; i < table.size(); ++i) {
        if (!keep.empty() && !keep[i]) continue;
        const int32_t mid = table.first[i] + (table.last[i] - table.first[i]) / 2;
        if (mid < a || mid > b) continue;
        o.core_first = std::min(o.core_first, std::max(table.first[i], a - span / 8));
        o.core_last = std::max(o.core_last, std::min(table.last[i], b + span / 8));
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
