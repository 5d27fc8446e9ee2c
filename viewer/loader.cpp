#include "loader.h"

#include "synthetic.h"

#include "tarikh/curation.h"
#include "tarikh/store.h"

#include <chrono>
#include <filesystem>
#include <functional>
#include <unordered_set>

namespace tarikh::viewer {
namespace {

using Clock = std::chrono::steady_clock;

std::unique_ptr<Store> open_existing(const std::string& path) {
    // ReadOnly never creates; say plainly what is missing rather than SQLite's words.
    if (!is_postgresql_location(path) && !std::filesystem::exists(path))
        throw StoreError(path + ": no such store (create it with `tarikh ingest`)");
    return open_store(path, OpenMode::ReadOnly);
}

// Counts and bounds of the store. The store is closed again at once: see read_pages.
StoreStats read_stats(const std::string& path) { return open_existing(path)->stats(); }

// Calls `sink` with each page of dated events, in (earliest, latest, id) order.
//
// The store is opened for each page and closed after it. It maps the database
// file into memory, and every page of the file a query touches stays in the
// viewer's resident memory while the store is open: reading a million events
// through one store held the whole 380 MB file there, beside the table built
// from it. Pages are small for the same reason: events come in date order but
// their rows lie in insertion order, so 65,536 of them touched nearly every
// 16 KB page of the file; 32,768 touch under 80% and take half the time of
// 16,384.
void read_pages(const std::string& path, const StoreStats& st, size_t page,
                const std::function<void(std::vector<Event>&)>& sink) {
    if (!st.earliest || !st.latest) return;
    Day cursor = *st.earliest;
    std::unordered_set<int64_t> taken_at_cursor;  // ids already read whose earliest is the cursor day
    size_t limit = page;
    for (;;) {
        EventQuery q;
        q.from = cursor;
        q.to = *st.latest;
        q.within = true;  // earliest >= cursor; every dated event ends by the store's latest day
        q.limit = limit;
        std::vector<Event> ev = open_existing(path)->query(q);
        const bool full = ev.size() >= limit;
        std::erase_if(ev, [&](const Event& e) {
            return !e.interval.anchored() || (*e.interval.earliest == cursor && taken_at_cursor.count(e.id));
        });
        if (ev.empty()) {
            if (!full) break;
            limit *= 2;  // a whole page on one day, all seen: look further
            continue;
        }
        const Day last_day = *ev.back().interval.earliest;
        if (last_day != cursor) taken_at_cursor.clear();
        for (const Event& e : ev)
            if (*e.interval.earliest == last_day) taken_at_cursor.insert(e.id);
        cursor = last_day;
        sink(ev);
        if (!full) break;
        limit = page;
    }
}

// What people said about the events, shown; the lanes built from what is in force.
void finish(ViewerData& d, const std::string& path) {
    try {
        apply_curations(d, bind_curations(*open_existing(path)));
    } catch (const std::exception& e) {
        d.warning += std::string(d.warning.empty() ? "" : "; ") + "curations not read: " + e.what();
        d.base = build_timeline(d.table);
    }
}

std::vector<Event> read_undated(const std::string& path, std::string& warning) {
    try {
        EventQuery q;
        q.undated = true;
        return open_existing(path)->query(q);
    } catch (const std::exception& e) {
        warning = std::string("undated events not read: ") + e.what();
        return {};
    }
}

// Appends a page, reserving for the whole store on the first one so the
// columns do not grow (and get copied) a page at a time.
void append_page(ViewerData& d, std::vector<Event>& page, size_t total) {
    if (d.table.size() == 0) d.table.reserve(std::max(total, page.size()));
    for (Event& e : page) d.table.append(e);
    std::vector<Event>().swap(page);
}

}  // namespace

std::unique_ptr<ViewerData> load_store_paged(const std::string& path, size_t page) {
    const StoreStats st = read_stats(path);
    auto d = std::make_unique<ViewerData>();
    d->source = path;
    read_pages(path, st, page, [&](std::vector<Event>& ev) { append_page(*d, ev, st.events - st.undated_events); });
    d->undated = read_undated(path, d->warning);
    d->store = path;
    finish(*d, path);
    return d;
}

namespace {
struct Cancelled {};
}  // namespace

Loader::~Loader() {
    cancel_ = true;
    if (thread_.joinable()) thread_.join();
}

void Loader::publish(std::shared_ptr<ViewerData> d) {
    std::lock_guard lock(mu_);
    pending_ = std::move(d);
}

std::shared_ptr<ViewerData> Loader::take() {
    std::lock_guard lock(mu_);
    return std::move(pending_);
}

std::string Loader::error() const {
    std::lock_guard lock(mu_);
    return error_;
}

void Loader::start_store(std::string path, size_t page) {
    thread_ = std::thread([this, path = std::move(path), page] {
        const auto t0 = Clock::now();
        try {
            const StoreStats st = read_stats(path);
            total_ = st.events - st.undated_events;
            auto d = std::make_shared<ViewerData>();
            d->source = path;
            size_t shown = 0;
            read_pages(path, st, page, [&](std::vector<Event>& ev) {
                if (cancel_) throw Cancelled{};
                append_page(*d, ev, total_);
                loaded_ = d->table.size();
                // Show the first page at once, then each time the count
                // doubles while under a quarter of the store: a snapshot
                // copies the columns (it shares the text), and memory must
                // hold them beside the table being read.
                if (shown == 0 || (loaded_ >= 2 * shown && loaded_ * 4 <= total_)) {
                    auto snap = std::make_shared<ViewerData>();
                    snap->table = d->table;
                    snap->base = build_timeline(snap->table);
                    snap->source = path;
                    snap->loading = true;
                    snap->total = total_;
                    publish(std::move(snap));
                    shown = loaded_;
                }
            });
            d->undated = read_undated(path, d->warning);
            d->store = path;
            finish(*d, path);
            d->total = d->table.size();
            publish(std::move(d));
        } catch (const Cancelled&) {
        } catch (const std::exception& e) {
            std::lock_guard lock(mu_);
            error_ = e.what();
        }
        seconds_ = std::chrono::duration<double>(Clock::now() - t0).count();
        done_ = true;
    });
}

void Loader::start_synthetic(size_t n) {
    thread_ = std::thread([this, n] {
        const auto t0 = Clock::now();
        total_ = n;
        std::shared_ptr<ViewerData> d = load_events(synthetic_events(n), synthetic_undated(std::max<size_t>(n / 50, 3)),
                                                    "synthetic " + std::to_string(n) + " events");
        d->total = d->table.size();
        loaded_ = d->table.size();
        publish(std::move(d));
        seconds_ = std::chrono::duration<double>(Clock::now() - t0).count();
        done_ = true;
    });
}

}  // namespace tarikh::viewer
