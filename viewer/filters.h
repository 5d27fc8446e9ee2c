// Filters: text, kinds, actors and pairs, date range. They decide which
// events stay and which lanes are shown; the lanes are then rebuilt from the
// unfiltered ones without sorting (lanes.h), and export takes the same set.
#pragma once

#include "countries.h"
#include "event_table.h"
#include "lanes.h"

#include "tarikh/messages.h"

#include <string>
#include <vector>

namespace tarikh::viewer {

struct Filter {
    std::string text;          // words that must all occur in the sentence (letter variants folded)
    uint8_t kinds = 0x3F;      // bit k: EventKind k is shown
    std::string who;           // "IR, Azerbaijan-Israel, Rusya": actors and pairs, by code or name
    std::string from, to;      // anything `parse` reads ("2020", "Mehr 1402"), or "500 BCE"; overlap with the range
    float min_confidence = 0;  // pairs less sure than this are hidden, and events left with none

    bool active() const {
        return !text.empty() || kinds != 0x3F || !who.empty() || !from.empty() || !to.empty() || min_confidence > 0;
    }
    friend bool operator==(const Filter&, const Filter&) = default;
};

struct FilterResult {
    std::vector<uint8_t> keep;       // per event; empty: all
    std::vector<uint8_t> keep_lane;  // per lane of the unfiltered timeline; empty: all
    size_t kept = 0;                 // events that pass
    std::string problem;             // what was not understood ("no country 'Atlantis'"); filter still applied
};

// `words` says what was not understood, in the UI's language.
FilterResult apply_filter(const Filter& f, const EventTable& table, const Timeline& base, const CountryNames& names,
                          const Messages& words = Messages::of("en"));

}  // namespace tarikh::viewer
