// The language knowledge the tagger applies, loaded from engine/lang/*/lexicon.tsv,
// settings.tsv and engine/data/named_events.tsv + event_names.tsv. Every form
// is folded and tokenized like the text, so lookups compare folded tokens.
#pragma once

#include "tagger/tokenize.h"
#include "text/affixes.h"
#include "tarikh/holidays.h"
#include "tarikh/language.h"
#include "tarikh/mention.h"
#include "tarikh/time.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <memory>
#include <utility>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace tarikh::tagger {

enum class LexKind : uint8_t {
    Month, Weekday, Era, Unit, Num, Ordinal, Season, Part, Mod, Rel, Deictic,
    RelDate, DecadeWord, Prep, Quantity, Quantifier, Article, NamedEvent,
    Future,  // a word of the future tense (khwahd, swf, will): a yearless month looks forward
    Anaphor, // "that" after "N years after": dhlk, ān
    DayPart, // a part of a day before a weekday: msa' alathnyn, shamgah dwshnbh
    DaySuffix,     // glued after a day number: 1st, 22nd, 15am
    MonthWord,     // the word "month" after a month name that belongs to it: dy mah
    PartPrefix,    // a letter glued before the number of a quarter or half: Q3, H2
    DecadeSuffix,  // glued after a year ending in 0 that makes it a decade: 1990s, '90s
    Past,          // a word of the past tense (qal, gft, said): a yearless date or lone weekday looks back
    Holiday,       // a name of a recurring day or period (lang/<code>/holidays.tsv): number indexes Lexicon::holidays
    Recurrence,    // "every" before a weekday or unit: a frequency, not a date (hr dwshnbh, kl jmʿa)
    ObjectMarker,  // a word after a noun that makes it the verb's object, not its time (ykshnbh ra)
    NonDate,       // a phrase with date words that is no date: The Sunday Times, amam jmʿh, alamyn alʿam
    NameHead,      // a noun that a date can name (street, square, bridge): "khyaban 15 khrdad" is a place
    Frequency,     // one word for "every unit": annually, weekly (`unit`)
    Fiscal,        // "fiscal" before a year or the word "year": the year is a fiscal year
};
// Before and After need a date after them ("two years after the war"): they
// never make a date on their own.
// Earlier counts back from the previous date ("a year earlier"), as Later
// counts forward from it.
// FromNow is "later" counted from the DCT ("ten days from now", "sh rwz dygr").
enum class Rel : uint8_t { None, Last, Next, This, Same, Ago, Later, Recent, Before, After, Earlier, FromNow };
// PastRef and FutureRef are TIMEX3's PAST_REF and FUTURE_REF: "recently", "the future", no interval.
enum class Deictic : uint8_t { Today, Yesterday, Tomorrow, Now, DayBeforeYesterday, UntilNow, DayAfterTomorrow, PastRef, FutureRef };
enum class Prep : uint8_t { In, From, To, Between, And, Of, During };
enum class PartKind : uint8_t { Half, Quarter };

enum LexFlag : uint8_t {
    kContext = 1,    // also an ordinary word: a date only next to a day or a year
    kFragment = 2,   // a month name that lost its first letter to a line break
    kYearWord = 4,   // can introduce a year (sal 2019, ʿam 1992)
    kTwoDigit = 8,   // a two-digit year after it is a Solar Hijri year (fa)
    kSolar = 16,     // names a Solar Hijri unit (amsal)
    kPrefer = 32,    // named events: the default reading of an ambiguous name
    kPlural = 64,    // a plural unit (sal-ha, alsnwat, years)
    kFirst = 128,    // a part word that alone before a year is its first part (sh mahh amsal)
};

