// Many articles in one file (tarikh/articles.h): cut at the lines a regular
// expression matches, each article a document of its own.
#include "tarikh/articles.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace tarikh {
namespace {

using ::testing::ElementsAre;

std::vector<std::string> ids(const std::vector<Document>& docs) {
    std::vector<std::string> out;
    for (const auto& d : docs) out.push_back(d.id);
    return out;
}

TEST(ArticleSplitter, BlankLinesSeparateArticlesAndBelongToNone) {
    Document doc;
    doc.id = "wire.txt";
    doc.date = parse_iso("2018-03-01");
    doc.text = "First headline\nFirst body, Iran and Iraq.\n\n\n  \nSecond headline\r\nSecond body.\n\nThird.";
    const auto parts = ArticleSplitter("^\\s*$").split(doc);
    EXPECT_THAT(ids(parts), ElementsAre("wire.txt#1", "wire.txt#2", "wire.txt#3"));
    EXPECT_EQ(parts[0].text, "First headline\nFirst body, Iran and Iraq.\n");
    EXPECT_EQ(parts[1].text, "Second headline\r\nSecond body.\n");
    EXPECT_EQ(parts[2].text, "Third.");
    for (const auto& p : parts) EXPECT_EQ(p.date, doc.date);
}

TEST(ArticleSplitter, AMarkerLineSeparatesAndADocumentWithoutOneStaysWhole) {
    Document doc;
    doc.id = "dump.txt";
    doc.text = "=== 1\nAzerbaijan and Israel met.\n=== 2\nIran and Turkey talked.\n";
    const auto parts = ArticleSplitter("^=== ").split(doc);
    ASSERT_EQ(parts.size(), 2u);
    EXPECT_EQ(parts[1].text, "Iran and Turkey talked.\n");
    Document plain;
    plain.id = "one.txt";
    plain.text = "No marker here.\nNor here.";
    const auto whole = ArticleSplitter("^=== ").split(plain);
    ASSERT_EQ(whole.size(), 1u);
    EXPECT_EQ(whole[0].id, "one.txt");
    EXPECT_EQ(whole[0].text, plain.text);
    EXPECT_THROW(ArticleSplitter("(unclosed"), std::regex_error);
}

}  // namespace
}  // namespace tarikh
