#include "events/event_kinds.h"

#include "text/affixes.h"
#include "text/tsv.h"
#include "actors/language_data.h"

#include <algorithm>
#include <array>
#include <string>

namespace tarikh::events {

KindLexicon::KindLexicon(std::string_view kinds_tsv, std::string_view affixes_tsv)
    : index_(text::load_morphology(affixes_tsv)) {
    text::for_each_tsv_row(kinds_tsv, [&](const std::vector<std::string_view>& f) {
        if (f.size() < 2) return;
        auto kind = event_kind_from_string(f[1]);
        if (!kind || *kind == EventKind::Other) return;
        float weight = 1.0f;
        if (f.size() > 2 && !f[2].empty()) {
            try { weight = std::stof(std::string(f[2])); } catch (...) { return; }
        }
        uint32_t id = uint32_t(entries_.size());
        entries_.push_back({{}, *kind, weight});
        index_.add(f[0], id);
    });
}

std::vector<KindHit> KindLexicon::find(const NormalizedText& folded, std::string_view text,
                                       const std::vector<actors::WordToken>& tokens,
                              const actors::TokenReadings* shared) const {
    std::vector<KindHit> out;
    for (const auto& m : index_.match(folded.text, tokens, shared)) {
        KindHit hit = entries_[m.payload];
        hit.span = actors::source_span(m, folded, text, tokens);
        out.push_back(hit);
    }
    return out;
}

const KindLexicon& builtin_kind_lexicon(Lang lang) { return actors::builtin_language_data<KindLexicon>(lang); }

EventKind vote(const std::vector<KindHit>& hits, Span range) {
    // Scores by kind, in tie-break order: the more specific kind first.
    constexpr std::array<EventKind, 5> kOrder = {EventKind::Military, EventKind::Security, EventKind::Energy,
                                                 EventKind::Economy, EventKind::Diplomatic};
    std::array<float, 5> score{};
    auto first = std::lower_bound(hits.begin(), hits.end(), range.begin,
                                  [](const KindHit& h, uint32_t b) { return h.span.begin < b; });
    for (auto it = first; it != hits.end() && it->span.begin < range.end; ++it) {
        if (it->span.end > range.end) continue;
        for (size_t k = 0; k < kOrder.size(); ++k)
            if (kOrder[k] == it->kind) score[k] += it->weight;
    }
    size_t best = 0;
    for (size_t k = 1; k < kOrder.size(); ++k)
        if (score[k] > score[best]) best = k;
    return score[best] > 0 ? kOrder[best] : EventKind::Other;
}

EventKind classify_kind(std::string_view text, Lang lang) {
    NormalizedText folded = normalize(text);
    auto tokens = actors::word_tokens(folded.text);
    return vote(builtin_kind_lexicon(lang).find(folded, text, tokens), {0, uint32_t(text.size())});
}

}  // namespace tarikh::events
