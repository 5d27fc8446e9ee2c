// Countries as people type them on the command line: an ISO 3166-1 alpha-2
// code CLDR knows (`AZ`, `az`) or a name in any language the gazetteers know (`Iran`,
// `ایران`, `إيران`, `UK`); pairs of them written with a dash, a slash, a comma
// or a space (`AZ-IL`, `"Azerbaijan-Israel"`, `"آذربایجان و اسرائیل"` is not a
// pair: two names and nothing but separators between them are).
#pragma once

#include "tarikh/event.h"

#include <optional>
#include <string>
#include <string_view>

namespace tarikh::cli {

struct CountryArg {
    std::optional<CountryCode> code;
    std::string problem;  // when there is no code: what is wrong, naming the input
};
CountryArg country_arg(std::string_view text);

struct PairArg {
    std::optional<CountryPair> pair;  // ordered (first <= second); (X, X) for X's own lane
    std::string problem;
};
PairArg pair_arg(std::string_view text);

}  // namespace tarikh::cli
