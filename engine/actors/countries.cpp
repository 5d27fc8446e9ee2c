// Countries from ICU's copy of CLDR: the ISO 3166 regions and their names in
// each language. The names are not typed into the gazetteers: a new CLDR
// release brings new names (Czechia, Eswatini, North Macedonia) for free.
#include "actors/countries.h"

#include "text/tsv.h"
#include "embedded_data.h"

#include <unicode/locdspnm.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <map>
#include <memory>
#include <mutex>
#include <set>

namespace tarikh::actors {
namespace {

std::string utf8(const icu::UnicodeString& s) {
    std::string out;
    s.toUTF8String(out);
    return out;
}

// Regions CLDR lists beside the countries that are read as part of one
// (engine/data/regions.tsv: the Canary Islands are Spain).
const std::map<std::string, std::string, std::less<>>& region_owners() {
    static const auto owners = [] {
        std::map<std::string, std::string, std::less<>> m;
        text::for_each_tsv_row(embedded_data("data/regions.tsv"), [&](const std::vector<std::string_view>& f) {
            if (f.size() >= 2) m.emplace(std::string(f[0]), std::string(f[1]));
        });
        return m;
    }();
    return owners;
}

// The name of `code` in `locale`, standard or short; empty when CLDR has none
// (ICU then returns the code itself).
std::string display_name(std::string_view code, std::string_view locale, bool short_form) {
    const std::string c(code), l(locale);
    icu::UnicodeString name;
    if (short_form) {
        UDisplayContext length = UDISPCTX_LENGTH_SHORT;
        std::unique_ptr<icu::LocaleDisplayNames> names(icu::LocaleDisplayNames::createInstance(icu::Locale(l.c_str()), &length, 1));
        if (names) names->regionDisplayName(c.c_str(), name);
    } else {
        icu::Locale("", c.c_str()).getDisplayCountry(icu::Locale(l.c_str()), name);
    }
    std::string out = utf8(name);
    return out == c ? std::string() : out;
}

bool is_acronym(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char ch) { return (ch >= 'A' && ch <= 'Z') || ch == '.'; });
}

// Words separated by spaces (a name's words, for counting).
size_t word_count(std::string_view s) {
    size_t n = 0;
    bool in_word = false;
    for (char ch : s) {
        const bool space = ch == ' ';
        if (!space && !in_word) ++n;
        in_word = !space;
    }
    return n;
}

std::string trimmed(std::string_view s) {
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    return std::string(s);
}

// The forms of one CLDR name that can stand in running text. CLDR writes
// names for lists: a parenthesis adds an older name ("Myanmar (Burma)") or a
// qualifier ("Cocos (Keeling) Islands"), a comma a qualifier ("هنگ‌کنگ، منطقهٔ
// ویژهٔ اداری چین").
void add_text_forms(const std::string& name, std::vector<std::string>& out) {
    auto add = [&](std::string s) {
        s = trimmed(s);
        if (!s.empty() && std::find(out.begin(), out.end(), s) != out.end()) return;
        if (!s.empty()) out.push_back(std::move(s));
    };
    std::string base = name;
    for (std::string_view comma : {",", "\xD8\x8C"})  // , and Arabic ،
        if (size_t at = base.find(comma); at != std::string::npos) base.resize(at);
    const size_t open = base.find('('), close = base.find(')');
    if (open != std::string::npos && close != std::string::npos && close > open) {
        std::string outside = base.substr(0, open) + base.substr(close + 1);
        std::string inside = base.substr(open + 1, close - open - 1);
        // Collapse the double space left where the parenthesis was.
        std::string collapsed;
        for (char ch : outside)
            if (!(ch == ' ' && !collapsed.empty() && collapsed.back() == ' ')) collapsed += ch;
        add(collapsed);
        if (word_count(trimmed(collapsed)) == 1) add(inside);  // "Myanmar (Burma)": Burma alone too
        return;
    }
    add(base);
}

}  // namespace

const std::vector<CountryCode>& known_countries() {
    static const auto codes = [] {
        std::vector<CountryCode> out;
        for (const char* const* c = icu::Locale::getISOCountries(); *c; ++c)
            if (!region_owners().contains(*c)) out.emplace_back(*c);
        std::sort(out.begin(), out.end());
        return out;
    }();
    return codes;
}

bool is_known_country(std::string_view code) {
    const auto& all = known_countries();
    return std::binary_search(all.begin(), all.end(), code, [](const auto& a, const auto& b) {
        return std::string_view(a) < std::string_view(b);
    });
}

std::vector<CldrName> cldr_country_names(std::string_view locale) {
    std::vector<CldrName> out;
    for (const auto& code : known_countries()) {
        std::vector<std::string> forms;
        add_text_forms(display_name(code, locale, false), forms);
        add_text_forms(display_name(code, locale, true), forms);
        for (auto& f : forms) out.push_back({std::move(f), code});
    }
    for (const auto& [region, owner] : region_owners()) {
        std::vector<std::string> forms;
        add_text_forms(display_name(region, locale, false), forms);
        for (auto& f : forms) out.push_back({std::move(f), owner});
    }
    // A form two regions share ("Congo" if CLDR ever wrote it so) names neither.
    std::map<std::string, std::set<std::string>> codes_of;
    for (const auto& n : out) codes_of[n.name].insert(n.code);
    std::erase_if(out, [&](const CldrName& n) { return codes_of[n.name].size() > 1; });
    return out;
}

std::string country_label_for(std::string_view code, std::string_view locale) {
    static std::mutex m;
    static std::map<std::string, std::string, std::less<>> cache;
    std::string key = std::string(locale) + ":" + std::string(code);
    {
        std::lock_guard lock(m);
        if (auto it = cache.find(key); it != cache.end()) return it->second;
    }
    // The short name where CLDR has one that is a name ("Palestine", "Hong
    // Kong", "عربستان"), not an acronym ("UK", "US"): a lane label is read at a glance.
    std::string label = display_name(code, locale, true);
    if (label.empty() || is_acronym(label)) label = display_name(code, locale, false);
    if (label.empty()) label = std::string(code);
    std::lock_guard lock(m);
    return cache.emplace(std::move(key), label).first->second;
}

}  // namespace tarikh::actors

namespace tarikh {

const std::vector<CountryCode>& known_countries() { return actors::known_countries(); }

bool is_known_country(std::string_view code) { return actors::is_known_country(code); }

std::string country_label(std::string_view code, std::string_view lang) { return actors::country_label_for(code, lang); }

}  // namespace tarikh