struct LexEntry {
    LexKind kind;
    uint8_t flags = 0;
    Calendar calendar = Calendar::Gregorian;  // month, era
    Granularity unit = Granularity::Unknown;  // unit; reldate
    int number = 0;          // month 1–12, weekday 1–7, num, ordinal, decade digit, unit count (duals), season 1–4
    Mod mod = Mod::None;
    Rel rel = Rel::None;
    Deictic deictic = Deictic::Today;
    Prep prep = Prep::In;
    PartKind part = PartKind::Half;
    std::vector<uint32_t> events;   // named events: candidate indices into Lexicon::events
    std::vector<std::string> rest;  // folded tokens after the first one, for phrases
    // Its row as written (views into the compiled-in data), for --explain.
    std::string_view form, kind_name, value_text;
    Lang lang;


    bool has(LexFlag f) const { return (flags & f) != 0; }
};

struct NamedEventInfo {
    std::string id;
    Interval interval;
    Granularity granularity = Granularity::Day;
};

struct HolidayInfo {
    std::string id;
    HolidayRule rule;
};

struct LanguageSettings {
    int week_start = 1;                              // ISO weekday the week starts on
    Calendar native_years = Calendar::Gregorian;     // calendar of a bare 13xx/14xx year
    bool two_digit_solar_years = false;
    Calendar relative_calendar = Calendar::Gregorian;  // amsal, sal gdhshth
    // Whether a month name that is also a word (March, rmḍan) is a date right
    // after a preposition ("in March", "fy rmḍan"); not in Persian, where
    // "dr mh" is "in the fog" and "dr mhr" "in kindness".
    bool context_months_after_preposition = false;
    // The choices of word order and meaning each language makes (settings.tsv;
    // engine/lang/README.md says what each one is for).
    bool numeric_month_first = false;     // numeric_date_order mdy: 3/29/2023
    bool day_after_month = false;         // March 29, 2023
    bool ago_before_count = false;        // qbl thlath snwat: the "ago" word before the count
    bool count_after_unit = false;        // alsnwat althlath: the count after the unit
    bool later_before_unit = false;       // the following year
    bool ago_from_is_before = false;      // pysh az X, qbl mn X: "ago" then "from" is "before X"
    bool unit_ago_is_last = false;        // hfth pysh: "week ago" is last week
    bool last_day_is_yesterday = false;   // rwz gdhshth: "the past day" is yesterday
    bool weekday_after_preposition = false;  // on Tuesday: a bare weekday after a preposition
    bool daypart_after_weekday = false;   // Tuesday night
    bool weekday_alone = false;           // rfʿt washnṭn alathnyn shkwā: a weekday with no other word is a date
};

// The affixes a language glues to date words (affixes.tsv, date_prefix and
// date_suffix), with a cheap first test: most words carry none of them.
class DateAffixes {
public:
    using List = std::vector<const text::Affix*>;
    DateAffixes() = default;
    explicit DateAffixes(const text::Morphology& m);
    DateAffixes(const DateAffixes&) = delete;
    DateAffixes& operator=(const DateAffixes&) = delete;
    DateAffixes(DateAffixes&&) = default;
    DateAffixes& operator=(DateAffixes&&) = default;
    // The prefixes (suffixes) that may start (end) `w`, in the order listed:
    // those whose first (last) two bytes are the word's. Most words get none.
    const List& prefixes_of(std::string_view w) const {
        return w.size() < 2 ? kNone : prefixes_.of(uint8_t(w[0]), uint8_t(w[1]));
    }
    const List& suffixes_of(std::string_view w) const {
        return w.size() < 2 ? kNone : suffixes_.of(uint8_t(w[w.size() - 2]), uint8_t(w.back()));
    }
    bool empty() const { return all_.empty(); }

private:
    // Affixes by the pair of bytes at the word's edge: a small filter for
    // the cheap no (half a kilobyte, so it stays in the L1 cache), then the
    // few pairs there are. A one-byte affix (Turkish dative e) fits beside any byte.
    struct Index {
        std::array<uint64_t, 64> bits{};
        static uint16_t bit(uint16_t key) { return uint16_t((key ^ (key >> 5)) & 4095); }
        std::vector<std::pair<uint16_t, List>> pairs;  // sorted by key
        std::array<List, 256> one_byte;  // by the affix's byte, for pairs no longer affix starts with
        void add(const text::Affix* a, bool at_start);
        void sort();  // the pairs by key, once all are added
        const List& of(uint8_t x, uint8_t y) const {
            const uint16_t k = uint16_t(x << 8 | y);
            if (!((bits[bit(k) >> 6] >> (bit(k) & 63)) & 1)) return kNone;
            return find(k);
        }
        const List& find(uint16_t key) const;
    };
    static inline const List kNone;
    std::vector<std::unique_ptr<text::Affix>> all_;
    Index prefixes_, suffixes_;
};

