#include "tagger/json_writer.h"

#include "text/utf8.h"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <system_error>

namespace tarikh::json_out {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

void append_escaped_ascii(std::string& out, unsigned char c) {
    switch (c) {
        case '"': out += "\\\""; return;
        case '\\': out += "\\\\"; return;
        case '\b': out += "\\b"; return;
        case '\f': out += "\\f"; return;
        case '\n': out += "\\n"; return;
        case '\r': out += "\\r"; return;
        case '\t': out += "\\t"; return;
        default: break;
    }
    if (c <= 0x1F) {
        static constexpr char hex[] = "0123456789abcdef";
        const char esc[] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 0xF]};
        out.append(esc, sizeof esc);
        return;
    }
    out += static_cast<char>(c);
}

bool plain(unsigned char c) { return c >= 0x20 && c < 0x80 && c != '"' && c != '\\'; }

// The length of the well-formed sequence at s[i], or, when it is ill-formed,
// minus the number of bytes replaced by one U+FFFD: the lead alone when it can
// start no sequence, else the bytes before the first one that cannot continue
// it (that byte is read again), as nlohmann's decoder does.
int sequence_at(std::string_view s, size_t i) {
    const text::LeadByte lead = text::lead_byte(static_cast<uint8_t>(s[i]));
    const int length = static_cast<int>(lead.length);
    if (length == 0) return -1;
    for (int k = 1; k < length; ++k) {
        if (i + k >= s.size()) return -k;  // cut short at the end
        const auto c = static_cast<uint8_t>(s[i + k]);
        const bool ok = k == 1 ? (c >= lead.low && c <= lead.high) : text::is_continuation(c);
        if (!ok) return -k;
    }
    return length;
}

}  // namespace

void append_string(std::string& out, std::string_view s) {
    out += '"';
    size_t i = 0;
    while (i < s.size()) {
        size_t run = i;
        while (run < s.size() && plain(static_cast<unsigned char>(s[run]))) ++run;
        out.append(s.data() + i, run - i);
        i = run;
        if (i == s.size()) break;
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            append_escaped_ascii(out, c);
            ++i;
            continue;
        }
        const int n = sequence_at(s, i);
        if (n > 0) {
            out.append(s.data() + i, static_cast<size_t>(n));
            i += static_cast<size_t>(n);
        } else {
            out += kReplacement;
            i += static_cast<size_t>(-n);
        }
    }
    out += '"';
}

void append_integer(std::string& out, long long v) {
    char buf[24];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, r.ptr);
}

void append_double(std::string& out, double v) {
    if (!std::isfinite(v)) {
        out += "null";
        return;
    }
    if (v == 0) {
        out += std::signbit(v) ? "-0.0" : "0.0";
        return;
    }
    // Shortest digits and their exponent, then laid out by nlohmann's rules.
    char sci[32];
    const auto r = std::to_chars(sci, sci + sizeof sci, v, std::chars_format::scientific);
    const std::string_view text(sci, static_cast<size_t>(r.ptr - sci));
    const size_t e = text.find('e');
    const bool negative = text[0] == '-';
    std::string digits;
    for (char c : text.substr(negative ? 1 : 0, e - (negative ? 1 : 0)))
        if (c != '.') digits += c;
    int exp10 = 0;
    const char* exp_begin = text.data() + e + 1;
    if (*exp_begin == '+') ++exp_begin;  // from_chars takes no '+'
    std::from_chars(exp_begin, text.data() + text.size(), exp10);
    const int k = static_cast<int>(digits.size());
    const int n = exp10 + 1;  // digits[0..n) lie before the decimal point
    if (negative) out += '-';
    if (k <= n && n <= 15) {
        out += digits;
        out.append(static_cast<size_t>(n - k), '0');
        out += ".0";
    } else if (0 < n && n <= 15) {
        out.append(digits, 0, static_cast<size_t>(n));
        out += '.';
        out.append(digits, static_cast<size_t>(n));
    } else if (-4 < n && n <= 0) {
        out += "0.";
        out.append(static_cast<size_t>(-n), '0');
        out += digits;
    } else {
        out += digits[0];
        if (k > 1) {
            out += '.';
            out.append(digits, 1);
        }
        out += 'e';
        out += exp10 < 0 ? '-' : '+';
        const int a = std::abs(exp10);
        if (a < 10) out += '0';
        append_integer(out, a);
    }
}

}  // namespace tarikh::json_out
