// The gazetteers and the countries of CLDR agree: every row of every
// gazetteer reads and names a country ICU knows, and every ISO 3166 country
// is recognized by its CLDR name in each language.
#include "actors/countries.h"
#include "actors/gazetteer.h"
#include "tarikh/actors.h"

#include <gtest/gtest.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <set>
#include <string>

namespace tarikh {
namespace {

// Every language of lang/languages.tsv.
std::vector<Lang> all_langs() {
    std::vector<Lang> out;
    for (const Language& l : languages()) out.push_back(l.id);
    return out;
}

// The region and the great powers, which news of the region names most.
constexpr const char* kRegion[] = {"AZ", "AM", "GE", "RU", "KZ", "KG", "TJ", "TM", "UZ", "AF", "IR", "IQ",
                                   "SY", "LB", "JO", "IL", "PS", "SA", "AE", "QA", "BH", "KW", "OM", "YE",
                                   "EG", "TR", "CY", "US", "CN", "GB", "FR", "DE", "IN", "PK"};

std::string cldr_name(const std::string& code, Lang lang) {
    icu::UnicodeString name;
    icu::Locale("", code.c_str()).getDisplayCountry(icu::Locale(std::string(to_string(lang)).c_str()), name);
    std::string out;
    name.toUTF8String(out);
    // After a comma CLDR qualifies a name for lists ("هنگ‌کنگ، منطقهٔ ویژهٔ
    // اداری چین": Hong Kong, a region of China); text names it without.
    if (size_t comma = out.find("،"); comma != std::string::npos) out.resize(comma);
    return out;
}

TEST(GazetteerData, CountriesAreTheIsoRegionsOfCldr) {
    const auto& all = known_countries();
    EXPECT_GE(all.size(), 249u);
    EXPECT_TRUE(std::is_sorted(all.begin(), all.end()));
    for (const auto& c : all) EXPECT_TRUE(c.size() == 2 && std::isupper(c[0]) && std::isupper(c[1])) << c;
    // UN members, observers, and the entities regional news names.
    for (const char* c : {"PS", "XK", "TW", "EH", "VA", "ER", "ET", "BR", "SE", "CA", "VE", "SS", "TL"})
        EXPECT_TRUE(is_known_country(c)) << c;
    for (const char* c : kRegion) EXPECT_TRUE(is_known_country(c)) << c;
    // Reserved codes read as part of a country are not countries of their own.
    EXPECT_FALSE(is_known_country("IC"));
    EXPECT_FALSE(is_known_country("EU"));
    EXPECT_FALSE(is_known_country("QQ"));
}

TEST(GazetteerData, EveryRowReadsAndUsesKnownCodes) {
    for (Lang lang : all_langs()) {
        const auto& g = actors::builtin_gazetteer(lang);
        EXPECT_GT(g.entries().size(), 600u) << to_string(lang);
        for (const auto& e : g.errors()) ADD_FAILURE() << to_string(lang) << ": " << e;
        for (const auto& e : g.entries()) {
            if (!e.code.empty()) EXPECT_TRUE(is_known_country(e.code)) << e.name << " → " << e.code;
            if (!e.alt.empty()) EXPECT_TRUE(is_known_country(e.alt)) << e.name << " → " << e.alt;
        }
    }
}

TEST(GazetteerData, RowsNamingNoCountryOfCldrAreErrors) {
    actors::Gazetteer g("Atlantis\tQQ\tcountry\nRuritania\tXX|YY\tcountry\n", "");
    EXPECT_EQ(g.errors().size(), 2u);
}

// A name the gazetteer marks context-only (مالی is also "financial") counts
// where the text names the country otherwise: next to another of its names.
std::string other_name_of(const std::string& code, Lang lang) {
    for (const auto& e : actors::builtin_gazetteer(lang).entries())
        if (e.code == code && !e.context && e.alt.empty() && e.type != ActorType::Leader) return e.name;
    return {};
}

TEST(GazetteerData, EveryIsoCountryIsFoundByItsCldrName) {
    const ActorRecognizer r;
    for (const auto& code : known_countries()) {
        for (Lang lang : all_langs()) {
            const std::string name = cldr_name(code, lang);
            ASSERT_NE(name, code) << "CLDR has no " << to_string(lang) << " name for " << code;
            auto codes = actor_codes(r.recognize(name, lang));
            if (codes.empty()) {
                const std::string other = other_name_of(code, lang);
                codes = actor_codes(r.recognize(name + " / " + other, lang));
                EXPECT_FALSE(other.empty()) << to_string(lang) << " " << name << ": context-only, and no other name";
            }
            EXPECT_EQ(codes, std::vector<CountryCode>{code}) << to_string(lang) << " " << name;
        }
    }
}

TEST(GazetteerData, NamesInsideCldrNamesAreTheWholeName) {
    // The longest name wins: the Dominican Republic is not Dominica, South
    // Sudan is not Sudan, Papua New Guinea is not Guinea.
    const ActorRecognizer r;
    EXPECT_EQ(actor_codes(r.recognize("the Dominican Republic", lang_of("en"))), std::vector<CountryCode>{"DO"});
    EXPECT_EQ(actor_codes(r.recognize("South Sudan", lang_of("en"))), std::vector<CountryCode>{"SS"});
    EXPECT_EQ(actor_codes(r.recognize("Papua New Guinea", lang_of("en"))), std::vector<CountryCode>{"PG"});
    EXPECT_EQ(actor_codes(r.recognize("جنوب السودان", lang_of("ar"))), std::vector<CountryCode>{"SS"});
    EXPECT_EQ(actor_codes(r.recognize("گینهٔ استوایی", lang_of("fa"))), std::vector<CountryCode>{"GQ"});
}

TEST(GazetteerData, CldrNamesStandInTextWithoutTheirQualifiers) {
    const ActorRecognizer r;
    EXPECT_EQ(actor_codes(r.recognize("Myanmar", lang_of("en"))), std::vector<CountryCode>{"MM"});
    EXPECT_EQ(actor_codes(r.recognize("Burma", lang_of("en"))), std::vector<CountryCode>{"MM"});
    EXPECT_EQ(actor_codes(r.recognize("هنگ‌کنگ", lang_of("fa"))), std::vector<CountryCode>{"HK"});
    EXPECT_EQ(actor_codes(r.recognize("Palestine", lang_of("en"))), std::vector<CountryCode>{"PS"});
}

TEST(GazetteerData, LabelsComeFromCldr) {
    EXPECT_EQ(country_label("AZ", "en"), "Azerbaijan");
    EXPECT_EQ(country_label("PS", "en"), "Palestine");
    EXPECT_EQ(country_label("US", "en"), "United States");  // not the acronym
    EXPECT_EQ(country_label("IR", "fa"), "ایران");
    EXPECT_EQ(country_label("EG", "ar"), "مصر");
    EXPECT_EQ(country_label("QQ", "en"), "QQ");
}

TEST(GazetteerData, EveryCountryOfTheRegionHasADemonymOrCapitalInEachLanguage) {
    // A country named only by its name would be missed in most sentences.
    for (Lang lang : all_langs()) {
        std::set<std::string> covered;
        for (const auto& e : actors::builtin_gazetteer(lang).entries())
            if (e.type != ActorType::Country && !e.code.empty()) covered.insert(e.code);
        for (const char* c : kRegion)
            EXPECT_TRUE(covered.contains(c)) << to_string(lang) << " has only the name of " << c;
    }
}

}  // namespace
}  // namespace tarikh
