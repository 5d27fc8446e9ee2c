// Event JSON Lines in bulk (`tarikh load`): reading them with their problems
// reported by file and line, and loading them into a store in batches, one
// transaction each, parsing the next batch while the store writes this one.
#pragma once

#include "tarikh/documents.h"
#include "tarikh/store.h"

#include <atomic>
#include <filesystem>
#include <functional>
#include <memory>
#include <vector>

namespace tarikh {

// The longest event line read: an event is a few KB, one merged from many
// documents some more; a longer line is reported and skipped.
inline constexpr uint64_t kMaxEventLineBytes = uint64_t{16} << 20;

class EventReader {
public:
    explicit EventReader(std::vector<std::filesystem::path> files);  // "-": stdin
    ~EventReader();

    // Appends up to `max` events to `out`; false once every input is read.
    bool next_batch(std::vector<Event>& out, size_t max);

    const std::vector<InputProblem>& problems() const { return problems_; }
    uint64_t bytes_read() const { return bytes_read_.load(std::memory_order_relaxed); }  // any thread
    uint64_t total_bytes() const { return total_bytes_; }

private:
    bool open_next();

    std::vector<std::filesystem::path> files_;
    size_t next_file_ = 0;
    std::unique_ptr<io::InputFile> in_;
    std::string name_;
    size_t line_no_ = 0;
    std::vector<InputProblem> problems_;
    std::atomic<uint64_t> bytes_read_{0};
    uint64_t total_bytes_ = 0;
};

struct LoadProgress {
    size_t events = 0;
    WriteStats written;
};

struct LoadResult {
    size_t events = 0;      // read and valid
    WriteStats written;     // events_added + events_merged <= events; the rest were stored already
};

LoadResult load_events(EventReader& reader, Store& store, size_t batch = 20000,
                       const std::function<void(const LoadProgress&)>& on_progress = {});

}  // namespace tarikh
