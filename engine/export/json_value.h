// nlohmann::json forms of events, shared by event_json.cpp and the exports.
#pragma once

#include "tarikh/event.h"

#include <nlohmann/json.hpp>

#include <string>

namespace tarikh {

// Written in the order of the shape (ordered_json keeps insertion order).
nlohmann::ordered_json event_json_value(const Event& e);
Event event_from_json_value(const nlohmann::json& j);
// An event's "curation" (curation_json.cpp).
nlohmann::ordered_json curation_json_value(const Curation& c);
Curation curation_from_json_value(const nlohmann::json& j);

// Serializes with invalid UTF-8 replaced by U+FFFD (nlohmann throws on it by default).
std::string dump_json(const nlohmann::ordered_json& j, int indent = -1);

}  // namespace tarikh
