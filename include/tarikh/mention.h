// A temporal mention found in a document: where it is, what it means.
#pragma once

#include "tarikh/language.h"
#include "tarikh/normalize.h"
#include "tarikh/time.h"

#include <string>
#include <string_view>

namespace tarikh {

// TIMEX3 types: a DURATION or SET is never a date of an event (README, date conventions).
enum class MentionType { Date, Duration, Set };
// How the interval was fixed (DESIGN §5): by the text alone, by the document
// creation time, by the previous dated mention, by a named event, or not at all.
enum class Anchor { Absolute, Document, Previous, NamedEvent, None };

std::string_view to_string(MentionType t);  // "DATE", "DURATION", "SET"
std::string_view to_string(Anchor a);  // "absolute", "document", ...

struct Mention {
    Span span;                    // bytes of the input as given
    MentionType type = MentionType::Date;
    std::string value;            // TIMEX3 label: "2023-12", "199", "2022-H2", "P3DE", "PRESENT_REF", "XXXX-10"
    Interval interval;            // inclusive days; null bounds when unanchored
    Granularity granularity = Granularity::Unknown;
    Mod mod = Mod::None;
    Calendar calendar = Calendar::Gregorian;
    Anchor anchor = Anchor::Absolute;
    std::string event;            // named-event id, empty when none
    std::string event_reason;     // why that event was chosen for an ambiguous name: "year", "duration", "ordinal", "document", "default"; empty when the name is unambiguous
    std::string native;           // the date in its own calendar when not Gregorian, e.g. "1401-12-15"
    int tolerance_days = 0;       // lunar dates: the interval may be off by this much
    float confidence = 1.0f;
};

}  // namespace tarikh
