#include "tagger/grammar.h"

#include <algorithm>
#include <optional>

namespace tarikh::tagger {
namespace {

constexpr uint32_t kNone = 0xFFFFFFFF;

// A lexicon entry matched at a token: the entry and the tokens it covers.
struct Hit {
    const LexEntry* entry = nullptr;
    uint32_t end = 0;  // token after the match
    explicit operator bool() const { return entry != nullptr; }
};

class Grammar {
public:
    Grammar(std::string_view folded, const std::vector<Token>& tokens, Lang lang, const Lexicon& lexicon)
        : s_(folded), t_(tokens), lang_(lang), lex_(lexicon), set_(lexicon.settings(lang)),
          entries_(tokens.size(), nullptr), clitic_(tokens.size(), 0), looked_(tokens.size(), false) {}

    std::vector<RawDate> run();

private:
    // ---- tokens and the lexicon -------------------------------------------
    uint32_t size() const { return static_cast<uint32_t>(t_.size()); }
    std::string_view text(uint32_t i) const { return t_[i].text(s_); }
    bool is_number(uint32_t i) const { return i < size() && t_[i].type == TokenType::Number; }
    bool is_punct(uint32_t i, char c) const {
        return i < size() && t_[i].type == TokenType::Punct && t_[i].end - t_[i].begin == 1 && s_[t_[i].begin] == c;
    }
    // Asked many times per token: the answer is kept, and the first look
    // (with its affix stripping) is out of line so that asking again is cheap.
    const EntryList* entries(uint32_t i) { return looked_[i] ? entries_[i] : look_up(i); }
    [[gnu::noinline]] const EntryList* look_up(uint32_t i);
    // The entries `lookup` finds for `w` with one of its language's date
    // affixes taken off, and how many bytes of the word to leave out of a span.
    struct Stripped { const EntryList* found; uint8_t skip; };
    template <class Lookup>
    // Stems shorter than `min_stem` bytes are not looked up.
    std::optional<Stripped> without_affix(std::string_view w, Lookup lookup, size_t min_stem = 0);
    std::string scratch_;  // a prefix's replacement put back (لل → ال)
    bool rest_matches(const LexEntry& e, uint32_t i) const;
    // Token i carries "and" as a clitic (ومايو).
    bool glued_and(uint32_t i);
    Hit hit(uint32_t i, LexKind kind);
    Hit hit_if(uint32_t i, LexKind kind, bool (*pred)(const LexEntry&));
    // The backward twin of hit(): the entry of `kind` (and `pred`, if given)
    // that ends right before token `end`, starting at most `reach` tokens back
    // and not before `floor`; the one starting furthest back first.
    struct HitBefore { uint32_t first; Hit hit; };
    std::optional<HitBefore> hit_ending_at(uint32_t end, LexKind kind, uint32_t reach, uint32_t floor = 0,
                                           bool (*pred)(const LexEntry&) = nullptr);
    // A count (digits or number words) that ends right before token `end`:
    // its first token and value. With `positive`, counts of zero are passed over.
    std::optional<std::pair<uint32_t, int>> count_ending_at(uint32_t end, uint32_t floor, bool positive);
    bool has(uint32_t i, LexKind kind) { return i < size() && static_cast<bool>(hit(i, kind)); }
    bool prep_before(uint32_t i);
    bool time_prep_before(uint32_t i);
    bool count_ends_at(uint32_t j);  // a count (digits or number words) ends right before token j
    bool quantity_after(uint32_t i);
    bool quantifier_before(uint32_t i);
    bool inside_bigger_number(uint32_t i) const;

    // ---- numbers ------------------------------------------------------------
    // A day of the month, with an English ordinal suffix if any.
    std::optional<std::pair<int, uint32_t>> day_at(uint32_t i);
    // A count: digits or a number word ("three", "سه").
    std::optional<std::pair<int, uint32_t>> count_at(uint32_t i);
    // A year: four digits (or fewer before an era word), with an era word after.
    struct Year { int value; Calendar calendar; bool explicit_calendar; bool two_digit; uint32_t end; };
    std::optional<Year> year_at(uint32_t i, bool after_year_word, bool two_digit_ok);
    Calendar calendar_of_bare_year(int y) const;

    // ---- productions ----------------------------------------------------------
    std::optional<RawDate> any(uint32_t i);
    std::optional<RawDate> named_event(uint32_t i);
    // The named events whose name starts at token i, a glued clitic allowed.
    const EntryList* event_names(uint32_t i);
    const EntryList* find_event_names(uint32_t i);
    uint32_t names_at_ = kNone;
    const EntryList* names_ = nullptr;
    std::optional<RawDate> modified(uint32_t i);
    std::optional<RawDate> range(uint32_t i);
    std::optional<RawDate> point(uint32_t i, bool bare_year_ok, bool partial_ok);
    std::optional<RawDate> numeric_date(uint32_t i);
    std::optional<RawDate> day_month(uint32_t i, bool partial_ok);
    std::optional<RawDate> month_first(uint32_t i, bool partial_ok);
    std::optional<RawDate> year_expr(uint32_t i, bool bare_year_ok);
    std::optional<RawDate> season(uint32_t i);
    // The year after a season or a part of a year: [year word] number [era];
    // the season already says it is a date, so a bare 13xx is a year too.
    std::optional<Year> year_after(uint32_t k);
    std::optional<RawDate> part_of_year(uint32_t i);
    // The year a season or a part of a year belongs to, from token k: "[of]
    // 2022", "[of] this year"; fills r.a and r.last.
    bool with_year(RawDate& r, uint32_t k);
    // A future-tense word within a few tokens of the date, in its sentence.
    bool future_tense_near(const RawDate& r);
    std::optional<RawDate> decade(uint32_t i);
    std::optional<RawDate> century(uint32_t i);
    std::optional<RawDate> relative(uint32_t i);
    std::optional<RawDate> deictic(uint32_t i);
    std::optional<RawDate> weekday(uint32_t i);
    std::optional<RawDate> year_relative(uint32_t i);
    // "N units before/after" a date that starts at token i, looking back
    // from it; `previous` is the date found just before, which may be the
    // "N units" part already read as a shift ("بعد عامين" before "من X").
    struct AnchoredShift { uint32_t first; Granularity unit; int n; bool absorbs_previous; };
    std::optional<AnchoredShift> shift_before(uint32_t i, const RawDate* previous);
    std::optional<std::pair<Granularity, int>> count_and_unit_ending_at(uint32_t end, uint32_t floor, uint32_t& first);  // "همان سال", "العام الماضي", "امسال" as a base
    // A month name (or two joined by '/', as in أيار/مايو), and "ماه" after it.
    std::optional<std::pair<const LexEntry*, uint32_t>> month_at(uint32_t i);
    uint32_t skip_article(uint32_t i) { return has(i, LexKind::Article) ? hit(i, LexKind::Article).end : i; }

