#include "tarikh/event_json.h"

#include "export/json_value.h"
#include "text/utf8.h"

#include "tarikh/parser.h"

#include <fmt/format.h>
#include <simdjson.h>

#include <algorithm>
#include <cmath>

namespace tarikh {
namespace {

using nlohmann::json;
using out_json = nlohmann::ordered_json;

out_json iso_or_null(const std::optional<Day>& d) { return d ? out_json(format_iso(*d)) : out_json(nullptr); }

out_json span_json(const Span& s) { return out_json::array({s.begin, s.end}); }

[[noreturn]] void bad(std::string_view field, std::string_view why) {
    throw EventJsonError(fmt::format("\"{}\": {}", field, why));
}

// A country code: [A-Z0-9]{2,8} once upper-cased. Codes are joined with
// spaces and '-' in the store and printed in tables and CSV as they are, so
// nothing else (no comma, quote, control or escape character) gets in.
CountryCode country_code(std::string_view given, const char* field) {
    std::string c(given);
    for (auto& ch : c) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    const bool valid = c.size() >= 2 && c.size() <= 8 &&
                       std::all_of(c.begin(), c.end(), [](char ch) { return (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9'); });
    // Shown escaped and short: the code may hold anything.
    if (!valid) bad(field, "not a country code ([A-Z0-9]{2,8}): " + json(c.substr(0, 16)).dump(-1, ' ', true, json::error_handler_t::replace));
    return c;
}

std::optional<Day> day_from_text(std::string_view text, std::string_view field) {
    auto d = parse_iso(text);
    if (!d) bad(field, "not an ISO date (YYYY-MM-DD): " + std::string(text));
    return d;
}

Span span_of(uint64_t b, uint64_t e, std::string_view field) {
    if (b > e || e > UINT32_MAX) bad(field, "expected begin <= end");
    return {static_cast<uint32_t>(b), static_cast<uint32_t>(e)};
}

// Lanes follow from the participants; pairs given beside them must agree.
void check_pairs_match_participants(const Event& e) {
    std::vector<CountryPair> given = e.pairs, lanes;
    for (auto& g : given)
        if (g.second < g.first) std::swap(g.first, g.second);
    for (const auto& p : e.participants) lanes.push_back(p.lane());
    std::sort(given.begin(), given.end());
    given.erase(std::unique(given.begin(), given.end()), given.end());
    std::sort(lanes.begin(), lanes.end());
    lanes.erase(std::unique(lanes.begin(), lanes.end()), lanes.end());
    if (!given.empty() && given != lanes) bad("pairs", "do not match the participants");
}

}  // namespace

std::optional<Day> day_from_json(const json& v, std::string_view field) {
    if (v.is_null()) return std::nullopt;
    if (!v.is_string()) bad(field, "expected an ISO date or null");
    return day_from_text(v.get_ref<const std::string&>(), field);
}

Span span_from_json(const json& j, std::string_view field) {
    if (!j.is_array() || j.size() != 2 || !j[0].is_number_unsigned() || !j[1].is_number_unsigned())
        bad(field, "expected [begin, end] byte offsets");
    return span_of(j[0].get<uint64_t>(), j[1].get<uint64_t>(), field);
}

std::optional<Lang> lang_from_string(std::string_view s) { return find_language(s); }

std::string pair_key(const CountryPair& p) {
    return p.first == p.second ? p.first : p.first + "-" + p.second;
}

void normalize_actors(Event& e) {
    if (!e.participants.empty()) {
        // The participants decide the lanes: one per pair, the surest reading
        // of a pair given twice.
        for (Participants& p : e.participants)
            if (!p.directed && p.target < p.source) std::swap(p.source, p.target);
        std::stable_sort(e.participants.begin(), e.participants.end(), [](const Participants& a, const Participants& b) {
            return a.lane() != b.lane() ? a.lane() < b.lane() : a.confidence > b.confidence;
        });
        e.participants.erase(std::unique(e.participants.begin(), e.participants.end(),
                                         [](const Participants& a, const Participants& b) { return a.lane() == b.lane(); }),
                             e.participants.end());
        e.pairs.clear();
        for (const Participants& p : e.participants) {
            e.pairs.push_back(p.lane());
            e.actors.push_back(p.source);
            e.actors.push_back(p.target);
        }
    }
    std::sort(e.actors.begin(), e.actors.end());
    e.actors.erase(std::unique(e.actors.begin(), e.actors.end()), e.actors.end());
    if (e.pairs.empty()) {
        if (e.actors.size() == 1) e.pairs.emplace_back(e.actors[0], e.actors[0]);
        for (size_t i = 0; i < e.actors.size(); ++i)
            for (size_t j = i + 1; j < e.actors.size(); ++j) e.pairs.emplace_back(e.actors[i], e.actors[j]);
    }
    for (auto& p : e.pairs)
        if (p.second < p.first) std::swap(p.first, p.second);
    std::sort(e.pairs.begin(), e.pairs.end());
    e.pairs.erase(std::unique(e.pairs.begin(), e.pairs.end()), e.pairs.end());
    if (e.participants.empty()) {
        // Pairs given without participants (older JSON): no direction, no cue.
        // Their countries take part, so they are actors as well: otherwise the
        // participants written back would add them on the next read.
        for (const CountryPair& p : e.pairs) {
            e.participants.push_back({p.first, p.second, false,
                                      p.first == p.second ? PairCue::Alone : PairCue::Unspecified, e.confidence});
            e.actors.push_back(p.first);
            e.actors.push_back(p.second);
        }
        std::sort(e.actors.begin(), e.actors.end());
        e.actors.erase(std::unique(e.actors.begin(), e.actors.end()), e.actors.end());
    }
}

void replace_pairs(Event& e, const std::vector<CountryPair>& pairs) {
    std::vector<Participants> kept;
    for (CountryPair p : pairs) {
        if (p.second < p.first) std::swap(p.first, p.second);
        auto it = std::find_if(e.participants.begin(), e.participants.end(),
                               [&](const Participants& x) { return x.lane() == p; });
        if (it != e.participants.end()) kept.push_back(*it);
        else kept.push_back({p.first, p.second, false, p.first == p.second ? PairCue::Alone : PairCue::Unspecified, 1.0f});
    }
    e.participants = std::move(kept);
    e.pairs.clear();
    e.actors.clear();
    normalize_actors(e);
}

std::string valid_utf8(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    const auto* p = reinterpret_cast<const uint8_t*>(s.data());
    size_t i = 0;
    while (i < s.size()) {
        if (p[i] < 0x80) {
            out += static_cast<char>(p[i++]);
            continue;
        }
        const text::Decoded d = text::decode_multibyte(p + i, s.size() - i);
        if (d.len == 0) {
            out += "\xEF\xBF\xBD";
            ++i;
        } else {
            out.append(s.data() + i, d.len);
            i += d.len;
        }
    }
    return out;
}

std::string dump_json(const nlohmann::ordered_json& j, int indent) {
    return j.dump(indent, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

nlohmann::ordered_json event_json_value(const Event& e) {
    out_json actors = out_json::array();
    for (const auto& a : e.actors) actors.push_back(a);
    out_json pairs = out_json::array();
    for (const auto& p : e.pairs) pairs.push_back(out_json::array({p.first, p.second}));
    out_json sources = out_json::array();
    for (const auto& s : e.sources) {
        out_json src = out_json::object();
        src["doc"] = s.doc;
        src["span"] = span_json(s.span);
        src["date_span"] = span_json(s.date_span);
        sources.push_back(std::move(src));
    }
    out_json j = out_json::object();
    j["id"] = e.id ? out_json(e.id) : out_json(nullptr);
    j["earliest"] = iso_or_null(e.interval.earliest);
    j["latest"] = iso_or_null(e.interval.latest);
    j["value"] = e.value;
    j["granularity"] = to_string(e.granularity);
    if (e.mod != Mod::None) j["mod"] = to_string(e.mod);
    j["actors"] = std::move(actors);
    j["pairs"] = std::move(pairs);
    out_json participants = out_json::array();
    for (const auto& p : e.participants) {
        out_json o = out_json::object();
        o["source"] = p.source;
        o["target"] = p.target;
        o["directed"] = p.directed;
        o["cue"] = to_string(p.cue);
        o["confidence"] = std::round(double{p.confidence} * 100.0) / 100.0;
        participants.push_back(std::move(o));
    }
    j["participants"] = std::move(participants);
    j["kind"] = to_string(e.kind);
    j["text"] = e.text;
    j["lang"] = to_string(e.lang);
    // Two decimals: a float's binary noise (0.8999999761…) says nothing.
    j["confidence"] = std::round(double{e.confidence} * 100.0) / 100.0;
    j["sources"] = std::move(sources);
    // Only on events a person checked: what they said, what the machine read.
    if (e.curation) j["curation"] = curation_json_value(*e.curation);
    return j;
}

namespace {

namespace sj = simdjson::dom;

// The fields of an event object, each the last of its name (as a JSON object
// read into a map keeps it), found in one pass.
struct EventFields {
    std::optional<sj::element> id, earliest, latest, value, granularity, mod, actors, pairs, participants, kind, text,
        lang, confidence, sources;
};

using Field = std::optional<sj::element> EventFields::*;
constexpr std::pair<std::string_view, Field> kEventFields[] = {
    {"id", &EventFields::id},           {"earliest", &EventFields::earliest},
    {"latest", &EventFields::latest},   {"value", &EventFields::value},
    {"granularity", &EventFields::granularity}, {"mod", &EventFields::mod},
    {"actors", &EventFields::actors},   {"pairs", &EventFields::pairs},
    {"participants", &EventFields::participants}, {"kind", &EventFields::kind},
    {"text", &EventFields::text},       {"lang", &EventFields::lang},
    {"confidence", &EventFields::confidence}, {"sources", &EventFields::sources},
};

EventFields fields_of(sj::object o) {
    EventFields f;
    for (auto field : o)
        for (const auto& [name, member] : kEventFields)
            if (field.key == name) {
                f.*member = field.value;
                break;
            }
    return f;
}

std::optional<sj::element> field_of(sj::object o, std::string_view name) {
    std::optional<sj::element> found;
    for (auto field : o)
        if (field.key == name) found = field.value;
    return found;
}

bool is_number(const sj::element& v) { return v.is_int64() || v.is_uint64() || v.is_double(); }

std::string read_string(const std::optional<sj::element>& v, const char* field, bool required) {
    if (!v || v->is_null()) {
        if (required) bad(field, "missing");
        return {};
    }
    if (!v->is_string()) bad(field, "expected a string");
    return std::string(v->get_string().value_unsafe());
}

std::optional<Day> read_day(const std::optional<sj::element>& v, std::string_view field) {
    if (!v || v->is_null()) return std::nullopt;
    if (!v->is_string()) bad(field, "expected an ISO date or null");
    return day_from_text(v->get_string().value_unsafe(), field);
}

CountryCode read_code(const sj::element& v, const char* field) {
    if (!v.is_string()) bad(field, "expected country codes (strings)");
    return country_code(v.get_string().value_unsafe(), field);
}

Span read_span(const sj::element& v, std::string_view field) {
    if (!v.is_array()) bad(field, "expected [begin, end] byte offsets");
    const sj::array a = v.get_array().value_unsafe();
    if (a.size() != 2 || !a.at(0).is_uint64() || !a.at(1).is_uint64()) bad(field, "expected [begin, end] byte offsets");
    return span_of(a.at(0).get_uint64().value_unsafe(), a.at(1).get_uint64().value_unsafe(), field);
}

Participants read_participant(const sj::element& v) {
    if (!v.is_object()) bad("participants", "expected objects {source, target, directed, cue, confidence}");
    const sj::object o = v.get_object().value_unsafe();
    Participants p;
    auto code = [&](const char* name) {
        auto f = field_of(o, name);
        if (!f) bad("participants", std::string("missing \"") + name + "\"");
        return read_code(*f, "participants");
    };
    p.source = code("source");
    p.target = code("target");
    if (auto d = field_of(o, "directed")) {
        if (!d->is_bool()) bad("participants", "\"directed\" is true or false");
        p.directed = d->get_bool().value_unsafe() && p.source != p.target;
    }
    if (auto c = field_of(o, "cue")) {
        if (!c->is_string()) bad("participants", "\"cue\" is a string");
        const std::string_view name = c->get_string().value_unsafe();
        auto cue = pair_cue_from_string(name);
        if (!cue) bad("participants", "unknown cue: " + std::string(name));
        p.cue = *cue;
    }
    if (auto c = field_of(o, "confidence")) {
        const double x = is_number(*c) ? c->get_double().value_unsafe() : -1;
        if (x < 0 || x > 1) bad("participants", "\"confidence\" is a number from 0 to 1");
        p.confidence = static_cast<float>(x);
    }
    return p;
}

Event event_from_element(const sj::element& root) {
    if (!root.is_object()) throw EventJsonError("expected a JSON object");
    const EventFields j = fields_of(root.get_object().value_unsafe());
    Event e;
    if (j.id && !j.id->is_null()) {
        if (!j.id->is_int64()) bad("id", "expected an integer or null");
        e.id = j.id->get_int64().value_unsafe();
    }
    e.interval = {read_day(j.earliest, "earliest"), read_day(j.latest, "latest")};
    if (e.interval.anchored() && *e.interval.latest < *e.interval.earliest) bad("latest", "before earliest");
    e.value = read_string(j.value, "value", false);
    if (auto g = read_string(j.granularity, "granularity", false); !g.empty()) {
        auto parsed = granularity_from_string(g);
        if (!parsed) bad("granularity", "unknown: " + g);
        e.granularity = *parsed;
    }
    if (auto m = read_string(j.mod, "mod", false); !m.empty()) {
        auto parsed = mod_from_string(m);
        if (!parsed) bad("mod", "unknown: " + m);
        e.mod = *parsed;
    }
    if (j.actors) {
        if (!j.actors->is_array()) bad("actors", "expected an array of country codes");
        const sj::array a = j.actors->get_array().value_unsafe();
        if (a.size() > kMaxEventActors) bad("actors", fmt::format("more than {} countries", kMaxEventActors));
        for (sj::element x : a) e.actors.push_back(read_code(x, "actors"));
    }
    if (j.pairs) {
        if (!j.pairs->is_array()) bad("pairs", "expected an array of [code, code]");
        const sj::array a = j.pairs->get_array().value_unsafe();
        if (a.size() > kMaxEventActors * (kMaxEventActors + 1) / 2)
            bad("pairs", fmt::format("more pairs than {} countries make", kMaxEventActors));
        for (sj::element p : a) {
            if (!p.is_array()) bad("pairs", "expected [code, code]");
            const sj::array two = p.get_array().value_unsafe();
            if (two.size() != 2) bad("pairs", "expected [code, code]");
            e.pairs.emplace_back(read_code(two.at(0).value_unsafe(), "pairs"), read_code(two.at(1).value_unsafe(), "pairs"));
        }
    }
    if (j.participants && !j.participants->is_null()) {
        if (!j.participants->is_array()) bad("participants", "expected an array of {source, target, directed, cue, confidence}");
        const sj::array a = j.participants->get_array().value_unsafe();
        for (sj::element o : a) e.participants.push_back(read_participant(o));
        check_pairs_match_participants(e);
    }
    if (e.actors.empty() && e.pairs.empty() && e.participants.empty())
        bad("actors", "an event names at least one country");
    if (auto k = read_string(j.kind, "kind", false); !k.empty()) {
        auto parsed = event_kind_from_string(k);
        if (!parsed) bad("kind", "unknown: " + k);
        e.kind = *parsed;
    }
    e.text = read_string(j.text, "text", true);
    if (auto l = read_string(j.lang, "lang", false); !l.empty()) {
        auto parsed = lang_from_string(l);
        if (!parsed) bad("lang", "expected fa, ar or en: " + l);
        e.lang = *parsed;
    } else {
        e.lang = detect_language(e.text);
    }
    if (j.confidence && !j.confidence->is_null()) {
        // From 0 to 1: 8e125 became an infinite float, written back as null (fuzz-event-json).
        const double c = is_number(*j.confidence) ? j.confidence->get_double().value_unsafe() : -1;
        if (!(c >= 0 && c <= 1)) bad("confidence", "expected a number from 0 to 1");
        e.confidence = static_cast<float>(c);
    }
    if (j.sources) {
        if (!j.sources->is_array()) bad("sources", "expected an array");
        const sj::array a = j.sources->get_array().value_unsafe();
        for (sj::element x : a) {
            if (!x.is_object()) bad("sources", "expected objects {doc, span, date_span}");
            const sj::object o = x.get_object().value_unsafe();
            Source src;
            src.doc = read_string(field_of(o, "doc"), "doc", true);
            if (auto sp = field_of(o, "span")) src.span = read_span(*sp, "span");
            if (auto dp = field_of(o, "date_span")) src.date_span = read_span(*dp, "date_span");
            e.sources.push_back(std::move(src));
        }
    }
    normalize_actors(e);
    if (e.actors.size() > kMaxEventActors) bad("actors", fmt::format("more than {} countries", kMaxEventActors));
    return e;
}

}  // namespace

std::string event_to_json(const Event& e) { return dump_json(event_json_value(e)); }

nlohmann::json parse_json_line(std::string_view text) {
    json j = json::parse(text.begin(), text.end(), nullptr, false);
    if (j.is_discarded()) throw EventJsonError("not valid JSON");
    return j;
}

// simdjson rather than nlohmann: `load` reads millions of these lines, and
// building nlohmann's tree of maps took most of a bulk load's parsing thread
// (1M events: ~15 s of CPU for JSON alone, against ~1 s here).
Event event_from_json(std::string_view text) {
    thread_local sj::parser parser;
    sj::element root;
    if (parser.parse(text.data(), text.size()).get(root)) throw EventJsonError("not valid JSON");
    return event_from_element(root);
}

}  // namespace tarikh
