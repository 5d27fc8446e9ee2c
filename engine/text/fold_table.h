// The code-point table behind normalize() and fold(): what every Basic
// Multilingual Plane code point turns into, worked out once so that folding is
// a single lookup per code point.
#pragma once

#include <array>
#include <cstdint>
#include <string>

namespace tarikh::text {

// What one code point folds to. Four bytes so that the hot loop can copy a
// whole entry with one 32-bit store and keep only `len` bytes of it.
struct FoldEntry {
    // len <= 3: the folded UTF-8 bytes themselves (unused tail bytes are zero).
    // len  > 3: a 24-bit little-endian offset into FoldTable::pool.
    uint8_t bytes[3];
    // Bytes of folded output; 0 drops the code point.
    uint8_t len;
};
static_assert(sizeof(FoldEntry) == 4);

// The longest output of one code point (U+FDFA, a whole phrase as one
// ligature, is the longest); the fold loop keeps this much room ahead.
inline constexpr unsigned kMaxFoldBytes = 64;

struct FoldTable {
    std::array<FoldEntry, 0x10000> bmp;  // indexed by code point; surrogates unused
    std::array<uint8_t, 128> ascii;      // single-byte view of bmp[0..127]
    std::string pool;                    // outputs longer than 3 bytes

    const char* long_output(const FoldEntry& e) const {
        uint32_t offset = e.bytes[0] | (e.bytes[1] << 8) | (uint32_t(e.bytes[2]) << 16);
        return pool.data() + offset;
    }
};

// Built on first use (thread-safe); lives for the rest of the program.
const FoldTable& fold_table();

}  // namespace tarikh::text
