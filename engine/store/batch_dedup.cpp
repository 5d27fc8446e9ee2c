#include "store/batch_dedup.h"

#include "tarikh/event_json.h"

#include <algorithm>
#include <atomic>
#include <tuple>
#include <thread>

namespace tarikh::store {
namespace {

// Years (Gregorian) of the interval's bounds, for the dedup time buckets.
std::vector<int64_t> buckets_of(const Interval& iv) {
    if (!iv.anchored()) return time_buckets(std::nullopt, std::nullopt);
    auto year = [](Day d) { return int64_t{static_cast<int>(date::year_month_day{d}.year())}; };
    return time_buckets(year(*iv.earliest), year(*iv.latest));
}

void add_unique(std::vector<int64_t>& to, const std::vector<int64_t>& keys) {
    for (int64_t k : keys)
        if (std::find(to.begin(), to.end(), k) == to.end()) to.push_back(k);
}

}  // namespace

std::vector<int64_t> Prepared::all_keys() const {
    std::vector<int64_t> k = keys;
    k.push_back(exact);
    return k;
}

Prepared prepare(const Event& in) {
    Prepared p{in, {}, {}, {}, 0, {}};
    Event& e = p.event;
    normalize_actors(e);
    if (e.interval.anchored() && *e.interval.latest < *e.interval.earliest)
        std::swap(e.interval.earliest, e.interval.latest);
    p.shingles = shingles_of(e.text);
    p.pairs = join_pairs(e.pairs);
    p.keys = dedup_keys(p.pairs, p.shingles, buckets_of(e.interval));
    p.span = stored_span(e.interval);
    p.exact = exact_key(p.pairs, p.shingles, p.span.earliest, p.span.latest);
    return p;
}

std::vector<Prepared> prepare_all(const std::vector<const Event*>& events) {
    std::vector<Prepared> out(events.size());
    const unsigned threads = std::max(1u, std::min<unsigned>(std::thread::hardware_concurrency(),
                                                             static_cast<unsigned>(events.size() / 256 + 1)));
    std::atomic<size_t> next{0};
    auto work = [&] {
        for (size_t i; (i = next.fetch_add(64)) < events.size();)
            for (size_t j = i; j < std::min(events.size(), i + 64); ++j) out[j] = prepare(*events[j]);
    };
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
    work();
    for (auto& t : pool) t.join();
    return out;
}

bool source_before(const Source& a, const Source& b) {
    return std::tie(a.doc, a.span.begin, a.span.end, a.date_span.begin, a.date_span.end) <
           std::tie(b.doc, b.span.begin, b.span.end, b.date_span.begin, b.date_span.end);
}

Source first_source(const std::vector<Source>& sources) {
    if (sources.empty()) return {};
    return *std::min_element(sources.begin(), sources.end(), source_before);
}

namespace {

// Whether a report leads the event it joins: its source comes first.
bool leads(const Source& report_first, const Source& event_first) { return source_before(report_first, event_first); }

// Whether a report's interval replaces the event's: shorter, or as long and
// the report leads.
bool takes_interval(const StoredSpan& report, const StoredSpan& event, bool report_leads) {
    if (report.cls == kUndatedClass || event.cls == kUndatedClass) return false;
    const int64_t r = report.latest - report.earliest, e = event.latest - event.earliest;
    return r < e || (r == e && report_leads && (report.earliest != event.earliest));
}

}  // namespace

bool merge_report(Event& into, const Event& e) {
    bool changed = false;
    const bool report_leads = !e.sources.empty() && (into.sources.empty() || leads(first_source(e.sources), first_source(into.sources)));
    for (const auto& s : e.sources) {
        if (std::find(into.sources.begin(), into.sources.end(), s) == into.sources.end()) {
            into.sources.push_back(s);
            changed = true;
        }
    }
    if (changed) std::stable_sort(into.sources.begin(), into.sources.end(), source_before);
    if (report_leads && (into.text != e.text || into.kind != e.kind || into.lang != e.lang)) {
        into.text = e.text;
        into.kind = e.kind;
        into.lang = e.lang;
        changed = true;
    }
    if (takes_interval(stored_span(e.interval), stored_span(into.interval), report_leads)) {
        into.interval = e.interval;
        into.value = e.value;
        into.granularity = e.granularity;
        into.mod = e.mod;
        changed = true;
    }
    if (e.confidence > into.confidence) {
        into.confidence = e.confidence;
        changed = true;
    }
    return changed;
}

BatchDedup::BatchDedup(const std::vector<Prepared>& batch, std::vector<bool> skip)
    : batch_(batch), skip_(std::move(skip)) {
    skip_.resize(batch_.size(), false);
}

KeyLookup BatchDedup::lookups() const {
    KeyLookup k;
    for (size_t i = 0; i < batch_.size(); ++i) {
        if (skip_[i]) continue;
        k.exact.push_back(batch_[i].exact);
        k.near.insert(k.near.end(), batch_[i].keys.begin(), batch_[i].keys.end());
    }
    for (auto* v : {&k.exact, &k.near}) {
        std::sort(v->begin(), v->end());
        v->erase(std::unique(v->begin(), v->end()), v->end());
    }
    return k;
}

void BatchDedup::file(int64_t key, int64_t id) { filed_[key].push_back(id); }

void BatchDedup::know(Candidate c) {
    current_[c.id] = {c.span, nullptr, c.first};
    const int64_t id = c.id;
    stored_.insert_or_assign(id, std::move(c));
}

void BatchDedup::file_keys(const std::vector<int64_t>& keys, int64_t id) {
    for (int64_t k : keys) {
        auto& ids = filed_[k];
        if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
    }
}

const Shingles& BatchDedup::shingles_of(int64_t id) {
    Current& c = current_.at(id);
    if (!c.shingles) c.shingles = &stored_shingles_.emplace(id, store::shingles_of(stored_.at(id).text)).first->second;
    return *c.shingles;
}

// The stored (or earlier new) event event i repeats: same pairs, overlapping
// interval, the most similar wording above the threshold; 0 when none.
int64_t BatchDedup::best_match(size_t i) {
    const Prepared& p = batch_[i];
    std::vector<int64_t> candidates;
    if (auto it = filed_.find(p.exact); it != filed_.end()) candidates = it->second;
    for (int64_t key : p.keys) {
        auto it = filed_.find(key);
        if (it == filed_.end()) continue;
        std::vector<int64_t> ids = it->second;
        if (ids.size() > kNearCandidates) {
            std::partial_sort(ids.begin(), ids.begin() + kNearCandidates, ids.end(), std::greater<>());
            ids.resize(kNearCandidates);
        }
        candidates.insert(candidates.end(), ids.begin(), ids.end());
    }
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());

