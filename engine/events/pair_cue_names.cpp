// The names of pair cues, as they appear in event JSON, the store and the viewer.
#include "tarikh/event.h"

#include <array>
#include <utility>

namespace tarikh {
namespace {

constexpr std::array<std::pair<PairCue, std::string_view>, 15> kNames = {{
    {PairCue::Alone, "alone"},
    {PairCue::Between, "between"},
    {PairCue::Relation, "relation"},
    {PairCue::Visit, "visit"},
    {PairCue::With, "with"},
    {PairCue::Against, "against"},
    {PairCue::Agreement, "agreement"},
    {PairCue::Accusation, "accusation"},
    {PairCue::Speech, "speech"},
    {PairCue::SubjectObject, "subject-object"},
    {PairCue::Joint, "joint"},
    {PairCue::TwoCountries, "the-two-countries"},
    {PairCue::PreviousSentence, "previous-sentence"},
    {PairCue::Cooccurrence, "co-occurrence"},
    {PairCue::Unspecified, "unspecified"},
}};

}  // namespace

std::string_view to_string(PairCue c) {
    for (const auto& [cue, name] : kNames)
        if (cue == c) return name;
    return "unspecified";
}

std::optional<PairCue> pair_cue_from_string(std::string_view s) {
    for (const auto& [cue, name] : kNames)
        if (name == s) return cue;
    return std::nullopt;
}

}  // namespace tarikh
