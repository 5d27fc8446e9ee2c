// What people type where the engine wants a date or a country (the CLI's
// flags, the viewer's filters and corrections), read whole: a text that is
// not entirely one date or one country is refused with the reason, never
// guessed from the part that is one ("2023-13-01" is not 2023).
#pragma once

#include "tarikh/event.h"

#include <optional>
#include <string>
#include <string_view>

namespace tarikh {

// ISO (2023-10-07, 2023-10, 2023) or anything `tarikh parse` reads
// ("فروردین ۱۴۰۲", "October 2023", "from 27 September to 10 November 2020"):
// the interval of the one date mention that is the whole text. Otherwise
// nullopt, and `why` says what was found instead ("only \"2023\" in it is a date").
std::optional<Interval> date_from_user(const std::string& text, std::string* why = nullptr);

// A country: an ISO 3166-1 alpha-2 code CLDR knows (AZ, az) or a name in any
// language the gazetteers know (Iran, ایران, إيران, UK).
struct CountryArg {
    std::optional<CountryCode> code;
    std::string problem;  // when there is no code: what is wrong, naming the input
};
CountryArg country_from_user(std::string_view text);

// A pair: two countries with a dash, slash, comma or space between them
// (AZ-IL, "Azerbaijan-Israel", "Israel / AZ"); one country is its own lane.
struct PairArg {
    std::optional<CountryPair> pair;  // ordered (first <= second); (X, X) for X's own lane
    std::string problem;
};
PairArg pair_from_user(std::string_view text);

}  // namespace tarikh
