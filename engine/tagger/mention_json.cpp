#include "tarikh/parser.h"

#include <nlohmann/json.hpp>

namespace tarikh {

std::string_view to_string(MentionType t) {
    switch (t) {
        case MentionType::Date: return "DATE";
        case MentionType::Duration: return "DURATION";
        case MentionType::Set: return "SET";
    }
    return "DATE";
}

std::string_view to_string(Anchor a) {
    switch (a) {
        case Anchor::Absolute: return "absolute";
        case Anchor::Document: return "document";
        case Anchor::Previous: return "previous";
        case Anchor::NamedEvent: return "named_event";
        case Anchor::None: return "none";
    }
    return "none";
}

std::string mention_to_json(const Mention& m, std::string_view doc, std::string_view text, const Explanation* why) {
    using json = nlohmann::ordered_json;
    auto day_or_null = [](const std::optional<Day>& d) { return d ? json(format_iso(*d)) : json(nullptr); };
    auto str_or_null = [](std::string_view s) { return s.empty() ? json(nullptr) : json(std::string(s)); };
    json j;
    j["doc"] = std::string(doc);
    j["span"] = {m.span.begin, m.span.end};
    j["text"] = std::string(text.substr(m.span.begin, m.span.end - m.span.begin));
    j["type"] = std::string(to_string(m.type));
    j["value"] = m.value;
    j["earliest"] = day_or_null(m.interval.earliest);
    j["latest"] = day_or_null(m.interval.latest);
    j["granularity"] = std::string(to_string(m.granularity));
    j["mod"] = str_or_null(to_string(m.mod));
    j["calendar"] = std::string(to_string(m.calendar));
    j["anchor"] = std::string(to_string(m.anchor));
    j["event"] = str_or_null(m.event);
    if (!m.event_reason.empty()) j["event_reason"] = m.event_reason;
    if (!m.native.empty()) j["native"] = m.native;
    if (m.tolerance_days) j["tolerance_days"] = m.tolerance_days;
    j["confidence"] = std::round(m.confidence * 100) / 100.0;
    if (why) {
        json words = json::array();
        for (const Explanation::Word& w : why->words)
            words.push_back({{"form", w.form}, {"kind", w.kind}, {"value", w.value}, {"lang", to_string(w.lang)}});
        j["explain"] = {{"rules", why->rules}, {"words", std::move(words)}};
    }
    // Invalid UTF-8 in the input must not break the output: replace it.
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace tarikh
