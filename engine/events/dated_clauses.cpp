#include "events/dated_clauses.h"

#include "events/sentences.h"

#include "actors/letters.h"

#include <algorithm>
#include <cstdint>
#include <cctype>

namespace tarikh::events {
namespace {

bool has_word_chars(std::string_view text, size_t from, size_t to) { return count_words(text, from, to, 0) > 0; }

}  // namespace

bool is_dateline(const Mention& m, std::string_view text) {
    // A stated day ("yesterday" opening a text is news, not a dateline).
    if (m.granularity != Granularity::Day || m.type != MentionType::Date || m.anchor != Anchor::Absolute) return false;
    if (count_words(text, 0, m.span.begin, 1) <= 1) return true;
    if (count_words(text, m.span.end, text.size(), 0) > 0) return false;
    size_t line = text.rfind('\n', m.span.begin);
    line = line == std::string_view::npos ? 0 : line + 1;
    return count_words(text, line, m.span.begin, 1) <= 1;  // "Tuesday, 27 January , 2026"
}

namespace {

bool overlaps(const Interval& a, const Interval& b) {
    if (!a.anchored() || !b.anchored()) return true;  // nothing says they differ
    return *a.earliest <= *b.latest && *b.earliest <= *a.latest;
}

// Finer first; at equal grain the date the text states outright (absolute)
// over one taken from a name, the document or the previous date.
bool finer(const Mention& a, const Mention& b) {
    if (a.interval.anchored() != b.interval.anchored()) return a.interval.anchored();
    if (a.granularity != b.granularity) return a.granularity < b.granularity;  // enum runs Day … Century
    return a.anchor == Anchor::Absolute && b.anchor != Anchor::Absolute;
}

}  // namespace

std::vector<const Mention*> dating_mentions(const std::vector<Mention>& mentions, std::string_view text) {
    // By start, the longer first: a mention is inside another exactly when an
    // earlier one in this order reaches as far as it does.
    std::vector<const Mention*> order;
    for (const Mention& m : mentions) order.push_back(&m);
    std::stable_sort(order.begin(), order.end(), [](const Mention* a, const Mention* b) {
        return a->span.begin != b->span.begin ? a->span.begin < b->span.begin : a->span.end > b->span.end;
    });
    std::vector<const Mention*> out;
    uint32_t reach = 0;
    bool any = false;
    for (const Mention* m : order) {
        const bool contained = any && m->span.end <= reach;
        if (!any || m->span.end > reach) reach = m->span.end;
        any = true;
        if (contained) continue;
        if (m->type == MentionType::Duration && !m->interval.anchored()) continue;
        if (is_dateline(*m, text)) continue;
        out.push_back(m);
    }
    return out;
}

std::vector<const Mention*> merge_restatements(const std::vector<const Mention*>& mentions, std::string_view text) {
    std::vector<const Mention*> out;
    for (const Mention* m : mentions) {
        if (!out.empty()) {
            const Mention* prev = out.back();
            if (prev->span.end <= m->span.begin && !has_word_chars(text, prev->span.end, m->span.begin) &&
                overlaps(prev->interval, m->interval)) {
                bool has_clause_mark = false;
                for (size_t i = prev->span.end; i < m->span.begin; ++i)
                    if (clause_mark_at(text, i)) has_clause_mark = true;
                if (!has_clause_mark) {
                    if (finer(*m, *prev)) out.back() = m;
                    continue;
                }
            }
        }
        out.push_back(m);
    }
    return out;
}

std::vector<DatedClause> dated_clauses(std::string_view text, Span sentence,
                                       const std::vector<const Mention*>& mentions) {
    std::vector<DatedClause> out;
    if (mentions.empty()) return out;
    out.push_back({{sentence.begin, sentence.end}, {mentions.front()}});
    for (size_t k = 1; k < mentions.size(); ++k) {
        // The last clause mark between the previous date and this one.
        size_t from = mentions[k - 1]->span.end, to = mentions[k]->span.begin, cut = 0;
        for (size_t i = from; i < to; ++i)
            if (size_t len = clause_mark_at(text, i)) cut = i + len;
        if (cut == 0) {
            out.back().mentions.push_back(mentions[k]);
            continue;
        }
        out.back().span.end = uint32_t(cut);
        out.push_back({{uint32_t(cut), sentence.end}, {mentions[k]}});
    }
    return out;
}

}  // namespace tarikh::events
