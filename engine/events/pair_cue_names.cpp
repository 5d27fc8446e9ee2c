// The names of pair cues, as they appear in event JSON, the store and the viewer.
#include "events/name_table.h"
#include "tarikh/event.h"

namespace tarikh {
namespace {

constexpr events::NameTable<PairCue, 15> kNames = {{
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

std::string_view to_string(PairCue c) { return events::name_in(kNames, c, "unspecified"); }

std::optional<PairCue> pair_cue_from_string(std::string_view s) { return events::value_in(kNames, s); }

}  // namespace tarikh
