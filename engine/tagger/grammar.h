// The language-independent grammar: token patterns over lexicon classes that
// find date expressions and give their structure (RawDate). Word order
// variants of fa, ar and en are alternatives of the same patterns; the words
// themselves come from the lexicon. The rules, one function each with a name
// (rules/rule.h), are in rules/ by family.
// Persian and Arabic examples in the tagger's comments are transliterated
// letter for letter (qbl thlath snwat: three years ago), as the script
// writes them, without short vowels; the words themselves live in
// engine/lang/<code>/.
#pragma once

#include "tagger/lexicon.h"
#include "tagger/raw_date.h"
#include "tagger/tokenize.h"

#include <string_view>
#include <vector>

namespace tarikh::tagger {

// Every date expression in the text, leftmost-longest, in text order.
std::vector<RawDate> find_dates(std::string_view folded, const std::vector<Token>& tokens, Lang lang,
                                const Lexicon& lexicon);

// The lexicon entries the words of each date were read as (affixes taken off
// as the grammar takes them), for --explain.
std::vector<std::vector<const LexEntry*>> entries_of(std::string_view folded, const std::vector<Token>& tokens, Lang lang,
                                                     const Lexicon& lexicon, const std::vector<RawDate>& dates);

}  // namespace tarikh::tagger
