#include "actors/phrase_index.h"

#include "tarikh/normalize.h"

namespace tarikh::actors {
namespace {

bool is_ascii(std::string_view s) {
    for (char c : s)
        if (static_cast<uint8_t>(c) >= 0x80) return false;
    return true;
}

// Two words of a phrase may be apart by spaces and line breaks (PDF text
// breaks lines anywhere) and at most one joining mark: "U.S.", "Nur-Sultan",
// "al-Assad", "Côte d’Ivoire", "Trinidad & Tobago" (CLDR's way of writing
// "and" in names). Anything else (a comma, a full stop and a new sentence)
// breaks the phrase.
bool joinable_gap(std::string_view gap) {
    constexpr std::string_view kRightQuote = "\xE2\x80\x99";  // ’, an apostrophe as typeset
    int marks = 0;
    for (size_t i = 0; i < gap.size(); ++i) {
        const char c = gap[i];
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r') continue;
        if ((c == '-' || c == '.' || c == '\'' || c == '&') && ++marks == 1) continue;
        if (gap.substr(i).starts_with(kRightQuote) && ++marks == 1) {
            i += kRightQuote.size() - 1;
            continue;
        }
        return false;
    }
    return true;
}

// May a phrase that accepts `level` be read through `r`?
bool accepts(PhraseIndex::Affixes level, const Reading& r) {
    if (!r.prefix && !r.suffix) return true;
    if (level == PhraseIndex::Affixes::None) return false;
    return level == PhraseIndex::Affixes::All || !r.adjective;
}

}  // namespace

PhraseIndex::PhraseIndex(Morphology morphology) : morphology_(std::move(morphology)) {}

bool PhraseIndex::add(std::string_view phrase, uint32_t payload, Affixes affixes) {
    std::string folded = fold(phrase);
    std::vector<std::string> words;
    for (const WordToken& t : word_tokens(folded)) words.emplace_back(t.text(folded));
    if (words.empty()) return false;
    if (words.size() > 1 && !is_ascii(folded)) {
        std::string glued;
        for (const auto& w : words) glued += w;
        add_words({glued}, payload, affixes);
    }
    return add_words(std::move(words), payload, affixes);
}

size_t PhraseIndex::signature(std::string_view key) {
    const auto* b = reinterpret_cast<const uint8_t*>(key.data());
    const size_t n = key.size();
    if (n == 0) return 0;
    size_t h = n * 0x9E37u;
    h ^= (size_t(b[0]) << 8 | b[n > 1 ? 1 : 0]) * 31u;
    h ^= (size_t(b[n - 1]) << 8 | b[n > 1 ? n - 2 : 0]) * 131u;
    return (h ^ (h >> 16)) & 0xFFFF;
}

bool PhraseIndex::add_words(std::vector<std::string> words, uint32_t payload, Affixes affixes) {
    std::string first = std::move(words.front());
    words.erase(words.begin());
    const size_t sig = signature(first);
    filter_[sig >> 6] |= uint64_t(1) << (sig & 63);
    auto& list = by_first_[first];
    for (const Phrase& p : list)
        if (p.rest == words) return true;  // the first spelling listed wins
    list.push_back({std::move(words), payload, affixes});
    ++count_;
    return true;
}

TokenReadings::TokenReadings(std::string_view folded, const std::vector<WordToken>& tokens, const Morphology& morphology)
    : morphology_(morphology) {
    at_.reserve(tokens.size() + 1);
    unprefixed_end_.reserve(tokens.size());
    std::vector<Reading> one;
    std::deque<std::string> scratch;
    for (const WordToken& t : tokens) {
        at_.push_back(uint32_t(readings_.size()));
        readings(t.text(folded), morphology, true, true, one, scratch);
        // A reading that put a replacement back lives in `scratch`, which the
        // next word reuses: keep its own copy.
        for (Reading& r : one)
            if (r.key.data() < folded.data() || r.key.data() >= folded.data() + folded.size())
                r.key = strings_.emplace_back(r.key);
        uint32_t unprefixed = uint32_t(readings_.size());
        for (const Reading& r : one) {
            if (!r.prefix) ++unprefixed;
            readings_.push_back(r);
        }
        unprefixed_end_.push_back(unprefixed);
    }
    at_.push_back(uint32_t(readings_.size()));
}

bool PhraseIndex::match_at(std::string_view folded, const std::vector<WordToken>& tokens, size_t i, Match& best,
                           Scratch& s, const TokenReadings* shared) const {
    bool found = false;
    std::span<const Reading> first;
    if (shared) {
        first = shared->as_first(i);
    } else {
        readings(tokens[i].text(folded), morphology_, true, true, s.first, s.first_strings);
        first = s.first;
    }
    for (const Reading& r : first) {
        if (!maybe_first(r.key)) continue;
        auto it = by_first_.find(r.key);
        if (it == by_first_.end()) continue;
        for (const Phrase& p : it->second) {
            if (!accepts(p.affixes, r)) continue;
            const size_t n = p.rest.size();
            if (n > 0 && r.suffix) continue;  // a suffix ends the phrase
            if (i + n >= tokens.size()) continue;
            unsigned affixes = unsigned(r.prefix) + unsigned(r.suffix);
            size_t stripped = r.stripped;
            bool ok = true;
            for (size_t k = 0; k < n && ok; ++k) {
                const WordToken& prev = tokens[i + k];
                const WordToken& cur = tokens[i + k + 1];
                if (!joinable_gap(folded.substr(prev.end, cur.begin - prev.end))) { ok = false; break; }
                std::string_view w = cur.text(folded);
                if (w == p.rest[k]) continue;
                if (k + 1 < n) { ok = false; break; }
                // The last word may carry a suffix: "کاخ سفیدها", "الولايات المتحدةَ".
                std::span<const Reading> last;
                if (shared) {
                    last = shared->as_last(i + k + 1);
                } else {
                    readings(w, morphology_, false, true, s.last, s.last_strings);
                    last = s.last;
                }
                const Reading* fit = nullptr;
                for (const Reading& lr : last)
                    if (lr.suffix && lr.key == p.rest[k] && accepts(p.affixes, lr)) { fit = &lr; break; }
                if (!fit) ok = false;
                else { ++affixes; stripped += fit->stripped; }
            }
            if (!ok) continue;
            const uint32_t len = uint32_t(n + 1);
            const uint32_t best_len = found ? best.last - best.first : 0;
            const bool better = !found || len > best_len ||
                                (len == best_len && (affixes < best.affixes ||
                                                     (affixes == best.affixes && stripped < best.stripped)));
            if (better) {
                best = {uint32_t(i), uint32_t(i + len), p.payload, affixes, stripped};
                found = true;
            }
        }
    }
    return found;
}

std::vector<PhraseIndex::Match> PhraseIndex::match(std::string_view folded, const std::vector<WordToken>& tokens,
                                                   const TokenReadings* shared) const {
    std::vector<Match> out;
    Scratch scratch;
    if (shared && !(shared->morphology() == morphology_)) shared = nullptr;  // another language's affixes
    for (size_t i = 0; i < tokens.size();) {
        Match m;
        const char first = folded[tokens[i].begin];
        if (first >= '0' && first <= '9') {  // a number: no name or keyword starts with one
            ++i;
            continue;
        }
        if (match_at(folded, tokens, i, m, scratch, shared)) {
            out.push_back(m);
            i = m.last;
        } else {
            ++i;
        }
    }
    return out;
}

}  // namespace tarikh::actors
