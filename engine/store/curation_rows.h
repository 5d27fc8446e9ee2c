// How a curation (tarikh/curation.h) is laid out in a row of the curations
// table, the same in SQLite and PostgreSQL: the table, the upsert, and the
// values of a row in column order. A person's verdicts and corrections are
// kept beside the machine's events and never joined to them in SQL.
#pragma once

#include "tarikh/event.h"

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace tarikh::store {

inline constexpr size_t kCurationColumnCount = 16;
inline constexpr std::string_view kCurationColumns =
    "document, date_begin, date_end, doc, verdict, earliest, latest, pairs, kind, note, updated, "
    "machine_earliest, machine_latest, machine_pairs, machine_kind, event";

// CREATE … IF NOT EXISTS, valid in both: run by every writer on every store it
// opens, since stores made before curation have no such table (a reader of
// one sees no curations).
std::string_view curations_schema_sql();

// INSERT … ON CONFLICT (key) DO UPDATE, with `placeholder(n)` for the n-th
// value (1-based): ?1 or $1.
std::string curation_upsert_sql(const std::function<std::string(int)>& placeholder);

// A value of a row: NULL, an integer or text.
using CurationValue = std::variant<std::monostate, int64_t, std::string>;
std::array<CurationValue, kCurationColumnCount> curation_values(const Curation& c);
// A row read back, each column as its text (NULL: nullopt), in column order.
Curation curation_from_texts(const std::array<std::optional<std::string>, kCurationColumnCount>& row);

}  // namespace tarikh::store
