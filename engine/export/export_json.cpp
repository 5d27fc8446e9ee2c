// `tarikh export --format json`: the events with the query that chose them.
#include "export/json_value.h"
#include "tarikh/event_json.h"
#include "tarikh/export.h"

namespace tarikh {
namespace {

using json = nlohmann::ordered_json;

json query_json_value(const EventQuery& q) {
    auto day = [](const std::optional<Day>& d) { return d ? json(format_iso(*d)) : json(nullptr); };
    json j = json::object();
    j["from"] = day(q.from);
    j["to"] = day(q.to);
    j["within"] = q.within;
    j["pair"] = q.pair ? json::array({q.pair->first, q.pair->second}) : json(nullptr);
    j["actor"] = q.actor ? json(*q.actor) : json(nullptr);
    j["kind"] = q.kind ? json(to_string(*q.kind)) : json(nullptr);
    j["text"] = q.text.empty() ? json(nullptr) : json(q.text);
    j["undated"] = q.undated;
    j["limit"] = q.limit ? json(q.limit) : json(nullptr);
    return j;
}

}  // namespace

std::string_view generator_name() { return "tarikh 0.1.0"; }

std::string query_to_json(const EventQuery& query) { return dump_json(query_json_value(query)); }

std::string export_json(const std::vector<Event>& events, const EventQuery& query) {
    json doc = json::object();
    doc["generator"] = generator_name();
    doc["query"] = query_json_value(query);
    json list = json::array();
    for (const auto& e : events) list.push_back(event_json_value(e));
    doc["events"] = std::move(list);
    return dump_json(doc, 1) + "\n";
}

}  // namespace tarikh
