#include "store/curation_rows.h"

#include "store/event_row.h"

#include "tarikh/curation.h"

#include <fmt/format.h>

namespace tarikh::store {
namespace {

CurationValue day_value(const std::optional<Day>& d) {
    if (!d) return std::monostate{};
    return day_number(*d);
}

std::optional<Day> day_of(const std::optional<std::string>& s) {
    if (!s) return std::nullopt;
    return day_from_number(std::stoll(*s));
}

std::vector<CountryPair> pairs_of(const std::string& s) {
    std::vector<CountryPair> out;
    for (const auto& key : split_words(s)) out.push_back(pair_from_key(key));
    return out;
}

}  // namespace

std::string_view curations_schema_sql() {
    return R"sql(
-- A person's verdicts and corrections (tarikh/curation.h), keyed by the date
-- mention they are about: the document (content hash, or its id when the
-- store holds no document row) and the mention's bytes in it. Corrected
-- columns are null where the machine's reading stands; machine_* are the
-- machine's reading when the person looked; event is where it was last found.
CREATE TABLE IF NOT EXISTS curations(
  document TEXT NOT NULL,
  date_begin BIGINT NOT NULL,
  date_end BIGINT NOT NULL,
  doc TEXT NOT NULL,
  verdict TEXT NOT NULL,
  earliest BIGINT,
  latest BIGINT,
  pairs TEXT,
  kind TEXT,
  note TEXT NOT NULL,
  updated TEXT NOT NULL,
  machine_earliest BIGINT,
  machine_latest BIGINT,
  machine_pairs TEXT NOT NULL,
  machine_kind TEXT NOT NULL,
  event BIGINT NOT NULL,
  PRIMARY KEY(document, date_begin, date_end));
-- A curation made on an event learns its document's hash from the id its
-- source names.
CREATE INDEX IF NOT EXISTS documents_by_id ON documents(id);
)sql";
}

std::string curation_upsert_sql(const std::function<std::string(int)>& placeholder) {
    std::string values, updates;
    const std::string_view names = kCurationColumns;
    size_t at = 0;
    for (int i = 1; i <= static_cast<int>(kCurationColumnCount); ++i) {
        values += (i > 1 ? ", " : "") + placeholder(i);
        size_t comma = names.find(',', at);
        std::string name(names.substr(at, comma == std::string_view::npos ? std::string_view::npos : comma - at));
        name.erase(0, name.find_first_not_of(' '));
        at = comma == std::string_view::npos ? names.size() : comma + 1;
        if (i > 3) updates += fmt::format("{}{} = excluded.{}", updates.empty() ? "" : ", ", name, name);
    }
    return fmt::format("INSERT INTO curations ({}) VALUES ({}) ON CONFLICT (document, date_begin, date_end) DO UPDATE SET {}",
                       kCurationColumns, values, updates);
}

std::array<CurationValue, kCurationColumnCount> curation_values(const Curation& c) {
    auto text_or_null = [](bool present, std::string s) -> CurationValue {
        if (!present) return std::monostate{};
        return s;
    };
    return {c.key.document,
            int64_t{c.key.date_span.begin},
            int64_t{c.key.date_span.end},
            c.doc,
            std::string(to_string(c.verdict)),
            c.interval ? day_value(c.interval->earliest) : CurationValue{},
            c.interval ? day_value(c.interval->latest) : CurationValue{},
            text_or_null(c.pairs.has_value(), c.pairs ? join_pairs(*c.pairs) : ""),
            text_or_null(c.kind.has_value(), c.kind ? std::string(to_string(*c.kind)) : ""),
            c.note,
            c.updated,
            day_value(c.machine_interval.earliest),
            day_value(c.machine_interval.latest),
            join_pairs(c.machine_pairs),
            std::string(to_string(c.machine_kind)),
            c.event};
}

Curation curation_from_texts(const std::array<std::optional<std::string>, kCurationColumnCount>& r) {
    auto text = [&](size_t i) { return r[i].value_or(""); };
    Curation c;
    c.key.document = text(0);
    c.key.date_span = {static_cast<uint32_t>(std::stoul(text(1))), static_cast<uint32_t>(std::stoul(text(2)))};
    c.doc = text(3);
    c.verdict = verdict_from_string(text(4)).value_or(Verdict::Unchecked);
    if (r[5] && r[6]) c.interval = Interval{day_of(r[5]), day_of(r[6])};
    if (r[7]) c.pairs = pairs_of(*r[7]);
    if (r[8]) c.kind = event_kind_from_string(*r[8]);
    c.note = text(9);
    c.updated = text(10);
    c.machine_interval = {day_of(r[11]), day_of(r[12])};
    c.machine_pairs = pairs_of(text(13));
    c.machine_kind = event_kind_from_string(text(14)).value_or(EventKind::Other);
    c.event = r[15] ? std::stoll(*r[15]) : 0;
    return c;
}

}  // namespace tarikh::store
