#include "tarikh/event_json.h"
#include "tarikh/event_lines.h"

#include "io/input_file.h"

#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <iostream>
#include <mutex>
#include <thread>
#include <utility>

namespace tarikh {
namespace fs = std::filesystem;

EventReader::EventReader(std::vector<fs::path> files) : files_(std::move(files)) {
    for (const auto& f : files_) {
        std::error_code ec;
        if (f != "-")
            if (auto size = fs::file_size(f, ec); !ec) total_bytes_ += size;
    }
}

EventReader::~EventReader() = default;

bool EventReader::open_next() {
    in_.reset();
    while (next_file_ < files_.size()) {
        const fs::path& p = files_[next_file_++];
        line_no_ = 0;
        name_ = p.string();
        try {
            in_ = std::make_unique<io::InputFile>(p);
            return true;
        } catch (const io::InputError& e) {
            problems_.push_back({name_, e.what()});
        }
    }
    return false;
}

bool EventReader::next_batch(std::vector<Event>& out, size_t max) {
    std::string line;
    size_t added = 0;
    while (added < max) {
        if (!in_ && !open_next()) return false;
        bool too_long = false, got = false;
        const uint64_t before = in_->bytes_read();
        try {
            got = in_->next_line(line, kMaxEventLineBytes, too_long);
        } catch (const io::InputError& e) {
            problems_.push_back({name_, std::string(e.what()) + " after line " + std::to_string(line_no_)});
        }
        if (!got) {
            in_.reset();
            continue;
        }
        ++line_no_;
        bytes_read_.fetch_add(in_->bytes_read() - before, std::memory_order_relaxed);
        const std::string where = name_ + ":" + std::to_string(line_no_);
        if (too_long) {
            problems_.push_back({where, "skipped: a line over " + io::size_text(kMaxEventLineBytes)});
            continue;
        }
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        try {
            out.push_back(event_from_json(line));
            ++added;
        } catch (const std::exception& e) {
            problems_.push_back({where, e.what()});
        }
    }
    return true;
}

LoadResult load_events(EventReader& reader, Store& store, size_t batch,
                       const std::function<void(const LoadProgress&)>& on_progress) {
    // The parser thread fills batches; this thread writes them. Two batches
    // in flight at most, so memory stays bounded whatever the input size.
    std::mutex m;
    std::condition_variable cv;
    std::deque<PreparedEvents> ready;
    // Batches written, freed on the parser thread: freeing 20,000 events took
    // a tenth of the writer's time, and the writer is what a load waits for.
    std::vector<PreparedEvents> spent;
    bool done = false;
    std::exception_ptr parse_error;
    bool stop = false;
    std::thread parser([&] {
        try {
            for (bool more = true; more;) {
                std::vector<Event> events;
                events.reserve(batch);
                more = reader.next_batch(events, batch);
                // Made ready for the store here, so the writer only writes.
                PreparedEvents prepared(std::move(events));
                std::vector<PreparedEvents> written;
                std::unique_lock lock(m);
                written.swap(spent);
                lock.unlock();
                written.clear();
                lock.lock();
                cv.wait(lock, [&] { return ready.size() < 2 || stop; });
                if (stop) break;
                if (prepared.size()) ready.push_back(std::move(prepared));
                cv.notify_all();
            }
        } catch (...) {
            parse_error = std::current_exception();
        }
        std::lock_guard lock(m);
        done = true;
        cv.notify_all();
    });

    LoadResult result;
    // The batch before: the store may still be writing it (Store::add_prepared).
    PreparedEvents held;
    try {
        for (;;) {
            PreparedEvents events;
            {
                std::unique_lock lock(m);
                cv.wait(lock, [&] { return !ready.empty() || done; });
                if (ready.empty()) break;
                events = std::move(ready.front());
                ready.pop_front();
                cv.notify_all();
            }
            result.events += events.size();
            result.written += store.add_prepared(events);
            if (on_progress) on_progress({result.events, result.written});
            std::lock_guard lock(m);
            spent.push_back(std::exchange(held, std::move(events)));
        }
    } catch (...) {
        {
            std::lock_guard lock(m);
            stop = true;
            cv.notify_all();
        }
        parser.join();
        throw;
    }
    parser.join();
    if (parse_error) std::rethrow_exception(parse_error);
    store.finish_load();
    return result;
}

}  // namespace tarikh
