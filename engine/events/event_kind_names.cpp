// The names of event kinds, as they appear in event JSON and in --kind.
#include "tarikh/event.h"

#include <array>
#include <utility>

namespace tarikh {
namespace {

constexpr std::array<std::pair<EventKind, std::string_view>, 6> kNames = {{
    {EventKind::Diplomatic, "diplomatic"},
    {EventKind::Military, "military"},
    {EventKind::Security, "security"},
    {EventKind::Energy, "energy"},
    {EventKind::Economy, "economy"},
    {EventKind::Other, "other"},
}};

}  // namespace

std::string_view to_string(EventKind k) {
    for (const auto& [kind, name] : kNames)
        if (kind == k) return name;
    return "other";
}

std::optional<EventKind> event_kind_from_string(std::string_view s) {
    for (const auto& [kind, name] : kNames)
        if (name == s) return kind;
    return std::nullopt;
}

}  // namespace tarikh
