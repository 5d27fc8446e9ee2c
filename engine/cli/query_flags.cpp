#include "cli/query_flags.h"

#include "tarikh/parser.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <cstdio>

namespace tarikh::cli {
namespace {

bool all_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); });
}

// YYYY-MM and YYYY, which parse_iso (days only) does not take.
std::optional<Interval> iso_month_or_year(const std::string& s) {
    using namespace date;
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

std::string trimmed(const std::string& s) {
    size_t b = s.find_first_not_of(" \t\n\r"), e = s.find_last_not_of(" \t\n\r");
    return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

}  // namespace

void add_db_flag(CLI::App* cmd, std::string& db) {
    cmd->add_option("--db", db, "The store (SQLite file)")->capture_default_str();
}

void add_query_flags(CLI::App* cmd, QueryFlags& f) {
    add_db_flag(cmd, f.db);
    cmd->add_option("--from", f.from, "Start of the window: an ISO date or any date `parse` reads (\"فروردین ۱۴۰۲\")");
    cmd->add_option("--to", f.to, "End of the window, inclusive (the last day of what it names)");
    cmd->add_flag("--within", f.within, "Events contained in [from, to] (default: overlapping it)");
    cmd->add_option("--pair", f.pair, "A country pair's lane, e.g. AZ-IL (either order); AZ alone: Azerbaijan's own lane");
    cmd->add_option("--actor", f.actor, "Events involving this country (ISO 3166-1 alpha-2)");
    cmd->add_option("--kind", f.kind, "diplomatic, military, security, energy, economy or other");
    cmd->add_option("--text", f.text, "Words that must all occur in the sentence");
    cmd->add_flag("--undated", f.undated, "List the events whose date could not be anchored");
    cmd->add_option("--limit", f.limit, "At most N events, the earliest first (0: all)");
}

std::optional<Interval> date_argument(const std::string& raw) {
    const std::string text = trimmed(raw);
    if (text.empty()) return std::nullopt;
    if (auto d = parse_iso(text)) return Interval{*d, *d};
    if (auto iv = iso_month_or_year(text)) return iv;
    Parser parser;
    for (const Mention& m : parser.parse(text).mentions)
        if (m.type == MentionType::Date && m.interval.anchored()) return m.interval;
    return std::nullopt;
}

std::optional<CountryCode> country_argument(const std::string& text) {
    std::string code = trimmed(text);
    if (code.size() != 2) return std::nullopt;  // ISO 3166-1 alpha-2
    for (auto& c : code) {
        if (!std::isalpha(static_cast<unsigned char>(c))) return std::nullopt;
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    return code;
}

std::optional<CountryPair> pair_argument(const std::string& text) {
    std::string s = text;
    // Separators people type: - – — : / , and spaces.
    for (const char* dash : {"\u2013", "\u2014"})
        for (size_t at; (at = s.find(dash)) != std::string::npos;) s.replace(at, std::strlen(dash), " ");
    for (char& c : s)
        if (c == '-' || c == ':' || c == '/' || c == ',') c = ' ';
    std::vector<std::string> parts;
    for (size_t i = 0; i < s.size();) {
        size_t b = s.find_first_not_of(' ', i);
        if (b == std::string::npos) break;
        size_t e = s.find(' ', b);
        parts.push_back(s.substr(b, e - b));
        i = e == std::string::npos ? s.size() : e;
    }
    if (parts.empty() || parts.size() > 2) return std::nullopt;
    auto a = country_argument(parts[0]);
    auto b = country_argument(parts.back());
    if (!a || !b) return std::nullopt;
    if (*b < *a) std::swap(a, b);
    return CountryPair{*a, *b};
}

std::optional<EventQuery> build_query(const QueryFlags& f, std::string_view command) {
    auto fail = [&](const std::string& message) {
        std::fprintf(stderr, "tarikh %.*s: %s\n", int(command.size()), command.data(), message.c_str());
        return std::nullopt;
    };
    EventQuery q;
    if (!f.from.empty()) {
        auto iv = date_argument(f.from);
        if (!iv) return fail(fmt::format("--from \"{}\": not a date I can read (try 2023-10-07, 2023-10, \"October 2023\")", f.from));
        q.from = iv->earliest;
    }
    if (!f.to.empty()) {
        auto iv = date_argument(f.to);
        if (!iv) return fail(fmt::format("--to \"{}\": not a date I can read (try 2023-10-31, 2023-10, \"October 2023\")", f.to));
        q.to = iv->latest;
    }
    if (q.from && q.to && *q.to < *q.from)
        return fail(fmt::format("--from \"{}\" ({}) is after --to \"{}\" ({})", f.from, format_iso(*q.from), f.to,
                                format_iso(*q.to)));
    q.within = f.within;
    if (q.within && !q.from && !q.to) return fail("--within needs --from or --to");
    q.undated = f.undated;
    if (q.undated && (q.from || q.to || q.within))
        return fail("--undated lists events without dates: it does not combine with --from, --to or --within");
    if (!f.pair.empty()) {
        q.pair = pair_argument(f.pair);
        if (!q.pair) return fail(fmt::format("--pair \"{}\": expected two country codes such as AZ-IL", f.pair));
    }
    if (!f.actor.empty()) {
        q.actor = country_argument(f.actor);
        if (!q.actor) return fail(fmt::format("--actor \"{}\": expected a country code such as AZ", f.actor));
    }
    if (!f.kind.empty()) {
        q.kind = event_kind_from_string(f.kind);
        if (!q.kind)
            return fail(fmt::format("--kind \"{}\": expected diplomatic, military, security, energy, economy or other",
                                    f.kind));
    }
    q.text = f.text;
    q.limit = f.limit;
    return q;
}

}  // namespace tarikh::cli
