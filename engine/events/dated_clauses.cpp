#include "events/dated_clauses.h"

#include "events/sentences.h"

#include "actors/letters.h"

#include <algorithm>
#include <cstdint>
#include <cctype>
#include <set>

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

// The byte length of the blank at text[i] (a space, a tab, a no-break space
// as news sites write them), or 0.
size_t blank_at(std::string_view text, size_t i) {
    if (text[i] == ' ' || text[i] == '\t') return 1;
    return text.substr(i).starts_with("\u00A0") ? 2 : 0;
}

// The byte length of the dash at text[i] (-, – or —), or 0.
size_t dash_at(std::string_view text, size_t i) {
    if (text[i] == '-') return 1;
    return text.substr(i).starts_with("\u2013") || text.substr(i).starts_with("\u2014") ? 3 : 0;
}

// After a dateline's last mark: its dashes and blanks belong to it.
size_t skip_dashes_and_blanks(std::string_view text, size_t i) {
    while (i < text.size())
        if (size_t n = std::max(blank_at(text, i), dash_at(text, i))) i += n;
        else break;
    return i;
}

}  // namespace

Span opening_dateline(std::string_view text) {
    constexpr size_t kMaxItems = 4, kMaxItemWords = 3, kMaxBytes = 160;
    size_t i = 0;
    while (i < text.size() && (blank_at(text, i) || text[i] == '\n' || text[i] == '\r')) i += std::max<size_t>(1, blank_at(text, i));
    size_t commas = 0, item_words = 0;
    bool in_word = false;
    const size_t limit = std::min(text.size(), i + kMaxBytes);
    while (i < limit) {
        if (size_t n = blank_at(text, i)) {
            in_word = false;
            i += n;
            continue;
        }
        unsigned len;
        const char32_t c = actors::decode_at(text, i, len);
        const bool word = actors::is_word_char(c);
        if (word && !in_word && ++item_words > kMaxItemWords) return {};
        in_word = word;
        if (word || c == '.' || c == '\'') {
            i += len;
            continue;
        }
        if (c == ',' || c == 0x060C) {
            if (++commas >= kMaxItems || item_words == 0) return {};
            item_words = 0;
        } else if (dash_at(text, i)) {
            // A dash alone ("March 24 -", "(CNN)--") ends it; one inside a word does not.
            const bool alone = i == 0 || !actors::is_word_char(actors::decode_at(text, i - 1, len)) ||
                               (i + 1 < text.size() && text[i + 1] == '-');
            if (!alone) {
                i += dash_at(text, i);
                continue;
            }
            if (commas == 0) return {};
            return {0, uint32_t(skip_dashes_and_blanks(text, i))};
        } else if (c == '(') {
            // "(CNN)": an outlet in Latin letters closes the dateline.
            // Without a comma, only a city of one word: "al-Quds (CNN)--" (Jerusalem), not
            // "The United States (US) said".
            const size_t close = text.find(')', i);
            if (close == std::string_view::npos || close - i > 12 || (commas == 0 && item_words > 1)) return {};
            for (size_t k = i + 1; k < close; ++k)
                if (!((text[k] >= 'A' && text[k] <= 'Z') || (text[k] >= 'a' && text[k] <= 'z') || text[k] == ' '))
                    return {};
            return {0, uint32_t(skip_dashes_and_blanks(text, close + 1))};
        } else {
            return {};  // a line break, a colon, a quote: running text, not a dateline
        }
        i += len;
    }
    return {};
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
        // A length or frequency the text does not place dates nothing; "over the
        // past two weeks" (anchored at the DCT) does date its act.
        if (m->type != MentionType::Date && !m->interval.anchored()) continue;
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

bool restates(std::string_view text, const Mention& name, const Mention& date, const std::vector<CueHit>& cues) {
    constexpr size_t kReach = 6;  // "alladhi tamma al-tawassul ilayhi fi" (which was reached in), "that was signed in the year …"
    if (name.event.empty() || !date.event.empty() || date.span.begin < name.span.end) return false;
    // It says when the thing happened or began ("the war that began in 2011"),
    // not a time within it ("the Syrian crisis … last August").
    if (!name.interval.anchored() || !date.interval.anchored() || *name.interval.earliest < *date.interval.earliest ||
        *name.interval.earliest > *date.interval.latest)
        return false;
    // No clause mark between, but the comma that opens a relative clause ("the
    // Iran-Iraq war, which began in 1980").
    for (size_t i = name.span.end; i < date.span.begin;) {
        const size_t mark = clause_mark_at(text, i);
        if (!mark) {
            ++i;
            continue;
        }
        if (count_words(text, name.span.end, i, 0) > 0) return false;
        const auto relative = std::find_if(cues.begin(), cues.end(), [&](const CueHit& c) {
            return c.span.begin >= i + mark && c.span.end <= date.span.begin && c.has(CueRole::Relative);
        });
        if (relative == cues.end() || count_words(text, i + mark, relative->span.begin, 0) > 0) return false;
        i += mark;
    }
    return count_words(text, name.span.end, date.span.begin, kReach + 1) <= kReach;
}

std::vector<Restatement> restatements(std::vector<const Mention*>& mentions, std::string_view text,
                                      const std::vector<CueHit>& cues) {
    std::vector<Restatement> out;
    for (size_t k = 0; k + 1 < mentions.size(); ++k)
        if (restates(text, *mentions[k], *mentions[k + 1], cues)) {
            out.push_back({mentions[k], mentions[k + 1]});
            mentions.erase(mentions.begin() + long(k) + 1);
        }
    return out;
}

Span phrase_around(std::string_view text, Span clause, Span mention) {
    size_t begin = clause.begin, end = clause.end;
    for (size_t i = clause.begin; i < mention.begin; ++i)
        if (size_t len = clause_mark_at(text, i)) begin = i + len;
    for (size_t i = mention.end; i < clause.end; ++i)
        if (clause_mark_at(text, i)) {
            end = i;
            break;
        }
    return {uint32_t(begin), uint32_t(end)};
}

std::vector<Participants> of_the_named(std::vector<Participants> phrase, std::vector<Participants> inside) {
    std::set<CountryCode> named;
    for (const Participants& p : inside) named.insert({p.source, p.target});
    if (named.empty()) return phrase;
    if (named.size() >= 2) return inside;
    std::erase_if(phrase, [&](const Participants& p) { return !named.contains(p.source) && !named.contains(p.target); });
    return phrase.empty() ? inside : phrase;
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
