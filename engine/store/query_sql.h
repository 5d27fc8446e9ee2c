// The SQL that finds the ids of the events a query asks for, in result order,
// written once for both backends (their schemas share the interval binning of
// store/schema.h and the lane tables). The driving table is the narrowest
// index the query names: a pair's lane, an actor's, or the events' own
// interval index; the other filters are checked on the event row.
#pragma once

#include "tarikh/store.h"

#include <cstdint>
#include <functional>
#include <string>
#include <variant>
#include <vector>

namespace tarikh::store {

struct IdQuery {
    std::string sql;                                   // empty: nothing can match
    std::vector<std::variant<int64_t, std::string>> params;  // in placeholder order
};

struct SqlDialect {
    // The placeholder of the n-th parameter (1-based), an integer or text:
    // ?1, or $1::bigint (PostgreSQL types a parameter by its first use).
    std::function<std::string(int, bool integer)> placeholder;
    // The position of a string in another, strpos(haystack, needle) or instr.
    std::string find_function;
    // An SQL function f(text, words) true when the text holds every folded
    // word (words separated by '\n'); empty: the backend filters words itself.
    std::string has_words_function;
};

IdQuery matching_ids_sql(const EventQuery& q, const SqlDialect& dialect);

// One row: the earliest day and the latest day of the dated events, from a
// few index probes per span class (an event of class c ends at most 2^c - 1
// days after it starts, so the latest end is among the events starting in the
// last 2^c days of the class), not a scan of the events.
std::string interval_bounds_sql();

// The store's counts (kept in the `counts` table, schema.h), read and
// incremented by name; rows in the order of StoreStats.
inline constexpr const char* kCountNames[] = {"documents", "events", "undated", "sources"};
// The same counts from the tables themselves (a store made before `counts`).
std::string counted_sql();

}  // namespace tarikh::store
