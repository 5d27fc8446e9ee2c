#include "events/sentences.h"

#include "actors/letters.h"
#include "embedded_data.h"
#include "text/tsv.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace tarikh::events {
namespace {

using actors::decode_at;
using actors::is_base_char;

bool is_space(char32_t c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0xA0 || c == 0x200C || c == 0x200D ||
           c == 0x200E || c == 0x200F || c == 0xFEFF;
}

// Ends a sentence: . ! ? and the Arabic question mark U+061F, the ellipsis
// U+2026, the Urdu full stop U+06D4
bool is_terminal(char32_t c) { return c == '.' || c == '!' || c == '?' || c == 0x061F || c == 0x2026 || c == 0x06D4; }

// May follow a terminal and still belong to the sentence: closing quotes and
// brackets, in either direction (bidi extraction flips them: a guillemet U+00AB after the full stop).
bool is_closer(char32_t c) {
    return c == '"' || c == '\'' || c == ')' || c == ']' || c == 0xBB || c == 0xAB || c == 0x201D ||
           c == 0x201C || c == 0x2019 || c == 0x201A;
}

bool is_ascii_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_ascii_lower(char c) { return c >= 'a' && c <= 'z'; }

using Abbreviations = std::vector<std::string>;  // sorted

// The abbreviations (lang/<code>/abbreviations.tsv) read in texts of each
// language, itself and those its texts also carry; the last entry: every language's.
const std::vector<Abbreviations>& abbreviation_sets() {
    static const std::vector<Abbreviations> sets = [] {
        std::vector<Abbreviations> own, out;
        Abbreviations all;
        for (const Language& l : languages()) {
            own.emplace_back();
            text::for_each_tsv_row(embedded_data("lang/" + l.code + "/abbreviations.tsv"),
                                   [&](const std::vector<std::string_view>& f) { own.back().emplace_back(f[0]); });
            all.insert(all.end(), own.back().begin(), own.back().end());
        }
        for (const Language& l : languages()) {
            Abbreviations set = own[l.id.index()];
            for (Lang other : l.also) set.insert(set.end(), own[other.index()].begin(), own[other.index()].end());
            out.push_back(std::move(set));
        }
        out.push_back(std::move(all));
        for (Abbreviations& set : out) {
            std::sort(set.begin(), set.end());
            set.erase(std::unique(set.begin(), set.end()), set.end());
        }
        return out;
    }();
    return sets;
}

// Is the word ending just before `dot` one after which a full stop does not end a sentence?
bool abbreviation_before(std::string_view text, size_t dot, const Abbreviations& abbreviations) {
    size_t b = dot;
    while (b > 0) {  // back over the letters of the word, whatever their script
        size_t p = b - 1;
        while (p > 0 && (static_cast<uint8_t>(text[p]) & 0xC0) == 0x80) --p;
        unsigned len;
        if (actors::char_class(decode_at(text, p, len)) != actors::CharClass::Letter) break;
        b = p;
    }
    std::string_view word = text.substr(b, dot - b);
    if (word.empty()) return false;
    if (word.size() == 1 && is_ascii_upper(word[0])) return true;  // U.S., J. Smith
    if (b > 0 && text[b - 1] == '.') return true;                   // the s in "e.g." or "U.S."
    return std::binary_search(abbreviations.begin(), abbreviations.end(), word);
}

// Answers "does a cut at `pos` fall inside one of the spans?" for positions
// asked in increasing order, walking the spans (sorted by begin) once.
class KeepTogether {
public:
    explicit KeepTogether(std::vector<Span> spans) : spans_(std::move(spans)) {
        std::sort(spans_.begin(), spans_.end(), [](const Span& a, const Span& b) { return a.begin < b.begin; });
    }
    bool inside(size_t pos) {
        while (next_ < spans_.size() && spans_[next_].end <= pos) ++next_;
        for (size_t q = next_; q < spans_.size() && spans_[q].begin < pos; ++q)
            if (pos < spans_[q].end) return true;
        return false;
    }

private:
    std::vector<Span> spans_;
    size_t next_ = 0;
};

// The end of the sentence whose terminal run starts at `i`, or npos when the
// marks there do not end a sentence.
size_t terminal_run_end(std::string_view text, size_t i, const Abbreviations& abbreviations) {
    unsigned len;
    char32_t first = decode_at(text, i, len);
    size_t j = i;
    size_t dots = 0;
    while (j < text.size()) {
        char32_t c = decode_at(text, j, len);
        if (!is_terminal(c)) break;
        dots += c == '.';
        j += len;
    }
    const size_t run_end = j;
    while (j < text.size()) {
        char32_t c = decode_at(text, j, len);
        if (!is_closer(c)) break;
        j += len;
    }
    if (first == '.' && run_end - i == 1) {
        // A lone full stop: not a decimal point, a domain or an abbreviation.
        if (j < text.size()) {
            char32_t next = decode_at(text, j, len);
            if (!is_space(next)) return std::string_view::npos;
        }
        if (abbreviation_before(text, i, abbreviations)) return std::string_view::npos;
    }
    // Followed by a lower-case Latin word, the sentence goes on ("Zman.co. il", "approx. five").
    size_t k = j;
    while (k < text.size() && (text[k] == ' ' || text[k] == '\t')) ++k;
    if (k < text.size() && is_ascii_lower(text[k]) && (dots > 0 || first == '.')) return std::string_view::npos;
    return j;
}

struct Line {
    size_t begin = 0, end = 0;   // [begin, end), without the '\n'
    size_t content = 0;          // first byte that is not white space
    size_t content_end = 0;      // after the last byte that is not white space (begin when none)
    size_t letters = 0;          // letters and digits (tatweel, marks, punctuation not counted)
    bool ends_sentence = false;  // the last mark on the line ends a sentence
    bool blank() const { return letters == 0; }
};

std::vector<Line> scan_lines(std::string_view text) {
    std::vector<Line> lines;
    size_t b = 0;
    while (b <= text.size()) {
        size_t e = text.find('\n', b);
        if (e == std::string_view::npos) e = text.size();
        Line l{b, e, e, b, 0, false};
        char32_t last = 0;
        for (size_t i = b; i < e;) {
            unsigned len;
            char32_t c = decode_at(text, i, len);
            if (!is_space(c)) {
                if (l.content == e) l.content = i;
                l.content_end = i + len;
                if (is_base_char(c)) ++l.letters;
                if (!is_closer(c)) last = c;
            }
            i += len;
        }
        l.ends_sentence = is_terminal(last);
        lines.push_back(l);
        if (e == text.size()) break;
        b = e + 1;
    }
    return lines;
}

bool hard_wrapped(const std::vector<Line>& lines) {
    size_t all = 0, ended = 0;
    for (const Line& l : lines) {
        all += l.letters;
        if (l.ends_sentence) ended += l.letters;
    }
    return all > 0 && ended * 2 < all;
}

// In hard-wrapped text, is line k a heading, a caption or a byline standing
// alone? It starts a sentence (`starts_sentence`: nothing but white space since
// the last cut), ends without a sentence mark, is short, and the next line
// with text is clearly longer (a heading over a paragraph) or there is none.
bool is_heading(const std::vector<Line>& lines, size_t k, bool starts_sentence) {
    const Line& l = lines[k];
    if (!starts_sentence || l.blank() || l.ends_sentence || l.letters > 60) return false;
    for (size_t n = k + 1; n < lines.size(); ++n)
        if (!lines[n].blank()) return lines[n].letters * 2 >= l.letters * 3;
    return true;
}

bool has_letters(std::string_view s) {
    for (size_t i = 0; i < s.size();) {
        unsigned len;
        char32_t c = decode_at(s, i, len);
        if (is_base_char(c)) return true;
        i += len;
    }
    return false;
}

Span trimmed(std::string_view text, size_t b, size_t e) {
    while (b < e) {
        unsigned len;
        if (!is_space(decode_at(text, b, len))) break;
        b += len;
    }
    while (e > b) {
        size_t p = e - 1;
        while (p > b && (static_cast<uint8_t>(text[p]) & 0xC0) == 0x80) --p;
        unsigned len;
        if (!is_space(decode_at(text, p, len))) break;
        e = p;
    }
    return {uint32_t(b), uint32_t(e)};
}

}  // namespace

