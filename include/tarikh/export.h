// Chronology exports (issue 3 §5): a JSON document of events, and a file
// TimelineJS3 loads as it is. Both are valid JSON whatever the text holds.
#pragma once

#include "tarikh/event.h"
#include "tarikh/store.h"

#include <string>
#include <string_view>
#include <vector>

namespace tarikh {

// "tarikh 0.1.0": the "generator" of exported files.
std::string_view generator_name();

struct ExportOptions {
    std::string title;  // the chronology's title; empty: one made from the query ("Azerbaijan–Israel, 2019–2024")
};

// {"generator":…,"title"?:…,"query":{…},"checked":N,"events":[event JSON…]},
// pretty-printed; "checked" counts the events a person checked.
std::string export_json(const std::vector<Event>& events, const EventQuery& query, const ExportOptions& options = {});

// The query's filters as a JSON object: {"from","to","within","pair","actor",
// "kind","text","undated","limit"} with null for absent ones.
std::string query_to_json(const EventQuery& query);

// TimelineJS3 JSON: {"title": slide, "events": [slide…]}. One slide per event
// and pair (its lane, the slide's "group"), up to three pairs; an event in
// more lanes (a sentence listing many countries) gets one slide, grouped under
// its countries ("Kazakhstan, Tajikistan, Georgia, Pakistan"); start_date/end_date carry year,
// month and day only as far as the interval is exact (a Gregorian month gives
// year+month, a Solar Hijri month its days). Undated events have no place on
// a timeline and are counted in the title slide.
//
// Each slide's headline reads as one: the lane and the clause that holds the
// date, in the sentence's language ("Azerbaijan–Israel: signed an energy
// agreement in Baku on 7 December 2023"); its body is the sentence with the
// date marked, the date as a person says it (also the slide's display_date:
// "summer 2018", "Mehr 1402"), the kind and the sources, and whether a person
// checked it. The title slide is the title, how many events over what time
// and lanes, how many a person checked, and the filters in words.
std::string export_timelinejs(const std::vector<Event>& events, const EventQuery& query,
                              const ExportOptions& options = {});

// What a query asks, in words: "events overlapping 2023-10-01 … 2023-10-31
// in the lane Azerbaijan–Israel (AZ-IL), kind military".
std::string describe_query(const EventQuery& q);

// The lanes an event is shown in for a query: all its pairs, or only the
// queried pair, or only the pairs that include the queried actor.
std::vector<CountryPair> lanes_for(const Event& e, const EventQuery& query);

// Valid UTF-8 `text` on one line, as a headline or a table shows a sentence:
// its first `max_chars` code points, each run of line breaks and tabs one
// space (none leading), and "…" when it was cut. Other control characters
// (ESC…) and bidi embeddings, overrides and isolates are dropped: they would
// steer the terminal or reorder the rest of the line.
std::string one_line(std::string_view text, size_t max_chars);

// The clause of a sentence that holds its date ([date_begin, date_end) are
// bytes of `text`): from the clause mark before the date (the marks the
// extractor cuts clauses at, or the sentence's start) to a mark after it,
// taking in the next clauses while it has fewer than `enough_words` words;
// trimmed, without a final stop. `text` itself when the date is not in it.
// What a headline or a lane label says of an event.
std::string_view date_clause(std::string_view text, size_t date_begin, size_t date_end, size_t enough_words = 8);

// English name of a country for a label (CLDR, tarikh/actors.h); the code
// itself when unknown.
std::string country_name(std::string_view code);
// "Azerbaijan–Israel" (en dash); "Azerbaijan" for the country's own lane.
std::string pair_label(const CountryPair& pair);

}  // namespace tarikh
