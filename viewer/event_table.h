// The events as the viewer keeps them: columns of small integers and one
// arena per kind of text, not a std::string per field per event. A million
// events cost about a hundred bytes each plus their sentences; the hot path
// (lanes, level of detail) touches only the int32 day columns and the kind.
#pragma once

#include "tarikh/event.h"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace tarikh::viewer {

using CountryId = uint16_t;

// Strings appended into fixed chunks that never move and are shared by
// copies: a copy of a table (a snapshot shown while loading goes on) reads
// the same bytes instead of duplicating a hundred megabytes of sentences, and
// bytes are only ever added past what any copy refers to. Growing never
// copies either, so nothing has to be reserved or shrunk to fit.
class StringArena {
public:
    struct Ref {
        uint32_t chunk = 0, pos = 0, size = 0;
    };
    StringArena() = default;
    // A copy appends into chunks of its own, never after the original's bytes.
    StringArena(const StringArena& o) : chunks_(o.chunks_), used_(kChunk), bytes_(o.bytes_) {}
    StringArena& operator=(const StringArena& o) {
        chunks_ = o.chunks_;
        used_ = kChunk;
        bytes_ = o.bytes_;
        return *this;
    }
    StringArena(StringArena&&) = default;
    StringArena& operator=(StringArena&&) = default;

    Ref add(std::string_view s);
    std::string_view get(Ref r) const { return {chunks_[r.chunk].get() + r.pos, r.size}; }
    size_t bytes() const { return bytes_; }

private:
    static constexpr size_t kChunk = 4u << 20;
    std::vector<std::shared_ptr<char[]>> chunks_;
    size_t used_ = 0;  // in the last chunk
    size_t bytes_ = 0;
};

struct SourceRef {
    uint32_t doc = 0;  // index into EventTable::docs
    Span span;
    Span date_span;
};

struct EventTable {
    // Per event, indexed by the event's position in the table.
    std::vector<int32_t> first, last;  // inclusive days since 1970-01-01
    std::vector<uint8_t> kind;         // tarikh::EventKind
    std::vector<uint8_t> granularity;  // tarikh::Granularity
    std::vector<uint8_t> mod;          // tarikh::Mod
    std::vector<uint8_t> lang;         // tarikh::Lang::index()
    std::vector<float> confidence;
    std::vector<int64_t> id;

    // Variable-length fields: begin offsets (size() + 1 entries) into arrays,
    // or references into the string arena.
    std::vector<uint32_t> actors_at, pairs_at, sources_at;
    std::vector<StringArena::Ref> value_ref, text_ref;
    std::vector<CountryId> actors;
    std::vector<std::pair<CountryId, CountryId>> pairs;
    // Per pair, beside `pairs`: who acts toward whom, the cue and how sure.
    struct PairInfo {
        float confidence = 1.0f;
        uint8_t cue = static_cast<uint8_t>(PairCue::Unspecified);
        uint8_t direction = 0;  // 0: undirected, 1: first acts toward second, 2: second toward first
    };
    std::vector<PairInfo> pair_info;
    std::vector<SourceRef> sources;

    std::vector<std::string> codes;  // CountryId → ISO code
    std::vector<std::string_view> docs;  // document ids, in strings_

    size_t size() const { return first.size(); }

    std::string_view value(size_t i) const { return strings_.get(value_ref[i]); }
    std::string_view text(size_t i) const { return strings_.get(text_ref[i]); }
    // fold(text(i)), for the text filter. Built on first use: a
    // second copy of every sentence is memory most sessions never need.
    std::string_view folded_text(size_t i) const {
        return {folded_.data() + folded_at_[i], folded_at_[i + 1] - folded_at_[i]};
    }
    void ensure_folded() const;
    const CountryId* actors_begin(size_t i) const { return actors.data() + actors_at[i]; }
    const CountryId* actors_end(size_t i) const { return actors.data() + actors_at[i + 1]; }
    const std::pair<CountryId, CountryId>* pairs_begin(size_t i) const { return pairs.data() + pairs_at[i]; }
    const std::pair<CountryId, CountryId>* pairs_end(size_t i) const { return pairs.data() + pairs_at[i + 1]; }
    // How sure event i's pair (a, b) is; 0 when the event has no such pair.
    float pair_confidence(size_t i, CountryId a, CountryId b) const;
    const SourceRef* sources_begin(size_t i) const { return sources.data() + sources_at[i]; }
    const SourceRef* sources_end(size_t i) const { return sources.data() + sources_at[i + 1]; }

    // An interval a person would call fuzzy: a modifier (early, mid, late,
    // about) or a granularity coarser than a month.
    bool fuzzy(size_t i) const;
    int32_t length(size_t i) const { return last[i] - first[i] + 1; }

    // Appends a dated event (undated ones are skipped: they go to the tray).
    // Takes the strings it keeps by move and clears the event, so a caller
    // converting a large vector can free it as it goes.
    void append(Event& e);
    // The event rebuilt in full, for the details panel and for export.
    Event to_event(size_t i) const;

    CountryId country(std::string_view code);  // interns a code
    std::optional<CountryId> find_country(std::string_view code) const;

    // Room for n events, so the columns are not copied as they grow: memory
    // reserved and never written is address space, not memory, so a guess
    // too large costs nothing, while shrinking to fit would copy every column.
    void reserve(size_t n);

private:
    std::vector<CountryId> code_ids_ = std::vector<CountryId>(1u << 16, 0xFFFF);  // two-letter codes, directly
    std::unordered_map<std::string, CountryId> other_ids_;                        // anything else
    uint32_t doc_id(std::string_view name);  // interns a document id

    StringArena strings_;  // sentences, values, document ids
    // Open addressing over `docs` (0 empty, else index + 1): a million events
    // name hundreds of thousands of documents, and a node per name in an
    // unordered_map cost more than the names.
    std::vector<uint32_t> doc_slots_;
    mutable std::string folded_;
    mutable std::vector<uint64_t> folded_at_;
};

}  // namespace tarikh::viewer
