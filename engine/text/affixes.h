// The affixes that may be glued to a word in one language
// (engine/lang/<lang>/affixes.tsv): Persian و/ب and ها/ی/ترین, Arabic و/ف/ب/ل/ك/ال
// and ة/ون/ين, English plural s. The lexicons try a word as written first and
// then with these stripped, so "وباکو", "بالولايات", "Israelis" find their entry.
// Names and keywords (the phrase lexicons) and date words (the tagger's
// lexicon) take different sets: a date word keeps its plural (سال‌ها is not سال).
#pragma once

#include <deque>
#include <string>
#include <string_view>
#include <vector>

namespace tarikh::text {

struct Affix {
    std::string form;         // folded
    std::string replacement;  // put back in its place: Arabic لل → ال ("للهند" is ل + الهند)
    unsigned min_rest = 2;    // letters that must remain, so short words are not eaten away
    // Only for words that take it as an adjective does: demonyms and keywords
    // (Arabic ال and ة: الإيرانية is ايراني, but الحماس is "the zeal", not Hamas).
    bool adjective_only = false;
    friend bool operator==(const Affix&, const Affix&) = default;
};

struct Morphology {
    std::vector<Affix> prefixes;
    std::vector<Affix> suffixes;
    // Glued to date words (clitics such as Arabic و/ب/ل, the Persian ezafe ی),
    // tried in the order listed when a word is not in the lexicon as written.
    std::vector<Affix> date_prefixes;
    std::vector<Affix> date_suffixes;
    // English: a name matches only where the text capitalises it ("Turkey",
    // not "turkey"; "US", not "us").
    bool proper_case = false;
    friend bool operator==(const Morphology&, const Morphology&) = default;
};

// Parses an affixes.tsv: `prefix|suffix|adjective_prefix|adjective_suffix|date_prefix|date_suffix<TAB>form<TAB>min_rest[<TAB>replacement]`
// and `case<TAB>proper`.
Morphology load_morphology(std::string_view tsv);

// One way to read a word: as written, or with a prefix and/or suffix taken off.
struct Reading {
    std::string_view key;  // what to look up
    bool prefix = false;   // a prefix was stripped
    bool suffix = false;   // a suffix was stripped
    bool adjective = false;  // an adjective-only affix was stripped
    size_t stripped = 0;   // bytes taken off (net of a replacement): less is a closer reading
};

// All readings of `word`, the word as written first. `scratch` holds the
// strings of readings that put a replacement back; it is reused between calls
// (a deque, so growing it never moves the strings earlier readings point into).
// With `allow_prefix`/`allow_suffix` false those readings are not made.
// Whether `s` has at least `n` code points, counting no further than needed.
inline bool at_least_letters(std::string_view s, size_t n) {
    if (s.size() >= 4 * n) return true;  // a code point is at most four bytes
    size_t k = 0;
    for (char ch : s)
        if ((static_cast<unsigned char>(ch) & 0xC0) != 0x80 && ++k >= n) return true;
    return k >= n;
}

// Whether `affix` is a proper prefix (suffix) of `word`. Affixes are a few
// bytes: compared inline rather than through memcmp, which the loops over
// every word of every text would otherwise spend most of their time calling.
inline bool has_prefix(std::string_view word, std::string_view affix) {
    if (word.size() <= affix.size()) return false;
    for (size_t k = 0; k < affix.size(); ++k)
        if (word[k] != affix[k]) return false;
    return true;
}
inline bool has_suffix(std::string_view word, std::string_view affix) {
    if (word.size() <= affix.size()) return false;
    const size_t off = word.size() - affix.size();
    for (size_t k = 0; k < affix.size(); ++k)
        if (word[off + k] != affix[k]) return false;
    return true;
}

void readings(std::string_view word, const Morphology& m, bool allow_prefix, bool allow_suffix,
              std::vector<Reading>& out, std::deque<std::string>& scratch);

}  // namespace tarikh::text
