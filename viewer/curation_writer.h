// Writes what a person says in the viewer to the store, on a thread of its
// own: the first write opens the store for writing (which checks a large
// store's integrity first, seconds on a million events), and the window
// must not freeze meanwhile. Writes are made in the order given.
#pragma once

#include "tarikh/curation.h"

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <variant>

namespace tarikh::viewer {

class CurationWriter {
public:
    // `store`: the --db the viewer shows; empty for data not from a store
    // (curations then live only as long as the window).
    explicit CurationWriter(std::string store);
    ~CurationWriter();

    bool saves() const { return !store_.empty(); }
    const std::string& store() const { return store_; }
    // The key a curation of `e` is kept under (tarikh/curation.h); nullopt
    // when `e` has no source to key it by.
    std::optional<CurationKey> key_for(const Event& e);

    void put(const Curation& c);
    void remove(const CurationKey& key);

    size_t pending() const;
    std::string error() const;  // what the last failed write said; empty when none failed

private:
    void run();

    std::string store_;
    std::unique_ptr<Store> reader_;  // for keys, on the caller's thread
    mutable std::mutex mu_;
    std::condition_variable cv_;
    std::deque<std::variant<Curation, CurationKey>> queue_;
    size_t busy_ = 0;
    bool stop_ = false;
    std::string error_;
    std::thread thread_;
};

}  // namespace tarikh::viewer
