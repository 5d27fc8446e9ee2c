#include "store/query_sql.h"

#include "store/event_row.h"
#include "store/schema.h"

#include "tarikh/event_json.h"

#include <fmt/format.h>

namespace tarikh::store {
namespace {

// Numbers each parameter at its first use, so that a backend that types its
// parameters by use (PostgreSQL) never sees one it cannot type.
class Params {
public:
    explicit Params(const SqlDialect& d, IdQuery& out) : d_(d), out_(out) {}
    std::string add(std::variant<int64_t, std::string> v) {
        const bool integer = std::holds_alternative<int64_t>(v);
        out_.params.push_back(std::move(v));
        return d_.placeholder(static_cast<int>(out_.params.size()), integer);
    }

private:
    const SqlDialect& d_;
    IdQuery& out_;
};

}  // namespace

IdQuery matching_ids_sql(const EventQuery& q, const SqlDialect& dialect) {
    IdQuery out;
    Params params(dialect, out);
    std::string from_clause, key_filter, id_col;
    if (q.pair) {
        CountryPair p = *q.pair;
        if (p.second < p.first) std::swap(p.first, p.second);
        from_clause = "event_lanes d";
        key_filter = fmt::format("d.lane = (SELECT id FROM lanes WHERE pair = {}) AND ", params.add(pair_key(p)));
        id_col = "d.event";
    } else if (q.actor) {
        // The lanes the actor is in; an event of three actors is in two of them.
        const std::string a = params.add(*q.actor);
        from_clause = "event_lanes d";
        key_filter = fmt::format("d.lane IN (SELECT id FROM lanes WHERE a = {0} UNION SELECT id FROM lanes WHERE b = {0}) AND ", a);
        id_col = "d.event";
    } else {
        from_clause = "events d";
        id_col = "d.id";
    }
    const bool words_in_sql = !q.text.empty() && !dialect.has_words_function.empty();
    // An event's confidence is its surest pair's: the SQL keeps the events
    // with a pair sure enough, the reader (keep_confident_pairs) the pairs.
    const bool confident = q.min_confidence > 0;
    const bool needs_row = q.kind || words_in_sql || (q.pair && q.actor) || confident;
    if (needs_row && id_col != "d.id") from_clause += " JOIN events e ON e.id = d.event";
    const std::string e = id_col == "d.id" ? "d" : "e";
    std::string row_filter;
    if (q.kind) row_filter += fmt::format(" AND {}.kind = {}", e, params.add(std::string(to_string(*q.kind))));
    if (words_in_sql) {
        std::string words;
        for (const auto& w : folded_words(q.text)) words += w + '\n';
        row_filter += fmt::format(" AND {}({}.text, {})", dialect.has_words_function, e, params.add(words));
    }
    if (q.pair && q.actor)
        row_filter += fmt::format(" AND {}(' ' || {}.actors || ' ', {}) > 0", dialect.find_function, e,
                                  params.add(" " + *q.actor + " "));
    // A number the engine holds, not text a person typed: written in place.
    if (confident) row_filter += fmt::format(" AND {}.confidence >= {:.6f}", e, q.min_confidence);
    // Words filtered by the backend, or the pair of a lane below the bound
    // while the event has a surer one: every match is read, then cut.
    const bool limit_in_sql = q.limit && (q.text.empty() || words_in_sql) && !(confident && (q.pair || q.actor));
    const std::string limit = limit_in_sql ? " LIMIT " + params.add(static_cast<int64_t>(q.limit)) : "";
    // Through an actor's lanes, an event of three actors comes twice.
    const bool repeats = q.actor && !q.pair;

    if (q.undated) {
        out.sql = fmt::format("SELECT {6}{0} FROM {1} WHERE {2}d.span_class = {3}{4} ORDER BY {0}{5}", id_col,
                              from_clause, key_filter, kUndatedClass, row_filter, limit, repeats ? "DISTINCT " : "");
        return out;
    }
    const int64_t from_day = q.from ? day_number(*q.from) : kMinusInfinity;
    const int64_t to_day = q.to ? day_number(*q.to) : kPlusInfinity;
    if (from_day > to_day) return {};
    const std::string from = params.add(from_day), to = params.add(to_day);
    std::vector<std::string> parts;
    for (int c = 0; c <= kOpenClass; ++c) {
        std::string range;
        if (q.within) {
            if (span_class_min_days(c) > to_day - from_day + 1) break;
            range = fmt::format("d.earliest BETWEEN {0} AND {1} AND d.latest <= {1}", from, to);
        } else if (c == kOpenClass) {
            range = fmt::format("d.earliest <= {} AND d.latest >= {}", to, from);
        } else {
            range = fmt::format("d.earliest BETWEEN {0} - {2} AND {1} AND d.latest >= {0}", from, to,
                                span_class_max_days(c) - 1);
        }
        std::string part = fmt::format("SELECT {} AS id, d.earliest AS a, d.latest AS b FROM {} WHERE {}d.span_class = {} AND {}{}",
                                       id_col, from_clause, key_filter, c, range, row_filter);
        // With a limit, each class contributes only its first rows: they
        // come out of the index already in order.
        if (limit_in_sql && !repeats)
            part = fmt::format("SELECT * FROM ({} ORDER BY d.earliest, d.latest, {}{}) AS c{}", part, id_col, limit, c);
        parts.push_back(std::move(part));
    }
    if (parts.empty()) return {};
    std::string all;
    for (const auto& p : parts) all += (all.empty() ? "" : " UNION ALL ") + p;
    out.sql = fmt::format("SELECT id FROM ({}) AS u{} ORDER BY a, b, id{}", all, repeats ? " GROUP BY id, a, b" : "", limit);
    return out;
}

std::string interval_bounds_sql() {
    std::string classes;
    for (int c = 0; c <= kOpenClass; ++c) {
        const std::string in_class = fmt::format("FROM events WHERE span_class = {}", c);
        const std::string late = c == kOpenClass ? std::string()
                                                 : fmt::format(" AND earliest >= (SELECT max(earliest) {}) - {}", in_class,
                                                               span_class_max_days(c) - 1);
        classes += fmt::format("{}SELECT (SELECT min(earliest) {}) AS lo, (SELECT max(latest) {}{}) AS hi",
                               c ? " UNION ALL " : "", in_class, in_class, late);
    }
    return "SELECT min(lo), max(hi) FROM (" + classes + ") AS bounds";
}

std::string counted_sql() {
    return "SELECT (SELECT count(*) FROM documents), count(*), count(CASE WHEN span_class < 0 THEN 1 END), "
           "coalesce(sum(n_sources), 0) FROM events";
}

}  // namespace tarikh::store
