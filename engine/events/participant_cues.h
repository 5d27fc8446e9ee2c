// The words that tell who takes part in an event and who is only named:
// "between X and Y", "X's visit to Y", "with", "against", "the two
// countries", and what makes a named country no participant at all (a list
// of examples, a venue, a border, a news agency, a currency). One file per
// language, engine/lang/<lang>/participant_cues.tsv; the roles are fixed here,
// the words are data.
#pragma once

#include "actors/phrase_index.h"
#include "tarikh/mention.h"
#include "tarikh/normalize.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tarikh::events {

enum class CueRole : uint8_t {
    // Cues that tie countries together.
    Between,       // between/among: the countries after it form a pair
    Relation,      // relations/ties: the countries beside it form a pair
    Agreement,     // agreement/treaty/signed: the countries beside it form a pair
    TwoCountries,  // "the two countries": the pair named before it
    And,           // a conjunction inside a list of countries
    // Cues that say how a counterpart is tied to the subject.
    Visit,         // visit/travel: a country after "to" is visited
    To,            // to
    With,          // with
    Against,       // against
    Accusation,    // accused
    Speech,        // said: the subject speaks of the others
    Agent,         // by: the country after it acts
    // Cues that make a named country no participant.
    Examples,      // such as: a list of examples or members follows
    PlaceList,     // in each of: a list of places follows
    Venue,         // in/at: a city after it is where, not who
    Border,        // on the border with: the country after it is a place
    Located,       // located in: the country after it is a place
    Outlet,        // agency/newspaper/source: the country after it is the report's source
    OutletOf,      // the same where the country comes first ("a British naval source")
    Currency,      // dollar: the country right after it names a currency
    CurrencyOf,    // the same where the country comes first ("U.S. dollars")
    Precedent,     // after right before a country: it did so before, another event
    NamedAfter,    // treaty: a city right after it names the thing ("Rome Statute")
    NamedAfterOf,  // the same where the city comes first ("the Paris agreement")
    Meeting,       // summit: a place right after it, city or country, is where it met ("the Singapore summit" with the place after)
    MeetingOf,     // the same where the place comes first ("the Singapore summit")
    Nationality,   // player/journalist/club/national team: the country after it is someone's nationality
    NationalityOf, // the same where the country comes first ("the Brazilian striker")
    Language,      // language: the demonym after it names a language ("in the French language" with the demonym after)
    LanguageOf,    // the same where the demonym comes first ("the French language")
    Capital,       // capital: the country after it stands for its capital, a city ("the Ethiopian capital" with the demonym after)
    CapitalOf,     // the same where the country comes first ("the Ethiopian capital")
    Comparison,    // similar to: what follows is compared, a clause of its own
    Relative,      // whose after a comma: an aside about the country before it
    Later,         // later: its part of the sentence is another, undated act
    That,          // that: what was said follows
    Sequel,        // after/before/in response to: its clause is another act, before or after the one dated
    SequelPhrase,  // the same where the main verb may follow (Persian "pas az", after): only a clause mark ends it
    Condition,     // if/in case: its clause is a condition, no act
    DateOf,        // 's/in between a country and a date: "the 2016 US elections"
};

std::string_view to_string(CueRole r);  // "between", "place-list", …
std::optional<CueRole> cue_role_from_string(std::string_view s);

// A phrase may play several roles (Arabic "fi", in, is a venue and links a country to a date).
using CueRoles = uint64_t;
constexpr CueRoles role_bit(CueRole r) { return CueRoles{1} << static_cast<unsigned>(r); }
static_assert(static_cast<unsigned>(CueRole::DateOf) < 64, "one bit per role (DateOf is the last)");

struct CueHit {
    Span span;  // bytes of the input as given
    CueRoles roles = 0;
    bool has(CueRole r) const { return (roles & role_bit(r)) != 0; }
};

class ParticipantCues {
public:
    static constexpr const char* kDataFile = "participant_cues.tsv";  // in each engine/lang/<lang>/
    // `cues_tsv`: rows `phrase<TAB>role` (a phrase listed twice has both
    // roles); `affixes_tsv`: the language's affixes.tsv.
    ParticipantCues(std::string_view cues_tsv, std::string_view affixes_tsv);

    // Every cue in the text, in order, without overlaps (the longest phrase wins).
    std::vector<CueHit> find(const NormalizedText& folded, std::string_view text,
                             const std::vector<actors::WordToken>& tokens,
                              const actors::TokenReadings* shared = nullptr) const;
    size_t size() const { return index_.size(); }
    // Rows that could not be read (unknown role), for the data tests.
    const std::vector<std::string>& errors() const { return errors_; }
    // The conjunctions of one letter, which the press glues to the next word
    // (Arabic "wa-Isra'il", and Israel): a name that starts with one follows a list's "and".
    const std::vector<std::string>& glued_conjunctions() const { return glued_and_; }

private:
    actors::PhraseIndex index_;
    std::vector<CueRoles> roles_;  // by payload
    std::vector<std::string> errors_;
    std::vector<std::string> glued_and_;
};

// The cues of `lang` compiled into the binary, loaded once.
const ParticipantCues& builtin_participant_cues(Lang lang);

}  // namespace tarikh::events
