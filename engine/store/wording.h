// Near-duplicate detection for event sentences. Two documents reporting the
// same event rarely agree byte for byte: punctuation, tatweel, ZWNJ, Persian or
// Arabic letters and digits, a word added or dropped. A sentence is reduced to
// the set of its folded word bigrams; two sentences are near-identical when
// those sets overlap enough (Jaccard). To find candidates without comparing
// against every stored sentence, MinHash signatures are cut into bands and
// each band hashed, with the event's pairs, into a dedup key (locality-
// sensitive hashing): near-identical sentences share at least one key with
// high probability, unrelated ones almost never do.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace tarikh::store {

// Sorted, unique hashes of the folded sentence's word bigrams (single words
// for a one-word sentence).
using Shingles = std::vector<uint64_t>;

Shingles shingles_of(std::string_view sentence);

// |a ∩ b| / |a ∪ b|; 1 for two empty sets.
double jaccard(const Shingles& a, const Shingles& b);

// Threshold above which two sentences count as the same report.
inline constexpr double kSameWording = 0.7;

// 4 bands of 3 MinHash rows: a pair of sentences with Jaccard 0.8 shares a
// key with probability 0.94 (0.9: 0.995), a pair with Jaccard 0.3 (news of
// one pair written to a template) with 0.1, unrelated sentences almost never.
inline constexpr size_t kBands = 4;

// What a writer keeps in memory of an event's wording so that most candidates
// a key brings are ruled out without reading their rows: which of 128 bits its
// shingles set, how many shingles there are, and a hash of its pairs. The
// ruling is sound: jaccard_bound() is never below the true Jaccard, so an
// event it rules out could not have matched, and dedup decides exactly as if
// every candidate's row had been read. (Keys of one busy lane bring many
// reports that share its names and a few words; their rows were most of the
// cost of a bulk load.)
struct WordingSketch {
    std::array<uint64_t, 2> bits{};
    uint32_t pairs = 0;             // pairs_hash() of the event's pairs
    uint16_t size = 0;              // number of shingles
    bool known = false;             // false: nothing known, read the row
};
WordingSketch sketch_wording(std::string_view pairs_key, const Shingles& s);
uint32_t pairs_hash(std::string_view pairs_key);
// An upper bound of jaccard(a, b) where only b's sketch is known.
double jaccard_bound(const Shingles& a, const WordingSketch& b);

// When an event happened, coarsely, for the keys: each year its interval
// touches (up to a dozen), or one bucket for longer and one for undated
// events. Overlapping intervals share a bucket, so the keys of a hot pair do
// not gather every report of every year.
std::vector<int64_t> time_buckets(const std::optional<int64_t>& first_year, const std::optional<int64_t>& last_year);

// The dedup keys of an event: one per band and time bucket, each also
// covering `pairs_key` (the event's pairs), so only events with the same
// pairs can collide.
std::vector<int64_t> dedup_keys(std::string_view pairs_key, const Shingles& s, const std::vector<int64_t>& buckets);

// The key of the exact wording (the same shingles) with the same pairs and
// the same interval (`earliest`, `latest` as day numbers; 0, 0 undated):
// re-loading an event must find it however many near-identical reports its
// lane holds. Events of one wording, pairs and interval merge into one, so
// such a key holds one event (a few after merges), and a template repeated
// on thousands of dates no longer piles them all under one key (loading 80k
// of those was quadratic: 69 s).
int64_t exact_key(std::string_view pairs_key, const Shingles& s, int64_t earliest, int64_t latest);

// Where an event's keys of one time bucket are kept (the SQLite store's
// `dedup` rows): its pairs and that bucket. Every event that can share a key
// with it has the same pairs and bucket, so a writer reads only the shelves
// of the events it writes.
int64_t key_shelf(std::string_view pairs_key, int64_t time_bucket);

// 64-bit mixing and hashing used by the keys and the content hash.
uint64_t mix64(uint64_t x);
uint64_t hash_bytes(std::string_view bytes, uint64_t seed);

}  // namespace tarikh::store
