// Folding of Persian/Arabic/English text into one searchable form, with a map
// back to the bytes of the input as given (DESIGN §2).
//
// What folding does: drops tatweel, ZWNJ/ZWJ, bidi controls and harakat;
// maps Arabic presentation forms to letters (NFKC); unifies ي/ى/ی → ي,
// ك/ک → ك, أ/إ/آ/ٱ → ا, ؤ → و, ئ → ي, ة → ه; maps Persian and Arabic-Indic
// digits to ASCII; lowercases every letter (Unicode simple case folding, with
// dotted and dotless i both i); maps dashes to '-' and ’ to '. Invalid UTF-8 bytes
// become a space each (they never join two words). Newlines are kept.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tarikh {

struct Span {
    uint32_t begin = 0;  // byte offsets, [begin, end)
    uint32_t end = 0;
    friend bool operator==(const Span&, const Span&) = default;
};

struct NormalizedText {
    std::string text;               // folded UTF-8
    // source[i]: input byte offset where the code point behind text[i] starts.
    // Size text.size() + 1; the last entry is the input's size.
    std::vector<uint32_t> source;

    // Maps a [begin, end) range of `text` to the input bytes it came from:
    // from the start of the first code point to the end of the last one
    // (dropped characters around the range, such as tatweel, stay outside).
    Span to_source(std::string_view input, size_t begin, size_t end) const;
};

// Never fails on any bytes; only an input of 4 GiB or more (beyond the 32-bit
// offsets of `source`) throws std::length_error.
NormalizedText normalize(std::string_view input);

// Folds without building the map: for lexicon entries and queries.
std::string fold(std::string_view input);

}  // namespace tarikh
