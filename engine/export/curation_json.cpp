// A curation as JSON: the "curation" of an event in every export, and one
// line of `tarikh curate --export`. One shape for both:
//
// {"verdict":"confirmed","note":"…","updated":"2025-12-06T03:40:12Z",
//  "interval":["2020-09-27","2020-11-10"],"pairs":[["AM","AZ"]],"kind":"military",
//  "machine":{"earliest":"2020-09-01","latest":"2020-11-30","pairs":[["AZ","IR"]],"kind":"other"},
//  "document":"9f0c…","doc":"seeds/002_….txt","date_span":[140,170],"event":41}
//
// "interval", "pairs" and "kind" are present only when the person corrected
// them; "machine" is what the machine read.
#include "export/json_value.h"
#include "tarikh/curation.h"
#include "tarikh/event_json.h"

#include <fmt/format.h>

namespace tarikh {
namespace {

using out_json = nlohmann::ordered_json;
using nlohmann::json;

[[noreturn]] void bad(std::string_view field, std::string_view why) {
    throw EventJsonError(fmt::format("curation \"{}\": {}", field, why));
}

out_json day_or_null(const std::optional<Day>& d) { return d ? out_json(format_iso(*d)) : out_json(nullptr); }

out_json pairs_json(const std::vector<CountryPair>& pairs) {
    out_json a = out_json::array();
    for (const auto& p : pairs) a.push_back(out_json::array({p.first, p.second}));
    return a;
}

std::vector<CountryPair> pairs_of(const json& j, std::string_view field) {
    if (!j.is_array()) bad(field, "expected an array of [code, code]");
    std::vector<CountryPair> out;
    for (const auto& p : j) {
        if (!p.is_array() || p.size() != 2 || !p[0].is_string() || !p[1].is_string()) bad(field, "expected [code, code]");
        CountryPair pair{p[0].get<std::string>(), p[1].get<std::string>()};
        if (pair.second < pair.first) std::swap(pair.first, pair.second);
        out.push_back(std::move(pair));
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

std::string string_of(const json& j, const char* field, bool required) {
    auto it = j.find(field);
    if (it == j.end() || it->is_null()) {
        if (required) bad(field, "missing");
        return {};
    }
    if (!it->is_string()) bad(field, "expected a string");
    return it->get<std::string>();
}

EventKind kind_of(const json& j, std::string_view field) {
    if (!j.is_string()) bad(field, "expected a kind");
    auto k = event_kind_from_string(j.get_ref<const std::string&>());
    if (!k) bad(field, "unknown kind: " + j.get<std::string>());
    return *k;
}

}  // namespace

nlohmann::ordered_json curation_json_value(const Curation& c) {
    out_json j = out_json::object();
    j["verdict"] = to_string(c.verdict);
    j["note"] = c.note;
    j["updated"] = c.updated;
    if (c.interval) j["interval"] = out_json::array({day_or_null(c.interval->earliest), day_or_null(c.interval->latest)});
    if (c.pairs) j["pairs"] = pairs_json(*c.pairs);
    if (c.kind) j["kind"] = to_string(*c.kind);
    out_json machine = out_json::object();
    machine["earliest"] = day_or_null(c.machine_interval.earliest);
    machine["latest"] = day_or_null(c.machine_interval.latest);
    machine["pairs"] = pairs_json(c.machine_pairs);
    machine["kind"] = to_string(c.machine_kind);
    j["machine"] = std::move(machine);
    j["document"] = c.key.document;
    j["doc"] = c.doc;
    j["date_span"] = out_json::array({c.key.date_span.begin, c.key.date_span.end});
    j["event"] = c.event ? out_json(c.event) : out_json(nullptr);
    return j;
}

Curation curation_from_json_value(const nlohmann::json& j) {
    if (!j.is_object()) throw EventJsonError("curation: expected a JSON object");
    Curation c;
    const std::string verdict = string_of(j, "verdict", false);
    if (!verdict.empty()) {
        auto v = verdict_from_string(verdict);
        if (!v) bad("verdict", "expected unchecked, confirmed or dismissed: " + verdict);
        c.verdict = *v;
    }
    c.note = string_of(j, "note", false);
    c.updated = string_of(j, "updated", false);
    if (auto it = j.find("interval"); it != j.end() && !it->is_null()) {
        if (!it->is_array() || it->size() != 2) bad("interval", "expected [earliest, latest]");
        Interval iv{day_from_json((*it)[0], "interval"), day_from_json((*it)[1], "interval")};
        if (!iv.anchored() || *iv.latest < *iv.earliest) bad("interval", "expected two ISO dates, the first not after the second");
        c.interval = iv;
    }
    if (auto it = j.find("pairs"); it != j.end() && !it->is_null()) {
        c.pairs = pairs_of(*it, "pairs");
        if (c.pairs->empty()) bad("pairs", "a correction names at least one pair");
    }
    if (auto it = j.find("kind"); it != j.end() && !it->is_null()) c.kind = kind_of(*it, "kind");
    if (auto it = j.find("machine"); it != j.end() && it->is_object()) {
        const json& m = *it;
        if (auto e = m.find("earliest"); e != m.end()) c.machine_interval.earliest = day_from_json(*e, "machine.earliest");
        if (auto l = m.find("latest"); l != m.end()) c.machine_interval.latest = day_from_json(*l, "machine.latest");
        if (auto p = m.find("pairs"); p != m.end()) c.machine_pairs = pairs_of(*p, "machine.pairs");
        if (auto k = m.find("kind"); k != m.end()) c.machine_kind = kind_of(*k, "machine.kind");
    }
    c.key.document = string_of(j, "document", true);
    c.doc = string_of(j, "doc", false);
    if (c.doc.empty()) c.doc = c.key.document;
    auto span = j.find("date_span");
    if (span == j.end()) bad("date_span", "missing");
    c.key.date_span = span_from_json(*span, "date_span");
    if (auto it = j.find("event"); it != j.end() && it->is_number_integer()) c.event = it->get<int64_t>();
    return c;
}

std::string curation_to_json(const Curation& c) { return dump_json(curation_json_value(c)); }

Curation curation_from_json(std::string_view line) { return curation_from_json_value(parse_json_line(line)); }

}  // namespace tarikh
