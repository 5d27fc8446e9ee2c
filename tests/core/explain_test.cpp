// parse --explain: each mention says which rules read it and which lexicon
// rows its words matched, and nothing is explained unless asked.
#include "tarikh/parser.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace tarikh {
namespace {

const Parser& parser() {
    static const Parser p;
    return p;
}

TEST(Explain, NamesTheRulesOutermostFirstAndTheWords) {
    ParseOptions opt;
    opt.lang = lang_of("en");
    opt.explain = true;
    ParseResult r = parser().parse("Fighting resumed in early March 2024.", opt);
    ASSERT_EQ(r.mentions.size(), 1u);
    ASSERT_EQ(r.explanations.size(), 1u);
    const Explanation& x = r.explanations[0];
    EXPECT_EQ(x.rules, (std::vector<std::string_view>{"mod-point", "month-year"}));
    auto month = std::find_if(x.words.begin(), x.words.end(), [](const auto& w) { return w.kind == "month"; });
    ASSERT_NE(month, x.words.end());
    EXPECT_EQ(month->form, "march");  // as lexicon.tsv writes it
    EXPECT_EQ(month->value, "g3");
    EXPECT_EQ(to_string(month->lang), "en");
    EXPECT_NE(mention_to_json(r.mentions[0], "d", "Fighting resumed in early March 2024.", &x).find(R"("rules":["mod-point","month-year"])"),
              std::string::npos);
}

TEST(Explain, AShiftedDateNamesTheShift) {
    ParseOptions opt;
    opt.lang = lang_of("en");
    opt.explain = true;
    ParseResult r = parser().parse("The deal came two years after 7 October 2023.", opt);
    ASSERT_EQ(r.explanations.size(), 1u);
    EXPECT_EQ(r.explanations[0].rules, (std::vector<std::string_view>{"count-unit-before-date", "day-month-year"}));
}

TEST(Explain, OnlyWhenAsked) {
    ParseOptions opt;
    opt.lang = lang_of("en");
    const std::string text = "Fighting resumed in March 2024.";
    ParseResult r = parser().parse(text, opt);
    ASSERT_EQ(r.mentions.size(), 1u);
    EXPECT_TRUE(r.explanations.empty());
    EXPECT_EQ(mention_to_json(r.mentions[0], "d", text).find("explain"), std::string::npos);
}

}  // namespace
}  // namespace tarikh