    int64_t best = 0;
    double best_score = 0;
    for (int64_t id : candidates) {
        auto now = current_.find(id);
        if (now == current_.end() || !same_time(now->second.span, p.span)) continue;
        const bool in_batch = id >= kBatchBase;
        const std::string& pairs = in_batch ? batch_[static_cast<size_t>(id - kBatchBase)].pairs : stored_.at(id).pairs;
        if (pairs != p.pairs) continue;
        const double score = jaccard(shingles_of(id), p.shingles);
        if (score >= kSameWording && score > best_score) {
            best_score = score;
            best = id;
        }
    }
    return best;
}

const std::vector<Placement>& BatchDedup::plan() {
    plan_.assign(batch_.size(), Placement{});
    for (size_t i = 0; i < batch_.size(); ++i) {
        if (skip_[i]) continue;
        const Prepared& p = batch_[i];
        const int64_t best = best_match(i);
        const Source first = first_source(p.event.sources);
        if (!best) {
            const int64_t id = kBatchBase + static_cast<int64_t>(i);
            plan_[i] = {Placement::New, i, 0};
            current_[id] = {p.span, &p.shingles, first};
            file_keys(p.all_keys(), id);
            continue;
        }
        plan_[i] = best >= kBatchBase ? Placement{Placement::IntoNew, static_cast<size_t>(best - kBatchBase), 0}
                                      : Placement{Placement::IntoStored, 0, best};
        // As merge_report will: a leading report gives its wording, a more
        // precise one its interval; the event is then findable by the
        // report's keys too (its words, its years).
        Current& now = current_.at(best);
        const bool report_leads = !p.event.sources.empty() && leads(first, now.first);
        bool refiled = false;
        if (report_leads) {
            now.shingles = &p.shingles;
            now.first = first;
            refiled = true;
        }
        if (takes_interval(p.span, now.span, report_leads)) {
            now.span = p.span;
            refiled = true;
        }
        if (refiled) file_keys(p.all_keys(), best);
    }
    return plan_;
}

std::vector<int64_t> BatchDedup::merge_targets() const {
    std::vector<int64_t> ids;
    for (const auto& pl : plan_)
        if (pl.kind == Placement::IntoStored) ids.push_back(pl.stored);
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    return ids;
}

BatchWrites BatchDedup::apply(const std::map<int64_t, Event>& stored) const {
    BatchWrites out;
    std::unordered_map<size_t, size_t> added_at;        // batch index → out.added
    std::map<int64_t, BatchWrites::Changed> changed;    // by stored id
    std::map<int64_t, Interval> original;
    std::map<int64_t, bool> touched;                     // a merge changed it
    for (size_t i = 0; i < plan_.size(); ++i) {
        const Placement& pl = plan_[i];
        const Prepared& p = batch_[i];
        if (pl.kind == Placement::Skipped) continue;
        if (pl.kind == Placement::New) {
            added_at[i] = out.added.size();
            out.added.push_back({p.event, p.all_keys()});
            ++out.events_added;
            continue;
        }
        Event* into;
        std::vector<int64_t>* keys;
        if (pl.kind == Placement::IntoNew) {
            auto& a = out.added[added_at.at(pl.index)];
            into = &a.event;
            keys = &a.keys;
        } else {
            auto it = changed.find(pl.stored);
            if (it == changed.end()) {
                auto row = stored.find(pl.stored);
                if (row == stored.end()) throw StoreError("an event to merge into vanished from the store");
                it = changed.emplace(pl.stored, BatchWrites::Changed{row->second, false, {}, {}}).first;
                original[pl.stored] = row->second.interval;
            }
            into = &it->second.event;
            keys = &it->second.new_keys;
        }
        const Interval before = into->interval;
        const std::string text_before = into->text;
        if (!merge_report(*into, p.event)) continue;
        ++out.events_merged;
        if (pl.kind == Placement::IntoStored) touched[pl.stored] = true;
        if (into->interval != before || into->text != text_before) add_unique(*keys, p.all_keys());
    }
    for (auto& [id, c] : changed) {
        if (!touched.count(id)) continue;
        c.old_interval = original.at(id);
        c.interval_changed = c.event.interval != c.old_interval;
        out.changed.push_back(std::move(c));
    }
    return out;
}

}  // namespace tarikh::store
