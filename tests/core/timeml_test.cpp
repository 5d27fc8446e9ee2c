// TimeML output: the document comes back byte for byte once the tags are
// taken out and the escapes undone; TIMEX3 tags carry the mention's value,
// and an interval a value cannot say is a DURATION between two empty points.
#include "tarikh/timeml.h"

#include <gtest/gtest.h>

#include <cstring>
#include <regex>
#include <string>

namespace tarikh {
namespace {

const Parser& parser() {
    static const Parser p;
    return p;
}

std::string timeml(std::string_view text, Lang lang, std::optional<Day> dct = std::nullopt) {
    ParseOptions o;
    o.lang = lang;
    o.dct = dct;
    return document_to_timeml(parser().parse(text, o), "doc.txt", text);
}

// The content of <TEXT>, tags removed and the five escapes undone.
std::string plain_text(const std::string& xml) {
    const size_t b = xml.find("<TEXT>") + 6, e = xml.find("</TEXT>");
    std::string inner = std::regex_replace(xml.substr(b, e - b), std::regex("<[^>]*>"), "");
    std::string out;
    for (size_t i = 0; i < inner.size(); ++i) {
        if (inner[i] != '&') { out += inner[i]; continue; }
        for (auto [esc, c] : {std::pair{"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}}) {
            if (inner.compare(i, std::strlen(esc), esc) == 0) { out += c; i += std::strlen(esc) - 1; break; }
        }
    }
    return out;
}

Day ymd(int y, unsigned m, unsigned d) { return Day{date::year{y} / date::month{m} / date::day{d}}; }

TEST(TimeML, TheTextComesBackExactlyWithoutTheTags) {
    const std::string text = "Talks <began> on 27 September 2020 & \"ended\"\nin November 2020.\n";
    const std::string xml = timeml(text, lang_of("en"));
    EXPECT_EQ(plain_text(xml), text);
    EXPECT_NE(xml.find("<TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2020-09-27\">27 September 2020</TIMEX3>"),
              std::string::npos) << xml;
    EXPECT_NE(xml.find("value=\"2020-11\">November 2020</TIMEX3>"), std::string::npos) << xml;
    EXPECT_NE(xml.find("&lt;began&gt;"), std::string::npos);
    EXPECT_EQ(xml.find("<DCT>"), std::string::npos);  // no DCT given, none in the text
}

TEST(TimeML, TheDctIsT0AndRelativeDatesAnchorOnIt) {
    const std::string xml = timeml("The ministers met last week.", lang_of("en"), ymd(2024, 5, 1));
    EXPECT_NE(xml.find("<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2024-05-01\" temporalFunction=\"false\" "
                       "functionInDocument=\"CREATION_TIME\">2024-05-01</TIMEX3></DCT>"),
              std::string::npos) << xml;
    EXPECT_NE(xml.find("anchorTimeID=\"t0\">last week</TIMEX3>"), std::string::npos) << xml;
}

TEST(TimeML, AnIntervalTheValueCannotSayGetsBeginAndEndPoints) {
    const std::string text = "مذاکرات از نوامبر ۲۰۲۱ تا مارس ۲۰۲۲ و در اردیبهشت ۱۴۰۳ ادامه داشت.";
    const std::string xml = timeml(text, lang_of("fa"));
    EXPECT_EQ(plain_text(xml), text);
    EXPECT_NE(xml.find("type=\"DURATION\" value=\"P5M\" beginPoint=\"t2\" endPoint=\"t3\">"), std::string::npos) << xml;
    EXPECT_NE(xml.find("<TIMEX3 tid=\"t2\" type=\"DATE\" value=\"2021-11\"/><TIMEX3 tid=\"t3\" type=\"DATE\" value=\"2022-03\"/>"),
              std::string::npos) << xml;
    // Ordibehesht 1403 is 20 April – 20 May 2024: no Gregorian value says it.
    EXPECT_NE(xml.find("value=\"P31D\" beginPoint=\"t5\" endPoint=\"t6\">اردیبهشت ۱۴۰۳</TIMEX3>"
                       "<TIMEX3 tid=\"t5\" type=\"DATE\" value=\"2024-04-20\"/><TIMEX3 tid=\"t6\" type=\"DATE\" value=\"2024-05-20\"/>"),
              std::string::npos) << xml;
}

TEST(TimeML, ADurationUpToTheDctEndsAtT0) {
    const std::string xml = timeml("طی سه دهه گذشته روابط دو کشور گسترش یافت.", lang_of("fa"), ymd(2024, 5, 1));
    EXPECT_NE(xml.find("type=\"DURATION\" value=\"P3DE\""), std::string::npos) << xml;
    EXPECT_NE(xml.find("endPoint=\"t0\""), std::string::npos) << xml;
    EXPECT_NE(xml.find("value=\"1994-05-01\"/>"), std::string::npos) << xml;
}

TEST(TimeML, InvalidBytesAndForbiddenCharactersBecomeReplacementCharacters) {
    const std::string text = std::string("a\xFF b\x01 on 7 October 2023 \xE2\x82");
    const std::string xml = timeml(text, lang_of("en"));
    EXPECT_EQ(xml.find('\x01'), std::string::npos);
    EXPECT_EQ(xml.find('\xFF'), std::string::npos);
    EXPECT_EQ(plain_text(xml), "a\xEF\xBF\xBD b\xEF\xBF\xBD on 7 October 2023 \xEF\xBF\xBD\xEF\xBF\xBD");
    EXPECT_NE(xml.find(">7 October 2023</TIMEX3>"), std::string::npos) << xml;
}

TEST(TimeML, TheDocumentNameIsEscapedToo) {
    ParseOptions o;
    o.lang = lang_of("en");
    const std::string xml = document_to_timeml(parser().parse("nothing here", o), "a&b<c>.txt", "nothing here");
    EXPECT_NE(xml.find("<DOCID>a&amp;b&lt;c&gt;.txt</DOCID>"), std::string::npos) << xml;
    EXPECT_NE(xml.find("<TEXT>nothing here</TEXT>"), std::string::npos) << xml;
}

}  // namespace
}  // namespace tarikh
