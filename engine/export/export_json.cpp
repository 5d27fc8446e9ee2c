// `tarikh export --format json`: the events with the query that chose them.
#include "export/json_value.h"
#include "tarikh/event_json.h"
#include "tarikh/export.h"

#include <fmt/format.h>

#include <algorithm>

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
    j["dismissed"] = q.dismissed;
    j["checked"] = q.checked;
    j["limit"] = q.limit ? json(q.limit) : json(nullptr);
    return j;
}

}  // namespace

std::string_view generator_name() { return "tarikh 0.1.0"; }

std::string query_to_json(const EventQuery& query) { return dump_json(query_json_value(query)); }

std::string describe_query(const EventQuery& q) {
    std::string out;
    if (q.undated) {
        out = "undated events";
    } else if (q.from || q.to) {
        const std::string a = q.from ? format_iso(*q.from) : "the beginning";
        const std::string b = q.to ? format_iso(*q.to) : "the end";
        out = fmt::format("events {} {} \u2026 {}", q.within ? "within" : "overlapping", a, b);
    } else {
        out = "all dated events";
    }
    if (q.pair) out += fmt::format(" in the lane {} ({})", pair_label(*q.pair), pair_key(*q.pair));
    if (q.actor) out += fmt::format(" {} {} ({})", q.pair ? "with" : "involving", country_name(*q.actor), *q.actor);
    if (q.kind) out += fmt::format(", kind {}", to_string(*q.kind));
    if (!q.text.empty()) out += fmt::format(", with the words \"{}\"", q.text);
    if (q.min_confidence > 0) out += fmt::format(", pairs at least {:.2f} sure", q.min_confidence);
    if (q.checked) out += ", checked by a person";
    if (q.dismissed) out += ", dismissed ones included";
    return out;
}

std::string export_json(const std::vector<Event>& events, const EventQuery& query, const ExportOptions& options) {
    json doc = json::object();
    doc["generator"] = generator_name();
    if (!options.title.empty()) doc["title"] = options.title;
    doc["query"] = query_json_value(query);
    doc["checked"] = std::count_if(events.begin(), events.end(), [](const Event& e) { return e.curation.has_value(); });
    json list = json::array();
    for (const auto& e : events) list.push_back(event_json_value(e));
    doc["events"] = std::move(list);
    return dump_json(doc, 1) + "\n";
}

}  // namespace tarikh
