// The SQLite schema of a tarikh store, and how an event's interval is indexed.
//
// Interval index: rather than an R*Tree, events are binned by the length of
// their interval (span class c holds lengths in (2^(c-1), 2^c] days) and each
// bin is a B-tree over (earliest, latest). An event of class c overlapping
// [from, to] has earliest in [from - 2^c + 1, to], so an overlap query is one
// short index range per class, already in chronological order. Measured on
// 1M events (engine/bench, README): inserts cost a fifth of SQLite's R*Tree
// (the R*Tree alone capped a load at ~90k events/s), a 1-month window is as
// fast, and a first page ordered by date needs no sort of every match.
// The same binning keys the per-pair and per-actor tables, so a lane query
// (`--pair AZ-IL --from … --to …`) is also a handful of index ranges.
#pragma once

#include <cstdint>
#include <string_view>

namespace tarikh::store {

// Classes 0..kLastBoundedClass are bounded by 2^c days; kOpenClass holds
// anything longer (more than ~2,870 years). kUndatedClass: no interval.
inline constexpr int kLastBoundedClass = 20;
inline constexpr int kOpenClass = 21;
inline constexpr int kUndatedClass = -1;

int span_class(int64_t earliest, int64_t latest);
// The longest interval (in days) class c can hold; 0 for kOpenClass (unbounded).
int64_t span_class_max_days(int c);
// The shortest interval class c can hold.
int64_t span_class_min_days(int c);

// Statements that create an empty store (one transaction, by the caller).
std::string_view schema_sql();
// The same tables in PostgreSQL (store/pg_store.cpp): the same columns and
// keys, so one query builder (store/query_sql.h) serves both, and unique
// constraints on what concurrent writers must never store twice.
std::string_view postgresql_schema_sql();

// The store's counts (documents, events, undated events, sources), one row
// each, kept by every writer in its batch's transaction, so that a summary
// reads four rows rather than counting a million events. Created with the
// store, or when an older one is upgraded, and filled from what it holds.
std::string_view counts_table_sql(bool postgresql);

// The SQLite store's index of events by time, as schema_sql() makes it. A
// bulk load into an empty store drops it and builds it once at the end
// (sqlite_store.cpp); a writer opening a store without it (a load killed
// before its end) builds it again.
std::string_view time_index_sql();
std::string counts_fill_sql();

}  // namespace tarikh::store