// Entries whose first folded token is the same word, longest phrase first.
using EntryList = std::vector<const LexEntry*>;

class Lexicon {
    // Heterogeneous lookup: the hot path looks words up by string_view
    // without building a std::string.
    struct WordHash {
        using is_transparent = void;
        size_t operator()(std::string_view s) const noexcept {
            uint64_t h = 1469598103934665603ull;  // FNV-1a: words are short
            for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
            return static_cast<size_t>(h ^ (h >> 29));
        }
    };

public:
    // Loads the compiled-in data of every language.
    Lexicon();

    // Entries (of `lang` and of the languages its texts also carry: languages.tsv)
    // whose first token is `word`; nullptr when none.
    const EntryList* lookup(Lang lang, std::string_view word) const;
    // Named-event names starting with `word`, any language.
    const EntryList* lookup_event(std::string_view word) const;
    // Bytes of the shortest first word of a named event.
    size_t shortest_event_word() const { return shortest_event_word_; }

    // False when no entry of `lang` (nor any named event) starts with the
    // word `word`: a Bloom filter test that spares the hash lookup for most words.
    bool may_start(Lang lang, std::string_view word) const {
        const auto& bits = word_bits_[lang.index()];
        uint64_t h = WordHash{}(word);
        uint32_t a = static_cast<uint32_t>(h) & kBloomMask, b = static_cast<uint32_t>(h >> 32) & kBloomMask;
        return ((bits[a >> 6] >> (a & 63)) & 1) && ((bits[b >> 6] >> (b & 63)) & 1);
    }

    const LanguageSettings& settings(Lang lang) const { return settings_[lang.index()]; }
    const DateAffixes& date_affixes(Lang lang) const { return affixes_[lang.index()]; }
    const std::vector<NamedEventInfo>& events() const { return events_; }
    const std::vector<HolidayInfo>& holidays() const { return holidays_; }

private:
    using Table = std::unordered_map<std::string, EntryList, WordHash, std::equal_to<>>;
    void load_settings(const Language& l);
    // Adds the words of lang/<from>/lexicon.tsv to `table`.
    void load_words(Table& table, const Language& from);
    void load_events();
    // data/holidays.tsv: when each holiday falls; before the words, whose
    // holidays.tsv names them by id.
    void load_holidays();
    void load_holiday_names(Table& table, const Language& from);
    void add(Table& table, std::vector<std::string> tokens, LexEntry entry);
    static void sort_longest_first(Table& table);
    static constexpr uint32_t kBloomMask = (1u << 18) - 1;
    void build_word_bits();
    std::vector<std::vector<uint64_t>> word_bits_;  // by language

    std::vector<std::unique_ptr<LexEntry>> storage_;
    std::vector<Table> tables_;  // by language: its words and those of the languages it also reads
    Table event_table_;
    size_t shortest_event_word_ = 0;
    std::vector<LanguageSettings> settings_;
    std::vector<DateAffixes> affixes_;
    std::vector<NamedEventInfo> events_;
    std::vector<HolidayInfo> holidays_;
};

// Splits folded text into the texts of its tokens.
std::vector<std::string> token_texts(std::string_view folded);

}  // namespace tarikh::tagger