bool is_hard_wrapped(std::string_view text) { return hard_wrapped(scan_lines(text)); }

namespace {

// The clause marks beyond ASCII of every language (a text carries its
// neighbours' punctuation: Arabic commas in Persian news), by kind.
struct ClauseMarks {
    std::vector<std::string> commas, breaks;
    std::array<bool, 256> starts{};  // the first bytes of any mark: most bytes are none (callers scan every byte)
};

const ClauseMarks& clause_marks() {
    static const ClauseMarks marks = [] {
        ClauseMarks m;
        for (const Language& l : languages())
            text::for_each_tsv_row(embedded_data("lang/" + l.code + "/punctuation.tsv"),
                                   [&](const std::vector<std::string_view>& f) {
                                       if (f.size() < 2) return;
                                       auto& to = f[1] == "break" ? m.breaks : m.commas;
                                       if (f[0].empty()) return;
                                       if (std::find(to.begin(), to.end(), f[0]) == to.end()) to.emplace_back(f[0]);
                                       m.starts[static_cast<uint8_t>(f[0][0])] = true;
                                   });
        return m;
    }();
    return marks;
}

size_t one_of_at(const std::vector<std::string>& marks, std::string_view text, size_t i) {
    for (const std::string& m : marks)
        if (text.substr(i).starts_with(m)) return m.size();
    return 0;
}

bool ends_at(size_t (*mark_at)(std::string_view, size_t), std::string_view text, size_t i) {
    constexpr size_t kLongestMark = 4;  // bytes of one UTF-8 character
    for (size_t len = 1; len <= kLongestMark && len <= i; ++len)
        if (mark_at(text, i - len) == len) return true;
    return false;
}

}  // namespace

