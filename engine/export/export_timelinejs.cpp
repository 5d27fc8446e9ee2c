// `tarikh export --format timelinejs`: a TimelineJS3 JSON file (DESIGN §7).
// TimelineJS renders text.headline and text.text as HTML, so the sentence is
// escaped; dir="auto" lets the browser lay out Persian and Arabic right to left.
#include "export/json_value.h"
#include "tarikh/actors.h"
#include "tarikh/curation.h"
#include "tarikh/event_json.h"
#include "tarikh/export.h"
#include "tarikh/human_date.h"
#include "tarikh/messages.h"
#include "text/utf8.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

namespace tarikh {
namespace {

using json = nlohmann::ordered_json;

std::string html_escape(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            // Line breaks inside a sentence are layout (PDF extraction), not meaning.
            case '\n': out += ' '; break;
            case '\r': break;
            default: out += c;
        }
    }
    return out;
}

// Whether the first letter of UTF-8 text is written right to left (Hebrew or
// Arabic script): Latin digits and punctuation are neutral and skipped.
bool starts_right_to_left(std::string_view text) {
    const auto* p = reinterpret_cast<const uint8_t*>(text.data());
    for (size_t i = 0; i < text.size();) {
        if (p[i] < 0x80) {
            if (std::isalpha(p[i])) return false;
            ++i;
            continue;
        }
        const text::Decoded d = text::decode_multibyte(p + i, text.size() - i);
        if (d.len == 0) return false;  // not UTF-8: say nothing about it
        const char32_t cp = d.cp;
        if ((cp >= 0x0590 && cp <= 0x08FF) || (cp >= 0xFB1D && cp <= 0xFEFC)) {
            if (cp < 0x0660 || cp > 0x0669) return true;  // Arabic-Indic digits are numbers, not letters
        } else if (cp >= 0x00C0 && !(cp >= 0x06F0 && cp <= 0x06F9) && !(cp >= 0x2000 && cp <= 0x206F)) {
            return false;
        }
        i += d.len;
    }
    return false;
}

// TimelineJS sets the headline in a left-to-right heading: a Persian or Arabic
// one is put in a right-to-left isolate (RLI … PDI), or its brackets and
// trailing punctuation come out mirrored, ")۱۹۱۸-۱۹۲۰(".
std::string isolated(std::string headline) {
    if (!starts_right_to_left(headline)) return headline;
    return "\u2067" + headline + "\u2069";
}

enum class Precision { Day, Month, Year };

// The coarsest unit that describes the interval exactly, no coarser than its
// granularity: a Gregorian month → month; a Solar Hijri month (21 Mar–20 Apr)
// → days; a decade → years.
Precision precision_of(const Event& e) {
    const date::year_month_day a{*e.interval.earliest}, b{*e.interval.latest};
    const bool month_aligned = a.day() == date::day{1} && date::year_month_day_last{b.year(), date::month_day_last{b.month()}}.day() == b.day();
    const bool year_aligned = month_aligned && a.month() == date::January && b.month() == date::December;
    switch (e.granularity) {
        case Granularity::Day:
        case Granularity::Week:
            return Precision::Day;
        case Granularity::Month:
        case Granularity::Season:
        case Granularity::Quarter:
        case Granularity::Half:
            return month_aligned ? Precision::Month : Precision::Day;
        default:
            return year_aligned ? Precision::Year : month_aligned ? Precision::Month : Precision::Day;
    }
}

json date_json(Day d, Precision p) {
    const date::year_month_day ymd{d};
    json j = json::object();
    j["year"] = static_cast<int>(ymd.year());
    if (p != Precision::Year) j["month"] = static_cast<unsigned>(ymd.month());
    if (p == Precision::Day) j["day"] = static_cast<unsigned>(ymd.day());
    return j;
}

std::string sources_html(const Event& e) {
    std::string out;
    for (const auto& s : e.sources) {
        if (!out.empty()) out += ", ";
        out += html_escape(s.doc);
    }
    return out;
}

// TimelineJS3 draws each group as a row of its time navigator, and an event
// shown in every pair of its countries is the same slide again and again: a
// sentence listing six countries would be 15 identical slides in 15 rows.
// Beyond this many lanes an event gets one slide, grouped under its countries.
constexpr size_t kMaxSlidesPerEvent = 3;

