// The date tagger: finds every temporal mention in a document and resolves it
// to an interval of days. Language knowledge (month names, era words, relative
// words, named events) is loaded from the data files under engine/lang/ and
// engine/data/; this class only applies it.
#pragma once

#include "tarikh/mention.h"

#include <memory>
#include <optional>
#include <string_view>
#include <vector>

namespace tarikh {

struct ParseOptions {
    std::optional<Lang> lang;     // nullopt: detect per document
    std::optional<Day> dct;       // document creation time given by the caller; wins over a dateline
    bool explain = false;         // fill ParseResult::explanations
};

// Why a mention was read: the grammar's rules, outermost first ("mod-point",
// "month-year"), and the lexicon rows its words matched.
struct Explanation {
    struct Word {
        std::string_view form, kind, value;  // the lexicon row as written
        Lang lang;                           // whose lexicon.tsv
    };
    std::vector<std::string_view> rules;
    std::vector<Word> words;
};

struct ParseResult {
    Lang lang;
    std::optional<Day> dct;       // the DCT used: the caller's, else a dateline found in the text
    std::vector<Mention> mentions;  // ordered by span
    std::vector<Explanation> explanations;  // one per mention, when ParseOptions::explain
};

class Parser {
public:
    Parser();   // loads the compiled-in language data; cheap to share across threads
    ~Parser();
    Parser(const Parser&) = delete;
    Parser& operator=(const Parser&) = delete;

    ParseResult parse(std::string_view text, const ParseOptions& options = {}) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// One JSON object (DESIGN §5) for a mention of document `doc`, whose input was `text`.
// With `why`, an "explain" field: {"rules": [...], "words": [{"form", "kind", "value", "lang"}...]}.
std::string mention_to_json(const Mention& m, std::string_view doc, std::string_view text,
                            const Explanation* why = nullptr);
// The same object appended to `out`: no string per mention when writing many.
void append_mention_json(std::string& out, const Mention& m, std::string_view doc, std::string_view text,
                         const Explanation* why = nullptr);

}  // namespace tarikh
