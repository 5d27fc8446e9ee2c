// Which date mentions of a document make events, and which part of a
// sentence each one dates.
//
// A sentence with one date is one clause. A sentence with several dates is
// cut between them at the last clause mark (, ; : and the Arabic comma and semicolon U+060C, U+061B) before each date, so
// "in 2018, Aliyev … Ankara and Jerusalem, after the 2020 Karabakh war, …" gives a
// 2018 clause and a 2020 clause. Dates with no mark between them ("in the years
// 2021 and 2022") share their clause.
#pragma once

#include "events/participant_cues.h"
#include "tarikh/event.h"
#include "tarikh/mention.h"
#include "tarikh/parser.h"

#include <string_view>
#include <vector>

namespace tarikh::events {

// The mentions that can date an event, in order: not the document's dateline
// ("date 2025-11-08", "Tuesday, 27 January , 2026": it dates the document,
// not what the text reports), not a bare duration ("for three days"), not a
// mention inside another one (the parts of a range belong to the range).
std::vector<const Mention*> dating_mentions(const std::vector<Mention>& mentions, std::string_view text);

// A dateline: a whole day that opens the document (at most one word, such as
// "date", before it) or closes it on a line of its own.
bool is_dateline(const Mention& m, std::string_view text);

// A wire dateline that opens the document: "TAUPO, New Zealand, March 24 -",
// "Dubai, United Arab Emirates (CNN)--", "al-Quds (CNN)--": up to four short
// items (a city, a country, a date) separated by commas, ending at a dash or
// at an outlet in brackets. Its countries say where the report was filed, not who took part;
// its date dates the lead sentence. {0, 0} when the document has none.
Span opening_dateline(std::string_view text);

// Two mentions side by side with nothing but spaces and brackets between them
// and overlapping intervals name one time twice ("the second intifada (2000-2004)",
// "the Abraham Accords in 2020"): keeps the finer one (then the one the text
// states outright), so the time gives one event, not two.
std::vector<const Mention*> merge_restatements(const std::vector<const Mention*>& mentions, std::string_view text);

struct DatedClause {
    Span span;                             // bytes of the input: a clause of the sentence, or all of it
    std::vector<const Mention*> mentions;  // the dates it holds, in order
};

// Whether `date` restates the named event `name` a few words after it, in
// its clause or a relative clause of it, saying when it happened or began
// ("the Iranian nuclear deal reached in 2015", "the Iran-Iraq war,
// which began in 1980"): one event, dated as the text states it, of the
// named thing's phrase. `cues`: the sentence's participant cues (relative
// pronouns).
bool restates(std::string_view text, const Mention& name, const Mention& date, const std::vector<CueHit>& cues);

struct Restatement {
    const Mention* name;
    const Mention* date;
};
// Takes out of `mentions` (one sentence's, in order) each date that restates
// the named event before it, and returns the pairs.
std::vector<Restatement> restatements(std::vector<const Mention*>& mentions, std::string_view text,
                                      const std::vector<CueHit>& cues);

// The part of `clause` between the clause marks around `mention`: a war or
// an accord named in passing dates its own phrase, not the sentence's act.
Span phrase_around(std::string_view text, Span clause, Span mention);

// The pairs of a named war or accord: where its name holds two countries or
// more ("the Iraqi-Iranian war"), theirs (`inside`); where it holds one
// ("the Gaza war", "the US withdrawal from the nuclear deal"), the pairs of its
// phrase that include it, or it alone; where it holds none, its phrase's.
std::vector<Participants> of_the_named(std::vector<Participants> phrase, std::vector<Participants> inside);

// Cuts `sentence` into one clause per group of mentions (all inside the sentence, in order).
std::vector<DatedClause> dated_clauses(std::string_view text, Span sentence,
                                       const std::vector<const Mention*>& mentions);

}  // namespace tarikh::events
