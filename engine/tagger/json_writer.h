#pragma once
// A JSON writer that appends straight to a std::string, for output written per
// mention: building an nlohmann::json object per mention and dumping it cost
// ~11% of `tarikh parse`. Its bytes are exactly those of nlohmann's
// dump(-1, ' ', false, error_handler_t::replace), so the output format does not
// depend on which writer made it (json_writer_test checks this against nlohmann).

#include <string>
#include <string_view>

namespace tarikh::json_out {

// `s` as a JSON string: quotes, backslashes and control characters escaped,
// valid UTF-8 passed through, each ill-formed sequence replaced by U+FFFD at
// the point nlohmann replaces it.
void append_string(std::string& out, std::string_view s);

// Integers as plain decimals.
void append_integer(std::string& out, long long v);

// A double the way nlohmann prints it: shortest round-trip digits, decimal
// notation for exponents -4 < n <= 15 (".0" added when integral), otherwise
// d.ddde+XX; null when not finite.
void append_double(std::string& out, double v);

}  // namespace tarikh::json_out
