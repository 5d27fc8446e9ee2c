#include "events/participant_cues.h"

#include "actors/language_data.h"
#include "text/affixes.h"
#include "text/tsv.h"
#include "events/name_table.h"

#include <algorithm>
#include <map>
#include <utility>

namespace tarikh::events {
namespace {

constexpr NameTable<CueRole, 40> kRoles = {{
    {CueRole::Between, "between"},
    {CueRole::Relation, "relation"},
    {CueRole::Agreement, "agreement"},
    {CueRole::TwoCountries, "two-countries"},
    {CueRole::And, "and"},
    {CueRole::Visit, "visit"},
    {CueRole::To, "to"},
    {CueRole::With, "with"},
    {CueRole::Against, "against"},
    {CueRole::Accusation, "accusation"},
    {CueRole::Speech, "speech"},
    {CueRole::Agent, "agent"},
    {CueRole::Examples, "examples"},
    {CueRole::PlaceList, "place-list"},
    {CueRole::Venue, "venue"},
    {CueRole::Border, "border"},
    {CueRole::Located, "located"},
    {CueRole::Outlet, "outlet"},
    {CueRole::OutletOf, "outlet-of"},
    {CueRole::Currency, "currency"},
    {CueRole::CurrencyOf, "currency-of"},
    {CueRole::Precedent, "precedent"},
    {CueRole::NamedAfter, "named-after"},
    {CueRole::NamedAfterOf, "named-after-of"},
    {CueRole::Meeting, "meeting"},
    {CueRole::MeetingOf, "meeting-of"},
    {CueRole::Nationality, "nationality"},
    {CueRole::NationalityOf, "nationality-of"},
    {CueRole::Language, "language"},
    {CueRole::LanguageOf, "language-of"},
    {CueRole::Capital, "capital"},
    {CueRole::CapitalOf, "capital-of"},
    {CueRole::Comparison, "comparison"},
    {CueRole::Relative, "relative"},
    {CueRole::Later, "later"},
    {CueRole::That, "that"},
    {CueRole::Sequel, "sequel"},
    {CueRole::SequelPhrase, "sequel-phrase"},
    {CueRole::Condition, "condition"},
    {CueRole::DateOf, "date-of"},
}};

// One UTF-8 character: one byte that is not a continuation byte.
bool one_character(std::string_view s) {
    return std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<uint8_t>(c) & 0xC0) != 0x80; }) == 1;
}

}  // namespace

std::string_view to_string(CueRole r) { return name_in(kRoles, r, "?"); }

std::optional<CueRole> cue_role_from_string(std::string_view s) { return value_in(kRoles, s); }

ParticipantCues::ParticipantCues(std::string_view cues_tsv, std::string_view affixes_tsv)
    : index_(text::load_morphology(affixes_tsv)) {
    std::map<std::string, uint32_t> payload_of;  // folded phrase → its roles' slot
    text::for_each_tsv_row(cues_tsv, [&](const std::vector<std::string_view>& f) {
        const auto role = f.size() > 1 ? cue_role_from_string(f[1]) : std::nullopt;
        if (!role) {
            errors_.push_back(std::string(f[0]) + ": needs a known role");
            return;
        }
        if (*role == CueRole::And && one_character(f[0])) glued_and_.emplace_back(f[0]);
        auto [it, fresh] = payload_of.emplace(fold(f[0]), uint32_t(roles_.size()));
        if (!fresh) {
            roles_[it->second] |= role_bit(*role);
            return;
        }
        roles_.push_back(role_bit(*role));
        // Cue words are function words: a glued conjunction or preposition
        // (wa-, bi-, li-: "and", "with", "for") may precede them, an adjective ending may not follow.
        if (!index_.add(f[0], it->second, actors::PhraseIndex::Affixes::General))
            errors_.push_back(std::string(f[0]) + ": no word");
    });
}

std::vector<CueHit> ParticipantCues::find(const NormalizedText& folded, std::string_view text,
                                          const std::vector<actors::WordToken>& tokens,
                              const actors::TokenReadings* shared) const {
    std::vector<CueHit> out;
    for (const auto& m : index_.match(folded.text, tokens, shared))
        out.push_back({actors::source_span(m, folded, text, tokens), roles_[m.payload]});
    return out;
}

const ParticipantCues& builtin_participant_cues(Lang lang) {
    return actors::builtin_language_data<ParticipantCues>(lang);
}

}  // namespace tarikh::events
