#include "cli/country_args.h"

#include "tarikh/actors.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace tarikh::cli {
namespace {

std::string_view trimmed(std::string_view s) {
    const size_t b = s.find_first_not_of(" \t\n\r");
    if (b == std::string_view::npos) return {};
    return s.substr(b, s.find_last_not_of(" \t\n\r") - b + 1);
}

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

CountryArg country_arg(std::string_view raw) {
    const std::string_view text = trimmed(raw);
    if (text.empty()) return {std::nullopt, "expected a country code or name, such as AZ or Azerbaijan"};
    if (text.size() == 2 && ascii_letters(text) && is_known_country(upper(text))) return {upper(text), {}};
    if (auto code = by_name(text)) return {*code, {}};
    if (text.size() == 2 && ascii_letters(text))
        return {std::nullopt, fmt::format("\"{}\" is not an ISO 3166-1 country code (such as AZ, IL, IR)", text)};
    return {std::nullopt, fmt::format("\"{}\" is not a country code or a country name I know (such as AZ, or "
                                      "Azerbaijan in English, Persian or Arabic)",
                                      text)};
}

PairArg pair_arg(std::string_view raw) {
    const std::string_view text = trimmed(raw);
    // One country: its own lane.
    const CountryArg one = country_arg(text);
    if (one.code) return {CountryPair{*one.code, *one.code}, {}};
    std::string problem;
    for (const auto& [at, len] : split_points(text)) {
        const CountryArg a = country_arg(text.substr(0, at)), b = country_arg(text.substr(at + len));
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

}  // namespace tarikh::cli
