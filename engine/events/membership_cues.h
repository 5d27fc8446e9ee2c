// Words that make a named agreement an institution one joins (or leaves)
// rather than a time: "peyvastan-e Qazzaqestan be peyman-e Ebrahim" (Kazakhstan joining
// the Abraham Accords) is news of 2025, not of 15 September 2020, and "the
// withdrawal from the nuclear deal" is not dated by the deal's signing. The words are data, per
// language: engine/lang/<lang>/membership_cues.tsv.
#pragma once

#include "actors/phrase_index.h"
#include "tarikh/mention.h"
#include "tarikh/normalize.h"

#include <string_view>
#include <vector>

namespace tarikh::events {

class MembershipCues {
public:
    static constexpr const char* kDataFile = "membership_cues.tsv";  // in each engine/lang/<lang>/
    // `cues_tsv`: one word or phrase per row; `affixes_tsv`: the language's affixes.tsv.
    MembershipCues(std::string_view cues_tsv, std::string_view affixes_tsv);

    // Spans (bytes of `text`) of every cue, in text order.
    std::vector<Span> find(const NormalizedText& folded, std::string_view text,
                           const std::vector<actors::WordToken>& tokens,
                              const actors::TokenReadings* shared = nullptr) const;

private:
    actors::PhraseIndex index_;
};

// The cues of `lang` compiled into the binary, loaded once.
const MembershipCues& builtin_membership_cues(Lang lang);

// Whether `m` is a one-day named event (a signing: an accord, a treaty) that a
// cue at most `kMembershipReach` words before it, with no clause mark between,
// turns into the thing joined. `cues` sorted by start.
inline constexpr size_t kMembershipReach = 4;
bool names_joined_agreement(const Mention& m, std::string_view text, const std::vector<Span>& cues);

}  // namespace tarikh::events
