// Actor recognition (DESIGN §1, "actors"): which countries a text names, and where.
//
// A country is named by its name, an adjective or demonym, its capital or a
// metonym (کاخ سفید, الكرملين, رژیم صهیونیستی), a leader or minister, or an
// organisation that stands for it. The knowledge is data, one gazetteer per
// language (engine/lang/{fa,ar,en}/gazetteer.tsv, affixes.tsv), folded with the
// same normalizer as the text, so spelling variants need not be listed.
#pragma once

#include "tarikh/event.h"
#include "tarikh/mention.h"
#include "tarikh/normalize.h"

#include <string>
#include <string_view>
#include <vector>

namespace tarikh {

// What kind of word named the country; it sets how much the name is trusted.
enum class ActorType { Country, Demonym, Capital, City, Metonym, Leader, Organization };
std::string_view to_string(ActorType t);  // "country", "demonym", …

struct ActorMatch {
    Span span;              // bytes of the input as given, affixes included ("وباکو")
    CountryCode code;       // ISO 3166-1 alpha-2
    ActorType type = ActorType::Country;
    float weight = 1.0f;    // 0..1: how surely this word means the country here
};

// Reads the gazetteers compiled into the binary (loaded once per process and
// shared): cheap to make, safe to use from several threads at once.
class ActorRecognizer {
public:
    ActorRecognizer();  // loads the gazetteers now rather than on the first text

    // Every actor named in `text`, in order, without overlaps (the longest
    // name wins: "روسیه سفید" is Belarus, not Russia).
    std::vector<ActorMatch> recognize(std::string_view text, Lang lang) const;
    // The same over a text already normalized (normalize(text)), to fold once.
    std::vector<ActorMatch> recognize(const NormalizedText& folded, std::string_view text, Lang lang) const;
};

// The sorted, unique codes of a set of matches.
std::vector<CountryCode> actor_codes(const std::vector<ActorMatch>& matches);

// Every country tarikh knows, sorted: the ISO 3166 regions of ICU's CLDR data.
const std::vector<CountryCode>& known_countries();
bool is_known_country(std::string_view code);
// A country's name for a label in `lang` ("en", "fa", "ar"), from CLDR: the
// short name where it is a word ("Palestine", "عربستان"), else the standard
// one; the code itself for a code CLDR does not know.
std::string country_label(std::string_view code, std::string_view lang);

}  // namespace tarikh
