// What kind of event a sentence reports, from a keyword lexicon per language
// (engine/lang/<lang>/event_kinds.tsv): each keyword found adds its weight to
// its kind; the heaviest kind wins, ties going to the more specific kind
// (military, security, energy, economy, diplomatic); no keyword: Other.
#pragma once

#include "actors/phrase_index.h"
#include "tarikh/event.h"
#include "tarikh/mention.h"
#include "tarikh/normalize.h"

#include <string_view>
#include <vector>

namespace tarikh::events {

struct KindHit {
    Span span;  // bytes of the input as given
    EventKind kind = EventKind::Other;
    float weight = 1.0f;
};

class KindLexicon {
public:
    static constexpr const char* kDataFile = "event_kinds.tsv";  // in each engine/lang/<lang>/
    // `kinds_tsv`: rows `keyword<TAB>kind[<TAB>weight]`; `affixes_tsv`: the language's affixes.tsv.
    KindLexicon(std::string_view kinds_tsv, std::string_view affixes_tsv);

    // Every keyword in the text (normalized as `folded`, written as `text`).
    std::vector<KindHit> find(const NormalizedText& folded, std::string_view text,
                              const std::vector<actors::WordToken>& tokens,
                              const actors::TokenReadings* shared = nullptr) const;
    size_t size() const { return index_.size(); }

private:
    actors::PhraseIndex index_;
    std::vector<KindHit> entries_;  // kind and weight by payload
};

// The lexicon of `lang` compiled into the binary, loaded once.
const KindLexicon& builtin_kind_lexicon(Lang lang);

// The kind the hits inside [range.begin, range.end) vote for (hits sorted by span).
EventKind vote(const std::vector<KindHit>& hits, Span range);

// The kind of a whole text: for tests and one-off use.
EventKind classify_kind(std::string_view text, Lang lang);

}  // namespace tarikh::events
