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

void add_unique(std::vector<FiledKey>& to, const std::vector<FiledKey>& keys) {
    for (const FiledKey& k : keys)
        if (std::find(to.begin(), to.end(), k) == to.end()) to.push_back(k);
}

// Whether a stored event known only by its span and wording's sketch may be
// the one `p` repeats: only then is its row worth reading.
bool may_repeat(const StoredSpan& span, const WordingSketch& w, const Prepared& p) {
    if (span.cls < kUndatedClass || !same_time(span, p.span)) return false;
    return !w.known || (w.pairs == p.sketch.pairs && jaccard_bound(p.shingles, w) >= kSameWording);
}

}  // namespace

Prepared prepare(Event in) {
    Prepared p{std::move(in), {}, {}, {}, 0, {}, {}, {}, {}};
    Event& e = p.event;
    normalize_actors(e);
    if (e.interval.anchored() && *e.interval.latest < *e.interval.earliest)
        std::swap(e.interval.earliest, e.interval.latest);
    p.shingles = shingles_of(e.text);
    p.row = row_text(e);
    const std::vector<int64_t> buckets = buckets_of(e.interval);
    p.keys = dedup_keys(p.pairs(), p.shingles, buckets);
    for (int64_t b : buckets) p.shelves.push_back(key_shelf(p.pairs(), b));
    // dedup_keys(): kBands keys per time bucket, the buckets in order.
    p.filed.reserve(p.keys.size() + 1);
    for (size_t i = 0; i < p.keys.size(); ++i) p.filed.push_back({p.keys[i], p.shelves[i / kBands]});
    p.span = stored_span(e.interval);
    p.exact = exact_key(p.pairs(), p.shingles, p.span.earliest, p.span.latest);
    p.filed.push_back({p.exact, p.shelves.front()});
    p.sketch = sketch_wording(p.pairs(), p.shingles);
    return p;
}

std::vector<Prepared> prepare_all(const std::vector<const Event*>& events) {
    std::vector<Prepared> out(events.size());
    prepare_in_parallel(events.size(), [&](size_t j) { out[j] = prepare(*events[j]); });
    return out;
}

void prepare_in_parallel(size_t n, const std::function<void(size_t)>& one) {
    const unsigned threads =
        std::max(1u, std::min<unsigned>(std::thread::hardware_concurrency(), static_cast<unsigned>(n / 256 + 1)));
    std::atomic<size_t> next{0};
    auto work = [&] {
        for (size_t i; (i = next.fetch_add(64)) < n;)
            for (size_t j = i; j < std::min(n, i + 64); ++j) one(j);
    };
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
    work();
    for (auto& t : pool) t.join();
}

}  // namespace tarikh::store

namespace tarikh {

PreparedEvents::PreparedEvents() : items_(std::make_shared<std::vector<store::Prepared>>()) {}

PreparedEvents::PreparedEvents(std::vector<Event> events) {
    auto items = std::make_shared<std::vector<store::Prepared>>(events.size());
    store::prepare_in_parallel(events.size(), [&](size_t j) { (*items)[j] = store::prepare(std::move(events[j])); });
    items_ = std::move(items);
}

PreparedEvents PreparedEvents::share() const {
    PreparedEvents out;
    out.items_ = items_;
    return out;
}

PreparedEvents::~PreparedEvents() = default;
PreparedEvents::PreparedEvents(PreparedEvents&&) noexcept = default;
PreparedEvents& PreparedEvents::operator=(PreparedEvents&&) noexcept = default;
size_t PreparedEvents::size() const { return items_->size(); }

}  // namespace tarikh

