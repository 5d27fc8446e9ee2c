// nlohmann::json forms of events, shared by event_json.cpp and the exports.
#pragma once

#include "tarikh/event.h"

#include <nlohmann/json.hpp>

#include <string>

namespace tarikh {

// Written in the order of the shape (ordered_json keeps insertion order).
nlohmann::ordered_json event_json_value(const Event& e);
// Field readers shared by the JSON of events and curations; they throw
// EventJsonError naming `field`.
std::optional<Day> day_from_json(const nlohmann::json& v, std::string_view field);  // "2023-10-07" or null
Span span_from_json(const nlohmann::json& v, std::string_view field);               // [begin, end]
// One JSON value from a line; throws EventJsonError when it is not JSON.
nlohmann::json parse_json_line(std::string_view text);

// An event's "curation" (curation_json.cpp).
nlohmann::ordered_json curation_json_value(const Curation& c);
Curation curation_from_json_value(const nlohmann::json& j);

// Serializes with invalid UTF-8 replaced by U+FFFD (nlohmann throws on it by default).
std::string dump_json(const nlohmann::ordered_json& j, int indent = -1);

}  // namespace tarikh
