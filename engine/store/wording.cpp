#include "store/wording.h"

#include "tarikh/normalize.h"
#include "text/utf8.h"

#include <algorithm>
#include <cstring>
#include <limits>
#include <string>

namespace tarikh::store {
namespace {

constexpr size_t kRowsPerBand = 3;
constexpr size_t kMaxYearBuckets = 12;
constexpr int64_t kLongBucket = -(int64_t{1} << 40);
constexpr int64_t kUndatedBucket = kLongBucket - 1;
constexpr size_t kMinHashes = kBands * kRowsPerBand;

// Punctuation and spacing outside ASCII that separates words in the three
// languages (fold() leaves them in place).
bool is_separator(char32_t cp) {
    return (cp >= 0x00A0 && cp <= 0x00BF) || cp == 0x00D7 || cp == 0x00F7 ||
           cp == 0x060C || cp == 0x061B || cp == 0x061F || (cp >= 0x066A && cp <= 0x066D) ||
           cp == 0x06D4 || (cp >= 0x2000 && cp <= 0x206F) || (cp >= 0x3000 && cp <= 0x303F) ||
           cp == 0xFD3E || cp == 0xFD3F || (cp >= 0xFE50 && cp <= 0xFE6F) ||
           (cp >= 0xFF01 && cp <= 0xFF0F) || cp == 0xFEFF;
}

std::vector<std::string_view> words_of(std::string_view folded) {
    std::vector<std::string_view> words;
    const auto* p = reinterpret_cast<const unsigned char*>(folded.data());
    size_t i = 0, start = 0;
    bool in_word = false;
    auto close = [&](size_t end) {
        if (in_word) words.push_back(folded.substr(start, end - start));
        in_word = false;
    };
    while (i < folded.size()) {
        size_t len = 1;
        bool word_char;
        if (p[i] < 0x80) {
            word_char = (p[i] >= 'a' && p[i] <= 'z') || (p[i] >= 'A' && p[i] <= 'Z') || (p[i] >= '0' && p[i] <= '9');
        } else {
            unsigned n;
            const char32_t cp = text::decode_at(folded, i, n);
            len = n;
            word_char = !is_separator(cp);
        }
        if (word_char && !in_word) {
            start = i;
            in_word = true;
        } else if (!word_char) {
            close(i);
        }
        i += len;
    }
    close(folded.size());
    return words;
}

}  // namespace

uint64_t mix64(uint64_t x) {
    // A xorshift-multiply finalizer: every input bit affects every output bit.
    x ^= x >> 31;
    x *= 0x7fb5d329728ea185ULL;
    x ^= x >> 27;
    x *= 0x81dadef4bc2dd44dULL;
    x ^= x >> 33;
    return x;
}

uint64_t hash_bytes(std::string_view bytes, uint64_t seed) {
    uint64_t h = mix64(seed ^ (bytes.size() * 0x9E3779B97F4A7C15ULL));
    size_t i = 0;
    for (; i + 8 <= bytes.size(); i += 8) {
        uint64_t w;
        std::memcpy(&w, bytes.data() + i, 8);
        h = mix64(h ^ w) + 0x632BE59BD9B4E019ULL;
    }
    uint64_t tail = 0;
    std::memcpy(&tail, bytes.data() + i, bytes.size() - i);
    return mix64(h ^ tail ^ (uint64_t(bytes.size() - i) << 56));
}

Shingles shingles_of(std::string_view sentence) {
    const std::string folded = fold(sentence);
    const auto words = words_of(folded);
    Shingles out;
    if (words.size() == 1) out.push_back(hash_bytes(words[0], 1));
    for (size_t i = 0; i + 1 < words.size(); ++i)
        out.push_back(mix64(hash_bytes(words[i], 1) * 31 + hash_bytes(words[i + 1], 2)));
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

double jaccard(const Shingles& a, const Shingles& b) {
    if (a.empty() && b.empty()) return 1.0;
    size_t common = 0, i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        if (a[i] == b[j]) {
            ++common, ++i, ++j;
        } else if (a[i] < b[j]) {
            ++i;
        } else {
            ++j;
        }
    }
    return double(common) / double(a.size() + b.size() - common);
}

namespace {
// The sketch bit of a shingle (shingles are hashes already: its top 7 bits).
unsigned sketch_bit(uint64_t shingle) { return static_cast<unsigned>(shingle >> 57); }
}  // namespace

uint32_t pairs_hash(std::string_view pairs_key) { return static_cast<uint32_t>(hash_bytes(pairs_key, 6)); }

WordingSketch sketch_wording(std::string_view pairs_key, const Shingles& s) {
    WordingSketch k;
    if (s.size() > UINT16_MAX) return k;  // unknown: its row is read
    for (uint64_t x : s) k.bits[sketch_bit(x) >> 6] |= uint64_t{1} << (sketch_bit(x) & 63);
    k.pairs = pairs_hash(pairs_key);
    k.size = static_cast<uint16_t>(s.size());
    k.known = true;
    return k;
}

double jaccard_bound(const Shingles& a, const WordingSketch& b) {
    if (!b.known) return 1.0;
    if (a.empty() && b.size == 0) return 1.0;
    // Every shingle the two share sets its bit in b: counting a's shingles
    // whose bit is set over-counts the common ones, never under-counts.
    size_t common = 0;
    for (uint64_t x : a) common += (b.bits[sketch_bit(x) >> 6] >> (sketch_bit(x) & 63)) & 1;
    common = std::min({common, a.size(), size_t{b.size}});
    return double(common) / double(a.size() + b.size - common);
}

int64_t exact_key(std::string_view pairs_key, const Shingles& s, int64_t earliest, int64_t latest) {
    uint64_t h = mix64(hash_bytes(pairs_key, 4) ^ s.size());
    h = mix64(h ^ static_cast<uint64_t>(earliest));
    h = mix64(h ^ static_cast<uint64_t>(latest));
    for (uint64_t x : s) h = mix64(h ^ x);
    return static_cast<int64_t>(h);
}

int64_t key_shelf(std::string_view pairs_key, int64_t time_bucket) {
    return static_cast<int64_t>(mix64(hash_bytes(pairs_key, 5) ^ static_cast<uint64_t>(time_bucket)));
}

std::vector<int64_t> time_buckets(const std::optional<int64_t>& first_year, const std::optional<int64_t>& last_year) {
    if (!first_year || !last_year) return {kUndatedBucket};
    if (*last_year - *first_year + 1 > int64_t{kMaxYearBuckets}) return {kLongBucket};
    std::vector<int64_t> out;
    for (int64_t y = *first_year; y <= *last_year; ++y) out.push_back(y);
    return out;
}

std::vector<int64_t> dedup_keys(std::string_view pairs_key, const Shingles& s, const std::vector<int64_t>& buckets) {
    std::array<uint64_t, kMinHashes> mins;
    mins.fill(std::numeric_limits<uint64_t>::max());
    for (uint64_t x : s)
        for (size_t k = 0; k < kMinHashes; ++k) mins[k] = std::min(mins[k], mix64(x ^ (0xA24BAED4963EE407ULL * (k + 1))));
    const uint64_t pairs = hash_bytes(pairs_key, 3);
    std::vector<int64_t> keys;
    for (int64_t bucket : buckets) {
        for (size_t b = 0; b < kBands; ++b) {
            uint64_t h = mix64(pairs + b) ^ mix64(static_cast<uint64_t>(bucket) * 0x9E3779B97F4A7C15ULL);
            for (size_t r = 0; r < kRowsPerBand; ++r) h = mix64(h ^ mins[b * kRowsPerBand + r]);
            keys.push_back(static_cast<int64_t>(h));
        }
    }
    return keys;
}

}  // namespace tarikh::store
