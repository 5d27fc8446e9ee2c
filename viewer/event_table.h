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
    std::vector<uint8_t> lang;         // tarikh::Lang
    std::vector<float> confidence;
    std::vector<int64_t> id;

    // Variable-length fields: begin offsets (size() + 1 entries) into arenas.
    std::vector<uint32_t> value_at, actors_at, pairs_at, sources_at;
    std::vector<uint64_t> text_at;
    std::string values, texts;
    std::vector<CountryId> actors;
    std::vector<std::pair<CountryId, CountryId>> pairs;
    std::vector<SourceRef> sources;

    std::vector<std::string> codes;  // CountryId → ISO code
    std::vector<std::string_view> docs;  // document ids, in doc_names_

    size_t size() const { return first.size(); }

    std::string_view value(size_t i) const { return {values.data() + value_at[i], value_at[i + 1] - value_at[i]}; }
    std::string_view text(size_t i) const { return {texts.data() + text_at[i], text_at[i + 1] - text_at[i]}; }
    // fold_for_search(text(i)), for the text filter. Built on first use: a
    // second copy of every sentence is memory most sessions never need.
    std::string_view folded_text(size_t i) const {
        return {folded_.data() + folded_at_[i], folded_at_[i + 1] - folded_at_[i]};
    }
    void ensure_folded() const;
    const CountryId* actors_begin(size_t i) const { return actors.data() + actors_at[i]; }
    const CountryId* actors_end(size_t i) const { return actors.data() + actors_at[i + 1]; }
    const std::pair<CountryId, CountryId>* pairs_begin(size_t i) const { return pairs.data() + pairs_at[i]; }
    const std::pair<CountryId, CountryId>* pairs_end(size_t i) const { return pairs.data() + pairs_at[i + 1]; }
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

    // Room for n events with this much sentence and value text: growing the
    // arenas while a million events are freed one by one makes malloc
    // consolidate its free lists again and again.
    void reserve(size_t n, size_t text_bytes, size_t value_bytes);
    // Frees the spare capacity the arenas grew while appending.
    void shrink();

private:
    std::vector<CountryId> code_ids_ = std::vector<CountryId>(1u << 16, 0xFFFF);  // two-letter codes, directly
    std::unordered_map<std::string, CountryId> other_ids_;                        // anything else
    // Document ids live in fixed chunks that never move, so the map's keys
    // and `docs` can point into them. Shared: a copy of the table (a snapshot
    // shown while loading goes on) reads the same chunks; bytes are only ever
    // added past what any copy refers to.
    std::vector<std::shared_ptr<char[]>> doc_names_;
    size_t doc_chunk_used_ = 0;
    std::unordered_map<std::string_view, uint32_t> doc_ids_;
    mutable std::string folded_;
    mutable std::vector<uint64_t> folded_at_;
};

}  // namespace tarikh::viewer
