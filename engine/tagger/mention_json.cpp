#include "tarikh/parser.h"

#include <cmath>

#include "tagger/json_writer.h"

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

namespace {

void key(std::string& out, std::string_view k) {
    out += '"';
    out += k;  // keys are ASCII names: nothing to escape
    out += "\":";
}

void string_or_null(std::string& out, std::string_view s) {
    if (s.empty())
        out += "null";
    else
        json_out::append_string(out, s);
}

void day_or_null(std::string& out, const std::optional<Day>& d) {
    if (d)
        json_out::append_string(out, format_iso(*d));
    else
        out += "null";
}

void append_explanation(std::string& out, const Explanation& why) {
    out += ",\"explain\":{\"rules\":[";
    for (size_t n = 0; n < why.rules.size(); ++n) {
        if (n) out += ',';
        json_out::append_string(out, why.rules[n]);
    }
    out += "],\"words\":[";
    for (size_t n = 0; n < why.words.size(); ++n) {
        const Explanation::Word& w = why.words[n];
        out += n ? ",{" : "{";
        key(out, "form"), json_out::append_string(out, w.form);
        out += ',', key(out, "kind"), json_out::append_string(out, w.kind);
        out += ',', key(out, "value"), json_out::append_string(out, w.value);
        out += ',', key(out, "lang"), json_out::append_string(out, to_string(w.lang));
        out += '}';
    }
    out += "]}";
}

}  // namespace

// Written directly rather than through nlohmann::json (an object per mention
// was ~11% of `tarikh parse`); json_writer_test holds the bytes to nlohmann's
// dump(-1, ' ', false, error_handler_t::replace), so invalid UTF-8 in the
// input is replaced and cannot break the output.
void append_mention_json(std::string& out, const Mention& m, std::string_view doc, std::string_view text,
                         const Explanation* why) {
    out += '{';
    key(out, "doc"), json_out::append_string(out, doc);
    out += ",\"span\":[";
    json_out::append_integer(out, m.span.begin);
    out += ',';
    json_out::append_integer(out, m.span.end);
    out += ']';
    out += ',', key(out, "text"), json_out::append_string(out, text.substr(m.span.begin, m.span.end - m.span.begin));
    out += ',', key(out, "type"), json_out::append_string(out, to_string(m.type));
    out += ',', key(out, "value"), json_out::append_string(out, m.value);
    out += ',', key(out, "earliest"), day_or_null(out, m.interval.earliest);
    out += ',', key(out, "latest"), day_or_null(out, m.interval.latest);
    out += ',', key(out, "granularity"), json_out::append_string(out, to_string(m.granularity));
    out += ',', key(out, "mod"), string_or_null(out, to_string(m.mod));
    out += ',', key(out, "calendar"), json_out::append_string(out, to_string(m.calendar));
    out += ',', key(out, "anchor"), json_out::append_string(out, to_string(m.anchor));
    out += ',', key(out, "event"), string_or_null(out, m.event);
    if (!m.event_reason.empty()) out += ',', key(out, "event_reason"), json_out::append_string(out, m.event_reason);
    if (!m.native.empty()) out += ',', key(out, "native"), json_out::append_string(out, m.native);
    if (m.tolerance_days) out += ',', key(out, "tolerance_days"), json_out::append_integer(out, m.tolerance_days);
    out += ',', key(out, "confidence"), json_out::append_double(out, std::round(m.confidence * 100) / 100.0);
    if (why) append_explanation(out, *why);
    out += '}';
}

std::string mention_to_json(const Mention& m, std::string_view doc, std::string_view text, const Explanation* why) {
    std::string out;
    append_mention_json(out, m, doc, text, why);
    return out;
}

}  // namespace tarikh
