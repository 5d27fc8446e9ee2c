#include "tagger/lexicon.h"

#include "embedded_data.h"
#include "tarikh/normalize.h"
#include "text/tsv.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <stdexcept>

namespace tarikh::tagger {
namespace {

using text::split;

// Calls f(columns) for each data row of a compiled-in data file, which must exist.
template <class F>
void for_each_row(std::string_view name, F f) {
    std::string_view file = embedded_data(name);
    if (file.empty()) throw std::runtime_error("tarikh: missing data file " + std::string(name));
    text::for_each_tsv_row(file, f);
}

int to_int(std::string_view s) {
    int v = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || p != s.data() + s.size()) throw std::runtime_error("tarikh: bad number in data: " + std::string(s));
    return v;
}

Granularity unit_from(std::string_view s) {
    if (auto g = granularity_from_string(s)) return *g;
    throw std::runtime_error("tarikh: bad unit in data: " + std::string(s));
}

uint8_t flags_from(std::string_view s) {
    uint8_t f = 0;
    for (auto w : split(s, ',')) {
        if (w == "context") f |= kContext;
        else if (w == "fragment") f |= kFragment;
        else if (w == "yearword") f |= kYearWord;
        else if (w == "twodigit") f |= kTwoDigit;
        else if (w == "solar") f |= kSolar;
        else if (w == "prefer") f |= kPrefer;
        else if (w == "plural") f |= kPlural;
        else if (w == "first") f |= kFirst;
    }
    return f;
}

Calendar calendar_from(std::string_view s) {
    if (s == "gregorian") return Calendar::Gregorian;
    if (s == "solar_hijri") return Calendar::SolarHijri;
    if (s == "islamic") return Calendar::Islamic;
    throw std::runtime_error("tarikh: bad calendar in data: " + std::string(s));
}

// Builds the entry for one lexicon row; the kind decides how value reads.
LexEntry entry_from(std::string_view kind, std::string_view value, uint8_t flags) {
    LexEntry e{};
    e.flags = flags;
    if (kind == "month") {
        e.kind = LexKind::Month;
        if (value.starts_with("sh")) { e.calendar = Calendar::SolarHijri; e.number = to_int(value.substr(2)); }
        else if (value.starts_with("g")) { e.calendar = Calendar::Gregorian; e.number = to_int(value.substr(1)); }
        else if (value.starts_with("h")) { e.calendar = Calendar::Islamic; e.number = to_int(value.substr(1)); }
        else throw std::runtime_error("tarikh: bad month in data: " + std::string(value));
    } else if (kind == "weekday") {
        e.kind = LexKind::Weekday; e.number = to_int(value);
    } else if (kind == "era") {
        // "bc": before the Common Era; the year before it counts back (number -1)
        e.kind = LexKind::Era;
        if (value == "bc") e.number = -1;
        else e.calendar = calendar_from(value);
    } else if (kind == "unit") {
        e.kind = LexKind::Unit;
        // "year×2": a dual form that carries its own count
        size_t x = value.find("\xC3\x97");
        e.unit = unit_from(value.substr(0, x));
        e.number = x == std::string_view::npos ? 0 : to_int(value.substr(x + 2));
    } else if (kind == "num") {
        e.kind = LexKind::Num; e.number = to_int(value);
    } else if (kind == "ordinal") {
        e.kind = LexKind::Ordinal; e.number = to_int(value);
    } else if (kind == "season") {
        e.kind = LexKind::Season;
        e.number = value == "spring" ? 1 : value == "summer" ? 2 : value == "autumn" ? 3 : value == "winter" ? 4 : 0;
        if (!e.number) throw std::runtime_error("tarikh: bad season in data: " + std::string(value));
    } else if (kind == "part") {
        e.kind = LexKind::Part; e.part = value == "quarter" ? PartKind::Quarter : PartKind::Half;
    } else if (kind == "mod") {
        e.kind = LexKind::Mod;
        e.mod = value == "start" ? Mod::Start : value == "mid" ? Mod::Mid : value == "end" ? Mod::End : Mod::Approx;
    } else if (kind == "rel") {
        e.kind = LexKind::Rel;
        static const std::map<std::string_view, Rel> rels{{"last", Rel::Last}, {"next", Rel::Next}, {"this", Rel::This},
            {"same", Rel::Same}, {"ago", Rel::Ago}, {"later", Rel::Later}, {"recent", Rel::Recent},
            {"before", Rel::Before}, {"after", Rel::After}, {"earlier", Rel::Earlier}, {"fromnow", Rel::FromNow}};
        auto it = rels.find(value);
        if (it == rels.end()) throw std::runtime_error("tarikh: bad rel in data: " + std::string(value));
        e.rel = it->second;
    } else if (kind == "deictic") {
        e.kind = LexKind::Deictic;
        static const std::map<std::string_view, Deictic> ds{{"today", Deictic::Today}, {"yesterday", Deictic::Yesterday},
            {"tomorrow", Deictic::Tomorrow}, {"now", Deictic::Now}, {"day_before_yesterday", Deictic::DayBeforeYesterday},
            {"until_now", Deictic::UntilNow}, {"day_after_tomorrow", Deictic::DayAfterTomorrow},
            {"past_ref", Deictic::PastRef}, {"future_ref", Deictic::FutureRef}};
        auto it = ds.find(value);
        if (it == ds.end()) throw std::runtime_error("tarikh: bad deictic in data: " + std::string(value));
        e.deictic = it->second;
    } else if (kind == "reldate") {
        // "this:year", "last:year"
        e.kind = LexKind::RelDate;
        auto parts = split(value, ':');
        e.rel = parts[0] == "last" ? Rel::Last : parts[0] == "next" ? Rel::Next : Rel::This;
        e.unit = unit_from(parts.at(1));
    } else if (kind == "decadeword") {
        e.kind = LexKind::DecadeWord; e.number = to_int(value);
    } else if (kind == "prep") {
        e.kind = LexKind::Prep;
        static const std::map<std::string_view, Prep> ps{{"in", Prep::In}, {"from", Prep::From}, {"to", Prep::To},
            {"between", Prep::Between}, {"and", Prep::And}, {"of", Prep::Of}, {"during", Prep::During}};
        auto it = ps.find(value);
        if (it == ps.end()) throw std::runtime_error("tarikh: bad prep in data: " + std::string(value));
        e.prep = it->second;
    } else if (kind == "quantity") {
        e.kind = LexKind::Quantity;
    } else if (kind == "quantifier") {
        e.kind = LexKind::Quantifier;
    } else if (kind == "article") {
        e.kind = LexKind::Article;
    } else if (kind == "daypart") {
        e.kind = LexKind::DayPart;
        // its TIMEX3 part-of-day code, if the language joins it to the day
        static const std::map<std::string_view, int> codes{{"-", 0}, {"MO", 1}, {"AF", 2}, {"EV", 3}, {"NI", 4}};
        auto it = codes.find(value);
        if (it == codes.end()) throw std::runtime_error("tarikh: bad daypart in data: " + std::string(value));
        e.number = it->second;
    } else if (kind == "anaphor") {
        e.kind = LexKind::Anaphor;
    } else if (kind == "daysuffix") {
        e.kind = LexKind::DaySuffix;
    } else if (kind == "monthword") {
        // the calendar of the months it follows
        e.kind = LexKind::MonthWord; e.calendar = calendar_from(value);
    } else if (kind == "partprefix") {
        e.kind = LexKind::PartPrefix;
        if (value != "quarter" && value != "half") throw std::runtime_error("tarikh: bad partprefix in data: " + std::string(value));
        e.part = value == "quarter" ? PartKind::Quarter : PartKind::Half;
    } else if (kind == "recurrence") {
        e.kind = LexKind::Recurrence;
    } else if (kind == "fiscal") {
        e.kind = LexKind::Fiscal;
    } else if (kind == "frequency") {
        e.kind = LexKind::Frequency;
        e.unit = unit_from(value);
    } else if (kind == "nondate") {
        e.kind = LexKind::NonDate;
    } else if (kind == "namehead") {
        e.kind = LexKind::NameHead;
    } else if (kind == "objectmarker") {
        e.kind = LexKind::ObjectMarker;
    } else if (kind == "decadesuffix") {
        e.kind = LexKind::DecadeSuffix;
    } else if (kind == "tense") {
        if (value != "future" && value != "past") throw std::runtime_error("tarikh: bad tense in data: " + std::string(value));
        e.kind = value == "future" ? LexKind::Future : LexKind::Past;
    } else {
        throw std::runtime_error("tarikh: unknown lexicon kind: " + std::string(kind));
    }
    return e;
}

}  // namespace

