#include "events/membership_cues.h"

#include "events/sentences.h"

#include "text/affixes.h"
#include "text/tsv.h"
#include "actors/language_data.h"

#include <algorithm>

namespace tarikh::events {

MembershipCues::MembershipCues(std::string_view cues_tsv, std::string_view affixes_tsv)
    : index_(text::load_morphology(affixes_tsv)) {
    text::for_each_tsv_row(cues_tsv, [&](const std::vector<std::string_view>& f) {
        if (!f.empty()) index_.add(f[0], 0);
    });
}

std::vector<Span> MembershipCues::find(const NormalizedText& folded, std::string_view text,
                                       const std::vector<actors::WordToken>& tokens,
                              const actors::TokenReadings* shared) const {
    std::vector<Span> out;
    for (const auto& m : index_.match(folded.text, tokens, shared))
        out.push_back(actors::source_span(m, folded, text, tokens));
    return out;
}

const MembershipCues& builtin_membership_cues(Lang lang) { return actors::builtin_language_data<MembershipCues>(lang); }

bool names_joined_agreement(const Mention& m, std::string_view text, const std::vector<Span>& cues) {
    // Only a signing: one joins an accord, not a war or a massacre, and
    // "joining the war in 2020" is dated by the war.
    if (m.event.empty() || !m.interval.anchored() || *m.interval.earliest != *m.interval.latest) return false;
    auto after = std::lower_bound(cues.begin(), cues.end(), m.span.begin,
                                  [](const Span& s, uint32_t b) { return s.end <= b; });
    if (after == cues.begin()) return false;
    const Span cue = *std::prev(after);
    if (count_words(text, cue.end, m.span.begin, kMembershipReach + 1) > kMembershipReach) return false;
    for (size_t i = cue.end; i < m.span.begin; ++i)
        if (clause_mark_at(text, i)) return false;
    return true;
}

}  // namespace tarikh::events
