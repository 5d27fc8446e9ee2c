// Lanes: one per country pair, one per country on its own, and one per
// country holding everything it took part in (the row of its group header,
// which still shows the country's activity when the group is collapsed).
//
// Tracy keeps each lane's items sorted by start and finds the visible ones
// with two binary searches; that works because its zones never overlap within
// a row. Dated events overlap freely (a century contains its decades), so a
// lane is split into levels by length: level k holds events of 2^k to
// 2^(k+1)-1 days. An event of level k that overlaps [t0, t1) starts in
// (t0 - 2^(k+1), t1), so each level keeps the binary search, and when every
// event of a level is narrower than a few pixels the whole level folds into
// density marks (lod.h).
#pragma once

#include "event_table.h"

#include <cstdint>
#include <limits>
#include <vector>

namespace tarikh::viewer {

constexpr CountryId kNoCountry = std::numeric_limits<CountryId>::max();

struct LaneLevel {
    int level = 0;                // lengths in [2^level, 2^(level+1)) days
    std::vector<int32_t> start;   // sorted
    std::vector<int32_t> end;     // inclusive last day
    std::vector<uint32_t> event;  // index into the EventTable
    // Maximum `end` of each block of kBlock items: the furthest reach of a run
    // of items costs a block per kBlock items instead of one step per item.
    std::vector<int32_t> block_max_end;
    static constexpr size_t kBlock = 32;

    int32_t max_length() const { return (int32_t{2} << level) - 1; }
    size_t size() const { return start.size(); }
    // max(end[i..j)) for i < j.
    int32_t max_end(size_t i, size_t j) const;
    void finish();  // builds block_max_end
};

struct Lane {
    CountryId a = kNoCountry, b = kNoCountry;  // a pair; a == b alone; b == kNoCountry: everything of a
    uint32_t count = 0;
    int32_t first = 0, last = 0;  // extent of its events
    std::vector<LaneLevel> levels;  // longest first: long bars are drawn under short ones

    bool aggregate() const { return b == kNoCountry; }
    bool alone() const { return a == b; }
};

struct Group {
    CountryId country = kNoCountry;
    uint32_t count = 0;             // events with this country among the actors
    uint32_t header_lane = 0;       // the aggregate lane
    std::vector<uint32_t> lanes;    // the country alone and its pairs, by count
};

struct Timeline {
    std::vector<Lane> lanes;
    std::vector<Group> groups;  // by count, most events first
    size_t events = 0;          // events drawn (each counted once)
    int32_t first = 0, last = 0;
};

// Builds the lanes of the events whose `keep` is set (all when `keep` is
// empty). A pair lane goes to the group of its busier country, so each lane
// appears once; the group's header row still counts and draws all of a
// country's events. Lanes with no events are left out.
Timeline build_timeline(const EventTable& table, const std::vector<uint8_t>& keep = {});

// The same lanes with only the events whose `keep` is set, and only the lanes
// whose `keep_lane` is set (all when empty): filters run on a million events
// without sorting again. Groups keep their lanes and are reordered by the
// counts that remain. With `min_confidence`, a pair's lane keeps an event
// only where that pair is at least that sure (`table` says how sure).
Timeline filter_timeline(const Timeline& base, const std::vector<uint8_t>& keep,
                         const std::vector<uint8_t>& keep_lane = {}, const EventTable* table = nullptr,
                         float min_confidence = 0);

// Which level an event of `length` days belongs to.
int level_of_length(int32_t length);

}  // namespace tarikh::viewer
