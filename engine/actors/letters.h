// Reading UTF-8 one code point at a time, and telling word characters from
// the rest, for the word tokenizer, the sentence splitter and the clause
// logic. Persian and Arabic letters are decided by range without a call into
// ICU: they are nearly every character of the text this engine reads.
#pragma once

#include "text/utf8.h"

#include <unicode/uchar.h>

#include <cstdint>
#include <string_view>

namespace tarikh::actors {

using text::decode_at;  // one UTF-8 reader for the engine (text/utf8.h)

enum class CharClass : uint8_t { Other, Letter, Digit };

// Letters (combining marks included, so a kept mark never splits a word),
// digits, or anything else. Tatweel is not a letter.
inline CharClass char_class(char32_t c) {
    if (c < 0x80) {
        if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') return CharClass::Letter;
        if (c >= '0' && c <= '9') return CharClass::Digit;
        return CharClass::Other;
    }
    if (c >= 0x0621 && c <= 0x065F && c != 0x0640) return CharClass::Letter;  // Arabic letters and harakat
    if (c >= 0x0660 && c <= 0x0669) return CharClass::Digit;
    if (c >= 0x06F0 && c <= 0x06F9) return CharClass::Digit;
    if (c >= 0x066E && c <= 0x06D3) return CharClass::Letter;  // پ چ ژ ک گ ی and other extended letters
    switch (u_charType(static_cast<UChar32>(c))) {
        case U_UPPERCASE_LETTER: case U_LOWERCASE_LETTER: case U_TITLECASE_LETTER:
        case U_MODIFIER_LETTER: case U_OTHER_LETTER:
        case U_NON_SPACING_MARK: case U_COMBINING_SPACING_MARK: case U_ENCLOSING_MARK:
            return c == 0x0640 ? CharClass::Other : CharClass::Letter;
        case U_DECIMAL_DIGIT_NUMBER:
            return CharClass::Digit;
        default:
            return CharClass::Other;
    }
}

// A letter, mark or digit: what a word is made of.
inline bool is_word_char(char32_t c) { return char_class(c) != CharClass::Other; }

// A letter or a digit, not a mark: what a line's length or a sentence's
// content is counted in (a lone tanween left on a line by extraction is no text).
inline bool is_base_char(char32_t c) {
    if ((c >= 0x064B && c <= 0x065F) || c == 0x0670) return false;
    if (c >= 0x0300 && c <= 0x036F) return false;
    return is_word_char(c);
}

}  // namespace tarikh::actors