DateAffixes::DateAffixes(const text::Morphology& m) {
    for (const auto* list : {&m.date_prefixes, &m.date_suffixes})
        for (const text::Affix& a : *list) {
            all_.push_back(std::make_unique<text::Affix>(a));
            (list == &m.date_prefixes ? prefixes_ : suffixes_).add(all_.back().get(), list == &m.date_prefixes);
        }
    prefixes_.sort();
    suffixes_.sort();
}

void DateAffixes::Index::add(const text::Affix* a, bool at_start) {
    const auto* f = reinterpret_cast<const uint8_t*>(a->form.data());
    const size_t n = a->form.size();
    auto mark = [&](uint8_t x, uint8_t y) {
        const uint16_t k = uint16_t(x << 8 | y);
        bits[bit(k) >> 6] |= uint64_t{1} << (bit(k) & 63);
        auto it = std::find_if(pairs.begin(), pairs.end(), [&](const auto& p) { return p.first == k; });
        if (it == pairs.end()) {
            // A new pair starts with the one-byte affixes listed so far that fit it.
            List fitting;
            for (const auto& one : one_byte[at_start ? x : y]) fitting.push_back(one);
            pairs.emplace_back(k, std::move(fitting));
            it = pairs.end() - 1;
        }
        it->second.push_back(a);
    };
    if (n >= 2) {
        mark(at_start ? f[0] : f[n - 2], at_start ? f[1] : f[n - 1]);
        return;
    }
    for (unsigned other = 0; other < 256; ++other)
        mark(at_start ? f[0] : uint8_t(other), at_start ? uint8_t(other) : f[0]);
    one_byte[f[0]].push_back(a);
}

