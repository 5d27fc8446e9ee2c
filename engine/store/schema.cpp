#include "store/schema.h"

#include "store/query_sql.h"

#include <fmt/format.h>

namespace tarikh::store {

int span_class(int64_t earliest, int64_t latest) {
    const int64_t days = latest - earliest + 1;
    int c = 0;
    while (c <= kLastBoundedClass && (int64_t{1} << c) < days) ++c;
    return c;  // kOpenClass when longer than 2^kLastBoundedClass
}

int64_t span_class_max_days(int c) { return c <= kLastBoundedClass ? int64_t{1} << c : 0; }

int64_t span_class_min_days(int c) {
    if (c == 0) return 1;
    if (c == kOpenClass) return (int64_t{1} << kLastBoundedClass) + 1;
    return (int64_t{1} << (c - 1)) + 1;
}

std::string_view schema_sql() {
    return R"sql(
CREATE TABLE tarikh_meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;

-- One row per document ingested, keyed by the hash of its text.
CREATE TABLE documents(
  hash TEXT PRIMARY KEY,
  id TEXT NOT NULL,
  bytes INTEGER NOT NULL,
  date INTEGER,                 -- document creation time given by the caller, days since 1970-01-01
  lang TEXT,
  url TEXT,
  events INTEGER NOT NULL,      -- events extracted from it (added or merged)
  added TEXT NOT NULL,
  event_ids BLOB                -- the stored events its reports are in, packed as dedup keys; NULL before schema 5
) WITHOUT ROWID;

-- Days are counted from 1970-01-01. Undated events have span_class -1.
CREATE TABLE events(
  id INTEGER PRIMARY KEY,
  span_class INTEGER NOT NULL,
  earliest INTEGER,
  latest INTEGER,
  value TEXT NOT NULL,
  granularity TEXT NOT NULL,
  mod TEXT NOT NULL,
  kind TEXT NOT NULL,
  lang TEXT NOT NULL,
  confidence REAL NOT NULL,
  actors TEXT NOT NULL,         -- "AZ IL"
  pairs TEXT NOT NULL,          -- "AZ-IL AZ-TR"
  text TEXT NOT NULL,
  n_sources INTEGER NOT NULL,
  sources BLOB NOT NULL,        -- packed, see store/event_row.h
  -- per pair, in the order of pairs: "SA>MR:visit:0.85 AE=CN:between:0.9" (store/event_row.h)
  participants TEXT NOT NULL DEFAULT ''
);
CREATE INDEX events_by_time ON events(span_class, earliest, latest);

-- Lanes (country pairs; "AZ" alone is Azerbaijan's own lane) and, per lane,
-- its events with their interval repeated, so that a lane query with a date
-- window is answered from these keys alone (0, 0 for undated events). An
-- actor's events are those of the lanes it is in.
CREATE TABLE lanes(id INTEGER PRIMARY KEY, pair TEXT NOT NULL UNIQUE, a TEXT NOT NULL, b TEXT NOT NULL);
CREATE INDEX lanes_by_b ON lanes(b);
CREATE INDEX lanes_by_a ON lanes(a);
CREATE TABLE event_lanes(
  lane INTEGER NOT NULL, span_class INTEGER NOT NULL, earliest INTEGER NOT NULL,
  latest INTEGER NOT NULL, event INTEGER NOT NULL,
  PRIMARY KEY(lane, span_class, earliest, latest, event)) WITHOUT ROWID;

-- Dedup keys (store/wording.h) of each event, packed as 8-byte integers, on
-- the shelf of their pairs and time bucket (key_shelf): a writer reads into
-- memory (store/key_index.h) the shelves of the events it writes, not every
-- key of the store. A batch appends one row per event and shelf.
CREATE TABLE dedup(shelf INTEGER NOT NULL, event INTEGER NOT NULL, keys BLOB NOT NULL,
                   PRIMARY KEY(shelf, event)) WITHOUT ROWID;
)sql";
}

std::string_view postgresql_schema_sql() {
    return R"sql(
CREATE TABLE tarikh_meta(key text PRIMARY KEY, value text NOT NULL);

CREATE TABLE documents(
  hash text PRIMARY KEY,
  id text NOT NULL,
  bytes bigint NOT NULL,
  date bigint,
  lang text,
  url text,
  events integer NOT NULL,
  added timestamptz NOT NULL DEFAULT now(),
  event_ids bytea
);

-- Ids come from a sequence, so writers on several machines never share one.
CREATE SEQUENCE event_ids;
CREATE TABLE events(
  id bigint PRIMARY KEY,
  span_class integer NOT NULL,
  earliest bigint,
  latest bigint,
  value text NOT NULL,
  granularity text NOT NULL,
  mod text NOT NULL,
  kind text NOT NULL,
  lang text NOT NULL,
  confidence real NOT NULL,
  actors text NOT NULL,
  pairs text NOT NULL,
  text text NOT NULL,
  n_sources integer NOT NULL,
  sources bytea NOT NULL,
  participants text NOT NULL DEFAULT ''
);
CREATE INDEX events_by_time ON events(span_class, earliest, latest, id);

CREATE TABLE lanes(id serial PRIMARY KEY, pair text NOT NULL UNIQUE, a text NOT NULL, b text NOT NULL);
CREATE INDEX lanes_by_a ON lanes(a);
CREATE INDEX lanes_by_b ON lanes(b);
CREATE TABLE event_lanes(
  lane integer NOT NULL, span_class integer NOT NULL, earliest bigint NOT NULL,
  latest bigint NOT NULL, event bigint NOT NULL,
  PRIMARY KEY(lane, span_class, earliest, latest, event));

-- Every dedup key of every event, looked up where it lives.
CREATE TABLE dedup_keys(key bigint NOT NULL, event bigint NOT NULL, CONSTRAINT dedup_keys_pkey PRIMARY KEY(key, event));
)sql";
}

std::string_view time_index_sql() {
    return "CREATE INDEX IF NOT EXISTS events_by_time ON events(span_class, earliest, latest)";
}

std::string_view counts_table_sql(bool postgresql) {
    return postgresql ? "CREATE TABLE counts(what text PRIMARY KEY, n bigint NOT NULL)"
                      : "CREATE TABLE counts(what TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID";
}

std::string counts_fill_sql() {
    return fmt::format("WITH c(d, e, u, s) AS ({}) INSERT INTO counts(what, n) SELECT '{}', d FROM c UNION ALL "
                       "SELECT '{}', e FROM c UNION ALL SELECT '{}', u FROM c UNION ALL SELECT '{}', s FROM c",
                       counted_sql(), kCountNames[0], kCountNames[1], kCountNames[2], kCountNames[3]);
}

}  // namespace tarikh::store
