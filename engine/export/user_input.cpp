// What people type where the engine wants a date or a country: read whole,
// or refused with the reason (include/tarikh/user_input.h).
#include "tarikh/user_input.h"

#include "tarikh/actors.h"
#include "tarikh/language.h"
#include "tarikh/parser.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace tarikh {
namespace {

bool all_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); });
}

// YYYY-MM and YYYY, which parse_iso (days only) does not take.
std::optional<Interval> iso_month_or_year(const std::string& s) {
    using namespace date;
    // Year 0 is outside the years tarikh handles (1–9999, tarikh/time.h).
    if (all_digits(s.substr(0, 4)) && std::stoi(s.substr(0, 4)) < kFirstYear) return std::nullopt;
    if (s.size() == 4 && all_digits(s)) {
        const year y{std::stoi(s)};
        return Interval{sys_days{y / January / 1}, sys_days{y / December / 31}};
    }
    if (s.size() == 7 && s[4] == '-' && all_digits(s.substr(0, 4)) && all_digits(s.substr(5))) {
        const year y{std::stoi(s.substr(0, 4))};
        const unsigned m = static_cast<unsigned>(std::stoi(s.substr(5)));
        if (m < 1 || m > 12) return std::nullopt;
        return Interval{sys_days{y / month{m} / 1}, sys_days{y / month{m} / last}};
    }
    return std::nullopt;
}

std::string_view trimmed_view(std::string_view s) {
    const size_t b = s.find_first_not_of(" \t\n\r");
    if (b == std::string_view::npos) return {};
    return s.substr(b, s.find_last_not_of(" \t\n\r") - b + 1);
}

std::string trimmed(const std::string& s) { return std::string(trimmed_view(s)); }

bool ascii_letters(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isalpha(c); });
}

std::string upper(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

// English names match only capitalised, as in running text: a person typing
// "united states" means "United States".
std::string capitalised(std::string_view s) {
    std::string out(s);
    bool start = true;
    for (char& c : out) {
        const auto u = static_cast<unsigned char>(c);
        if (start && std::islower(u)) c = static_cast<char>(std::toupper(u));
        start = u < 0x80 && !std::isalnum(u);
    }
    return out;
}

// Nothing but spaces and punctuation outside the span.
bool covers(const Span& span, std::string_view text) {
    auto blank = [](std::string_view s) {
        return std::all_of(s.begin(), s.end(), [](unsigned char c) { return c < 0x80 && !std::isalnum(c); });
    };
    return blank(text.substr(0, span.begin)) && blank(text.substr(span.end));
}

// The country a whole text names in one of the gazetteers.
std::optional<CountryCode> by_name(std::string_view text) {
    static const ActorRecognizer recognizer;
    const std::string variants[] = {std::string(text), capitalised(text)};
    for (const std::string& v : variants)
        for (const Language& l : languages()) {
            const auto matches = recognizer.recognize(v, l.id);
            if (matches.size() == 1 && covers(matches[0].span, v)) return matches[0].code;
        }
    return std::nullopt;
}

// Places where a pair's two names may be split: separators people type, then spaces.
std::vector<std::pair<size_t, size_t>> split_points(std::string_view s) {
    std::vector<std::pair<size_t, size_t>> out;
    for (std::string_view sep : {"\u2013", "\u2014", "-", "/", ",", ":", "\u060C"})
        for (size_t at = s.find(sep); at != std::string_view::npos; at = s.find(sep, at + 1))
            out.emplace_back(at, sep.size());
    if (out.empty())
        for (size_t at = s.find(' '); at != std::string_view::npos; at = s.find(' ', at + 1)) out.emplace_back(at, 1);
    return out;
}

}  // namespace

std::optional<Interval> date_from_user(const std::string& raw, std::string* why) {
    const std::string text = trimmed(raw);
    if (text.empty()) {
        if (why) *why = "empty";
        return std::nullopt;
    }
    if (auto d = parse_iso(text)) return Interval{*d, *d};
    if (auto iv = iso_month_or_year(text)) return iv;
    static const Parser parser;  // loads the language data once
    const std::vector<Mention> mentions = parser.parse(text).mentions;
    for (const Mention& m : mentions) {
        if (m.type != MentionType::Date) continue;
        // The whole text, not a date inside it: "hello 1999" and "2023-13-01"
        // (whose "2023" the parser reads) are not dates.
        const bool whole = trimmed(text.substr(0, m.span.begin)).empty() && trimmed(text.substr(m.span.end)).empty();
        if (!whole) {
            if (why) *why = fmt::format("only \"{}\" in it is a date", text.substr(m.span.begin, m.span.end - m.span.begin));
            return std::nullopt;
        }
        if (!m.interval.anchored()) {
            if (why) *why = "a date that needs a reference to be placed (give a year)";
            return std::nullopt;
        }
        return m.interval;
    }
    if (why) *why = "no date in it";
    return std::nullopt;
}

CountryArg country_from_user(std::string_view raw) {
    const std::string_view text = trimmed_view(raw);
    if (text.empty()) return {std::nullopt, "expected a country code or name, such as AZ or Azerbaijan"};
    if (text.size() == 2 && ascii_letters(text) && is_known_country(upper(text))) return {upper(text), {}};
    if (auto code = by_name(text)) return {*code, {}};
    if (text.size() == 2 && ascii_letters(text))
        return {std::nullopt, fmt::format("\"{}\" is not an ISO 3166-1 country code (such as AZ, IL, IR)", text)};
    return {std::nullopt, fmt::format("\"{}\" is not a country code or a country name I know (such as AZ, or "
                                      "Azerbaijan in English, Persian or Arabic)",
                                      text)};
}

PairArg pair_from_user(std::string_view raw) {
    const std::string_view text = trimmed_view(raw);
    // One country: its own lane.
    const CountryArg one = country_from_user(text);
    if (one.code) return {CountryPair{*one.code, *one.code}, {}};
    std::string problem;
    for (const auto& [at, len] : split_points(text)) {
        const CountryArg a = country_from_user(text.substr(0, at)), b = country_from_user(text.substr(at + len));
        if (a.code && b.code) {
            CountryPair p{*a.code, *b.code};
            if (p.second < p.first) std::swap(p.first, p.second);
            return {p, {}};
        }
        if (problem.empty()) problem = !a.code ? a.problem : b.problem;
    }
    if (problem.empty()) problem = one.problem;
    return {std::nullopt, problem};
}

}  // namespace tarikh
