// TimeML output: a parsed document with its date mentions as TIMEX3 tags
// (ISO-TimeML), so TempEval tools and TimeML corpora tools can read tarikh.
#pragma once

#include "tarikh/parser.h"

#include <string>
#include <string_view>

namespace tarikh {

// One complete TimeML document: <DOCID>, the DCT (when known) as TIMEX3 t0
// with functionInDocument="CREATION_TIME", and <TEXT> holding `text` exactly
// as given (XML-escaped; invalid UTF-8 and characters XML forbids become
// U+FFFD) with each mention of `r` wrapped in a TIMEX3: tid, type, value, mod,
// and anchorTimeID="t0" when the DCT fixed it. A mention whose interval its
// value cannot say (a range, a Solar Hijri or Hijri month, a named war, a
// duration anchored on the DCT) is a DURATION whose beginPoint and endPoint
// are empty TIMEX3 tags holding its first and last day, as TimeBank writes
// such spans.
std::string document_to_timeml(const ParseResult& r, std::string_view doc, std::string_view text);

}  // namespace tarikh
