#include "cli/query_flags.h"

#include "tarikh/event_json.h"
#include "tarikh/export.h"
#include "tarikh/user_input.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cctype>
#include <cstdio>

namespace tarikh::cli {

void add_db_flag(CLI::App* cmd, std::string& db) {
    cmd->add_option("--db", db, "The store (SQLite file)")->capture_default_str();
}

void add_query_flags(CLI::App* cmd, QueryFlags& f) {
    add_db_flag(cmd, f.db);
    cmd->add_option("--from", f.from, "Start of the window: an ISO date or any date `parse` reads (\"فروردین ۱۴۰۲\")");
    cmd->add_option("--to", f.to, "End of the window, inclusive (the last day of what it names)");
    cmd->add_flag("--within", f.within, "Events contained in [from, to] (default: overlapping it)");
    cmd->add_option("--pair", f.pair,
                    "A country pair's lane by codes or names, e.g. AZ-IL or \"Azerbaijan-Israel\" (either order); "
                    "one country alone: its own lane");
    cmd->add_option("--actor", f.actor, "Events involving this country: a code (AZ) or a name in any language (Iran)");
    cmd->add_option("--kind", f.kind, "diplomatic, military, security, energy, economy or other");
    cmd->add_option("--text", f.text, "Words that must all occur in the sentence");
    cmd->add_flag("--undated", f.undated, "List the events whose date could not be anchored");
    cmd->add_flag("--dismissed", f.dismissed, "Also list the events a person dismissed (`tarikh curate`)");
    cmd->add_flag("--checked", f.checked, "Only the events a person checked (confirmed, dismissed or corrected)");
    cmd->add_option("--limit", f.limit, "At most N events, the earliest first (0: all)");
    cmd->add_option("--min-confidence", f.min_confidence,
                    "Leave out the pairs less sure than this (0 to 1), and the events left with none; each pair's "
                    "confidence comes from the cue that made it (README, Participants)");
}

std::optional<size_t> count_argument(const std::string& raw) {
    const size_t b = raw.find_first_not_of(" \t\n\r"), e = raw.find_last_not_of(" \t\n\r");
    const std::string text = b == std::string::npos ? std::string() : raw.substr(b, e - b + 1);
    if (text.empty() || text.size() > 18 ||
        !std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c); }))
        return std::nullopt;
    return static_cast<size_t>(std::stoull(text));
}

std::optional<Interval> date_argument(const std::string& raw, std::string* why) { return date_from_user(raw, why); }

std::optional<EventQuery> build_query(const QueryFlags& f, std::string_view command, size_t default_limit) {
    auto fail = [&](const std::string& message) {
        std::fprintf(stderr, "tarikh %.*s: %s\n", int(command.size()), command.data(), message.c_str());
        return std::nullopt;
    };
    EventQuery q;
    std::string why;
    if (!f.from.empty()) {
        auto iv = date_argument(f.from, &why);
        if (!iv)
            return fail(fmt::format("--from \"{}\": not a date I can read whole ({}); try 2023-10-07, 2023-10, 2023 or "
                                    "\"October 2023\"",
                                    f.from, why));
        q.from = iv->earliest;
    }
    if (!f.to.empty()) {
        auto iv = date_argument(f.to, &why);
        if (!iv)
            return fail(fmt::format("--to \"{}\": not a date I can read whole ({}); try 2023-10-31, 2023-10, 2023 or "
                                    "\"October 2023\"",
                                    f.to, why));
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
        PairArg p = pair_from_user(f.pair);
        if (!p.pair) return fail(fmt::format("--pair \"{}\": {}", f.pair, p.problem));
        q.pair = p.pair;
    }
    if (!f.actor.empty()) {
        CountryArg a = country_from_user(f.actor);
        if (!a.code) return fail(fmt::format("--actor \"{}\": {}", f.actor, a.problem));
        q.actor = a.code;
    }
    if (!f.kind.empty()) {
        q.kind = event_kind_from_string(f.kind);
        if (!q.kind)
            return fail(fmt::format("--kind \"{}\": expected diplomatic, military, security, energy, economy or other",
                                    f.kind));
    }
    q.text = f.text;
    q.dismissed = f.dismissed;
    q.checked = f.checked;
    q.limit = default_limit;
    if (!f.limit.empty()) {
        auto n = count_argument(f.limit);
        if (!n) return fail(fmt::format("--limit \"{}\": expected a whole number, 0 or more (0: all)", f.limit));
        q.limit = *n;
    }
    if (!f.min_confidence.empty()) {
        const size_t b = f.min_confidence.find_first_not_of(" \t"), e = f.min_confidence.find_last_not_of(" \t");
        const std::string t = b == std::string::npos ? std::string() : f.min_confidence.substr(b, e - b + 1);
        double v = -1;
        const auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
        if (t.empty() || ec != std::errc() || end != t.data() + t.size() || !(v >= 0 && v <= 1))
            return fail(fmt::format("--min-confidence \"{}\": expected a number from 0 to 1, such as 0.6",
                                    f.min_confidence));
        q.min_confidence = static_cast<float>(v);
    }
    return q;
}


}  // namespace tarikh::cli
