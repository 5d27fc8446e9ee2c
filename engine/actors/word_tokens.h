// Words of a folded text, for the phrase lexicons (gazetteer, event kinds).
// A word is a run of letters or a run of digits: everything else (spaces,
// punctuation, apostrophes, hyphens, quotes) separates words, so "Israel's"
// gives "israel" and "s", and a name glued to digits ("باکو2020") still stands alone.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace tarikh::actors {

struct WordToken {
    uint32_t begin = 0;  // bytes of the folded text, [begin, end)
    uint32_t end = 0;
    std::string_view text(std::string_view folded) const { return folded.substr(begin, end - begin); }
};

std::vector<WordToken> word_tokens(std::string_view folded);

}  // namespace tarikh::actors