namespace tarikh::store {

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
    // The same interval (or both undated) read from other words ("XXXX-XX-XX"
    // and "XXXX", a day and a week): the leading report's reading, as for the text.
    const StoredSpan report_span = stored_span(e.interval), event_span = stored_span(into.interval);
    const bool same_interval = report_span.cls == event_span.cls && report_span.earliest == event_span.earliest &&
                               report_span.latest == event_span.latest;
    const bool reads_otherwise = into.value != e.value || into.granularity != e.granularity || into.mod != e.mod;
    if (takes_interval(report_span, event_span, report_leads) || (same_interval && report_leads && reads_otherwise)) {
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
    // Each pair as its surest report read it (the pairs are the same: a
    // report of another pair is another event).
    for (const Participants& p : e.participants) {
        auto it = std::find_if(into.participants.begin(), into.participants.end(),
                               [&](const Participants& q) { return q.lane() == p.lane(); });
        if (it != into.participants.end() && p.confidence > it->confidence) {
            *it = p;
            changed = true;
        }
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
    return k;
}

std::vector<int64_t> BatchDedup::shelves() const {
    std::vector<int64_t> out;
    for (size_t i = 0; i < batch_.size(); ++i)
        if (!skip_[i]) out.insert(out.end(), batch_[i].shelves.begin(), batch_[i].shelves.end());
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

void BatchDedup::file(int64_t key, int64_t id) { stored_filed_.emplace_back(key, id); }

void BatchDedup::know(Candidate c) {
    stored_spans_[c.id] = c.span;
    const int64_t id = c.id;
    stored_.insert_or_assign(id, std::move(c));
}

// Every event met gets a small number, in id order (stored events, then the
// batch's new ones), so the keys file them in a KeyIndex and "most recent
// first" still means the highest id.
void BatchDedup::number_events() {
    std::vector<int64_t> ids;
    ids.reserve(stored_filed_.size());
    for (const auto& [key, id] : stored_filed_) ids.push_back(id);
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    real_.assign(1, 0);
    now_.assign(1, {});
    real_.reserve(ids.size() + batch_.size() + 1);
    for (int64_t id : ids) {
        real_.push_back(id);
        KnownEvent known;  // a span unknown (a damaged store) never matches
        if (auto it = stored_spans_.find(id); it != stored_spans_.end()) {
            known.span = it->second;
        } else if (known_of) {
            known = known_of(id);
        }
        now_.push_back({known.span, known.wording, nullptr, {}});
    }
    first_new_ = static_cast<uint32_t>(real_.size());
    filed_.reserve(stored_filed_.size() + batch_.size() * 8);
    // Local numbers follow the ids: an id's is found by binary search in
    // real_, with no hash map of every id met to fill and free per batch.
    const auto stored_end = real_.begin() + first_new_;
    for (const auto& [key, id] : stored_filed_)
        filed_.add(key, static_cast<uint32_t>(std::lower_bound(real_.begin() + 1, stored_end, id) - real_.begin()));
}

const Candidate& BatchDedup::row_of(uint32_t local) {
    const int64_t id = real_[local];
    auto it = stored_.find(id);
    if (it == stored_.end()) it = stored_.emplace(id, read_row(id)).first;
    return it->second;
}

const Shingles& BatchDedup::shingles_of(uint32_t local) {
    if (!now_[local].shingles) {
        const std::string& text = row_of(local).text;
        now_[local].shingles = &stored_shingles_.emplace(real_[local], store::shingles_of(text)).first->second;
    }
    return *now_[local].shingles;
}

void BatchDedup::file_keys(const std::vector<FiledKey>& keys, uint32_t local) {
    for (const FiledKey& k : keys) filed_.add(k.key, local);
}

// The stored (or earlier new) event event i repeats: same pairs, overlapping
// interval, the most similar wording above the threshold; 0 when none.
uint32_t BatchDedup::best_match(size_t i) {
    const Prepared& p = batch_[i];
    candidates_.clear();
    filed_.find(p.exact, KeyIndex::kMaxPerKey, candidates_);
    for (int64_t key : p.keys) filed_.find(key, kNearCandidates, candidates_);
    std::sort(candidates_.begin(), candidates_.end());
    candidates_.erase(std::unique(candidates_.begin(), candidates_.end()), candidates_.end());
    compared_ += candidates_.size();

    uint32_t best = 0;
    double best_score = 0;
    for (int64_t c : candidates_) {
        const auto local = static_cast<uint32_t>(c);
        if (now_[local].span.cls < kUndatedClass || !same_time(now_[local].span, p.span)) continue;
        const bool in_batch = local >= first_new_;
        // A stored wording not read yet: its sketch may rule it out.
        if (!in_batch && !now_[local].shingles && !may_repeat(now_[local].span, now_[local].wording, p)) continue;
        const std::string& pairs = in_batch ? batch_[static_cast<size_t>(real_[local] - kBatchBase)].pairs() : row_of(local).pairs;
        if (pairs != p.pairs()) continue;
        const double score = jaccard(shingles_of(local), p.shingles);
        if (score >= kSameWording && score > best_score) {
            best_score = score;
            best = local;
        }
    }
    return best;
}

const std::vector<Placement>& BatchDedup::plan() {
    number_events();
    if (read_rows) read_rows_worth_reading();
    plan_.assign(batch_.size(), Placement{});
    for (size_t i = 0; i < batch_.size(); ++i) {
        if (skip_[i]) continue;
        const Prepared& p = batch_[i];
        const uint32_t best = best_match(i);
        const Source first = first_source(p.event.sources);
        if (!best) {
            const auto local = static_cast<uint32_t>(real_.size());
            real_.push_back(kBatchBase + static_cast<int64_t>(i));
            now_.push_back({p.span, {}, &p.shingles, first});
            plan_[i] = {Placement::New, i, 0};
            file_keys(p.all_keys(), local);
            continue;
        }
        const bool into_new = best >= first_new_;
        plan_[i] = into_new ? Placement{Placement::IntoNew, static_cast<size_t>(real_[best] - kBatchBase), 0}
                            : Placement{Placement::IntoStored, 0, real_[best]};
        // As merge_report will: a leading report gives its wording, a more
        // precise one its interval; the event is then findable by the
        // report's keys too (its words, its years).
        if (!into_new && !now_[best].shingles) shingles_of(best);
        Current& now = now_[best];
        if (!into_new && !now.first_read) {
            now.first = row_of(best).first;
            now.first_read = true;
        }
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

std::vector<std::pair<int64_t, WordingSketch>> BatchDedup::read_wordings() const {
    std::vector<std::pair<int64_t, WordingSketch>> out;
    for (const auto& [id, shingles] : stored_shingles_)
        if (auto row = stored_.find(id); row != stored_.end()) out.emplace_back(id, sketch_wording(row->second.pairs, shingles));
    return out;
}

// Before any event of the batch is filed: every candidate is a stored one.
void BatchDedup::read_rows_worth_reading() {
    std::vector<bool> worth(real_.size(), false);
    std::vector<int64_t> ids;
    for (size_t i = 0; i < batch_.size(); ++i) {
        if (skip_[i]) continue;
        const Prepared& p = batch_[i];
        candidates_.clear();
        filed_.find(p.exact, KeyIndex::kMaxPerKey, candidates_);
        for (int64_t key : p.keys) filed_.find(key, kNearCandidates, candidates_);
        for (int64_t c : candidates_) {
            const auto local = static_cast<size_t>(c);
            if (worth[local] || stored_.count(real_[local]) || !may_repeat(now_[local].span, now_[local].wording, p)) continue;
            worth[local] = true;
            ids.push_back(real_[local]);
        }
    }
    std::sort(ids.begin(), ids.end());
    for (Candidate& c : read_rows(ids)) {
        const int64_t id = c.id;
        stored_.insert_or_assign(id, std::move(c));
    }
}

std::vector<int64_t> BatchWrites::placed(const std::vector<int64_t>& added_ids) const {
    std::vector<int64_t> out;
    out.reserve(into.size());
    for (const Into& in : into) out.push_back(in.skipped ? 0 : in.stored ? in.stored : added_ids.at(in.added_index));
    return out;
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
    out.into.resize(plan_.size());
    std::unordered_map<size_t, size_t> added_at;        // batch index → out.added
    std::map<int64_t, BatchWrites::Changed> changed;    // by stored id
    std::map<int64_t, Interval> original;
    std::map<int64_t, bool> touched;                     // a merge changed it
    for (size_t i = 0; i < plan_.size(); ++i) {
        const Placement& pl = plan_[i];
        const Prepared& p = batch_[i];
        if (pl.kind == Placement::Skipped) continue;
        if (pl.kind == Placement::New) {
            out.into[i] = {false, out.added.size(), 0};
            added_at[i] = out.added.size();
            out.added.push_back({&p, std::nullopt, {}, p.sketch});
            ++out.events_added;
            continue;
        }
        Event* into;
        std::vector<FiledKey>* keys;
        WordingSketch* wording;
        out.into[i] = pl.kind == Placement::IntoNew ? BatchWrites::Into{false, added_at.at(pl.index), 0}
                                                    : BatchWrites::Into{false, 0, pl.stored};
        if (pl.kind == Placement::IntoNew) {
            auto& a = out.added[added_at.at(pl.index)];
            if (!a.merged) a.merged = a.report->event;
            into = &*a.merged;
            keys = &a.more_keys;
            wording = &a.wording;
        } else {
            auto it = changed.find(pl.stored);
            if (it == changed.end()) {
                auto row = stored.find(pl.stored);
                if (row == stored.end()) throw StoreError("an event to merge into vanished from the store");
                it = changed.emplace(pl.stored, BatchWrites::Changed{row->second, false, {}, {}, {}}).first;
                original[pl.stored] = row->second.interval;
            }
            into = &it->second.event;
            keys = &it->second.new_keys;
            wording = &it->second.wording;
        }
        const Interval before = into->interval;
        const std::string text_before = into->text;
        if (!merge_report(*into, p.event)) continue;
        ++out.events_merged;
        if (pl.kind == Placement::IntoStored) touched[pl.stored] = true;
        if (into->interval != before || into->text != text_before) add_unique(*keys, p.all_keys());
        if (into->text != text_before) *wording = p.sketch;  // the report's wording leads now
    }
    for (const auto& a : out.added) {
        out.sources_added += a.event().sources.size();
        out.undated_added += !a.event().interval.anchored();
    }
    for (auto& [id, c] : changed) {
        if (!touched.count(id)) continue;
        out.sources_added += c.event.sources.size() - stored.at(id).sources.size();
        c.old_interval = original.at(id);
        c.interval_changed = c.event.interval != c.old_interval;
        out.changed.push_back(std::move(c));
    }
    return out;
}

std::vector<FiledKey> BatchWrites::Added::keys() const {
    std::vector<FiledKey> all = report->filed;
    add_unique(all, more_keys);
    return all;
}

std::vector<bool> copies_kept(const std::vector<DocumentEvents>& batch) {
    std::map<std::string_view, size_t> kept;  // by hash
    for (size_t i = 0; i < batch.size(); ++i) {
        auto [it, first] = kept.emplace(batch[i].document.hash, i);
        if (!first && batch[i].document.id < batch[it->second].document.id) it->second = i;
    }
    std::vector<bool> out(batch.size(), false);
    for (const auto& [hash, i] : kept) out[i] = true;
    return out;
}

std::vector<BatchWrites::Changed> rename_document(const std::map<int64_t, Event>& stored, const std::string& from,
                                                  const std::string& to, const std::vector<const Prepared*>& reports) {
    std::vector<BatchWrites::Changed> out;
    for (const auto& [id, before] : stored) {
        BatchWrites::Changed c{before, false, before.interval, {}, {}};
        Event& e = c.event;
        std::vector<Source> taken;
        std::erase_if(e.sources, [&](const Source& s) {
            if (s.doc != from) return false;
            taken.push_back(s);
            return true;
        });
        if (taken.empty()) continue;
        for (const Source& s : taken) {
            auto copy = std::find_if(reports.begin(), reports.end(), [&](const Prepared* r) {
                return std::any_of(r->event.sources.begin(), r->event.sources.end(), [&](const Source& x) {
                    return x.doc == to && x.span == s.span && x.date_span == s.date_span;
                });
            });
            if (copy == reports.end()) {
                Source renamed = s;
                renamed.doc = to;
                e.sources.push_back(renamed);
                std::stable_sort(e.sources.begin(), e.sources.end(), source_before);
                continue;
            }
            const Interval interval = e.interval;
            const std::string text = e.text;
            merge_report(e, (*copy)->event);
            if (e.interval != interval || e.text != text) add_unique(c.new_keys, (*copy)->all_keys());
            if (e.text != text) c.wording = (*copy)->sketch;
        }
        c.interval_changed = e.interval != c.old_interval;
        out.push_back(std::move(c));
    }
    return out;
}

void KnownEvents::remember(int64_t id, const StoredSpan& span, const WordingSketch& wording) {
    if (id <= 0) return;
    const auto at = static_cast<size_t>(id);
    const size_t page = at / kPage;
    if (page >= pages_.size()) pages_.resize(page + 1);
    if (!pages_[page]) pages_[page] = std::make_unique<std::array<KnownEvent, kPage>>();
    KnownEvent& k = (*pages_[page])[at % kPage];
    k.span = span;
    if (wording.known) k.wording = wording;
}

KnownEvent KnownEvents::at(int64_t id) const {
    const auto at = static_cast<size_t>(id);
    const size_t page = at / kPage;
    return id > 0 && page < pages_.size() && pages_[page] ? (*pages_[page])[at % kPage] : KnownEvent{};
}

}  // namespace tarikh::store
