// An event's time as a person says it, never as a TIMEX code: "7 October
// 2023", "October 2023", "summer 2018", "Mehr 1402", "Ramadan 1445", "1990s",
// "early 1990s", "Q1 2023", "20th century", "27 September – 10 November
// 2020", "undated" — in the words of a language (messages.h).
//
// The unit is read from the interval, the granularity and the TIMEX value
// together: a Solar Hijri month is an interval from 1 Mehr to 30 Mehr (its
// value is a range of days), a Gregorian season is "2018-SU", an early decade
// keeps the whole decade in its value ("199") while its interval is the
// first third.
#pragma once

#include "tarikh/event.h"
#include "tarikh/messages.h"

#include <string>
#include <string_view>

namespace tarikh {

std::string human_date(const Interval& iv, Granularity g, Mod mod, std::string_view value, const Messages& words);
std::string human_date(const Event& e, const Messages& words);

}  // namespace tarikh
