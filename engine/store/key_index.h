// The dedup keys of every stored event, in memory: key → event ids. Built
// from the store's `dedup` table when a writer first needs it, then kept up to
// date by the writer. A key is kept as a 32-bit fingerprint and an id as 32
// bits (8 bytes an entry, about 70 MB for a 1M-event store): a fingerprint
// collision only adds a candidate, which is then checked against the row.
//
// Lookups in SQLite cost a B-tree descent each, and four of them per event
// made a bulk load ten times slower than the rest of the insert; in memory
// they are a few cache misses.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace tarikh::store {

class KeyIndex {
public:
    // Events kept per key: the latest. A key shared by more events (a
    // template repeated across a lane) would otherwise make every add and
    // find walk all of them: a run of one key is contiguous in the table.
    static constexpr size_t kMaxPerKey = 64;

    // Files `event` under `key`; past kMaxPerKey events under it, the
    // earliest filed is forgotten.
    void add(int64_t key, int64_t event);
    // Appends the events filed under `key`, at most `max` of them, the most
    // recently added first.
    void find(int64_t key, size_t max, std::vector<int64_t>& out) const;
    void clear();
    // Room for this many entries without growing (growing rehashes all).
    void reserve(size_t entries);
    size_t size() const { return used_; }

private:
    struct Slot {
        uint32_t key = 0;    // fingerprint; 0 marks an empty slot
        uint32_t event = 0;
    };
    static uint32_t fingerprint(int64_t key);
    void grow();
    void rehash(size_t size);

    std::vector<Slot> slots_;   // open addressing, linear probing, power-of-two size
    size_t used_ = 0;
};

}  // namespace tarikh::store