void DateAffixes::Index::sort() {
    std::sort(pairs.begin(), pairs.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
}

const DateAffixes::List& DateAffixes::Index::find(uint16_t k) const {
    auto it = std::lower_bound(pairs.begin(), pairs.end(), k, [](const auto& p, uint16_t key) { return p.first < key; });
    return it != pairs.end() && it->first == k ? it->second : kNone;
}

std::vector<std::string> token_texts(std::string_view folded) {
    std::vector<std::string> out;
    for (const Token& t : tokenize(folded)) out.emplace_back(t.text(folded));
    return out;
}

Lexicon::Lexicon() {
    const std::vector<Language>& langs = languages();
    tables_.resize(langs.size());
    word_bits_.resize(langs.size());
    settings_.resize(langs.size());
    affixes_.resize(langs.size());
    load_holidays();
    for (const Language& l : langs) {
        load_settings(l);
        load_words(tables_[l.id.index()], l);
    }
    // Words of other languages in this one's texts (English datelines and
    // quotes in Persian news), after its own.
    for (const Language& l : langs)
        for (Lang other : l.also) load_words(tables_[l.id.index()], language(other));
    load_events();
    for (auto& t : tables_) sort_longest_first(t);
    sort_longest_first(event_table_);
    build_word_bits();
}

void Lexicon::build_word_bits() {
    for (size_t l = 0; l < tables_.size(); ++l) {
        auto& bits = word_bits_[l];
        bits.assign((kBloomMask + 1) / 64, 0);
        auto mark = [&](const std::string& w) {
            uint64_t h = WordHash{}(w);
            for (uint32_t x : {static_cast<uint32_t>(h) & kBloomMask, static_cast<uint32_t>(h >> 32) & kBloomMask})
                bits[x >> 6] |= uint64_t{1} << (x & 63);
        };
        for (const auto& [word, list] : tables_[l]) mark(word);
        for (const auto& [word, list] : event_table_) mark(word);
    }
}

void Lexicon::add(Table& table, std::vector<std::string> tokens, LexEntry entry) {
    if (tokens.empty()) return;
    entry.rest.assign(tokens.begin() + 1, tokens.end());
    storage_.push_back(std::make_unique<LexEntry>(std::move(entry)));
    table[tokens.front()].push_back(storage_.back().get());
}

void Lexicon::sort_longest_first(Table& table) {
    for (auto& [word, list] : table)
        std::stable_sort(list.begin(), list.end(),
                         [](const LexEntry* a, const LexEntry* b) { return a->rest.size() > b->rest.size(); });
}

void Lexicon::load_settings(const Language& l) {
    const std::string base = "lang/" + l.code + "/";
    LanguageSettings& s = settings_[l.id.index()];
    for_each_row(base + "settings.tsv", [&](const auto& c) {
        if (c.size() < 2) return;
        auto yes = [&](bool& flag) {
            if (c[1] != "yes" && c[1] != "no") throw std::runtime_error("tarikh: " + base + "settings.tsv: " + std::string(c[0]) + " is yes or no");
            flag = c[1] == "yes";
        };
        if (c[0] == "week_start") s.week_start = c[1] == "saturday" ? 6 : c[1] == "sunday" ? 7 : 1;
        else if (c[0] == "native_years") s.native_years = calendar_from(c[1]);
        else if (c[0] == "two_digit_years") s.two_digit_solar_years = c[1] == "solar_hijri";
        else if (c[0] == "relative_calendar") s.relative_calendar = calendar_from(c[1]);
        else if (c[0] == "context_months_after_preposition") yes(s.context_months_after_preposition);
        else if (c[0] == "numeric_date_order") {
            if (c[1] != "dmy" && c[1] != "mdy") throw std::runtime_error("tarikh: " + base + "settings.tsv: numeric_date_order is dmy or mdy");
            s.numeric_month_first = c[1] == "mdy";
        }
        else if (c[0] == "day_after_month") yes(s.day_after_month);
        else if (c[0] == "ago_before_count") yes(s.ago_before_count);
        else if (c[0] == "count_after_unit") yes(s.count_after_unit);
        else if (c[0] == "later_before_unit") yes(s.later_before_unit);
        else if (c[0] == "ago_from_is_before") yes(s.ago_from_is_before);
        else if (c[0] == "unit_ago_is_last") yes(s.unit_ago_is_last);
        else if (c[0] == "last_day_is_yesterday") yes(s.last_day_is_yesterday);
        else if (c[0] == "weekday_after_preposition") yes(s.weekday_after_preposition);
        else if (c[0] == "daypart_after_weekday") yes(s.daypart_after_weekday);
        else if (c[0] == "weekday_alone") yes(s.weekday_alone);
        else throw std::runtime_error("tarikh: " + base + "settings.tsv: unknown setting " + std::string(c[0]));
    });
    affixes_[l.id.index()] = DateAffixes(text::load_morphology(embedded_data(base + "affixes.tsv")));
}

void Lexicon::load_words(Table& table, const Language& from) {
    const std::string file = "lang/" + from.code + "/lexicon.tsv";
    for_each_row(file, [&](const auto& c) {
        if (c.size() < 3) throw std::runtime_error("tarikh: short row in " + file);
        LexEntry e = entry_from(c[1], c[2], c.size() > 3 ? flags_from(c[3]) : 0);
        e.form = c[0];
        e.kind_name = c[1];
        e.value_text = c[2];
        e.lang = from.id;
        add(table, token_texts(fold(c[0])), std::move(e));
    });
    load_holiday_names(table, from);
}

void Lexicon::load_holidays() {
    for_each_row("data/holidays.tsv", [&](const auto& c) {
        if (c.size() < 5) throw std::runtime_error("tarikh: short row in data/holidays.tsv");
        std::string error;
        auto rule = parse_holiday_rule(calendar_from(c[1]), c[2], to_int(c[3]), to_int(c[4]), &error);
        if (!rule) throw std::runtime_error("tarikh: data/holidays.tsv: " + std::string(c[0]) + ": " + error);
        holidays_.push_back({std::string(c[0]), *rule});
    });
}

// lang/<code>/holidays.tsv, `name<TAB>id[<TAB>flags]`; a language may name none.
void Lexicon::load_holiday_names(Table& table, const Language& from) {
    const std::string file = "lang/" + from.code + "/holidays.tsv";
    if (embedded_data(file).empty()) return;
    for_each_row(file, [&](const auto& c) {
        if (c.size() < 2) throw std::runtime_error("tarikh: short row in " + file);
        auto it = std::find_if(holidays_.begin(), holidays_.end(), [&](const HolidayInfo& h) { return h.id == c[1]; });
        if (it == holidays_.end()) throw std::runtime_error("tarikh: " + file + ": unknown holiday " + std::string(c[1]));
        LexEntry e{};
        e.kind = LexKind::Holiday;
        e.number = static_cast<int>(it - holidays_.begin());
        e.flags = c.size() > 2 ? flags_from(c[2]) : 0;
        add(table, token_texts(fold(c[0])), std::move(e));
    });
}

void Lexicon::load_events() {
    std::map<std::string, uint32_t> index;
    for_each_row("data/named_events.tsv", [&](const auto& c) {
        if (c.size() < 4) throw std::runtime_error("tarikh: short row in data/named_events.tsv");
        NamedEventInfo ev;
        ev.id = std::string(c[0]);
        ev.interval = {parse_iso(c[1]), parse_iso(c[2])};
        if (!ev.interval.anchored()) throw std::runtime_error("tarikh: bad dates for named event " + ev.id);
        ev.granularity = granularity_from_string(c[3]).value_or(Granularity::Day);
        index[ev.id] = static_cast<uint32_t>(events_.size());
        events_.push_back(std::move(ev));
    });
    // Names shared by several events become one ambiguous entry with candidates.
    std::map<std::vector<std::string>, LexEntry> by_name;
    for_each_row("data/event_names.tsv", [&](const auto& c) {
        if (c.size() < 3) throw std::runtime_error("tarikh: short row in data/event_names.tsv");
        auto it = index.find(std::string(c[0]));
        if (it == index.end()) throw std::runtime_error("tarikh: name for unknown named event " + std::string(c[0]));
        auto tokens = token_texts(fold(c[2]));
        if (tokens.empty()) return;
        uint8_t flags = c.size() > 3 ? flags_from(c[3]) : 0;
        auto [slot, fresh] = by_name.try_emplace(tokens);
        LexEntry& e = slot->second;
        e.kind = LexKind::NamedEvent;
        if (fresh) {
            e.form = c[2];
            e.kind_name = "event";
            e.value_text = c[0];
            if (auto l = find_language(c[1])) e.lang = *l;
        }
        if (std::find(e.events.begin(), e.events.end(), it->second) != e.events.end()) return;
        // The preferred reading goes first: it is the default.
        if (flags & kPrefer) e.events.insert(e.events.begin(), it->second);
        else e.events.push_back(it->second);
        e.flags |= static_cast<uint8_t>(flags & kContext);
    });
    for (auto& [tokens, e] : by_name) add(event_table_, tokens, std::move(e));
    shortest_event_word_ = SIZE_MAX;
    for (const auto& [word, list] : event_table_) shortest_event_word_ = std::min(shortest_event_word_, word.size());
}

const EntryList* Lexicon::lookup(Lang lang, std::string_view word) const {
    const Table& t = tables_[lang.index()];
    auto it = t.find(word);
    return it == t.end() ? nullptr : &it->second;
}

const EntryList* Lexicon::lookup_event(std::string_view word) const {
    auto it = event_table_.find(word);
    return it == event_table_.end() ? nullptr : &it->second;
}

}  // namespace tarikh::tagger
