// What people said about events, as the viewer shows it (tarikh/curation.h).
//
// The table holds each event as shown: a curated event's row carries its
// corrected date, pairs and kind. When a person changes a curation, the row
// is not edited in place (its pairs and sources are packed with every other
// row's): it is marked replaced, the event as now shown is appended, and the
// lanes are built again from the rows in force. The machine's reading of
// every curated event is kept, so a curation can be changed or undone.
#pragma once

#include "event_table.h"

#include "tarikh/curation.h"

#include <cstdint>
#include <optional>
#include <unordered_map>
#include <vector>

namespace tarikh::viewer {

enum RowState : uint8_t {
    kRowShown = 0,
    kRowReplaced = 1,   // a later row shows this event
    kRowDismissed = 2,  // a person dismissed it: shown only when asked
};

struct Curated {
    std::unordered_map<int64_t, Curation> by_event;  // in force, by event id
    std::unordered_map<int64_t, Event> machine;      // the machine's reading of each event curated this session or before
    std::vector<uint8_t> row_state;                  // per table row; empty: every row shown
    std::unordered_map<int64_t, uint32_t> row_of;    // current row of each event shown through this

    const Curation* of(int64_t event_id) const {
        auto it = by_event.find(event_id);
        return it == by_event.end() ? nullptr : &it->second;
    }
    bool any() const { return !row_state.empty(); }
};

// The rows the lanes are built from; empty when every row is.
std::vector<uint8_t> rows_in_force(const Curated& c, size_t rows, bool with_dismissed);

// Shows event `id` as `c` says (nullopt: as the machine read it): its current
// row in `table`, or its entry in `undated`, is replaced by the event as it
// now reads, appended to the table when it has a date and to `undated`
// otherwise. Returns the event's new table row, or -1 when it went to
// `undated`. `id` must be in the table or in `undated`.
int64_t show_as(Curated& cur, EventTable& table, std::vector<Event>& undated, int64_t id,
                const std::optional<Curation>& c);

}  // namespace tarikh::viewer
