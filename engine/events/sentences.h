// Sentence segmentation of news text as it comes: clean paragraphs, or text
// extracted from PDF with a line break every few words (DESIGN §2).
//
// A sentence ends at . ! ? U+061F U+2026 U+06D4 (and the closing quotes and brackets after
// them), except at decimal points, inside "Zman.co.il", after a single
// capital ("U.S.") or an abbreviation ("Gen.", lang/<code>/abbreviations.tsv). Line breaks depend on the
// document: where most text sits on lines that end a sentence, a line is a
// paragraph and every line break ends a sentence; in hard-wrapped text
// (most lines stop mid-sentence, blank lines fall between columns and pages)
// a line break is a space, except after a heading: a short line that starts
// a sentence, ends without punctuation and is followed by a longer line.
#pragma once

#include "tarikh/language.h"
#include "tarikh/normalize.h"

#include <optional>

#include <cstdint>
#include <string_view>
#include <vector>

namespace tarikh::events {

// Longer runs of text without a sentence end are cut (at a space outside the
// dates) into sentences of at most this many bytes.
inline constexpr size_t kMaxSentenceBytes = 2048;

// The sentences of `text`, in order, as byte spans trimmed of white space.
// No sentence ends inside a span of `keep_together` (the date mentions: a
// range broken over two lines is still one date); each span of `stand_alone`
// is cut off from the text around it (a dateline is not part of the first sentence).
// The abbreviations are those of `lang` and of the languages its texts also
// carry; without a language, those of every language.
std::vector<Span> split_sentences(std::string_view text, const std::vector<Span>& keep_together = {},
                                  const std::vector<Span>& stand_alone = {}, std::optional<Lang> lang = std::nullopt);

// True when most of the text's letters are on lines that stop mid-sentence.
bool is_hard_wrapped(std::string_view text);

// Clause marks: , ; : and each language's own (lang/<code>/punctuation.tsv:
// the Arabic comma U+060C and semicolon U+061B) — where a sentence with
// several dates is cut between them. Returns the byte length of the mark at
// text[i], or 0.
size_t clause_mark_at(std::string_view text, size_t i);
// The same for commas alone (, U+060C), and for the marks that also end a
// list of countries (; : U+061B).
size_t comma_at(std::string_view text, size_t i);
size_t list_break_at(std::string_view text, size_t i);
// Whether a mark of that kind ends right before text[i].
bool clause_mark_ends_at(std::string_view text, size_t i);
bool comma_ends_at(std::string_view text, size_t i);

// Words in text[from, to), counting no further than `limit` (callers ask
// "none?", "at most one?" or "within four?", and must stay linear on a huge
// document).
size_t count_words(std::string_view text, size_t from, size_t to, size_t limit = SIZE_MAX);

}  // namespace tarikh::events