    std::string_view s_;
    const std::vector<Token>& t_;
    Lang lang_;
    const Lexicon& lex_;
    const LanguageSettings& set_;
    std::vector<const EntryList*> entries_;
    std::vector<uint8_t> clitic_;
    std::vector<bool> looked_;
    uint32_t memo_token_ = kNone;
    std::optional<RawDate> memo_;
};

// ---- lexicon access ------------------------------------------------------------

// Words carry affixes: Arabic clitics و ف (and), ب ل ك (prepositions), the
// Persian ezafe ی. A word not in the lexicon is tried without each affix its
// language lists for date words (affixes.tsv), in the order listed.
const EntryList* Grammar::look_up(uint32_t i) {
    looked_[i] = true;
    if (t_[i].type == TokenType::Number) return nullptr;
    std::string_view w = text(i);
    auto lookup = [&](std::string_view word) { return lex_.may_start(lang_, word) ? lex_.lookup(lang_, word) : nullptr; };
    if (const EntryList* e = lookup(w)) return entries_[i] = e;
    if (auto s = without_affix(w, lookup)) {
        clitic_[i] = s->skip;
        return entries_[i] = s->found;
    }
    return nullptr;
}

// The bytes of a prefix that stay out of a date's span: all of them, except
// the letters its replacement still shows (the ل of لل, for ال).
uint8_t outside_span(const text::Affix& p) {
    size_t common = 0;
    while (common < p.form.size() && common < p.replacement.size() &&
           p.form[p.form.size() - 1 - common] == p.replacement[p.replacement.size() - 1 - common])
        ++common;
    // Whole UTF-8 letters only: back off to a letter boundary.
    while (common > 0 && (static_cast<uint8_t>(p.form[p.form.size() - common]) & 0xC0) == 0x80) --common;
    return static_cast<uint8_t>(p.form.size() - common);
}

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

bool Grammar::glued_and(uint32_t i) {
    if (i >= size() || !entries(i) || !clitic_[i]) return false;
    const EntryList* clitic = lex_.lookup(lang_, text(i).substr(0, clitic_[i]));
    return clitic && std::any_of(clitic->begin(), clitic->end(), [](const LexEntry* e) {
        return e->kind == LexKind::Prep && e->prep == Prep::And && e->rest.empty();
    });
}

bool Grammar::rest_matches(const LexEntry& e, uint32_t i) const {
    if (!e.rest.empty() && i + e.rest.size() >= size()) return false;
    for (size_t k = 0; k < e.rest.size(); ++k)
        if (text(i + 1 + static_cast<uint32_t>(k)) != e.rest[k]) return false;
    return true;
}

Hit Grammar::hit(uint32_t i, LexKind kind) {
    if (i >= size()) return {};
    const EntryList* list = entries(i);
    if (!list) return {};
    for (const LexEntry* e : *list)
        if (e->kind == kind && rest_matches(*e, i)) return {e, i + 1 + static_cast<uint32_t>(e->rest.size())};
    return {};
}

Hit Grammar::hit_if(uint32_t i, LexKind kind, bool (*pred)(const LexEntry&)) {
    if (i >= size()) return {};
    const EntryList* list = entries(i);
    if (!list) return {};
    for (const LexEntry* e : *list)
        if (e->kind == kind && pred(*e) && rest_matches(*e, i)) return {e, i + 1 + static_cast<uint32_t>(e->rest.size())};
    return {};
}

bool Grammar::count_ends_at(uint32_t j) { return count_ending_at(j, 0, false).has_value(); }

bool Grammar::time_prep_before(uint32_t i) {
    // "in March", "since May", "during Ramadan"; not "to march", "and may".
    if (i == 0) return false;
    Hit h = hit(i - 1, LexKind::Prep);
    return h && h.end == i && (h.entry->prep == Prep::In || h.entry->prep == Prep::From || h.entry->prep == Prep::During);
}

bool Grammar::prep_before(uint32_t i) {
    if (i == 0) return false;
    // A one-word preposition right before, or a year word (سال، عام) before that.
    uint32_t p = i - 1;
    if (Hit h = hit(p, LexKind::Prep); h && h.end == i) return true;
    return false;
}

bool Grammar::quantity_after(uint32_t i) {
    return i < size() && (has(i, LexKind::Quantity) || is_punct(i, '%'));
}

std::optional<Grammar::HitBefore> Grammar::hit_ending_at(uint32_t end, LexKind kind, uint32_t reach, uint32_t floor,
                                                          bool (*pred)(const LexEntry&)) {
    for (uint32_t k = end > floor + reach ? end - reach : floor; k < end; ++k) {
        Hit h = pred ? hit_if(k, kind, pred) : hit(k, kind);
        if (h && h.end == end) return HitBefore{k, h};
    }
    return std::nullopt;
}

std::optional<std::pair<uint32_t, int>> Grammar::count_ending_at(uint32_t end, uint32_t floor, bool positive) {
    // Counts are at most a few tokens long ("twenty-five", "بیست و پنج").
    for (uint32_t k = end > floor + 3 ? end - 3 : floor; k < end; ++k)
        if (auto c = count_at(k); c && c->second == end && (!positive || c->first > 0)) return std::pair{k, c->first};
    return std::nullopt;
}

bool Grammar::quantifier_before(uint32_t i) { return hit_ending_at(i, LexKind::Quantifier, 3).has_value(); }

// "1,200", "2.5", "1990/91": digits glued to punctuation glued to digits.
bool Grammar::inside_bigger_number(uint32_t i) const {
    auto glued_number_punct = [&](uint32_t p, uint32_t n) {
        return t_[p].type == TokenType::Punct && t_[n].joined && t_[p].joined == false ? false
             : t_[p].type == TokenType::Punct && (s_[t_[p].begin] == ',' || s_[t_[p].begin] == '.');
    };
    if (i >= 2 && t_[i].joined && t_[i - 1].joined && t_[i - 2].type == TokenType::Number && glued_number_punct(i - 1, i))
        return true;
    if (i + 2 < size() && t_[i + 1].joined && t_[i + 2].joined && t_[i + 2].type == TokenType::Number &&
        glued_number_punct(i + 1, i + 2))
        return true;
    return false;
}

// ---- numbers ------------------------------------------------------------------

std::optional<std::pair<int, uint32_t>> Grammar::day_at(uint32_t i) {
    // An ordinal word: "بیست و دوم بهمن", "سی‌ام آذر" (callers want a month next to it)
    // (not "نیمه اول آبان", "دهه اول مهر": the first half, the first ten days)
    if (Hit o = hit(i, LexKind::Ordinal); o && o.entry->number >= 1 && o.entry->number <= 31) {
        if (i > 0 && (has(i - 1, LexKind::Part) || has(i - 1, LexKind::Unit) || has(i - 1, LexKind::DecadeWord)))
            return std::nullopt;
        return std::make_pair(o.entry->number, o.end);
    }
    if (!is_number(i) || t_[i].digits > 2 || t_[i].number < 1 || t_[i].number > 31) return std::nullopt;
    uint32_t end = i + 1;
    if (end < size() && t_[end].joined && t_[end].type == TokenType::Word)
        if (Hit suffix = hit(end, LexKind::DaySuffix)) end = suffix.end;
    return std::make_pair(static_cast<int>(t_[i].number), end);
}

std::optional<std::pair<int, uint32_t>> Grammar::count_at(uint32_t i) {
    if (is_number(i)) {
        if (t_[i].digits > 3 || inside_bigger_number(i)) return std::nullopt;
        return std::make_pair(static_cast<int>(t_[i].number), i + 1);
    }
    if (Hit h = hit(i, LexKind::Num)) return std::make_pair(h.entry->number, h.end);
    return std::nullopt;
}

Calendar Grammar::calendar_of_bare_year(int y) const {
    if (set_.native_years == Calendar::SolarHijri && y >= 1300 && y < 1500) return Calendar::SolarHijri;
    return Calendar::Gregorian;
}

std::optional<Grammar::Year> Grammar::year_at(uint32_t i, bool after_year_word, bool two_digit_ok) {
    if (!is_number(i) || inside_bigger_number(i)) return std::nullopt;
    const Token& tok = t_[i];
    Year y{static_cast<int>(tok.number), Calendar::Gregorian, false, false, i + 1};
    Hit era = hit(i + 1, LexKind::Era);
    if (era) {
        y.calendar = era.entry->calendar;
        y.explicit_calendar = true;
        y.end = era.end;
        if (tok.digits >= 1 && tok.digits <= 4 && tok.number > 0) return y;
        return std::nullopt;
    }
    if (tok.digits == 4) {
        if (!after_year_word && quantity_after(i + 1)) return std::nullopt;
        y.calendar = calendar_of_bare_year(y.value);
        return y;
    }
    if (tok.digits == 2 && two_digit_ok) {
        y.two_digit = true;
        y.calendar = Calendar::SolarHijri;
        // سال ۸۷ → 1387; سال ۰۲ → 1402
        y.value = y.value >= 10 ? 1300 + y.value : 1400 + y.value;
        return y;
    }
    return std::nullopt;
}

// ---- productions ------------------------------------------------------------------

std::optional<std::pair<const LexEntry*, uint32_t>> Grammar::month_at(uint32_t i) {
    Hit m = hit(i, LexKind::Month);
    if (!m) return std::nullopt;
    uint32_t end = m.end;
    // Nov. 10, Sept. 11, Oct. 2023; not the full stop after "in March."
    if (is_punct(end, '.') && t_[end].joined && is_number(end + 1)) ++end;
    // أيار/مايو, أكتوبر/تشرين الأول: two names of one month
    if ((is_punct(end, '/') || is_punct(end, '-')) && end + 1 < size()) {
        if (Hit m2 = hit(end + 1, LexKind::Month); m2 && m2.entry->number == m.entry->number) end = m2.end;
    }
    // دی ماه: the word "month" after a month of its calendar
    if (Hit mw = hit(end, LexKind::MonthWord); mw && mw.entry->calendar == m.entry->calendar) end = mw.end;
    return std::make_pair(m.entry, end);
}

std::optional<RawDate> Grammar::numeric_date(uint32_t i) {
    // 2023-10-07, 1402/01/15, 07/10/2023, 7.10.2023: three glued numbers
    if (!is_number(i) || i + 4 >= size()) return std::nullopt;
    char sep = s_[t_[i + 1].begin];
    if (!(sep == '-' || sep == '/' || sep == '.') || !is_punct(i + 1, sep) || !is_punct(i + 3, sep)) return std::nullopt;
    if (!is_number(i + 2) || !is_number(i + 4)) return std::nullopt;
    for (uint32_t k = i + 1; k <= i + 4; ++k)
        if (!t_[k].joined) return std::nullopt;
    int a = static_cast<int>(t_[i].number), b = static_cast<int>(t_[i + 2].number), c = static_cast<int>(t_[i + 4].number);
    RawDate r;
    r.first = i;
    r.last = i + 5;
    r.a.granularity = Granularity::Day;
    if (t_[i].digits == 4 && t_[i + 2].digits <= 2 && t_[i + 4].digits <= 2) {
        r.a.year = a; r.a.month = b; r.a.day = c;
    } else if (t_[i + 4].digits == 4 && t_[i].digits <= 2 && t_[i + 2].digits <= 2) {
        // Day first, or month first (numeric_date_order mdy) unless that is impossible.
        bool month_first = set_.numeric_month_first && a <= 12 && b <= 31 && !(b <= 12 && sep == '.');
        if (month_first && b > 12) month_first = true;
        else if (a > 12) month_first = false;
        r.a.year = c;
        r.a.month = month_first ? a : b;
        r.a.day = month_first ? b : a;
    } else {
        return std::nullopt;
    }
    if (r.a.month < 1 || r.a.month > 12 || r.a.day < 1 || r.a.day > 31) return std::nullopt;
    r.a.calendar = calendar_of_bare_year(*r.a.year);
    if (Hit era = hit(r.last, LexKind::Era)) { r.a.calendar = era.entry->calendar; r.last = era.end; }
    r.confidence = 0.95f;
    return r;
}

std::optional<RawDate> Grammar::day_month(uint32_t i, bool partial_ok) {
    auto d = day_at(i);
    // العاشر من تشرين الثاني: an ordinal word as the day
    if (!d) {
        if (Hit o = hit(i, LexKind::Ordinal); o && o.entry->number >= 1 && o.entry->number <= 31)
            if (Hit of = hit(o.end, LexKind::Prep); of && (of.entry->prep == Prep::From || of.entry->prep == Prep::Of))
                d = std::make_pair(o.entry->number, o.end);
    }
    if (!d) return std::nullopt;
    uint32_t j = d->second;
    if (Hit of = hit(j, LexKind::Prep); of && (of.entry->prep == Prep::From || of.entry->prep == Prep::Of)) j = of.end;  // ٧ من أكتوبر
    auto m = month_at(j);
    if (!m) return std::nullopt;
    RawDate r;
    r.first = i;
    r.a.calendar = m->first->calendar;
    r.a.month = m->first->number;
    r.a.day = d->first;
    r.a.granularity = Granularity::Day;
    uint32_t k = m->second;
    if (is_punct(k, ',')) ++k;
    if (Hit yw = hit_if(k, LexKind::Unit, [](const LexEntry& e) { return e.has(kYearWord); }); yw && is_number(yw.end)) k = yw.end;
    if (auto y = year_at(k, true, set_.two_digit_solar_years && r.a.calendar == Calendar::SolarHijri)) {
        r.a.year = y->value;
        if (y->explicit_calendar && y->calendar != r.a.calendar && r.a.calendar == Calendar::Gregorian) r.a.calendar = y->calendar;
        r.last = y->end;
        r.confidence = m->first->has(kFragment) ? 0.7f : 0.95f;
        return r;
    }
    if (!partial_ok || m->first->has(kFragment)) return std::nullopt;
    // "۱۵ مارس" / "نوامبر همان سال": the year comes from elsewhere
    r.last = m->second;
    if (auto base = year_relative(r.last)) { r.a.base = base->a.base; r.last = base->last; }
    r.confidence = 0.8f;
    return r;
}

std::optional<RawDate> Grammar::month_first(uint32_t i, bool partial_ok) {
    auto m = month_at(i);
    if (!m) return std::nullopt;
    const LexEntry& me = *m->first;
    // Two names of one month (كتوبر/تشرين الأول) leave no doubt it is a month.
    const bool doubled = m->second > i + 1 + me.rest.size() && !(me.calendar == Calendar::SolarHijri);
    RawDate r;
    r.first = i;
    r.a.calendar = me.calendar;
    r.a.month = me.number;
    r.a.granularity = Granularity::Month;
    uint32_t k = m->second;
    // March 29, 2023; June 13–24, 2025; Nov 3
    if (auto d = day_at(k); d && set_.day_after_month) {
        uint32_t k2 = d->second;
        std::optional<std::pair<int, uint32_t>> d2;
        if (is_punct(k2, '-')) d2 = day_at(k2 + 1);
        if (d2) k2 = d2->second;
        if (is_punct(k2, ',')) ++k2;
        if (auto y = year_at(k2, true, false); y && d2) {
            r.kind = RawKind::Range;
            r.a.day = d->first;
            r.a.year = y->value;
            r.a.granularity = Granularity::Day;
            r.b = r.a;
            r.b.day = d2->first;
            r.last = y->end;
            r.confidence = 0.95f;
            return r;
        }
        if (auto y = year_at(k2, true, false)) {
            r.a.day = d->first;
            r.a.year = y->value;
            r.a.granularity = Granularity::Day;
            r.last = y->end;
            r.confidence = 0.95f;
            return r;
        }
        if (partial_ok && !d2 && !is_number(k2)) {
            r.a.day = d->first;
            r.a.granularity = Granularity::Day;
            r.last = d->second;
            r.confidence = 0.8f;
            return r;
        }
    }
    uint32_t ky = k;
    if (is_punct(ky, ',')) ++ky;
    if (Hit of = hit(ky, LexKind::Prep); of && (of.entry->prep == Prep::Of || of.entry->prep == Prep::From) && is_number(of.end)) ky = of.end;
    if (Hit yw = hit_if(ky, LexKind::Unit, [](const LexEntry& e) { return e.has(kYearWord); }); yw && is_number(yw.end)) ky = yw.end;
    if (auto y = year_at(ky, true, set_.two_digit_solar_years && me.calendar == Calendar::SolarHijri)) {
        r.a.year = y->value;
        if (y->explicit_calendar && me.calendar == Calendar::Gregorian) r.a.calendar = y->calendar;
        r.last = y->end;
        r.confidence = me.has(kFragment) ? 0.7f : 0.95f;
        return r;
    }
    if (!partial_ok || (me.has(kFragment) && !doubled)) return std::nullopt;
    // A month whose year is relative: نوامبر همان سال، آذار الماضي، October of last year
    uint32_t kb = k;
    if (Hit of = hit(kb, LexKind::Prep); of && (of.entry->prep == Prep::Of || of.entry->prep == Prep::From)) kb = of.end;
    if (auto base = year_relative(kb)) {
        r.a.base = base->a.base;
        r.last = base->last;
        r.confidence = 0.85f;
        return r;
    }
    if (Hit rel = hit(k, LexKind::Rel); rel && (rel.entry->rel == Rel::Last || rel.entry->rel == Rel::Next || rel.entry->rel == Rel::This)) {
        // "last March": the most recent March before the reference
        r.a.base = {rel.entry->rel, Granularity::Month, false};
        r.last = rel.end;
        r.confidence = 0.8f;
        return r;
    }
    if (doubled) {
        r.last = k;
        r.confidence = 0.75f;
        return r;
    }
    // "ماه مارس", "شهر رمضان": the word "month" makes any month name a date.
    if (i > 0) {
        if (Hit mw = hit(i - 1, LexKind::Unit); mw && mw.end == i && mw.entry->unit == Granularity::Month && !mw.entry->number &&
                                                !mw.entry->has(kPlural)) {
            r.last = k;
            r.confidence = 0.75f;
            return r;
        }
    }
    // "اواسط آبان", "the end of March": a modifier, perhaps with "of", before it
    auto mod_ends_at = [&](uint32_t at) { return hit_ending_at(at, LexKind::Mod, 1).has_value(); };
    bool after_mod = mod_ends_at(i);
    if (auto of = hit_ending_at(i, LexKind::Prep, 1, 0, [](const LexEntry& e) { return e.prep == Prep::Of; }); of && !after_mod) {
        const uint32_t k = of->first;
        after_mod = mod_ends_at(k) || (k > 0 && has(k - 1, LexKind::Article) && mod_ends_at(k - 1));
    }
    if (me.has(kContext) && !after_mod) {  // "اواسط آبان": a modifier says it is a month
        if (!set_.context_months_after_preposition || !time_prep_before(i)) return std::nullopt;
        // "من صفر إلى ثلاثة" is from zero to three, not from Safar
        if (Hit to = hit(k, LexKind::Prep); to && to.entry->prep == Prep::To && (is_number(to.end) || has(to.end, LexKind::Num)))
            return std::nullopt;
    }
    // A bare month needs a preposition or a modifier: "در مارس", "in March", "أوائل أكتوبر"
    if (!prep_before(i) && !(i > 0 && has(i - 1, LexKind::Mod) && hit(i - 1, LexKind::Mod).end == i)) return std::nullopt;
    r.last = k;
    r.confidence = 0.7f;
    return r;
}

// A year whose value comes from the reference: همان سال، العام الماضي، امسال، this year.
std::optional<RawDate> Grammar::year_relative(uint32_t i) {
    RawDate r;
    r.first = i;
    r.a.granularity = Granularity::Year;
    if (Hit rd = hit(i, LexKind::RelDate); rd && rd.entry->unit == Granularity::Year) {
        r.a.base = {rd.entry->rel, Granularity::Year, rd.entry->has(kSolar)};
        r.last = rd.end;
        return r;
    }
    uint32_t j = skip_article(i);
    // REL UNIT: همان سال، نفس العام، this year, the same year
    if (Hit rel = hit(j, LexKind::Rel); rel && (rel.entry->rel == Rel::Same || rel.entry->rel == Rel::This ||
                                                rel.entry->rel == Rel::Last || rel.entry->rel == Rel::Next)) {
        if (Hit u = hit(rel.end, LexKind::Unit); u && u.entry->unit == Granularity::Year && !u.entry->has(kPlural) && !is_number(u.end)) {
            // "the same year" follows the calendar of the year it refers back to
            r.a.base = {rel.entry->rel, Granularity::Year,
                        set_.relative_calendar == Calendar::SolarHijri && rel.entry->rel != Rel::Same};
            r.last = u.end;
            return r;
        }
    }
    // UNIT REL: سال گذشته، العام الماضي، العام نفسه
    if (Hit u = hit(i, LexKind::Unit); u && u.entry->unit == Granularity::Year && !u.entry->has(kPlural)) {
        if (Hit rel = hit(u.end, LexKind::Rel); rel && (rel.entry->rel == Rel::Same || rel.entry->rel == Rel::This ||
                                                        rel.entry->rel == Rel::Last || rel.entry->rel == Rel::Next)) {
            // "the same year" follows the calendar of the year it refers back to
            r.a.base = {rel.entry->rel, Granularity::Year,
                        set_.relative_calendar == Calendar::SolarHijri && rel.entry->rel != Rel::Same};
            r.last = rel.end;
            return r;
        }
    }
    return std::nullopt;
}

std::optional<RawDate> Grammar::year_expr(uint32_t i, bool bare_year_ok) {
    RawDate r;
    r.first = i;
    r.a.granularity = Granularity::Year;
    // سال ۲۰۱۹، عام 1992، the year 2006, سال ۸۷
    if (Hit yw = hit_if(i, LexKind::Unit, [](const LexEntry& e) { return e.has(kYearWord); })) {
        bool two = set_.two_digit_solar_years && yw.entry->has(kTwoDigit);
        if (auto y = year_at(yw.end, true, two)) {
            if (is_number(yw.end) && t_[yw.end].digits == 4 && quantity_after(y->end) && !y->explicit_calendar) return std::nullopt;
            r.a.year = y->value;
            r.a.calendar = y->calendar;
            r.last = y->end;
            r.confidence = 0.95f;
            return r;
        }
        return std::nullopt;
    }
    auto y = year_at(i, false, false);
    if (!y) return std::nullopt;
    r.a.year = y->value;
    r.a.calendar = y->calendar;
    r.last = y->end;
    if (y->explicit_calendar) { r.confidence = 0.95f; return r; }
    if (!bare_year_ok || quantifier_before(i)) return std::nullopt;
    // A bare number is a year when it looks like one here: 1900–2100 anywhere,
    // older years and Solar Hijri years only after a preposition.
    bool context = prep_before(i);
    if (y->calendar == Calendar::SolarHijri && !context) return std::nullopt;
    // "إلى 1400 شاحنة": after "to" an old number is more likely a count
    bool strong_context = context && hit(i - 1, LexKind::Prep).entry->prep != Prep::To;
    if (y->value >= 1900 && y->value <= 2100) { r.confidence = context ? 0.85f : 0.7f; return r; }
    if (y->value >= 1000 && y->value < 1900 && strong_context) { r.confidence = 0.7f; return r; }
    if (y->calendar == Calendar::SolarHijri) { r.confidence = 0.8f; return r; }
    return std::nullopt;
}

std::optional<Grammar::Year> Grammar::year_after(uint32_t k) {
    bool two = false;
    if (Hit yw = hit_if(k, LexKind::Unit, [](const LexEntry& e) { return e.has(kYearWord); }); yw && is_number(yw.end)) {
        two = set_.two_digit_solar_years && yw.entry->has(kTwoDigit);
        k = yw.end;
    }
    auto y = year_at(k, true, two);
    if (y && !y->explicit_calendar && !y->two_digit && t_[k].digits != 4) return std::nullopt;
    return y;
}

std::optional<RawDate> Grammar::season(uint32_t i) {
    RawDate r;
    r.first = i;
    r.a.granularity = Granularity::Season;
    // "last summer", "this spring": the relative word first
    if (Hit rel = hit(i, LexKind::Rel); rel && (rel.entry->rel == Rel::Last || rel.entry->rel == Rel::Next || rel.entry->rel == Rel::This)) {
        if (Hit se = hit(rel.end, LexKind::Season)) {
            r.a.season = se.entry->number;
            r.a.base = {rel.entry->rel, Granularity::Season, set_.relative_calendar == Calendar::SolarHijri};
            r.last = se.end;
            r.confidence = 0.8f;
            return r;
        }
    }
    Hit se = hit(i, LexKind::Season);
    if (!se) return std::nullopt;
    r.a.season = se.entry->number;
    uint32_t k = se.end;
    if (with_year(r, k)) return r;
    if (Hit rel = hit(se.end, LexKind::Rel); rel && (rel.entry->rel == Rel::Last || rel.entry->rel == Rel::Next || rel.entry->rel == Rel::This)) {
        r.a.base = {rel.entry->rel, Granularity::Season, set_.relative_calendar == Calendar::SolarHijri};
        r.last = rel.end;
        r.confidence = 0.8f;
        return r;
    }
    return std::nullopt;
}

bool Grammar::future_tense_near(const RawDate& r) {
    constexpr uint32_t kReach = 10;  // tokens: a verb is near its time phrase
    auto sentence_end = [&](uint32_t k) {
        return is_punct(k, '.') || is_punct(k, '!') || is_punct(k, '?');  // folding made ؟ a '?'
    };
    for (uint32_t k = r.first; k-- > 0 && r.first - k <= kReach && !sentence_end(k);)
        if (has(k, LexKind::Future)) return true;
    for (uint32_t k = r.last; k < size() && k - r.last < kReach && !sentence_end(k); ++k)
        if (has(k, LexKind::Future)) return true;
    return false;
}

bool Grammar::with_year(RawDate& r, uint32_t k) {
    if (Hit of = hit(k, LexKind::Prep); of && (of.entry->prep == Prep::Of || of.entry->prep == Prep::From)) k = of.end;
    if (auto y = year_after(k)) {
        r.a.year = y->value;
        r.a.calendar = y->calendar;
        r.last = y->end;
        r.confidence = 0.9f;
        return true;
    }
    if (auto base = year_relative(k)) {
        r.a.base = base->a.base;
        r.last = base->last;
        r.confidence = 0.85f;
        return true;
    }
    return false;
}

std::optional<RawDate> Grammar::part_of_year(uint32_t i) {
    RawDate r;
    r.first = i;
    uint32_t k;
    uint32_t j = skip_article(i);
    if (j >= size()) return std::nullopt;
    // Q3 2024, H2 2022
    if (Hit pp = hit(j, LexKind::PartPrefix); pp && is_number(pp.end) && t_[pp.end].joined) {
        r.a.granularity = pp.entry->part == PartKind::Quarter ? Granularity::Quarter : Granularity::Half;
        r.a.part = static_cast<int>(t_[pp.end].number);
        k = pp.end + 1;
    } else if (Hit p = hit(j, LexKind::Part)) {
        // نیمه دوم، النصف الثاني، سه‌ماهه سوم
        Hit o = hit(p.end, LexKind::Ordinal);
        if (!o) return std::nullopt;
        r.a.granularity = p.entry->part == PartKind::Quarter ? Granularity::Quarter : Granularity::Half;
        r.a.part = o.entry->number;
        k = o.end;
    } else if (Hit o = hit(j, LexKind::Ordinal)) {
        // second half of 2022, third quarter
        Hit p = hit(o.end, LexKind::Part);
        if (!p) return std::nullopt;
        r.a.granularity = p.entry->part == PartKind::Quarter ? Granularity::Quarter : Granularity::Half;
        r.a.part = o.entry->number;
        k = p.end;
    } else {
        return std::nullopt;
    }
    if (r.a.part < 1 || r.a.part > (r.a.granularity == Granularity::Quarter ? 4 : 2)) return std::nullopt;
    if (with_year(r, k)) return r;
    return std::nullopt;
}

std::optional<RawDate> Grammar::decade(uint32_t i) {
    RawDate r;
    r.first = i;
    r.a.granularity = Granularity::Decade;
    uint32_t j = skip_article(i);
    Hit unit = hit(j, LexKind::Unit);
    bool decade_word = unit && unit.entry->unit == Granularity::Decade;
    uint32_t k = decade_word ? unit.end : j;
    // the '90s
    if (is_punct(k, '\'') && is_number(k + 1) && t_[k + 1].digits == 2 && t_[k + 1].number % 10 == 0 &&
        k + 2 < size() && t_[k + 2].joined && has(k + 2, LexKind::DecadeSuffix)) {
        r.a.decade = 1900 + static_cast<int>(t_[k + 1].number);
        r.last = k + 3;
        r.confidence = 0.85f;
        return r;
    }
    // دهه ۱۹۹۰، the 1990s, 1990s
    if (is_number(k) && !inside_bigger_number(k)) {
        const Token& n = t_[k];
        bool plural_s = k + 1 < size() && t_[k + 1].joined &&
                        (has(k + 1, LexKind::DecadeSuffix) || (is_punct(k + 1, '\'') && has(k + 2, LexKind::DecadeSuffix)));
        if (n.digits == 4 && n.number % 10 == 0 && (decade_word || plural_s)) {
            r.a.decade = static_cast<int>(n.number);
            r.a.calendar = calendar_of_bare_year(r.a.decade);
            r.last = plural_s ? (is_punct(k + 1, '\'') ? k + 3 : k + 2) : k + 1;
            if (Hit era = hit(r.last, LexKind::Era)) { r.a.calendar = era.entry->calendar; r.last = era.end; }
            r.confidence = 0.9f;
            return r;
        }
        // دهه ۷۰: the Solar Hijri 1370s
        if (decade_word && n.digits == 2 && n.number % 10 == 0 && set_.two_digit_solar_years && unit.entry->has(kTwoDigit)) {
            r.a.decade = 1300 + static_cast<int>(n.number);
            r.a.calendar = Calendar::SolarHijri;
            r.last = k + 1;
            // دهه ۷۰ میلادی: the Gregorian 1970s
            if (Hit era = hit(r.last, LexKind::Era); era && era.entry->calendar == Calendar::Gregorian) {
                r.a.decade = 1900 + static_cast<int>(n.number);
                r.a.calendar = Calendar::Gregorian;
                r.last = era.end;
            }
            r.confidence = 0.85f;
            return r;
        }
        return std::nullopt;
    }
    // دهه هفتاد
    if (decade_word && set_.two_digit_solar_years) {
        if (Hit num = hit(k, LexKind::Num); num && num.entry->number >= 20 && num.entry->number <= 90 && num.entry->number % 10 == 0) {
            r.a.decade = 1300 + num.entry->number;
            r.a.calendar = Calendar::SolarHijri;
            r.last = num.end;
            r.confidence = 0.8f;
            return r;
        }
    }
    // التسعينيات، ثمانينيات القرن الماضي، تسعينيات القرن العشرين، the nineties
    Hit dw = hit(k, LexKind::DecadeWord);
    if (!dw) return std::nullopt;
    r.a.decade_digit = dw.entry->number;
    r.last = dw.end;
    r.confidence = 0.85f;
    if (auto c = century(r.last)) {
        if (c->a.century) r.a.century = c->a.century;
        else r.a.base = c->a.base;
        r.last = c->last;
    }
    return r;
}

std::optional<RawDate> Grammar::century(uint32_t i) {
    RawDate r;
    r.first = i;
    r.a.granularity = Granularity::Century;
    uint32_t j = skip_article(i);
    if (Hit u = hit(j, LexKind::Unit); u && u.entry->unit == Granularity::Century && !u.entry->has(kPlural)) {
        // قرن بیستم، القرن العشرين، قرن ۲۱، القرن الماضي
        if (Hit o = hit(u.end, LexKind::Ordinal)) { r.a.century = o.entry->number; r.last = o.end; return r; }
        if (is_number(u.end) && t_[u.end].digits <= 2 && t_[u.end].number >= 1) {
            r.a.century = static_cast<int>(t_[u.end].number);
            r.last = u.end + 1;
            return r;
        }
        if (Hit rel = hit(u.end, LexKind::Rel); rel && (rel.entry->rel == Rel::Last || rel.entry->rel == Rel::This || rel.entry->rel == Rel::Next)) {
            r.a.base = {rel.entry->rel, Granularity::Century, false};
            r.last = rel.end;
            r.confidence = 0.8f;
            return r;
        }
        return std::nullopt;
    }
    // the twentieth century, the 20th century, last century
    if (Hit o = hit(j, LexKind::Ordinal)) {
        if (Hit u = hit(o.end, LexKind::Unit); u && u.entry->unit == Granularity::Century) {
            r.a.century = o.entry->number;
            r.last = u.end;
            return r;
        }
    }
    if (auto d = day_at(j); d && d->second > j + 1) {
        if (Hit u = hit(d->second, LexKind::Unit); u && u.entry->unit == Granularity::Century) {
            r.a.century = d->first;
            r.last = u.end;
            return r;
        }
    }
    if (Hit rel = hit(j, LexKind::Rel); rel && (rel.entry->rel == Rel::Last || rel.entry->rel == Rel::This)) {
        if (Hit u = hit(rel.end, LexKind::Unit); u && u.entry->unit == Granularity::Century && !u.entry->has(kPlural)) {
            r.a.base = {rel.entry->rel, Granularity::Century, false};
            r.last = u.end;
            r.confidence = 0.8f;
            return r;
        }
    }
    return std::nullopt;
}

std::optional<RawDate> Grammar::point(uint32_t i, bool bare_year_ok, bool partial_ok) {
    if (i >= size()) return std::nullopt;
    // range() and any() both ask for the point at the same token: remember it.
    const bool common = bare_year_ok && partial_ok;
    if (common && memo_token_ == i) return memo_;
    std::optional<RawDate> best;
    auto consider = [&](std::optional<RawDate> r) {
        if (r && (!best || r->last > best->last)) best = std::move(r);
    };
    consider(numeric_date(i));
    consider(day_month(i, partial_ok));
    consider(month_first(i, partial_ok));
    consider(year_expr(i, bare_year_ok));
    consider(season(i));
    consider(part_of_year(i));
    consider(decade(i));
    consider(century(i));
    if (common) { memo_token_ = i; memo_ = best; }
    return best;
}

// early/mid/late X: اوایل دهه ۱۹۹۰، منتصف الثمانينيات، the late 1990s, mid-2022
std::optional<RawDate> Grammar::modified(uint32_t i) {
    uint32_t j = skip_article(i);
    Hit m = hit(j, LexKind::Mod);
    if (!m) return std::nullopt;
    uint32_t k = m.end;
    if (is_punct(k, '-') && t_[k].joined) ++k;
    if (Hit of = hit(k, LexKind::Prep); of && (of.entry->prep == Prep::Of || of.entry->prep == Prep::From)) k = of.end;
    k = skip_article(k);
    std::optional<RawDate> inner = point(k, true, true);
    if (!inner) {
        if (auto base = year_relative(k)) inner = base;
    }
    if (!inner) {
        // بداية الشهر المقبل، اواخر ماه گذشته، early next year: a part of a relative unit
        if (auto rel = relative(k); rel && rel->kind == RawKind::Shift && rel->unit != Granularity::Day) {
            rel->first = i;
            rel->mod = m.entry->mod;
            return rel;
        }
    }
    if (!inner || inner->kind != RawKind::Point) return std::nullopt;
    inner->first = i;
    inner->a.mod = m.entry->mod;
    return inner;
}

// X–Y, از X تا Y, from X to Y, بين عامي X و Y, سال‌های X و Y
std::optional<RawDate> Grammar::range(uint32_t i) {
    uint32_t j = i;
    bool between = false, opened = false, plural_years = false;
    if (Hit p = hit(j, LexKind::Prep); p && (p.entry->prep == Prep::From || p.entry->prep == Prep::Between)) {
        between = p.entry->prep == Prep::Between;
        opened = true;
        j = p.end;
    }
    j = skip_article(j);
    if (Hit yw = hit_if(j, LexKind::Unit, [](const LexEntry& e) { return e.has(kYearWord); }); yw && is_number(yw.end)) {
        plural_years = yw.entry->has(kPlural) || yw.entry->unit == Granularity::Year;
        j = yw.end;
    }
    // Left side: a date, or just a day number or a year number that borrows from the right.
    std::optional<RawDate> left = point(j, true, true);
    if (!left) {
        // "March to May 2024": a month name that is also a word is a month
        // when a range to a dated month follows (checked below)
        if (Hit mo = hit(j, LexKind::Month); mo && !mo.entry->has(kFragment)) {
            Hit to = hit(mo.end, LexKind::Prep);
            if (is_punct(mo.end, '-') || (to && to.entry->prep == Prep::To)) {
                left = RawDate{};
                left->first = j;
                left->last = mo.end;
                left->a.granularity = Granularity::Month;
                left->a.month = mo.entry->number;
                left->a.calendar = mo.entry->calendar;
                left->confidence = 0.8f;
            }
        }
    }
    uint32_t after_left;
    if (left) {
        after_left = left->last;
    } else if (is_number(j) && t_[j].digits <= 4) {
        after_left = j + 1;
    } else {
        return std::nullopt;
    }
    // Prefer the longer reading where the left side is only a day: "15 to 20 March"
    uint32_t sep = after_left;
    bool dash = is_punct(sep, '-');
    Hit conn = dash ? Hit{} : hit(sep, LexKind::Prep);
    // "in 2021 and 2022": two years joined by "and" after a preposition
    bool year_list = left && left->a.granularity == Granularity::Year && left->a.year && prep_before(j);
    bool ok_sep = dash || (conn && (conn.entry->prep == Prep::To ||
                                    (conn.entry->prep == Prep::And && (between || plural_years || year_list))));
    uint32_t r0 = dash ? sep + 1 : conn ? conn.end : sep;
    // ومايو: "and" glued to the next date as a clitic
    if (!ok_sep && (between || plural_years) && glued_and(sep)) ok_sep = true, r0 = sep;
    if (!ok_sep) return std::nullopt;
    if (Hit yw = hit_if(r0, LexKind::Unit, [](const LexEntry& e) { return e.has(kYearWord); }); yw && is_number(yw.end)) r0 = yw.end;
    std::optional<RawDate> right = point(r0, true, true);
    if (!right || right->kind != RawKind::Point) return std::nullopt;
    // A month name taken on trust on the left needs a dated month on the right.
    if (left && left->a.granularity == Granularity::Month && !left->a.year && !(right->a.year && right->a.month)) return std::nullopt;
    RawDate r;
    r.kind = RawKind::Range;
    r.first = i;
    r.last = right->last;
    r.b = right->a;
    if (left && left->kind == RawKind::Point) {
        r.a = left->a;
    } else {
        // A bare number on the left: a day before "20 March", a year before "2004"
        int n = static_cast<int>(t_[j].number);
        r.a = r.b;
        if (r.b.granularity == Granularity::Day && t_[j].digits <= 2 && n >= 1 && n <= 31) {
            r.a.day = n;
        } else if (r.b.granularity == Granularity::Year && r.b.year && t_[j].digits == 4) {
            r.a.year = n;
        } else {
            return std::nullopt;
        }
    }
    // The left side borrows what it lacks from the right: "نوامبر تا مارس ۲۰۲۲"
    if (!r.a.year && r.a.base.rel == Rel::None && r.b.year) {
        if (r.a.granularity == Granularity::Month || r.a.granularity == Granularity::Day) {
            r.a.year = r.b.year;
            r.a.calendar = r.b.calendar;
            if (r.a.month > r.b.month && r.a.month && r.b.month) r.a.year = *r.b.year - 1;
        }
    }
    // Both sides plain years with a dash and no opening word: only real years.
    if (!opened && !plural_years && dash) {
        // ("3-5 May 2024": a day number before a day is a range of days)
        if (!(r.a.year && r.b.year && r.a.granularity == Granularity::Year && r.b.granularity == Granularity::Year) &&
            !(left && left->a.granularity != Granularity::Year) && !(!left && r.b.granularity == Granularity::Day))
            return std::nullopt;
    }
    r.confidence = std::min(left ? left->confidence : 0.9f, right->confidence);
    if (!opened && dash && r.a.granularity == Granularity::Year && r.b.granularity == Granularity::Year) {
        // two bare years joined by a dash must both look like years
        if (!(r.a.year && *r.a.year >= 1000 && r.b.year && *r.b.year >= 1000)) return std::nullopt;
    }
    return r;
}

std::optional<RawDate> Grammar::relative(uint32_t i) {
    RawDate r;
    r.first = i;
    r.kind = RawKind::Shift;
    auto is_shift_rel = [](Rel x) { return x == Rel::Last || x == Rel::Next || x == Rel::This || x == Rel::Same; };
    uint32_t j = skip_article(i);
    // REL(ago|later) [NUM] UNIT: قبل ثلاث سنوات، قبل عامين، بعد شهر
    if (Hit rel = hit(j, LexKind::Rel); rel && (rel.entry->rel == Rel::Ago || rel.entry->rel == Rel::Later) && set_.ago_before_count) {
        uint32_t k = rel.end;
        int n = 1;
        // "قبل نحو عام", "منذ أكثر من عقدين": about so long ago
        if (Hit q = hit(k, LexKind::Quantifier)) {
            k = q.end;
            r.mod = Mod::Approx;
        } else if (Hit md = hit(k, LexKind::Mod); md && md.entry->mod == Mod::Approx) {
            k = md.end;
            r.mod = Mod::Approx;
        }
        if (auto c = count_at(k)) { n = c->first; k = c->second; }
        Hit u = hit(k, LexKind::Unit);
        if (u && !is_number(u.end)) {
            // العام 2020 after قبل is "before 2020", not "a year ago"
            if (u.entry->number) n = u.entry->number;
            // "السنوات الثلاث" order: UNIT NUM
            else if (auto c2 = count_at(u.end); c2 && n == 1 && set_.count_after_unit) { n = c2->first; u.end = c2->second; }
            if (n > 0) {
                r.unit = u.entry->unit;
                r.n = rel.entry->rel == Rel::Ago ? -n : n;
                r.from_previous = rel.entry->rel == Rel::Later;
                r.last = u.end;
                r.confidence = 0.8f;
                return r;
            }
        }
    }
    // "the following year", "the following day": one unit after the previous date
    if (Hit rel = hit(j, LexKind::Rel); rel && rel.entry->rel == Rel::Later && set_.later_before_unit) {
        if (Hit u = hit(rel.end, LexKind::Unit); u && !u.entry->number && !u.entry->has(kPlural)) {
            r.unit = u.entry->unit;
            r.n = 1;
            r.from_previous = true;
            r.last = u.end;
            r.confidence = 0.8f;
            return r;
        }
    }
    // NUM UNIT REL: سه سال پیش، 3 years ago، یک ماه بعد، سه دهه گذشته (the past three decades)
    if (auto c = count_at(j)) {
        Hit u = hit(c->second, LexKind::Unit);
        if (u && !u.entry->number) {
            Hit rel = hit(u.end, LexKind::Rel);
            if (rel && c->first > 0) {
                if (rel.entry->rel == Rel::Earlier && !quantifier_before(j)) {  // "a year earlier": before the previous date
                    r.unit = u.entry->unit;
                    r.n = -c->first;
                    r.from_previous = true;
                    r.last = rel.end;
                    r.confidence = 0.85f;
                    return r;
                }
                if ((rel.entry->rel == Rel::Ago || rel.entry->rel == Rel::Later) && !quantifier_before(j)) {
                    // "پیش از X" / "قبل از X" is "before X", not "ago"
                    if (rel.entry->rel == Rel::Ago && set_.ago_from_is_before) {
                        if (Hit p = hit(rel.end, LexKind::Prep); p && p.entry->prep == Prep::From) return std::nullopt;
                    }
                    r.unit = u.entry->unit;
                    r.n = rel.entry->rel == Rel::Ago ? -c->first : c->first;
                    r.from_previous = rel.entry->rel == Rel::Later;
                    r.last = rel.end;
                    r.confidence = 0.85f;
                    return r;
                }
                if (rel.entry->rel == Rel::Last || rel.entry->rel == Rel::Recent) {  // ۱۰ سال اخیر
                    r.kind = RawKind::PastSpan;
                    r.unit = u.entry->unit;
                    r.n = c->first;
                    r.last = rel.end;
                    r.confidence = 0.8f;
                    return r;
                }
            }
        }
    }
    // the past two decades, the last three years
    if (Hit rel = hit(j, LexKind::Rel); rel && rel.entry->rel == Rel::Last) {
        if (auto c = count_at(rel.end); c && c->first > 1) {
            if (Hit u = hit(c->second, LexKind::Unit); u && u.entry->has(kPlural)) {
                r.kind = RawKind::PastSpan;
                r.unit = u.entry->unit;
                r.n = c->first;
                r.last = u.end;
                return r;
            }
        }
    }
    // UNIT [NUM] REL: هفته گذشته، الأسبوع الماضي، العقدين الماضيين، السنوات الثلاث الماضية، سالهای اخیر
    // (not after a count the rules above turned down: "عن عمر ناهز 51 عاما بعد",
    // "دو سال پیش از ۱۴۰۰")
    if (Hit u = hit(j, LexKind::Unit); u && !count_ends_at(j)) {
        uint32_t k = u.end;
        int n = u.entry->number;
        if (auto c = count_at(k); c && set_.count_after_unit) { n = c->first; k = c->second; }
        if (Hit rel = hit(k, LexKind::Rel)) {
            Rel x = rel.entry->rel;
            // Persian "هفته پیش", "ماه پیش", "سال پیش": the last one, as with
            // گذشته (not "پیش از X": before X)
            if (x == Rel::Ago && n == 0 && set_.unit_ago_is_last && !u.entry->has(kPlural)) {
                Hit from = hit(rel.end, LexKind::Prep);
                if (from && from.entry->prep == Prep::From) return std::nullopt;
                x = Rel::Last;
            }
            if (u.entry->has(kPlural) && (x == Rel::Recent || x == Rel::Last || x == Rel::Next) && n == 0) {
                r.kind = RawKind::Reference;
                r.future_ref = x == Rel::Next;
                r.last = rel.end;
                r.confidence = 0.6f;
                return r;
            }
            if (x == Rel::Last && n >= 2) {
                r.kind = RawKind::PastSpan;
                r.unit = u.entry->unit;
                r.n = n;
                r.last = rel.end;
                return r;
            }
            if (!u.entry->has(kPlural) && n == 0 && (is_shift_rel(x) || x == Rel::Later)) {
                r.unit = u.entry->unit;
                r.n = x == Rel::Last ? -1 : (x == Rel::Next || x == Rel::Later) ? 1 : 0;
                r.from_previous = x == Rel::Same || x == Rel::Later;
                r.solar = set_.relative_calendar == Calendar::SolarHijri &&
                          (u.entry->unit == Granularity::Year || u.entry->unit == Granularity::Month) && x != Rel::Later;
                r.last = rel.end;
                r.confidence = 0.85f;
                // "روز گذشته" is yesterday in Persian news; elsewhere "the
                // past day" is rarely a date
                if (r.unit == Granularity::Day && x != Rel::Later && !(set_.last_day_is_yesterday && x == Rel::Last)) return std::nullopt;
                return r;
            }
        }
    }
    // REL UNIT: this year, last week, هذا العام، این هفته، نفس العام، recent years
    if (Hit rel = hit(j, LexKind::Rel)) {
        Rel x = rel.entry->rel;
        if (Hit u = hit(rel.end, LexKind::Unit); u && !is_number(u.end)) {
            if (u.entry->has(kPlural) && x == Rel::Recent) {
                r.kind = RawKind::Reference;
                r.last = u.end;
                r.confidence = 0.6f;
                return r;
            }
            if (!u.entry->has(kPlural) && is_shift_rel(x) && u.entry->unit != Granularity::Day && !u.entry->number) {
                r.unit = u.entry->unit;
                r.n = x == Rel::Last ? -1 : x == Rel::Next ? 1 : 0;
                r.from_previous = x == Rel::Same;
                r.solar = set_.relative_calendar == Calendar::SolarHijri &&
                          (u.entry->unit == Granularity::Year || u.entry->unit == Granularity::Month);
                r.last = u.end;
                r.confidence = 0.85f;
                return r;
            }
        }
    }
    // امسال، پارسال
    if (Hit rd = hit(j, LexKind::RelDate)) {
        r.unit = rd.entry->unit;
        r.n = rd.entry->rel == Rel::Last ? -1 : rd.entry->rel == Rel::Next ? 1 : 0;
        r.solar = rd.entry->has(kSolar);
        r.last = rd.end;
        r.confidence = 0.9f;
        return r;
    }
    return std::nullopt;
}

std::optional<RawDate> Grammar::deictic(uint32_t i) {
    Hit d = hit(i, LexKind::Deictic);
    if (!d) return std::nullopt;
    RawDate r;
    r.kind = RawKind::Deictic;
    r.first = i;
    r.last = d.end;
    r.deictic = d.entry->deictic;
    r.confidence = 0.85f;
    return r;
}

// Tuesday, 27 January 2026 / الأربعاء 7 أكتوبر; or a weekday alone: السبت المنصرم، on Tuesday
std::optional<RawDate> Grammar::weekday(uint32_t i) {
    // "last Tuesday", "next Friday": the relative word first
    if (Hit rel = hit(i, LexKind::Rel); rel && (rel.entry->rel == Rel::Last || rel.entry->rel == Rel::Next)) {
        if (Hit w = hit(rel.end, LexKind::Weekday)) {
            RawDate r;
            r.kind = RawKind::Weekday;
            r.first = i;
            r.weekday = w.entry->number;
            r.n = rel.entry->rel == Rel::Last ? -1 : 1;
            r.last = w.end;
            return r;
        }
    }
    Hit w = hit(i, LexKind::Weekday);
    if (!w) return std::nullopt;
    uint32_t k = w.end;
    if (is_punct(k, ',')) ++k;
    if (auto p = point(k, false, true); p && p->a.granularity == Granularity::Day) {
        p->first = i;
        return p;
    }
    RawDate r;
    r.kind = RawKind::Weekday;
    r.first = i;
    r.weekday = w.entry->number;
    if (Hit rel = hit(w.end, LexKind::Rel); rel && (rel.entry->rel == Rel::Last || rel.entry->rel == Rel::Next)) {
        r.n = rel.entry->rel == Rel::Last ? -1 : 1;
        r.last = rel.end;
        return r;
    }
    if (set_.weekday_after_preposition && prep_before(i)) {
        r.last = w.end;
        return r;
    }
    // "روز دوشنبه", "يوم الاثنين", "مساء الاثنين": the word "day" or a part
    // of a day makes دوشنبه Monday, not Dushanbe
    if (i > 0) {
        Hit d = hit(i - 1, LexKind::Unit);
        const bool day_word = d && d.end == i && d.entry->unit == Granularity::Day && !d.entry->has(kPlural);
        Hit part = hit(i - 1, LexKind::DayPart);
        if (day_word || (part && part.end == i)) {
            r.last = w.end;
            return r;
        }
    }
    // "Tuesday night": the part of the day after it
    if (Hit part = hit(w.end, LexKind::DayPart); part && set_.daypart_after_weekday) {
        r.last = w.end;
        return r;
    }
    return std::nullopt;
}

const EntryList* Grammar::event_names(uint32_t i) {
    // Asked by the scan and again by the production at the same token.
    if (i == names_at_) return names_;
    names_at_ = i;
    names_ = find_event_names(i);
    return names_;
}

const EntryList* Grammar::find_event_names(uint32_t i) {
    std::string_view w = text(i);
    if (lex_.may_start(lang_, w))
        if (const EntryList* list = lex_.lookup_event(w)) return list;
    // A clitic glued to the name: لمجزرة خوجالي، وحرب أكتوبر. (Every word is
    // asked: the cheap tests go first, and a date word is no event name.)
    if (t_[i].type != TokenType::Word || lex_.date_affixes(lang_).prefixes_of(w).empty() || entries(i)) return nullptr;
    auto lookup = [&](std::string_view name) { return lex_.may_start(lang_, name) ? lex_.lookup_event(name) : nullptr; };
    // (No event name starts with a word shorter than the shortest one listed.)
    if (auto s = without_affix(w, lookup, lex_.shortest_event_word()); s && s->skip) {
        clitic_[i] = s->skip;
        return s->found;
    }
    return nullptr;
}

std::optional<RawDate> Grammar::named_event(uint32_t i) {
    const EntryList* list = event_names(i);
    if (!list) return std::nullopt;
    for (const LexEntry* e : *list) {
        // Match the name's tokens, letting one year stand inside it: جنگ ۲۰۲۰ قره‌باغ
        uint32_t k = i + 1;
        int inserted_year = 0;
        bool ok = true;
        for (const std::string& want : e->rest) {
            if (k < size() && text(k) == want) { ++k; continue; }
            if (!inserted_year && is_number(k) && t_[k].digits == 4 && k + 1 < size() && text(k + 1) == want) {
                inserted_year = static_cast<int>(t_[k].number);
                k += 2;
                continue;
            }
            ok = false;
            break;
        }
        if (!ok) continue;
        // "the 2020 Karabakh war": a year right before the name
        if (!inserted_year && i > 0 && is_number(i - 1) && t_[i - 1].digits == 4) inserted_year = static_cast<int>(t_[i - 1].number);
        if (e->has(kContext)) {
            // A place name is the event only next to a year or a year word.
            bool near_year = (is_number(k) && t_[k].digits == 4) || has(k, LexKind::Unit) || inserted_year;
            if (!near_year) continue;
        }
        RawDate r;
        r.kind = RawKind::Event;
        r.first = i;
        r.last = k;
        r.event = e;
        r.context_year = inserted_year;
        r.confidence = 0.9f;
        return r;
    }
    return std::nullopt;
}

std::optional<RawDate> Grammar::any(uint32_t i) {
    std::optional<RawDate> best;
    auto consider = [&](std::optional<RawDate> r) {
        if (r && (!best || r->last > best->last)) best = std::move(r);
    };
    consider(named_event(i));
    consider(range(i));
    consider(modified(i));
    consider(point(i, true, true));
    consider(relative(i));
    consider(deictic(i));
    consider(weekday(i));
    return best;
}

std::optional<std::pair<Granularity, int>> Grammar::count_and_unit_ending_at(uint32_t end, uint32_t floor,
                                                                           uint32_t& first) {
    auto unit = hit_ending_at(end, LexKind::Unit, 3, floor);
    if (!unit) return std::nullopt;
    const LexEntry& u = *unit->hit.entry;
    if (u.number) {  // a dual: عامين, سالیان
        first = unit->first;
        return std::pair{u.unit, u.number};
    }
    if (auto c = count_ending_at(unit->first, floor, true)) {
        first = c->first;
        return std::pair{u.unit, c->second};
    }
    if (u.has(kPlural)) return std::nullopt;  // "years before": how many?
    first = unit->first;  // "the year before": one
    return std::pair{u.unit, 1};
}

std::optional<Grammar::AnchoredShift> Grammar::shift_before(uint32_t i, const RawDate* previous) {
    if (i == 0) return std::nullopt;
    const uint32_t floor = previous ? previous->last : 0;
    auto sign_of = [](Rel r) { return r == Rel::Ago || r == Rel::Before ? -1 : r == Rel::Later || r == Rel::After ? 1 : 0; };
    uint32_t first = 0;
    // "from": سه سال پیش از X, قبل از X, بعد عامين من X
    if (auto from = hit_ending_at(i, LexKind::Prep, 2, floor, [](const LexEntry& e) { return e.prep == Prep::From; })) {
        const uint32_t p = from->first;
        // The count and unit already read as a shift: "بعد عامين", "سه سال بعد"
        if (previous && previous->kind == RawKind::Shift && previous->last == p && previous->n != 0 &&
            previous->unit != Granularity::Unknown)
            return AnchoredShift{previous->first, previous->unit, previous->n, true};
        // [NUM] UNIT REL: the grammar leaves "سه سال پیش" before از alone
        auto shifting = [](const LexEntry& e) {
            return e.rel == Rel::Ago || e.rel == Rel::Before || e.rel == Rel::Later || e.rel == Rel::After;
        };
        if (auto rel = hit_ending_at(p, LexKind::Rel, 2, floor, shifting))
            if (auto cu = count_and_unit_ending_at(rel->first, floor, first))
                return AnchoredShift{first, cu->first, sign_of(rel->hit.entry->rel) * cu->second, false};
        return std::nullopt;
    }
    // NUM UNIT before|after X
    if (auto rel = hit_ending_at(i, LexKind::Rel, 2, floor)) {
        const Rel x = rel->hit.entry->rel;
        if (x != Rel::Before && x != Rel::After) return std::nullopt;
        if (auto cu = count_and_unit_ending_at(rel->first, floor, first))
            return AnchoredShift{first, cu->first, sign_of(x) * cu->second, false};
    }
    return std::nullopt;
}

// Words that only connect or qualify (في، و، of, نفر) never begin a date;
// most frequent lexicon words are of that kind, so skipping them is cheap speed.
bool can_start(const EntryList* list) {
    if (!list) return false;
    for (const LexEntry* e : *list) {
        switch (e->kind) {
            case LexKind::Era: case LexKind::Quantity: case LexKind::Quantifier: case LexKind::Future:
            case LexKind::Anaphor: case LexKind::DayPart: case LexKind::DaySuffix: case LexKind::MonthWord:
            case LexKind::DecadeSuffix: break;
            case LexKind::Prep: if (e->prep == Prep::From || e->prep == Prep::Between) return true; break;
            case LexKind::Rel: if (e->rel != Rel::Before && e->rel != Rel::After) return true; break;
            default: return true;
        }
    }
    return false;
}

std::vector<RawDate> Grammar::run() {
    std::vector<RawDate> out;
    uint32_t i = 0;
    while (i < size()) {
        const Token& tok = t_[i];
        // Only numbers and lexicon words can start a date: skip the rest cheaply.
        bool candidate = (tok.type == TokenType::Number && tok.digits <= 4) ||
                         (tok.type == TokenType::Word && (can_start(entries(i)) || event_names(i) != nullptr));
        if (!candidate) { ++i; continue; }
        std::optional<RawDate> r = any(i);
        if (!r || r->last <= i) { ++i; continue; }
        r->skip_bytes = clitic_[r->first];
        i = r->last;
        out.push_back(std::move(*r));
    }
    // A date moved by a count of units before or after it.
    std::vector<RawDate> moved;
    moved.reserve(out.size());
    for (RawDate& r : out) {
        if (r.kind == RawKind::Point || r.kind == RawKind::Range || r.kind == RawKind::Event || r.kind == RawKind::Deictic) {
            if (auto s = shift_before(r.first, moved.empty() ? nullptr : &moved.back())) {
                if (s->absorbs_previous) moved.pop_back();
                r.first = s->first;
                r.skip_bytes = clitic_[s->first];
                r.shift_unit = s->unit;
                r.shift_n = s->n;
            }
        }
        moved.push_back(std::move(r));
    }
    // A shift that no date follows but "from"/"of" does is a length, not a
    // time: "بعد 30 عاما من الكوميديا" is after thirty years of comedy, not
    // thirty years after the previous date; "سه سال بعد از توافق" counts
    // from an agreement the text does not date.
    // "بعد عامين من ذلك" (two years after that) does count from the
    // previous date: the anaphor joins the shift.
    std::erase_if(moved, [&](RawDate& r) {
        if (r.kind != RawKind::Shift || r.n == 0 || r.last >= size()) return false;
        Hit from = hit(r.last, LexKind::Prep);
        if (!from || from.entry->prep != Prep::From) return false;
        if (Hit that = hit(from.end, LexKind::Anaphor)) {
            r.last = that.end;
            return false;
        }
        return true;
    });
    out = std::move(moved);
    // A month without a year in a sentence of the future tense.
    for (RawDate& r : out)
        if (r.kind == RawKind::Point && !r.a.year && r.a.month && r.a.base.rel == Rel::None) r.a.future = future_tense_near(r);
    // A named event learns a year or a length from its neighbours.
    for (RawDate& r : out) {
        if (r.kind != RawKind::Event || r.context_year) continue;
        uint32_t lo = r.first > 12 ? r.first - 12 : 0, hi = std::min(size(), r.last + 12);
        for (uint32_t k = lo; k < hi; ++k) {
            if (k >= r.first && k < r.last) {
                // a length inside the name: جنگ ۴۴ روزه
                if (is_number(k) && t_[k].digits <= 3) {
                    if (Hit u = hit(k + 1, LexKind::Unit); u && u.entry->unit == Granularity::Day) r.context_days = static_cast<int>(t_[k].number);
                }
                continue;
            }
            if (is_number(k) && t_[k].digits == 4 && t_[k].number >= 1900 && t_[k].number <= 2100 && !r.context_year)
                r.context_year = static_cast<int>(t_[k].number);
        }
    }
    return out;
}

}  // namespace

std::vector<RawDate> find_dates(std::string_view folded, const std::vector<Token>& tokens, Lang lang,
                                const Lexicon& lexicon) {
    return Grammar(folded, tokens, lang, lexicon).run();
}

}  // namespace tarikh::tagger
