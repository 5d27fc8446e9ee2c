// The grammar's shared state and helpers, and its rules as members. Each rule
// family lives in its own file (numbers, points, relative, ranges,
// named_events); ../grammar.cpp scans the text and asks them at each token.
// A rule is one function that reads one pattern of lexicon classes and names
// itself (rule.h) in the RawDate it returns.
#pragma once

#include "tagger/lexicon.h"
#include "tagger/raw_date.h"
#include "tagger/tokenize.h"
#include "text/affixes.h"

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tarikh::tagger::rules {

constexpr uint32_t kNone = 0xFFFFFFFF;

// A lexicon entry matched at a token: the entry and the tokens it covers.
struct Hit {
    const LexEntry* entry = nullptr;
    uint32_t end = 0;  // token after the match
    explicit operator bool() const { return entry != nullptr; }
};

// What a rule of a family tried in order makes of the words at a token: a
// date, nothing (the next rule tries), or a veto: the words have the rule's
// shape but mean something else ("three years before X" is no "three years
// ago"), so no later rule of the family reads them.
struct Match {
    std::optional<RawDate> date;
    bool veto = false;
    static Match none() { return {}; }
    static Match vetoed() { return {std::nullopt, true}; }
    Match() = default;
    Match(std::optional<RawDate> d, bool v = false) : date(std::move(d)), veto(v) {}
    Match(RawDate d) : date(std::move(d)) {}
};

// The bytes of a prefix that stay out of a date's span.
uint8_t outside_span(const text::Affix& p);

class Grammar {
public:
    Grammar(std::string_view folded, const std::vector<Token>& tokens, Lang lang, const Lexicon& lexicon)
        : s_(folded), t_(tokens), lang_(lang), lex_(lexicon), set_(lexicon.settings(lang)),
          entries_(tokens.size(), nullptr), kinds_(tokens.size(), 0), clitic_(tokens.size(), 0), looked_(tokens.size(), false) {}

    std::vector<RawDate> run();

    const EntryList* entries(uint32_t i) { return looked_[i] ? entries_[i] : look_up(i); }
    // The entries the tokens of `r` were read as: each token's entries whose
    // phrase is there, and the named event it names.
    std::vector<const LexEntry*> read_as(const RawDate& r);

private:
    // ---- tokens and the lexicon (lexicon_access.cpp) ----------------------
    uint32_t size() const { return static_cast<uint32_t>(t_.size()); }
    std::string_view text(uint32_t i) const { return t_[i].text(s_); }
    bool is_number(uint32_t i) const { return i < size() && t_[i].type == TokenType::Number; }
    bool is_punct(uint32_t i, char c) const {
        return i < size() && t_[i].type == TokenType::Punct && t_[i].end - t_[i].begin == 1 && s_[t_[i].begin] == c;
    }
    // Asked many times per token: the answer is kept (entries()), and the first
    // look (with its affix stripping) is out of line so that asking again is cheap.
    [[gnu::noinline]] const EntryList* look_up(uint32_t i);
    // The entries `lookup` finds for `w` with one of its language's date
    // affixes taken off, and how many bytes of the word to leave out of a span.
    struct Stripped { const EntryList* found; uint8_t skip; };
    // Stems shorter than `min_stem` bytes are not looked up.
    template <class Lookup>
    std::optional<Stripped> without_affix(std::string_view w, Lookup lookup, size_t min_stem = 0);
    std::string scratch_;  // a prefix's replacement put back
    bool rest_matches(const LexEntry& e, uint32_t i) const;
    // Token i carries "and" as a clitic.
    bool glued_and(uint32_t i);
    Hit hit(uint32_t i, LexKind kind);
    Hit hit_if(uint32_t i, LexKind kind, bool (*pred)(const LexEntry&));
    // The backward twin of hit(): the entry of `kind` (and `pred`, if given)
    // that ends right before token `end`, starting at most `reach` tokens back
    // and not before `floor`; the one starting furthest back first.
    struct HitBefore { uint32_t first; Hit hit; };
    std::optional<HitBefore> hit_ending_at(uint32_t end, LexKind kind, uint32_t reach, uint32_t floor = 0,
                                           bool (*pred)(const LexEntry&) = nullptr);
    bool has(uint32_t i, LexKind kind) { return i < size() && static_cast<bool>(hit(i, kind)); }
    bool prep_before(uint32_t i);
    bool time_prep_before(uint32_t i);
    bool quantity_after(uint32_t i);
    bool quantifier_before(uint32_t i);
    uint32_t skip_article(uint32_t i) { return has(i, LexKind::Article) ? hit(i, LexKind::Article).end : i; }
    // A year word ("the year" before 2006) with a number right after it.
    Hit year_word_before_number(uint32_t i);

    // ---- numbers (numbers.cpp) ----------------------------------------------
    bool inside_bigger_number(uint32_t i) const;
    // A day of the month, with a day suffix if any.
    std::optional<std::pair<int, uint32_t>> day_at(uint32_t i);
    // A count: digits or a number word.
    std::optional<std::pair<int, uint32_t>> count_at(uint32_t i);
    // A number in words whose parts "and" joins, glued or not (4 + 20, 20 + 4,
    // 2000 + 20); an ordinal when any part is one.
    struct Spelled { int value; uint32_t end; bool ordinal; };
    std::optional<Spelled> spelled_number(uint32_t i);
    // A count (digits or number words) that ends right before token `end`:
    // its first token and value. With `positive`, counts of zero are passed over.
    std::optional<std::pair<uint32_t, int>> count_ending_at(uint32_t end, uint32_t floor, bool positive);
    bool count_ends_at(uint32_t j);
    // A year: four digits (or fewer before an era word), with an era word after.
    struct Year { int value; Calendar calendar; bool explicit_calendar; bool two_digit; uint32_t end; };
    std::optional<Year> year_at(uint32_t i, bool after_year_word, bool two_digit_ok);
    Calendar calendar_of_bare_year(int y) const;
    std::optional<RawDate> numeric_date(uint32_t i);
    std::optional<RawDate> numeric_month_year(uint32_t i);
    std::optional<RawDate> year_expr(uint32_t i, bool bare_year_ok);
    std::optional<RawDate> year_word_year(uint32_t i);
    std::optional<RawDate> spelled_year(uint32_t i);
    std::optional<RawDate> year_alone(uint32_t i, bool bare_year_ok);
    std::optional<RawDate> decade(uint32_t i);
    std::optional<RawDate> decade_apostrophe(uint32_t i, uint32_t k);
    std::optional<RawDate> decade_digits(uint32_t i, uint32_t k, Hit unit);
    std::optional<RawDate> decade_number_word(uint32_t i, uint32_t k, Hit unit);
    std::optional<RawDate> decade_name(uint32_t i, uint32_t k);
    std::optional<RawDate> century(uint32_t i);
    std::optional<RawDate> century_unit_first(uint32_t i, uint32_t j);
    std::optional<RawDate> century_unit_last(uint32_t i, uint32_t j);

    // ---- points (points.cpp) ------------------------------------------------
    // Any date at token i, the longest reading.
    std::optional<RawDate> point(uint32_t i, bool bare_year_ok, bool partial_ok);
    // A month name (or two joined by '/'), and the word "month" after it.
    struct MonthAt { const LexEntry* entry; uint32_t end; };
    std::optional<MonthAt> month_at(uint32_t i);
    std::optional<RawDate> day_month(uint32_t i, bool partial_ok);
    std::optional<RawDate> month_first(uint32_t i, bool partial_ok);
    // A month date of `rule` whose parts the caller completes.
    RawDate month_alone(uint32_t i, const MonthAt& m, Rule rule);
    std::optional<std::pair<int, uint32_t>> single_day_after(const MonthAt& m);
    std::optional<RawDate> month_day_range_year(uint32_t i, const MonthAt& m);
    std::optional<RawDate> month_day_year(uint32_t i, const MonthAt& m);
    std::optional<RawDate> month_day(uint32_t i, const MonthAt& m);
    std::optional<RawDate> month_year(uint32_t i, const MonthAt& m);
    std::optional<RawDate> month_relative_year(uint32_t i, const MonthAt& m);
    std::optional<RawDate> month_rel(uint32_t i, const MonthAt& m);
    std::optional<RawDate> rel_month(uint32_t i);
    // [the] [<this|last|next>] <fiscal> [<year>] [<year number>]
    std::optional<RawDate> fiscal_year(uint32_t i);
    std::optional<RawDate> month_word_month(uint32_t i, const MonthAt& m);
    std::optional<RawDate> month_after_cue(uint32_t i, const MonthAt& m);
    // A year whose value comes from the reference: "the same year", "last year".
    std::optional<RawDate> year_relative(uint32_t i);
    // "nfs alywm mn ʿam 2003", "hman rwz dr sal 1390": the previous date's day in another year.
    std::optional<RawDate> same_day_year(uint32_t i);
    std::optional<RawDate> season(uint32_t i);
    std::optional<RawDate> rel_season(uint32_t i);
    std::optional<RawDate> season_year(uint32_t i);
    std::optional<RawDate> season_rel(uint32_t i);
    // The year after a season or a part of a year: [year word] number [era];
    // the season already says it is a date, so a bare 13xx is a year too.
    std::optional<Year> year_after(uint32_t k);
    // The year a season or a part of a year belongs to, from token k: "[of]
    // 2022", "[of] this year"; fills r.a and r.last.
    bool with_year(RawDate& r, uint32_t k);
    std::optional<RawDate> part_of_year(uint32_t i);
    // A block of months counted from the start of a year: "sh mah dwm" (the
    // second three months), "alshhryn alawlyyn mn 2018"; without a year, of the previous date's.
    std::optional<RawDate> months_of_year(uint32_t i);
    // A third of a month by its ten days: "dhh akhr ṣfr", "alʿshr alawakhr mn rmḍan".
    std::optional<RawDate> ten_days(uint32_t i);
    // The nth week of a month, its days 7n-6 to 7n: "hfth dwm asfnd", "alasbwʿ alawl mn ynayr".
    std::optional<RawDate> week_of_month(uint32_t i);
    // A month and its year after a part of it: "[of] [the month] Ramadan [1440]".
    std::optional<RawDate> month_of(uint32_t k);
    // The tense cues within a few tokens of the date, in its sentence (DESIGN
    // §3): a future cue sets a.future and wins over a past one (brgzar khwahd
    // shd), a past one sets a.past.
    void mark_tense(RawDate& r);
    // early/mid/late X
    std::optional<RawDate> modified(uint32_t i);

    // ---- ranges (ranges.cpp) ------------------------------------------------
    std::optional<RawDate> range(uint32_t i);
    // A year range whose end gives only its last two digits: 1984-85, 1984 to '86.
    std::optional<RawDate> short_range_end(uint32_t i, uint32_t r0, const RawDate& left);
    // Days that share one month: one mention over the whole span (DESIGN §3).
    std::optional<RawDate> day_list(uint32_t i);
    // "and" as a word of its own at k: the token after it.
    uint32_t and_word_end(uint32_t k);

    // ---- relative dates (relative.cpp) -------------------------------------
    std::optional<RawDate> relative(uint32_t i);
    Match rel_count_unit(uint32_t i, uint32_t j);
    Match later_unit(uint32_t i, uint32_t j);
    Match count_unit_rel(uint32_t i, uint32_t j);
    Match rel_count_units(uint32_t i, uint32_t j);
    Match unit_count_rel(uint32_t i, uint32_t j);
    Match rel_unit(uint32_t i, uint32_t j);
    Match reldate_word(uint32_t i, uint32_t j);
    std::optional<RawDate> earlier_later_unit(uint32_t i);
    std::optional<RawDate> deictic(uint32_t i);
    std::optional<RawDate> weekday(uint32_t i);
    // A weekday of a named week after the weekday, from token k: "of next
    // week", "mn alasbwʿ almaḍy", "hfth āyndh"; fills r.unit, r.n, r.last.
    bool weekday_of_week(RawDate& r, uint32_t k);
    // A weekday alone is a date unless "every" comes before it (a frequency),
    // an object marker after it (a noun: ykshnbh ra), or a preposition before
    // it where that makes it a place (dr dwshnbh: in Dushanbe).
    bool bare_weekday_ok(uint32_t i, uint32_t end);
    // The nth or last weekday of a month: awl jmʿa mn rmḍan, the last Friday of November.
    std::optional<RawDate> nth_weekday(uint32_t i);

    // ---- holidays (holidays.cpp) -------------------------------------------
    std::optional<RawDate> holiday(uint32_t i);
    // The nth day of a holiday: "khams ayam ʿyd alfṭr", "rwz swm ʿyd nwrwz".
    std::optional<RawDate> holiday_day(uint32_t i);
    // "N units before/after" a date that starts at token i, looking back
    // from it; `previous` is the date found just before, which may be the
    // "N units" part already read as a shift.
    struct AnchoredShift { uint32_t first; Granularity unit; int n; bool absorbs_previous; };
    std::optional<AnchoredShift> shift_before(uint32_t i, const RawDate* previous);
    std::optional<std::pair<Granularity, int>> count_and_unit_ending_at(uint32_t end, uint32_t floor, uint32_t& first);

    // ---- named events (named_events.cpp) ----------------------------------
    std::optional<RawDate> named_event(uint32_t i);
    // A word that is a year word (ʿam, sal) on its own.
    bool is_year_word(std::string_view w);
    // One of the events a name may be of runs through year y.
    bool event_spans_year(const LexEntry& e, int y) const;
    // The named events whose name starts at token i, a glued clitic allowed.
    const EntryList* event_names(uint32_t i);
    const EntryList* find_event_names(uint32_t i);
    uint32_t names_at_ = kNone;
    const EntryList* names_ = nullptr;

    // ---- lengths and frequencies (durations.cpp) --------------------------
    // The TIMEX3 DURATIONs and SETs in the words no date in `dates` (sorted,
    // not overlapping) covers, merged into it in order.
    void add_lengths_and_frequencies(std::vector<RawDate>& dates);
    std::optional<RawDate> length_or_frequency(uint32_t i);
    std::optional<RawDate> duration_count_unit(uint32_t i);
    std::optional<RawDate> set_frequency(uint32_t i);
    std::optional<RawDate> set_every(uint32_t i);
    std::optional<RawDate> set_per_unit(uint32_t i);

    // ---- the scan (../grammar.cpp) ----------------------------------------
    std::optional<RawDate> any(uint32_t i);
    // A date that is the name of a place after a noun such as "street".
    bool names_a_place(const RawDate& r);

    std::string_view s_;
    const std::vector<Token>& t_;
    Lang lang_;
    const Lexicon& lex_;
    const LanguageSettings& set_;
    std::vector<const EntryList*> entries_;
    // The kinds of a token's entries as bits: most asks of a kind a token
    // lacks end here, without walking its entries.
    std::vector<uint64_t> kinds_;
    static constexpr uint64_t kind_bit(LexKind k) { return uint64_t{1} << static_cast<unsigned>(k); }
    const EntryList* found(uint32_t i, const EntryList* e);
    // Token i has an entry of one of these kinds: the cheap test before a rule.
    bool has_any(uint32_t i, std::initializer_list<LexKind> kinds) {
        if (i >= size() || !entries(i)) return false;
        uint64_t want = 0;
        for (LexKind k : kinds) want |= kind_bit(k);
        return (kinds_[i] & want) != 0;
    }
    std::vector<uint8_t> clitic_;
    std::vector<bool> looked_;
    uint32_t memo_token_ = kNone;
    std::optional<RawDate> memo_;
};

template <class Lookup>
std::optional<Grammar::Stripped> Grammar::without_affix(std::string_view w, Lookup lookup, size_t min_stem) {
    const DateAffixes& affixes = lex_.date_affixes(lang_);
    for (const text::Affix* p : affixes.prefixes_of(w)) {
        if (!text::has_prefix(w, p->form)) continue;
        std::string_view rest = w.substr(p->form.size());
        if (rest.size() < min_stem || !text::at_least_letters(rest, p->min_rest)) continue;
        std::string_view stem = p->replacement.empty() ? rest : scratch_.assign(p->replacement).append(rest);
        if (const EntryList* e = lookup(stem)) return Stripped{e, outside_span(*p)};
    }
    for (const text::Affix* x : affixes.suffixes_of(w)) {
        if (!text::has_suffix(w, x->form)) continue;
        std::string_view stem = w.substr(0, w.size() - x->form.size());
        if (stem.size() < min_stem || !text::at_least_letters(stem, x->min_rest)) continue;
        if (const EntryList* e = lookup(stem)) return Stripped{e, 0};
    }
    return std::nullopt;
}

}  // namespace tarikh::tagger::rules
