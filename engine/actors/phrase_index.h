// A lexicon of phrases (one or more words) over folded text, indexed by the
// first word in a hash map: matching costs a few lookups per word of text,
// whatever the size of the lexicon, and no regular expression is run per entry.
//
// Words are whole tokens (a name inside another word never matches: ران is
// not found in ایران), but the affixes of the language may be glued on: a
// prefix to the first word, a suffix to the last (affixes.h).
#pragma once

#include "text/affixes.h"
#include "actors/word_tokens.h"
#include "tarikh/normalize.h"

#include <cstdint>
#include <deque>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace tarikh::actors {

using text::Morphology;
using text::Reading;

// The readings of every word of a text (affixes.h), made once and shared by
// every lexicon of the language: the gazetteer, the event kinds and the
// participant cues all take the same affixes, and reading each word three
// times was a fifth of extraction.
class TokenReadings {
public:
    TokenReadings(std::string_view folded, const std::vector<WordToken>& tokens, const Morphology& morphology);
    const Morphology& morphology() const { return morphology_; }
    // As a phrase's first word (prefixes and suffixes off), or as its last (suffixes only).
    std::span<const Reading> as_first(size_t token) const {
        return {readings_.data() + at_[token], readings_.data() + at_[token + 1]};
    }
    std::span<const Reading> as_last(size_t token) const {
        return {readings_.data() + at_[token], readings_.data() + unprefixed_end_[token]};
    }

private:
    const Morphology& morphology_;
    std::vector<Reading> readings_;
    std::vector<uint32_t> at_;              // token i's readings are [at_[i], at_[i + 1])
    std::vector<uint32_t> unprefixed_end_;  // … of which those before this took no prefix
    std::deque<std::string> strings_;       // readings that put a replacement back
};

class PhraseIndex {
public:
    explicit PhraseIndex(Morphology morphology = {});

    // Which affixes a phrase accepts: none (a short or ambiguous form), those
    // any word takes, or also the adjective-only ones (demonyms, keywords).
    enum class Affixes : uint8_t { None, General, All };

    // Adds `phrase` (data as written; folded here) with a caller's payload.
    // A phrase of several words in Arabic script is also added glued into one
    // word, as missing spaces and ZWNJ leave it in the text (عشق آباد, عشق‌آباد).
    // Returns false when the phrase has no word.
    bool add(std::string_view phrase, uint32_t payload, Affixes affixes = Affixes::All);

    struct Match {
        uint32_t first = 0, last = 0;  // token range [first, last)
        uint32_t payload = 0;
        unsigned affixes = 0;          // how many affixes were taken off
        size_t stripped = 0;           // how many bytes they took
    };
    // Leftmost-longest, non-overlapping matches over the tokens of `folded`;
    // with `shared` readings of the same morphology, the words are not read again.
    std::vector<Match> match(std::string_view folded, const std::vector<WordToken>& tokens,
                             const TokenReadings* shared = nullptr) const;

    const Morphology& morphology() const { return morphology_; }
    size_t size() const { return count_; }

private:
    struct Phrase {
        std::vector<std::string> rest;  // the words after the first
        uint32_t payload;
        Affixes affixes;
    };
    struct Hash {
        using is_transparent = void;
        size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    // Buffers reused from word to word, so matching allocates once per text.
    struct Scratch {
        std::vector<Reading> first, last;
        std::deque<std::string> first_strings, last_strings;
    };
    bool add_words(std::vector<std::string> words, uint32_t payload, Affixes affixes);
    // The best phrase starting at token i, if any: the most words, then the
    // fewest affixes, then the fewest bytes taken off.
    bool match_at(std::string_view folded, const std::vector<WordToken>& tokens, size_t i, Match& best,
                  Scratch& scratch, const TokenReadings* shared) const;

    // A cheap first test before the hash map: one bit per (length, first and
    // last two bytes) signature of the first words. Most words of a text are
    // in no lexicon, and this turns their lookups into one L1-cached load.
    static size_t signature(std::string_view key);
    bool maybe_first(std::string_view key) const {
        size_t sig = signature(key);
        return (filter_[sig >> 6] >> (sig & 63)) & 1;
    }

    Morphology morphology_;
    std::vector<uint64_t> filter_ = std::vector<uint64_t>(1024);
    std::unordered_map<std::string, std::vector<Phrase>, Hash, std::equal_to<>> by_first_;
    size_t count_ = 0;
};

// The bytes of the input as given (`text`, folded as `folded` into `tokens`)
// that a match covers.
inline Span source_span(const PhraseIndex::Match& m, const NormalizedText& folded, std::string_view text,
                        const std::vector<WordToken>& tokens) {
    return folded.to_source(text, tokens[m.first].begin, tokens[m.last - 1].end);
}

}  // namespace tarikh::actors
