// Curations read together with the machine's events, through the Store
// interface alone, so every backend shares this logic (curation.h).
#include "tarikh/curation.h"

#include "store/event_row.h"

#include "tarikh/event_json.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <map>
#include <unordered_map>
#include <unordered_set>

namespace tarikh {
namespace {

bool has_pair(const Event& e, const CountryPair& p) {
    return std::find(e.pairs.begin(), e.pairs.end(), p) != e.pairs.end();
}

bool in_lane_of(const Event& e, const CountryCode& actor) {
    return std::any_of(e.pairs.begin(), e.pairs.end(),
                       [&](const CountryPair& p) { return p.first == actor || p.second == actor; });
}

// Result order of Store::query: earliest, latest, id; undated ones by id.
bool before(const Event& a, const Event& b) {
    if (a.interval.anchored() && b.interval.anchored()) {
        if (*a.interval.earliest != *b.interval.earliest) return *a.interval.earliest < *b.interval.earliest;
        if (*a.interval.latest != *b.interval.latest) return *a.interval.latest < *b.interval.latest;
    }
    return a.id < b.id;
}

bool carries(const Event& e, const CurationKey& key, const std::vector<std::string>& doc_ids) {
    for (const Source& s : e.sources)
        if (s.date_span == key.date_span && std::find(doc_ids.begin(), doc_ids.end(), s.doc) != doc_ids.end())
            return true;
    return false;
}

// Where to look for a curation's event in a store where its id is unknown:
// the lane and time the machine gave it when the person looked.
EventQuery where_it_was(const Curation& c) {
    EventQuery q;
    if (!c.machine_pairs.empty()) q.pair = c.machine_pairs.front();
    if (c.machine_interval.anchored()) {
        q.from = c.machine_interval.earliest;
        q.to = c.machine_interval.latest;
    } else {
        q.undated = true;
    }
    return q;
}

// One curation per event: when two reports of one event were curated apart
// (and later merged), the latest word stands.
std::vector<const BoundCuration*> one_per_event(const std::vector<BoundCuration>& bound) {
    std::unordered_map<int64_t, const BoundCuration*> by_event;
    for (const auto& b : bound) {
        if (!b.machine.id) continue;
        auto [it, fresh] = by_event.emplace(b.machine.id, &b);
        if (!fresh && it->second->curation.updated < b.curation.updated) it->second = &b;
    }
    std::vector<const BoundCuration*> out;
    for (const auto& [id, b] : by_event) out.push_back(b);
    std::sort(out.begin(), out.end(), [](auto* a, auto* b) { return a->machine.id < b->machine.id; });
    return out;
}

bool shown(const Event& curated, const EventQuery& q) {
    if (curated.curation && curated.curation->verdict == Verdict::Dismissed && !q.dismissed) return false;
    return matches_query(curated, q);
}

}  // namespace

std::string_view to_string(Verdict v) {
    switch (v) {
        case Verdict::Confirmed: return "confirmed";
        case Verdict::Dismissed: return "dismissed";
        case Verdict::Unchecked: break;
    }
    return "unchecked";
}

std::optional<Verdict> verdict_from_string(std::string_view s) {
    for (Verdict v : {Verdict::Unchecked, Verdict::Confirmed, Verdict::Dismissed})
        if (s == to_string(v)) return v;
    return std::nullopt;
}

std::optional<CurationKey> curation_key(Store& store, const Event& e) {
    if (e.sources.empty()) return std::nullopt;
    const Source& s = e.sources.front();
    const auto doc = store.document_by_id(s.doc);
    return CurationKey{doc ? doc->hash : s.doc, s.date_span};
}

std::vector<BoundCuration> bind_curations(Store& store) {
    std::vector<Curation> all = store.curations();
    if (all.empty()) return {};
    std::vector<int64_t> hints;
    for (const auto& c : all)
        if (c.event) hints.push_back(c.event);
    std::unordered_map<int64_t, Event> by_id;
    for (Event& e : store.events_by_id(hints)) by_id.emplace(e.id, std::move(e));

    std::vector<BoundCuration> out;
    out.reserve(all.size());
    for (Curation& c : all) {
        std::vector<std::string> doc_ids{c.doc};
        if (auto d = store.document_by_hash(c.key.document); d && d->id != c.doc) doc_ids.push_back(d->id);
        BoundCuration b{std::move(c), {}};
        if (auto it = by_id.find(b.curation.event); it != by_id.end() && carries(it->second, b.curation.key, doc_ids)) {
            b.machine = it->second;
        } else {
            for (Event& e : store.query(where_it_was(b.curation)))
                if (carries(e, b.curation.key, doc_ids)) {
                    b.machine = std::move(e);
                    break;
                }
        }
        out.push_back(std::move(b));
    }
    return out;
}

Curation changed(Curation c, const CurationChange& change, const Event& machine) {
    if (change.verdict) c.verdict = *change.verdict;
    if (change.interval) c.interval = change.interval;
    if (change.pairs) c.pairs = change.pairs;
    if (change.kind) c.kind = change.kind;
    if (change.note) c.note = *change.note;
    c.machine_interval = machine.interval;
    c.machine_pairs = machine.pairs;
    c.machine_kind = machine.kind;
    c.event = machine.id;
    c.updated = utc_now();
    return c;
}

size_t refresh_curation_hints(Store& store) {
    size_t missing = 0;
    for (BoundCuration& b : bind_curations(store)) {
        if (!b.machine.id) {
            ++missing;
        } else if (b.machine.id != b.curation.event) {
            b.curation.event = b.machine.id;
            store.put_curation(b.curation);
        }
    }
    return missing;
}

IntervalValue interval_value(const Interval& iv) {
    if (!iv.anchored()) return {"XXXX", Granularity::Unknown};
    using namespace date;
    const year_month_day a{*iv.earliest}, b{*iv.latest};
    const bool starts_month = a.day() == day{1};
    const bool ends_month = year_month_day_last{b.year(), month_day_last{b.month()}}.day() == b.day();
    const int ya = static_cast<int>(a.year()), yb = static_cast<int>(b.year());
    const bool whole_years = starts_month && ends_month && a.month() == January && b.month() == December;
    if (*iv.earliest == *iv.latest) return {format_iso(*iv.earliest), Granularity::Day};
    if (starts_month && ends_month && a.year() == b.year() && a.month() == b.month())
        return {format_iso(*iv.earliest).substr(0, 7), Granularity::Month};
    if (whole_years && ya == yb) return {fmt::format("{:04}", ya), Granularity::Year};
    if (whole_years && ya > 0 && ya % 10 == 0 && yb == ya + 9) return {fmt::format("{:03}", ya / 10), Granularity::Decade};
    if (whole_years && ya > 0 && ya % 100 == 0 && yb == ya + 99) return {fmt::format("{:02}", ya / 100), Granularity::Century};
    return {format_iso(*iv.earliest) + "/" + format_iso(*iv.latest), Granularity::Day};
}

Event apply_curation(Event e, const Curation& c) {
    Curation applied = c;
    applied.machine_interval = e.interval;
    applied.machine_pairs = e.pairs;
    applied.machine_kind = e.kind;
    applied.event = e.id;
    if (c.interval && c.interval->anchored()) {
        e.interval = *c.interval;
        IntervalValue v = interval_value(e.interval);
        e.value = std::move(v.value);
        e.granularity = v.granularity;
        e.mod = Mod::None;
    }
    if (c.pairs && !c.pairs->empty()) replace_pairs(e, *c.pairs);
    if (c.kind) e.kind = *c.kind;
    e.curation = std::move(applied);
    return e;
}

bool matches_query(const Event& e, const EventQuery& q) {
    if (q.undated) {
        if (e.interval.anchored()) return false;
    } else {
        if (!e.interval.anchored()) return false;
        const Day a = *e.interval.earliest, b = *e.interval.latest;
        if (q.within) {
            if (q.from && a < *q.from) return false;
            if (q.to && b > *q.to) return false;
        } else {
            if (q.from && b < *q.from) return false;
            if (q.to && a > *q.to) return false;
        }
    }
    if (q.pair) {
        CountryPair p = *q.pair;
        if (p.second < p.first) std::swap(p.first, p.second);
        if (!has_pair(e, p)) return false;
        if (q.actor && std::find(e.actors.begin(), e.actors.end(), *q.actor) == e.actors.end()) return false;
    } else if (q.actor && !in_lane_of(e, *q.actor)) {
        return false;
    }
    if (q.kind && e.kind != *q.kind) return false;
    return q.text.empty() || store::has_all_words(e.text, store::folded_words(q.text));
}

std::vector<Event> curated_query(Store& store, const EventQuery& q) {
    const std::vector<BoundCuration> bound = bind_curations(store);
    if (bound.empty()) return q.checked ? std::vector<Event>{} : store.query(q);
    const std::vector<const BoundCuration*> curated = one_per_event(bound);
    std::vector<Event> out;
    if (!q.checked) {
        std::unordered_set<int64_t> ids;
        for (const auto* b : curated) ids.insert(b->machine.id);
        // Curated events found by their machine values are dropped and come
        // back below with their corrections: ask for that many more.
        EventQuery machine = q;
        if (machine.limit) machine.limit += ids.size();
        out = store.query(machine);
        std::erase_if(out, [&](const Event& e) { return ids.count(e.id) > 0; });
    }
    for (const auto* b : curated) {
        Event e = apply_curation(b->machine, b->curation);
        if (shown(e, q)) out.push_back(std::move(e));
    }
    std::stable_sort(out.begin(), out.end(), before);
    if (q.limit && out.size() > q.limit) out.resize(q.limit);
    return out;
}

size_t curated_count(Store& store, const EventQuery& q) {
    const std::vector<BoundCuration> bound = bind_curations(store);
    if (bound.empty()) return q.checked ? 0 : store.count(q);
    EventQuery all = q;
    all.limit = 0;
    int64_t n = q.checked ? 0 : static_cast<int64_t>(store.count(all));
    for (const auto* b : one_per_event(bound)) {
        if (!q.checked && matches_query(b->machine, all)) --n;
        if (shown(apply_curation(b->machine, b->curation), all)) ++n;
    }
    return static_cast<size_t>(std::max<int64_t>(0, n));
}

std::string utc_now() {
    const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

}  // namespace tarikh
