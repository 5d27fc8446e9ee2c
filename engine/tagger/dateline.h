// The dateline: a complete day standing (almost) alone on one of the first
// or last lines of a document ("date 2025-11-08", "Tuesday, 27 January ,
// 2026"), the document's creation time when the caller gives none.
#pragma once

#include "tagger/raw_date.h"
#include "tagger/tokenize.h"

#include "tarikh/time.h"

#include <cstddef>
#include <optional>
#include <vector>

namespace tarikh::tagger {

// Which ends of a document a text holds: a long document is parsed in parts,
// its first lines in the first part, its last in the last.
enum Ends : unsigned { kFirstLines = 1, kLastLines = 2, kWhole = 3 };

// The dateline among `raws` (the dates found in `tokens`), on the lines
// `ends` says the text holds. `steps`, when given, grows by the tokens and
// dates looked at: linear in the text (it was quadratic on a long line full
// of dates), which tests check without a clock.
std::optional<Day> find_dateline(const std::vector<Token>& tokens, const std::vector<RawDate>& raws, unsigned ends,
                                 size_t* steps = nullptr);

}  // namespace tarikh::tagger
