#include "lanes.h"

#include <algorithm>
#include <bit>
#include <numeric>
#include <unordered_map>

namespace tarikh::viewer {

int level_of_length(int32_t length) {
    if (length <= 1) return 0;
    return std::bit_width(static_cast<uint32_t>(length)) - 1;
}

int32_t LaneLevel::max_end(size_t i, size_t j) const {
    int32_t m = std::numeric_limits<int32_t>::min();
    while (i < j && i % kBlock != 0) m = std::max(m, end[i++]);
    while (i + kBlock <= j) {
        m = std::max(m, block_max_end[i / kBlock]);
        i += kBlock;
    }
    while (i < j) m = std::max(m, end[i++]);
    return m;
}

void LaneLevel::finish() {
    block_max_end.assign((size() + kBlock - 1) / kBlock, std::numeric_limits<int32_t>::min());
    for (size_t i = 0; i < size(); ++i) block_max_end[i / kBlock] = std::max(block_max_end[i / kBlock], end[i]);
}

namespace {

constexpr int kLevels = 32;

struct LaneBuilder {
    Lane lane;
    LaneLevel levels[kLevels];
    size_t counts[kLevels] = {};
};

uint64_t key_of(CountryId a, CountryId b) { return (uint64_t{a} << 16) | b; }

void sort_level(LaneLevel& l) {
    if (std::is_sorted(l.start.begin(), l.start.end())) return;
    std::vector<uint32_t> perm(l.size());
    std::iota(perm.begin(), perm.end(), 0u);
    std::stable_sort(perm.begin(), perm.end(), [&](uint32_t x, uint32_t y) { return l.start[x] < l.start[y]; });
    LaneLevel out;
    out.level = l.level;
    out.start.reserve(l.size());
    out.end.reserve(l.size());
    out.event.reserve(l.size());
    for (uint32_t p : perm) {
        out.start.push_back(l.start[p]);
        out.end.push_back(l.end[p]);
        out.event.push_back(l.event[p]);
    }
    l = std::move(out);
}

// Orders the groups by count and each group's lanes by count (ties by the
// lane's place in the table, which is stable from run to run).
void order_groups(Timeline& t) {
    for (Group& g : t.groups) {
        g.count = t.lanes[g.header_lane].count;
        std::stable_sort(g.lanes.begin(), g.lanes.end(),
                         [&](uint32_t x, uint32_t y) { return t.lanes[x].count > t.lanes[y].count; });
    }
    std::stable_sort(t.groups.begin(), t.groups.end(), [](const Group& x, const Group& y) { return x.count > y.count; });
    bool any = false;
    for (const Lane& l : t.lanes) {
        if (!l.count) continue;
        t.first = any ? std::min(t.first, l.first) : l.first;
        t.last = any ? std::max(t.last, l.last) : l.last;
        any = true;
    }
}

}  // namespace

Timeline build_timeline(const EventTable& table, const std::vector<uint8_t>& keep) {
    std::vector<LaneBuilder> builders;
    std::unordered_map<uint64_t, uint32_t> index;
    auto lane_for = [&](CountryId a, CountryId b) -> LaneBuilder& {
        auto [it, inserted] = index.try_emplace(key_of(a, b), static_cast<uint32_t>(builders.size()));
        if (inserted) {
            builders.emplace_back();
            builders.back().lane.a = a;
            builders.back().lane.b = b;
            for (int k = 0; k < kLevels; ++k) builders.back().levels[k].level = k;
        }
        return builders[it->second];
    };
    // Two passes: count each level's items, then fill arrays of exactly that
    // size. Growing by doubling would leave up to half of each array unused
    // and copy it on the way, beside the snapshot still shown while loading.
    auto for_each_item = [&](auto&& add) {
        for (size_t i = 0; i < table.size(); ++i) {
            if (!keep.empty() && !keep[i]) continue;
            if (table.actors_begin(i) == table.actors_end(i)) continue;
            const int level = level_of_length(table.length(i));
            for (auto a = table.actors_begin(i); a != table.actors_end(i); ++a) add(lane_for(*a, kNoCountry), level, i);
            for (auto p = table.pairs_begin(i); p != table.pairs_end(i); ++p) add(lane_for(p->first, p->second), level, i);
        }
    };
    for_each_item([](LaneBuilder& b, int level, size_t) { ++b.counts[level]; });
    for (LaneBuilder& b : builders)
        for (int k = 0; k < kLevels; ++k) {
            b.levels[k].start.reserve(b.counts[k]);
            b.levels[k].end.reserve(b.counts[k]);
            b.levels[k].event.reserve(b.counts[k]);
        }
    for_each_item([&](LaneBuilder& b, int level, size_t i) {
        LaneLevel& l = b.levels[level];
        l.start.push_back(table.first[i]);
        l.end.push_back(table.last[i]);
        l.event.push_back(static_cast<uint32_t>(i));
    });

    Timeline t;
    for (size_t i = 0; i < table.size(); ++i)
        t.events += (keep.empty() || keep[i]) && table.actors_begin(i) != table.actors_end(i);

    t.lanes.reserve(builders.size());
    for (LaneBuilder& b : builders) {
        Lane lane = std::move(b.lane);
        bool any = false;
        for (int k = kLevels - 1; k >= 0; --k) {
            LaneLevel& l = b.levels[k];
            if (!l.size()) continue;
            sort_level(l);
            l.finish();
            lane.count += static_cast<uint32_t>(l.size());
            int32_t hi = *std::max_element(l.end.begin(), l.end.end());
            lane.first = any ? std::min(lane.first, l.start.front()) : l.start.front();
            lane.last = any ? std::max(lane.last, hi) : hi;
            any = true;
            lane.levels.push_back(std::move(l));
        }
        t.lanes.push_back(std::move(lane));
    }

    // Groups: one per country with an aggregate lane; a pair lane joins the
    // busier of its two countries.
    std::unordered_map<CountryId, size_t> group_of;
    for (uint32_t li = 0; li < t.lanes.size(); ++li) {
        const Lane& l = t.lanes[li];
        if (!l.aggregate()) continue;
        group_of[l.a] = t.groups.size();
        Group g;
        g.country = l.a;
        g.count = l.count;
        g.header_lane = li;
        t.groups.push_back(std::move(g));
    }
    for (uint32_t li = 0; li < t.lanes.size(); ++li) {
        const Lane& l = t.lanes[li];
        if (l.aggregate()) continue;
        CountryId owner = l.a;
        if (!l.alone()) {
            const Group& ga = t.groups[group_of.at(l.a)];
            const Group& gb = t.groups[group_of.at(l.b)];
            if (gb.count > ga.count || (gb.count == ga.count && table.codes[l.b] < table.codes[l.a])) owner = l.b;
        }
        t.groups[group_of.at(owner)].lanes.push_back(li);
    }
    order_groups(t);
    return t;
}

Timeline filter_timeline(const Timeline& base, const std::vector<uint8_t>& keep, const std::vector<uint8_t>& keep_lane,
                         const EventTable* table, float min_confidence) {
    Timeline t;
    t.lanes.resize(base.lanes.size());
    std::vector<uint8_t> seen;
    for (size_t li = 0; li < base.lanes.size(); ++li) {
        const Lane& from = base.lanes[li];
        Lane& to = t.lanes[li];
        to.a = from.a;
        to.b = from.b;
        if (!keep_lane.empty() && !keep_lane[li]) continue;
        const bool check_pair = table && min_confidence > 0 && !from.aggregate();
        bool any = false;
        for (const LaneLevel& l : from.levels) {
            LaneLevel out;
            out.level = l.level;
            for (size_t i = 0; i < l.size(); ++i) {
                if (!keep.empty() && !keep[l.event[i]]) continue;
                if (check_pair && table->pair_confidence(l.event[i], from.a, from.b) < min_confidence) continue;
                out.start.push_back(l.start[i]);
                out.end.push_back(l.end[i]);
                out.event.push_back(l.event[i]);
            }
            if (!out.size()) continue;
            out.finish();
            to.count += static_cast<uint32_t>(out.size());
            int32_t hi = *std::max_element(out.end.begin(), out.end.end());
            to.first = any ? std::min(to.first, out.start.front()) : out.start.front();
            to.last = any ? std::max(to.last, hi) : hi;
            any = true;
            to.levels.push_back(std::move(out));
        }
    }
    for (const Group& g : base.groups) {
        Group out = g;
        out.lanes.clear();
        for (uint32_t li : g.lanes)
            if (t.lanes[li].count) out.lanes.push_back(li);
        if (!t.lanes[g.header_lane].count && out.lanes.empty()) continue;
        t.groups.push_back(std::move(out));
    }
    // Each event once: the aggregate lanes hold every kept event.
    if (keep.empty()) {
        t.events = base.events;
    } else {
        for (uint8_t k : keep) t.events += k != 0;
    }
    order_groups(t);
    return t;
}

}  // namespace tarikh::viewer
