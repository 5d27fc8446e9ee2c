// The store flags shared by `tarikh query` and `tarikh export`: --db and the
// filters, turned into an EventQuery.
#pragma once

#include "tarikh/store.h"

#include <CLI/CLI.hpp>

#include <optional>
#include <string>

namespace tarikh::cli {

inline constexpr const char* kDefaultDb = "tarikh.db";

struct QueryFlags {
    std::string db = kDefaultDb;
    std::string from, to, pair, actor, kind, text;
    bool within = false;
    bool undated = false;
    size_t limit = 0;
};

void add_db_flag(CLI::App* cmd, std::string& db);
void add_query_flags(CLI::App* cmd, QueryFlags& flags);

// The query, or nullopt after printing to stderr what is wrong with which flag.
std::optional<EventQuery> build_query(const QueryFlags& flags, std::string_view command);

// A date as the user may write it: ISO (2023-10-07, 2023-10, 2023) or
// anything `tarikh parse` understands ("فروردین ۱۴۰۲", "October 2023"): the
// interval of the first dated mention. nullopt when there is none.
std::optional<Interval> date_argument(const std::string& text);

// "AZ-IL", "az il", "IL–AZ" → (AZ, IL); "AZ" → (AZ, AZ), the country's own lane.
std::optional<CountryPair> pair_argument(const std::string& text);
std::optional<CountryCode> country_argument(const std::string& text);

}  // namespace tarikh::cli