size_t comma_at(std::string_view text, size_t i) {
    const auto c = static_cast<uint8_t>(text[i]);
    if (c < 0x80) return c == ',' ? 1 : 0;
    const ClauseMarks& m = clause_marks();
    return m.starts[c] ? one_of_at(m.commas, text, i) : 0;
}

size_t list_break_at(std::string_view text, size_t i) {
    const auto c = static_cast<uint8_t>(text[i]);
    if (c < 0x80) return c == ';' || c == ':' ? 1 : 0;
    const ClauseMarks& m = clause_marks();
    return m.starts[c] ? one_of_at(m.breaks, text, i) : 0;
}

size_t clause_mark_at(std::string_view text, size_t i) {
    if (size_t n = comma_at(text, i)) return n;
    return list_break_at(text, i);
}

bool clause_mark_ends_at(std::string_view text, size_t i) { return ends_at(clause_mark_at, text, i); }
bool comma_ends_at(std::string_view text, size_t i) { return ends_at(comma_at, text, i); }

namespace {

// Answers "is `pos` strictly inside one of the spans?" for positions in any
// order: spans sorted by begin, with the furthest end reached so far.
class InsideAny {
public:
    explicit InsideAny(std::vector<Span> spans) : spans_(std::move(spans)) {
        std::sort(spans_.begin(), spans_.end(), [](const Span& a, const Span& b) { return a.begin < b.begin; });
        uint32_t reach = 0;
        for (const Span& s : spans_) reach_.push_back(reach = std::max(reach, s.end));
    }
    bool operator()(size_t pos) const {
        auto it = std::lower_bound(spans_.begin(), spans_.end(), pos, [](const Span& s, size_t p) { return s.begin < p; });
        return it != spans_.begin() && reach_[size_t(it - spans_.begin()) - 1] > pos;
    }
    // The furthest end of the spans that begin before `pos`.
    size_t reach(size_t pos) const {
        auto it = std::lower_bound(spans_.begin(), spans_.end(), pos, [](const Span& s, size_t p) { return s.begin < p; });
        return it == spans_.begin() ? pos : std::max<size_t>(pos, reach_[size_t(it - spans_.begin()) - 1]);
    }

private:
    std::vector<Span> spans_;
    std::vector<uint32_t> reach_;
};

// Where to cut text that runs on from `from` past kMaxSentenceBytes: the last
// space of the window's second half outside a date, else the window's end
// (moved past a date it would split, and to a character boundary).
size_t bounded_cut(std::string_view text, size_t from, const InsideAny& dates) {
    const size_t limit = from + kMaxSentenceBytes;
    for (size_t at = limit; at > from + kMaxSentenceBytes / 2; --at)
        if ((text[at] == ' ' || text[at] == '\n' || text[at] == '\t') && !dates(at)) return at;
    size_t at = dates.reach(limit);
    while (at < text.size() && (static_cast<uint8_t>(text[at]) & 0xC0) == 0x80) ++at;
    return std::min(at, text.size());
}

void push_sentence(std::string_view text, size_t from, size_t to, std::vector<Span>& out) {
    Span s = trimmed(text, from, to);
    if (s.end > s.begin && has_letters(text.substr(s.begin, s.end - s.begin))) out.push_back(s);
}

}  // namespace

