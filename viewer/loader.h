// Reading the store on a thread of its own, page by page.
//
// Store::all_events() returns every event at once: a million tarikh::Event
// values are about a gigabyte before the viewer has copied anything. Instead
// the loader asks Store::query for events contained in [cursor, end], ordered
// by (earliest, latest, id), a page at a time, and moves the cursor to the
// last earliest day it saw (events of that day already taken are skipped by
// id). Memory holds the compact table plus one page; and the window shows
// what has been read so far, after the first page, while the rest streams in.
#pragma once

#include "ui.h"

#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace tarikh::viewer {

class Loader {
public:
    ~Loader();
    void start_store(std::string path, size_t page = 32768);
    void start_synthetic(size_t n);

    // The newest data not yet taken (a partial table while loading, then the
    // whole one), or null.
    std::shared_ptr<ViewerData> take();
    bool done() const { return done_; }
    std::string error() const;
    size_t loaded() const { return loaded_; }
    size_t total() const { return total_; }  // dated events in the store, 0 until known
    double seconds() const { return seconds_; }

private:
    void publish(std::shared_ptr<ViewerData> d);

    std::thread thread_;
    mutable std::mutex mu_;
    std::shared_ptr<ViewerData> pending_;
    std::string error_;
    std::atomic<bool> done_{false};
    std::atomic<bool> cancel_{false};  // the window closed: stop after the current page
    std::atomic<size_t> loaded_{0}, total_{0};
    std::atomic<double> seconds_{0};
};

// The whole store, page by page, without a thread (tests, tools).
std::unique_ptr<ViewerData> load_store_paged(const std::string& path, size_t page = 32768);

}  // namespace tarikh::viewer
