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
};

struct ParseResult {
    Lang lang;
    std::optional<Day> dct;       // the DCT used: the caller's, else a dateline found in the text
    std::vector<Mention> mentions;  // ordered by span
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
std::string mention_to_json(const Mention& m, std::string_view doc, std::string_view text);

}  // namespace tarikh
