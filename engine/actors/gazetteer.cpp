#include "actors/gazetteer.h"

#include "actors/countries.h"
#include "text/affixes.h"
#include "text/tsv.h"
#include "actors/language_data.h"

#include <charconv>
#include <string>

namespace tarikh {

std::string_view to_string(ActorType t) {
    switch (t) {
        case ActorType::Country: return "country";
        case ActorType::Demonym: return "demonym";
        case ActorType::Capital: return "capital";
        case ActorType::City: return "city";
        case ActorType::Metonym: return "metonym";
        case ActorType::Leader: return "leader";
        case ActorType::Organization: return "org";
    }
    return "country";
}

}  // namespace tarikh

namespace tarikh::actors {
namespace {

// How far each kind of word is trusted before any flag: a country's name is
// the country; a capital or a leader nearly always stands for it in news; a
// city or an organisation only usually does.
float default_weight(ActorType t) {
    switch (t) {
        case ActorType::Country: return 1.0f;
        case ActorType::Demonym: return 0.9f;
        case ActorType::Capital: return 0.9f;
        case ActorType::Metonym: return 0.9f;
        case ActorType::Leader: return 0.9f;
        case ActorType::City: return 0.8f;
        case ActorType::Organization: return 0.8f;
    }
    return 1.0f;
}

bool is_code(std::string_view s) {
    return s.size() == 2 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z';
}

// An acronym: two or more letters, all ASCII capitals ("US", "U.S.", "UAE").
bool is_acronym(std::string_view name) {
    int letters = 0;
    for (char c : name) {
        if (c >= 'a' && c <= 'z') return false;
        if (static_cast<uint8_t>(c) >= 0x80) return false;
        letters += c >= 'A' && c <= 'Z';
    }
    return letters >= 2;
}

}  // namespace

std::optional<ActorType> actor_type_from_string(std::string_view s) {
    for (ActorType t : {ActorType::Country, ActorType::Demonym, ActorType::Capital, ActorType::City,
                        ActorType::Metonym, ActorType::Leader, ActorType::Organization})
        if (tarikh::to_string(t) == s) return t;
    return std::nullopt;
}

Gazetteer::Gazetteer(std::string_view gazetteer_tsv, std::string_view affixes_tsv, std::string_view locale)
    : index_(text::load_morphology(affixes_tsv)) {
    text::for_each_tsv_row(gazetteer_tsv, [&](const std::vector<std::string_view>& f) {
        auto fail = [&](std::string_view why) { errors_.push_back(std::string(f[0]) + ": " + std::string(why)); };
        if (f.size() < 3) return fail("needs name, code and type");
        ActorEntry e;
        e.name = std::string(f[0]);
        std::string_view code = f[1];
        if (code != "-") {
            std::string_view alt;
            if (size_t bar = code.find('|'); bar != std::string_view::npos) {
                alt = code.substr(bar + 1);
                code = code.substr(0, bar);
                if (!is_code(alt)) return fail("bad second code");
            }
            if (!is_code(code)) return fail("bad code");
            e.code = std::string(code);
            e.alt = std::string(alt);
            auto type = actor_type_from_string(f[2]);
            if (!type) return fail("unknown type");
            e.type = *type;
        } else if (f[2] != "-") {
            return fail("a shadowing phrase (code -) has type -");
        }
        e.weight = default_weight(e.type);
        bool affixes = true;
        if (f.size() > 3) {
            std::string_view flags = f[3];
            while (!flags.empty()) {
                size_t comma = flags.find(',');
                std::string_view flag = flags.substr(0, comma);
                flags = comma == std::string_view::npos ? std::string_view() : flags.substr(comma + 1);
                if (flag == "context") e.context = true;
                else if (flag == "bare") affixes = false;
                else if (flag.starts_with("w=")) {
                    std::string w(flag.substr(2));
                    try { e.weight = std::stof(w); } catch (...) { return fail("bad weight"); }
                } else if (!flag.empty()) return fail("unknown flag");
            }
        }
        if (!e.code.empty() && !is_known_country(e.code)) return fail("not a country CLDR knows: " + e.code);
        if (!e.alt.empty() && !is_known_country(e.alt)) return fail("not a country CLDR knows: " + e.alt);
        add(std::move(e), f[0], affixes);
    });
    if (!locale.empty())
        for (CldrName& n : cldr_country_names(locale)) {
            ActorEntry e;
            e.name = std::move(n.name);
            e.code = std::move(n.code);
            const std::string phrase = e.name;
            add(std::move(e), phrase, true);
        }
}

void Gazetteer::add(ActorEntry e, std::string_view phrase, bool affixes) {
    e.all_caps = is_acronym(e.name);
    if (e.all_caps) affixes = false;  // "USA" is not "US" + a plural
    // Adjective-only affixes (Arabic ال and ة, Persian ی, English s) make
    // adjectives and plurals of people: a demonym takes them, a name does not
    // (الحماس is "the zeal", حلبة a race track, the Americas are not America).
    // A shadowing phrase takes every affix, to hide the name in all its forms.
    const auto accepted = !affixes ? PhraseIndex::Affixes::None
                          : e.type == ActorType::Demonym || e.code.empty() ? PhraseIndex::Affixes::All
                                                                           : PhraseIndex::Affixes::General;
    const uint32_t id = uint32_t(entries_.size());
    entries_.push_back(std::move(e));
    if (!index_.add(phrase, id, accepted)) errors_.push_back(entries_.back().name + ": no word in the name");
}

const Gazetteer& builtin_gazetteer(Lang lang) { return builtin_language_data<Gazetteer>(lang); }

}  // namespace tarikh::actors
