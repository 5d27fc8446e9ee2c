// The gazetteers and countries.tsv agree: every row of every gazetteer
// reads, every code is a known country, and every country's label in each
// language is recognized as that country.
#include "actors/gazetteer.h"
#include "actors/tsv.h"
#include "embedded_data.h"
#include "tarikh/actors.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace tarikh {
namespace {

struct CountryRow {
    std::string code, en, fa, ar;
};

std::vector<CountryRow> countries() {
    std::vector<CountryRow> rows;
    actors::for_each_tsv_row(embedded_data("data/countries.tsv"), [&](const std::vector<std::string_view>& f) {
        ASSERT_EQ(f.size(), 4u) << f[0];
        rows.push_back({std::string(f[0]), std::string(f[1]), std::string(f[2]), std::string(f[3])});
    });
    return rows;
}

std::set<std::string> known_codes() {
    std::set<std::string> codes;
    for (const auto& c : countries()) codes.insert(c.code);
    return codes;
}

TEST(GazetteerData, CountriesTableIsWellFormed) {
    auto rows = countries();
    EXPECT_GE(rows.size(), 45u);
    std::set<std::string> seen;
    for (const auto& r : rows) {
        EXPECT_EQ(r.code.size(), 2u);
        EXPECT_TRUE(seen.insert(r.code).second) << "duplicate " << r.code;
        EXPECT_FALSE(r.en.empty() || r.fa.empty() || r.ar.empty()) << r.code;
        EXPECT_EQ(r.en.find('|'), std::string::npos) << "one label per cell: " << r.code;
    }
    // The region and the great powers (issue 3, item 1).
    for (const char* c : {"AZ", "AM", "GE", "RU", "KZ", "KG", "TJ", "TM", "UZ", "AF", "IR", "IQ", "SY", "LB",
                          "JO", "IL", "PS", "SA", "AE", "QA", "BH", "KW", "OM", "YE", "EG", "TR", "CY",
                          "US", "CN", "GB", "FR", "DE", "IN", "PK"})
        EXPECT_TRUE(seen.contains(c)) << c;
}

TEST(GazetteerData, EveryRowReadsAndUsesKnownCodes) {
    const auto known = known_codes();
    for (Lang lang : {Lang::Fa, Lang::Ar, Lang::En}) {
        const auto& g = actors::builtin_gazetteer(lang);
        EXPECT_GT(g.entries().size(), 300u) << to_string(lang);
        for (const auto& e : g.errors()) ADD_FAILURE() << to_string(lang) << ": " << e;
        for (const auto& e : g.entries()) {
            if (!e.code.empty()) EXPECT_TRUE(known.contains(e.code)) << e.name << " → " << e.code;
            if (!e.alt.empty()) EXPECT_TRUE(known.contains(e.alt)) << e.name << " → " << e.alt;
        }
    }
}

TEST(GazetteerData, EveryCountryLabelIsRecognized) {
    const ActorRecognizer r;
    for (const auto& c : countries()) {
        for (auto [lang, name] : {std::pair{Lang::En, c.en}, std::pair{Lang::Fa, c.fa}, std::pair{Lang::Ar, c.ar}}) {
            auto codes = actor_codes(r.recognize(name, lang));
            EXPECT_EQ(codes, std::vector<CountryCode>{c.code}) << to_string(lang) << " " << name;
        }
    }
}

TEST(GazetteerData, EveryCountryHasADemonymOrCapitalInEachLanguage) {
    // A country named only by its name would be missed in most sentences.
    for (Lang lang : {Lang::Fa, Lang::Ar, Lang::En}) {
        std::set<std::string> covered;
        for (const auto& e : actors::builtin_gazetteer(lang).entries())
            if (e.type != ActorType::Country && !e.code.empty()) covered.insert(e.code);
        for (const auto& c : countries())
            EXPECT_TRUE(covered.contains(c.code)) << to_string(lang) << " has only the name of " << c.code;
    }
}

}  // namespace
}  // namespace tarikh