struct Group {
    std::string label;  // "Azerbaijan–Israel", or "Kazakhstan, Tajikistan, Georgia, …"
    std::string key;    // for unique_id: "AZ-IL", or "many"
    CountryPair pair;   // the lane, when it is one
};

std::vector<Group> groups_for(const Event& e, const EventQuery& q) {
    const std::vector<CountryPair> lanes = lanes_for(e, q);
    std::vector<Group> out;
    if (lanes.size() <= kMaxSlidesPerEvent) {
        for (const auto& pair : lanes) out.push_back({pair_label(pair), pair_key(pair), pair});
        return out;
    }
    std::string label;
    for (const auto& code : e.actors) label += (label.empty() ? "" : ", ") + country_name(code);
    out.push_back({label, "many", {}});
    return out;
}

// "✓ checked by a person: confirmed; corrected date, kind — note": every
// export says which events a person looked at (curation.h).
std::string checked_html(const Curation& c) {
    std::string corrected;
    if (c.interval) corrected += "date";
    if (c.pairs) corrected += std::string(corrected.empty() ? "" : ", ") + "countries";
    if (c.kind) corrected += std::string(corrected.empty() ? "" : ", ") + "kind";
    std::string out = fmt::format("<p><small>\u2713 checked by a person: {}", to_string(c.verdict));
    if (!corrected.empty()) out += "; corrected " + corrected;
    if (!c.note.empty()) out += " \u2014 <span dir=\"auto\">" + html_escape(valid_utf8(c.note)) + "</span>";
    return out + "</small></p>";
}

// Who acts toward whom on this slide's lane ("Saudi Arabia → Mauritania ·
// visit · 0.85"), or on every lane of a slide grouped under many countries.
std::string participants_html(const Event& e, const Group& group) {
    std::string out;
    for (const Participants& p : e.participants) {
        if (group.key != "many" && pair_key(p.lane()) != group.key) continue;
        const std::string who = p.source == p.target ? country_name(p.source)
                                : fmt::format("{} {} {}", country_name(p.source), p.directed ? "\u2192" : "\u2013",
                                              country_name(p.target));
        out += fmt::format("{}{} \u00b7 {} \u00b7 {:.2f}", out.empty() ? "" : "; ", html_escape(who), to_string(p.cue),
                           p.confidence);
    }
    return out.empty() ? out : "<p><small>" + out + "</small></p>";
}

// Where the date mention lies in the event's text, when the text is the
// sentence its first source points to.
std::optional<std::pair<size_t, size_t>> date_in_text(const Event& e) {
    if (e.sources.empty()) return std::nullopt;
    const Source& s = e.sources.front();
    if (s.span.end - s.span.begin != e.text.size()) return std::nullopt;
    if (s.date_span.begin < s.span.begin || s.date_span.end > s.span.end || s.date_span.begin >= s.date_span.end)
        return std::nullopt;
    return std::pair<size_t, size_t>{s.date_span.begin - s.span.begin, s.date_span.end - s.span.begin};
}

// The clause that holds the date, for a headline.
std::string clause_of(const Event& e) {
    const std::string text = valid_utf8(e.text);
    const auto at = date_in_text(e);
    if (!at || text.size() != e.text.size()) return text;
    return std::string(date_clause(text, at->first, at->second));
}

// The sentence with its date marked.
std::string sentence_html(const Event& e) {
    const std::string text = valid_utf8(e.text);
    const auto at = date_in_text(e);
    if (!at || text.size() != e.text.size()) return html_escape(text);
    return html_escape(text.substr(0, at->first)) + "<mark>" + html_escape(text.substr(at->first, at->second - at->first)) +
           "</mark>" + html_escape(text.substr(at->second));
}

// A headline that reads as one: who, then what the clause says, in the
// sentence's language ("Azerbaijan–Israel: signed an energy agreement…",
// "آذربایجان–اسرائیل: …"), never the whole sentence the body repeats.
std::string headline(const Event& e, const Group& group) {
    const std::string lang(to_string(e.lang));
    const Messages& words = Messages::of(lang);
    std::string who;
    if (group.key == "many") {
        who = words.format("headline.countries", {{"first", country_label(e.actors[0], lang)},
                                                   {"second", country_label(e.actors[1], lang)},
                                                   {"more", static_cast<int64_t>(e.actors.size() - 2)}});
    } else {
        const CountryPair p = group.pair;
        who = p.first == p.second ? country_label(p.first, lang)
                                  : country_label(p.first, lang) + "\u2013" + country_label(p.second, lang);
    }
    return isolated(html_escape(words.format("headline", {{"who", who}, {"what", one_line(clause_of(e), 70)}})));
}

