// The store flags shared by `tarikh query`, `tarikh export` and `tarikh
// curate`: --db and the filters, turned into an EventQuery, each checked
// whole: a flag that is not fully understood is an error naming it, never a
// guess (`--from 2023-13-01` is not 2023).
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
    bool dismissed = false;
    bool checked = false;
    std::string limit;  // as typed; empty: the command's default
    std::string min_confidence;  // as typed; empty: every pair
};

void add_db_flag(CLI::App* cmd, std::string& db);
void add_query_flags(CLI::App* cmd, QueryFlags& flags);

// The query, or nullopt after printing to stderr what is wrong with which
// flag. `default_limit` applies when --limit is not given (0: all).
std::optional<EventQuery> build_query(const QueryFlags& flags, std::string_view command, size_t default_limit = 0);

// A date as the user may write it: ISO (2023-10-07, 2023-10, 2023) or
// anything `tarikh parse` understands ("فروردین ۱۴۰۲", "October 2023"), read
// whole: the interval of the one date mention that is the whole text. When
// there is none, `why` says what was found instead.
std::optional<Interval> date_argument(const std::string& text, std::string* why = nullptr);

// A whole number >= 0, or nullopt.
std::optional<size_t> count_argument(const std::string& text);

}  // namespace tarikh::cli
