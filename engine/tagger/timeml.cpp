// TimeML output (see tarikh/timeml.h).
#include "tarikh/timeml.h"

#include "text/utf8.h"

#include <fmt/format.h>

namespace tarikh {
namespace {

// XML 1.0 allows tab, newline, carriage return and code points from U+0020
// on, except surrogates and U+FFFE/U+FFFF.
bool xml_char(char32_t c) {
    return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) ||
           (c >= 0x10000 && c <= 0x10FFFF);
}

// `s` escaped for XML text and attribute values; bytes that are not UTF-8 and
// characters XML forbids become U+FFFD, so the document always parses.
void append_escaped(std::string& out, std::string_view s) {
    const auto* p = reinterpret_cast<const uint8_t*>(s.data());
    for (size_t i = 0; i < s.size();) {
        if (p[i] < 0x80) {
            const char c = char(p[i++]);
            switch (c) {
                case '&': out += "&amp;"; break;
                case '<': out += "&lt;"; break;
                case '>': out += "&gt;"; break;
                case '"': out += "&quot;"; break;
                default:
                    if (xml_char(char32_t(c))) out += c;
                    else text::append_utf8(out, 0xFFFD);
            }
            continue;
        }
        const text::Decoded d = text::decode_multibyte(p + i, s.size() - i);
        if (d.len == 0 || !xml_char(d.cp)) {
            text::append_utf8(out, 0xFFFD);
            i += d.len == 0 ? 1 : d.len;
            continue;
        }
        out.append(s.substr(i, d.len));
        i += d.len;
    }
}

void append_attribute(std::string& out, std::string_view name, std::string_view value) {
    out += ' ';
    out += name;
    out += "=\"";
    append_escaped(out, value);
    out += '"';
}

// The length of [a, b] in whole units when both ends are TIMEX3 values of the
// same unit (years, months or days), else in days.
std::string span_length(const Mention& m, std::string_view a, std::string_view b) {
    const long days = long((*m.interval.latest - *m.interval.earliest).count()) + 1;
    auto number = [](std::string_view s, size_t at, size_t n) { return std::stoi(std::string(s.substr(at, n))); };
    auto all_digits = [](std::string_view s) { return s.find_first_not_of("0123456789") == std::string_view::npos; };
    if (a.size() == 4 && b.size() == 4 && all_digits(a) && all_digits(b))
        return fmt::format("P{}Y", number(b, 0, 4) - number(a, 0, 4) + 1);
    if (a.size() == 7 && b.size() == 7 && a[4] == '-' && b[4] == '-' && all_digits(a.substr(5)) && all_digits(b.substr(5)))
        return fmt::format("P{}M", (number(b, 0, 4) - number(a, 0, 4)) * 12 + number(b, 5, 2) - number(a, 5, 2) + 1);
    return fmt::format("P{}D", days);
}

class TimemlWriter {
public:
    TimemlWriter(const ParseResult& r, std::string_view text) : r_(r), text_(text) {}

    std::string write(std::string_view doc) {
        out_ = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TimeML>\n<DOCID>";
        append_escaped(out_, doc);
        out_ += "</DOCID>\n";
        if (r_.dct) {
            const std::string dct = format_iso(*r_.dct);
            out_ += "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\"";
            append_attribute(out_, "value", dct);
            out_ += " temporalFunction=\"false\" functionInDocument=\"CREATION_TIME\">" + dct + "</TIMEX3></DCT>\n";
        }
        out_ += "<TEXT>";
        size_t at = 0;
        for (const Mention& m : r_.mentions) {
            if (m.span.begin < at || m.span.end > text_.size()) continue;  // nested or out of range: never in parse output
            append_escaped(out_, text_.substr(at, m.span.begin - at));
            timex(m);
            at = m.span.end;
        }
        append_escaped(out_, text_.substr(at));
        out_ += "</TEXT>\n</TimeML>\n";
        return std::move(out_);
    }

private:
    std::string next_tid() { return fmt::format("t{}", ++tids_); }

    void timex(const Mention& m) {
        const std::string tid = next_tid();
        const size_t slash = m.value.find('/');
        std::string type(to_string(m.type));
        std::string value = m.value;
        // The interval the value cannot say: its ends as empty TIMEX3 tags.
        std::string begin_value, end_value;
        const bool dct_span = m.type == MentionType::Duration && r_.dct && m.interval.anchored() &&
                              *m.interval.latest == *r_.dct;
        if (slash != std::string::npos && m.interval.anchored()) {
            begin_value = m.value.substr(0, slash);
            end_value = m.value.substr(slash + 1);
            type = "DURATION";
            value = span_length(m, begin_value, end_value);
        } else if (dct_span) {
            begin_value = format_iso(*m.interval.earliest);
        }
        out_ += "<TIMEX3";
        append_attribute(out_, "tid", tid);
        append_attribute(out_, "type", type);
        append_attribute(out_, "value", value);
        if (m.mod != Mod::None) append_attribute(out_, "mod", to_string(m.mod));
        if (m.anchor == Anchor::Document && r_.dct) {
            append_attribute(out_, "temporalFunction", "true");
            append_attribute(out_, "anchorTimeID", "t0");
        } else if (m.anchor == Anchor::Previous) {
            append_attribute(out_, "temporalFunction", "true");
        }
        std::string points;
        if (!begin_value.empty()) {
            const std::string begin_tid = next_tid();
            const std::string end_tid = end_value.empty() ? "t0" : next_tid();
            append_attribute(out_, "beginPoint", begin_tid);
            append_attribute(out_, "endPoint", end_tid);
            points += empty_timex(begin_tid, begin_value);
            if (!end_value.empty()) points += empty_timex(end_tid, end_value);
        }
        out_ += '>';
        append_escaped(out_, text_.substr(m.span.begin, m.span.end - m.span.begin));
        out_ += "</TIMEX3>";
        out_ += points;
    }

    static std::string empty_timex(const std::string& tid, std::string_view value) {
        std::string s = "<TIMEX3";
        append_attribute(s, "tid", tid);
        append_attribute(s, "type", "DATE");
        append_attribute(s, "value", value);
        s += "/>";
        return s;
    }

    const ParseResult& r_;
    std::string_view text_;
    std::string out_;
    int tids_ = 0;
};

}  // namespace

std::string document_to_timeml(const ParseResult& r, std::string_view doc, std::string_view text) {
    return TimemlWriter(r, text).write(doc);
}

}  // namespace tarikh