json slide(const Event& e, const Group& group, size_t index) {
    const Precision p = precision_of(e);
    json s = json::object();
    s["start_date"] = date_json(*e.interval.earliest, p);
    const json end = date_json(*e.interval.latest, p);
    if (end != s["start_date"]) s["end_date"] = end;
    // The date as a person says it ("summer 2018", "Mehr 1402", "early 1990s"),
    // where TimelineJS would print the bare bounds.
    const std::string when = human_date(e, Messages::of("en"));
    s["display_date"] = when;
    // The date is above the headline (display_date): the small print is the rest.
    std::string body = fmt::format("<p dir=\"auto\">{}</p><p><small>{}", sentence_html(e), to_string(e.kind));
    if (!e.sources.empty()) body += " \u00b7 " + sources_html(e);
    body += "</small></p>";
    body += participants_html(e, group);
    if (e.curation) body += checked_html(*e.curation);
    s["text"] = {{"headline", headline(e, group)}, {"text", body}};
    s["group"] = group.label;
    // Unique per slide and safe in a URL fragment (TimelineJS puts it there).
    s["unique_id"] = e.id ? fmt::format("event-{}-{}", e.id, group.key) : fmt::format("slide-{}-{}", index, group.key);
    return s;
}

// "Azerbaijan–Israel, 2019–2024": what the chronology is about, when no title is given.
std::string default_title(const EventQuery& q, std::optional<Day> first, std::optional<Day> last) {
    std::string what = q.pair ? pair_label(*q.pair) : q.actor ? country_name(*q.actor) : "Chronology";
    if (!first) return what;
    const int a = static_cast<int>(date::year_month_day{*first}.year()), b = static_cast<int>(date::year_month_day{*last}.year());
    return a == b ? fmt::format("{}, {}", what, a) : fmt::format("{}, {}\u2013{}", what, a, b);
}

json title_slide(const std::vector<Event>& events, size_t undated, const EventQuery& q, const ExportOptions& options) {
    // What the slides show: events with a lane of the query.
    std::set<std::string> lanes;
    std::optional<Day> first, last;
    size_t shown = 0, checked = 0;
    for (const auto& e : events) {
        if (!e.interval.anchored()) continue;
        const auto groups = groups_for(e, q);
        if (groups.empty()) continue;
        ++shown;
        checked += e.curation.has_value();
        for (const auto& g : groups) lanes.insert(g.label);
        if (!first || *e.interval.earliest < *first) first = e.interval.earliest;
        if (!last || *e.interval.latest > *last) last = e.interval.latest;
    }
    const Messages& en = Messages::of("en");
    auto day = [&](Day d) { return html_escape(human_date({d, d}, Granularity::Day, Mod::None, "", en)); };
    std::string out = fmt::format("<p>{} event{}", en.count(static_cast<int64_t>(shown)), shown == 1 ? "" : "s");
    if (first && *first == *last) out += " on " + day(*first);
    if (first && *first != *last) out += fmt::format(" from {} to {}", day(*first), day(*last));
    out += fmt::format(", in {} lane{}.", lanes.size(), lanes.size() == 1 ? "" : "s");
    if (checked) out += fmt::format(" {} checked by a person.", checked);
    if (undated) out += fmt::format(" {} undated event{} not shown.", undated, undated == 1 ? " is" : "s are");
    out += "</p>";
    out += "<p><small>" + html_escape(describe_query(q)) + " \u00b7 made with " + std::string(generator_name()) +
           "</small></p>";
    const std::string title = options.title.empty() ? default_title(q, first, last) : options.title;
    return {{"text", {{"headline", isolated(html_escape(title))}, {"text", out}}}};
}

}  // namespace

std::string export_timelinejs(const std::vector<Event>& events, const EventQuery& query, const ExportOptions& options) {
    json slides = json::array();
    size_t undated = 0, index = 0;
    for (const auto& e : events) {
        ++index;
        if (!e.interval.anchored()) {
            ++undated;
            continue;
        }
        for (const auto& group : groups_for(e, query)) slides.push_back(slide(e, group, index));
    }
    json doc = json::object();
    doc["title"] = title_slide(events, undated, query, options);
    doc["events"] = std::move(slides);
    return dump_json(doc, 1) + "\n";
}

}  // namespace tarikh
