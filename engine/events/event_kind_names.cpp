// The names of event kinds, as they appear in event JSON and in --kind.
#include "events/name_table.h"
#include "tarikh/event.h"

namespace tarikh {
namespace {

constexpr events::NameTable<EventKind, 6> kNames = {{
    {EventKind::Diplomatic, "diplomatic"},
    {EventKind::Military, "military"},
    {EventKind::Security, "security"},
    {EventKind::Energy, "energy"},
    {EventKind::Economy, "economy"},
    {EventKind::Other, "other"},
}};

}  // namespace

std::string_view to_string(EventKind k) { return events::name_in(kNames, k, "other"); }

std::optional<EventKind> event_kind_from_string(std::string_view s) { return events::value_in(kNames, s); }

}  // namespace tarikh