std::vector<Span> split_sentences(std::string_view text, const std::vector<Span>& keep_together,
                                  const std::vector<Span>& stand_alone, std::optional<Lang> lang) {
    const Abbreviations& abbreviations = abbreviation_sets()[lang ? lang->index() : languages().size()];
    KeepTogether keep(keep_together);
    const std::vector<Line> lines = scan_lines(text);
    const bool wrapped = hard_wrapped(lines);

    std::vector<size_t> cuts;
    size_t open = 0;       // where the sentence being read began
    size_t text_end = 0;   // after the last non-space byte of the lines read so far
    auto cut = [&](size_t at) {
        if (keep.inside(at)) return;
        cuts.push_back(at);
        open = at;
    };
    for (size_t k = 0; k < lines.size(); ++k) {
        const Line& l = lines[k];
        const bool starts_sentence = text_end <= open;
        const size_t cuts_before = cuts.size();
        for (size_t i = l.content; i < l.end;) {
            unsigned len;
            char32_t c = decode_at(text, i, len);
            if (is_terminal(c)) {
                size_t end = terminal_run_end(text, i, abbreviations);
                if (end != std::string_view::npos) {
                    cut(end);
                    i = end;
                    continue;
                }
                while (i < l.end && is_terminal(decode_at(text, i, len))) i += len;  // past the whole run
                continue;
            }
            i += len;
        }
        if (!l.blank()) text_end = l.content_end;  // a lone mark (a harakah such as U+064D) left by extraction is not text
        if (l.end == text.size()) break;
        const bool cut_inside = cuts.size() != cuts_before;
        if (!wrapped || is_heading(lines, k, starts_sentence && !cut_inside)) cut(l.end);
    }

    for (const Span& s : stand_alone) {
        cuts.push_back(s.begin);
        cuts.push_back(s.end);
    }
    std::sort(cuts.begin(), cuts.end());

    std::vector<Span> out;
    size_t from = 0;
    cuts.push_back(text.size());
    const InsideAny dates(keep_together);
    for (size_t to : cuts) {
        if (to <= from) continue;
        // A run of text with no sentence mark (a table, a list, hostile
        // input) is cut into pieces of bounded length, at a space outside
        // any date: every event of a sentence carries a part of it, and
        // the clauses of one sentence are searched per date.
        while (to - from > kMaxSentenceBytes) {
            const size_t at = bounded_cut(text, from, dates);
            push_sentence(text, from, at, out);
            from = at;
        }
        push_sentence(text, from, to, out);
        from = to;
    }
    return out;
}

size_t count_words(std::string_view text, size_t from, size_t to, size_t limit) {
    size_t words = 0;
    bool in_word = false;
    for (size_t i = from; i < to && words <= limit;) {
        unsigned len;
        bool w = actors::is_word_char(actors::decode_at(text, i, len));
        if (w && !in_word) ++words;
        in_word = w;
        i += len;
    }
    return words;
}

}  // namespace tarikh::events
