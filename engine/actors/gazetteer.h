// One language's gazetteer (engine/lang/<lang>/gazetteer.tsv) loaded into a
// phrase index: names, demonyms, capitals, metonyms, leaders → country codes.
#pragma once

#include "actors/phrase_index.h"
#include "tarikh/actors.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tarikh::actors {

struct ActorEntry {
    std::string name;        // as listed, for messages
    CountryCode code;        // empty: a known phrase that names no country and shadows
                             // the names inside it ("Washington Post", "در آستانه")
    CountryCode alt;         // an ambiguous name's other reading (عمان: Oman, else Amman)
    ActorType type = ActorType::Country;
    float weight = 1.0f;
    bool context = false;    // counts only where the text names the country otherwise
    bool all_caps = false;   // an acronym (US, UAE): upper case in the text, not "us"
};

class Gazetteer {
public:
    static constexpr const char* kDataFile = "gazetteer.tsv";  // in each engine/lang/<lang>/
    // `gazetteer_tsv`: rows `name<TAB>code<TAB>type[<TAB>flags]` (see the file's
    // header); `affixes_tsv`: the language's affixes.tsv. With a `locale`
    // ("fa"), every country's CLDR names in it are added after the file's
    // rows, so a row of the file decides how a name is read (مالی, also
    // "financial", is listed as context-only and CLDR's row adds nothing).
    Gazetteer(std::string_view gazetteer_tsv, std::string_view affixes_tsv, std::string_view locale = {});

    const PhraseIndex& index() const { return index_; }
    const ActorEntry& entry(uint32_t i) const { return entries_[i]; }
    const std::vector<ActorEntry>& entries() const { return entries_; }
    // Rows that could not be read (unknown type, bad code…), for the data tests.
    const std::vector<std::string>& errors() const { return errors_; }

private:
    void add(ActorEntry e, std::string_view phrase, bool affixes);

    PhraseIndex index_;
    std::vector<ActorEntry> entries_;
    std::vector<std::string> errors_;
};

std::optional<ActorType> actor_type_from_string(std::string_view s);

// The gazetteer of `lang` compiled into the binary, loaded once.
const Gazetteer& builtin_gazetteer(Lang lang);

// ActorRecognizer::recognize over the words of the folded text, made once by
// the caller (the Extractor shares them with the event-kind lexicon).
std::vector<ActorMatch> recognize_actors(const NormalizedText& folded, std::string_view text, Lang lang,
                                         const std::vector<WordToken>& tokens, const TokenReadings* shared = nullptr);

}  // namespace tarikh::actors
