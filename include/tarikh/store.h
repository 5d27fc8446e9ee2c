// The event store (DESIGN §6). SQLite is the embedded default; the interface
// leaves room for a server backend. Nothing but the store touches SQLite.
#pragma once

#include "tarikh/event.h"

#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace tarikh {

struct EventQuery {
    std::optional<Day> from;            // interval filters; open when absent
    std::optional<Day> to;
    bool within = false;                // contained in [from, to] rather than overlapping it
    std::optional<CountryPair> pair;
    std::optional<CountryCode> actor;
    std::optional<EventKind> kind;
    std::string text;                   // words that must all occur in the sentence
    bool undated = false;               // list events whose date could not be anchored
    size_t limit = 0;                   // 0: no limit
};

// A store that cannot be opened or used: not a tarikh store, corrupt, locked…
// what() names the file and says what is wrong.
struct StoreError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

enum class OpenMode { ReadOnly, ReadWrite };  // ReadWrite creates a missing file

class Store {
public:
    virtual ~Store() = default;
    virtual std::vector<Event> query(const EventQuery& q) = 0;
    // Every dated event, ordered by earliest (the viewer's bulk read).
    virtual std::vector<Event> all_events() = 0;
};

// Opens (or in ReadWrite mode creates) the SQLite store at `path`. Throws
// StoreError for a file that is not a tarikh store, and never changes it then.
std::unique_ptr<Store> open_sqlite_store(const std::filesystem::path& path, OpenMode mode);

}  // namespace tarikh
