// The Extractor on small documents: which sentences become events, how a
// sentence with several dates splits, undated events, the document date,
// the dateline, and provenance that points into the input.
#include "tarikh/extract.h"

#include "events/dated_clauses.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <thread>

namespace tarikh {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

const Parser& parser() {
    static const Parser p;
    return p;
}

std::vector<Event> extract(std::string text, std::optional<Lang> lang = std::nullopt,
                           std::optional<Day> date = std::nullopt) {
    static const Extractor ex(parser());
    Document doc;
    doc.id = "doc-1";
    doc.text = std::move(text);
    doc.lang = lang;
    doc.date = date;
    return ex.extract(doc);
}

Day day(int y, int m, int d) { return date::sys_days{date::year{y} / m / d}; }

CountryPair pair(const char* a, const char* b) { return {a, b}; }

std::string slice(std::string_view text, Span s) { return std::string(text.substr(s.begin, s.end - s.begin)); }

TEST(Extractor, DatedSentenceWithActorsIsAnEvent) {
    const std::string text = "It rained in 2019. In March 2024, Azerbaijan and Israel signed a gas pipeline deal.";
    auto events = extract(text, lang_of("en"));
    ASSERT_EQ(events.size(), 1u);
    const Event& e = events[0];
    EXPECT_EQ(e.interval.earliest, day(2024, 3, 1));
    EXPECT_EQ(e.interval.latest, day(2024, 3, 31));
    EXPECT_EQ(e.value, "2024-03");
    EXPECT_EQ(e.granularity, Granularity::Month);
    EXPECT_THAT(e.actors, ElementsAre("AZ", "IL"));
    EXPECT_THAT(e.pairs, ElementsAre(pair("AZ", "IL")));
    EXPECT_EQ(e.kind, EventKind::Energy);
    EXPECT_EQ(e.lang, lang_of("en"));
    EXPECT_EQ(e.text, "In March 2024, Azerbaijan and Israel signed a gas pipeline deal.");
    ASSERT_EQ(e.sources.size(), 1u);
    EXPECT_EQ(e.sources[0].doc, "doc-1");
    EXPECT_EQ(slice(text, e.sources[0].span), e.text);
    EXPECT_EQ(slice(text, e.sources[0].date_span), "March 2024");
    EXPECT_GT(e.confidence, 0.5f);
    EXPECT_LE(e.confidence, 1.0f);
}

TEST(Extractor, OneActorGoesToItsOwnLane) {
    auto events = extract("In 2006 Israel held elections.", lang_of("en"));
    ASSERT_EQ(events.size(), 1u);
    EXPECT_THAT(events[0].actors, ElementsAre("IL"));
    EXPECT_THAT(events[0].pairs, ElementsAre(pair("IL", "IL")));
}

TEST(Extractor, EveryUnorderedPairSorted) {
    auto events = extract("In 2012 Turkey, Israel and Azerbaijan met.", lang_of("en"));
    ASSERT_EQ(events.size(), 1u);
    EXPECT_THAT(events[0].actors, ElementsAre("AZ", "IL", "TR"));
    EXPECT_THAT(events[0].pairs, ElementsAre(pair("AZ", "IL"), pair("AZ", "TR"), pair("IL", "TR")));
}

TEST(Extractor, NoActorOrNoDateNoEvent) {
    EXPECT_THAT(extract("In 2020 it rained a lot.", lang_of("en")), IsEmpty());
    EXPECT_THAT(extract("Azerbaijan and Israel are close.", lang_of("en")), IsEmpty());
    EXPECT_THAT(extract("", lang_of("en")), IsEmpty());
}

TEST(Extractor, SeveralDatesSplitAtTheClauseMarkBeforeEach) {
    const std::string text =
        "In 2018, Aliyev mediated between Ankara and Jerusalem, and in 2021 Azerbaijan opened an embassy in Israel.";
    auto events = extract(text, lang_of("en"));
    ASSERT_EQ(events.size(), 2u);
    EXPECT_EQ(events[0].value, "2018");
    EXPECT_THAT(events[0].actors, ElementsAre("AZ", "IL", "TR"));
    EXPECT_EQ(events[1].value, "2021");
    EXPECT_THAT(events[1].actors, ElementsAre("AZ", "IL"));
    EXPECT_EQ(events[1].kind, EventKind::Diplomatic);
    // Both keep the whole sentence as their text and their own date span.
    EXPECT_EQ(events[0].text, text);
    EXPECT_EQ(slice(text, events[1].sources[0].date_span), "2021");
}

TEST(Extractor, ClauseWithoutActorsBorrowsTheSentencesAtLowerConfidence) {
    auto events = extract("In 2019, a report said, in 2020 Azerbaijan and Israel signed a treaty.", lang_of("en"));
    ASSERT_EQ(events.size(), 2u);
    EXPECT_THAT(events[0].actors, ElementsAre("AZ", "IL"));
    EXPECT_THAT(events[1].actors, ElementsAre("AZ", "IL"));
    EXPECT_LT(events[0].confidence, events[1].confidence);
}

TEST(Extractor, UnanchoredDatesGiveUndatedEvents) {
    auto events = extract("A month later, Azerbaijan opened an embassy in Israel.", lang_of("en"));
    ASSERT_EQ(events.size(), 1u);
    EXPECT_FALSE(events[0].interval.earliest.has_value());
    EXPECT_FALSE(events[0].interval.latest.has_value());
    EXPECT_THAT(events[0].pairs, ElementsAre(pair("AZ", "IL")));
}

TEST(Extractor, DocumentDateAnchorsRelativeDates) {
    auto events = extract("Yesterday Azerbaijan and Israel signed a deal.", lang_of("en"), day(2024, 5, 10));
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].interval.earliest, day(2024, 5, 9));
    EXPECT_EQ(events[0].interval.latest, day(2024, 5, 9));
}

TEST(Extractor, TheDatelineDatesTheDocumentNotAnEvent) {
    const std::string text = "date 2025-11-08 Kazakhstan and Israel met today. They talked.";
    auto events = extract(text, lang_of("en"));
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(slice(text, events[0].sources[0].date_span), "today");
    EXPECT_EQ(events[0].interval.earliest, day(2025, 11, 8));
    EXPECT_EQ(events[0].text, "Kazakhstan and Israel met today.");
}

TEST(Extractor, LanguageIsDetectedWhenNotGiven) {
    auto events = extract("در سال ۲۰۱۹ آذربایجان نفت به اسرائیل فروخت.");
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].lang, lang_of("fa"));
    EXPECT_EQ(events[0].kind, EventKind::Energy);
    EXPECT_THAT(events[0].pairs, ElementsAre(pair("AZ", "IL")));
}

TEST(Extractor, OneExtractorServesSeveralThreads) {
    const Extractor ex(parser());
    Document doc;
    doc.id = "d";
    doc.text = "In 2012 Turkey, Israel and Azerbaijan met. A month later Iran protested.";
    const auto expected = ex.extract(doc);
    ASSERT_EQ(expected.size(), 2u);
    std::vector<std::thread> threads;
    std::vector<size_t> same(4, 0);
    for (size_t t = 0; t < same.size(); ++t)
        threads.emplace_back([&, t] {
            for (int k = 0; k < 50; ++k) {
                auto got = ex.extract(doc);
                same[t] += got.size() == expected.size() && got[0].pairs == expected[0].pairs &&
                           got[1].interval == expected[1].interval;
            }
        });
    for (auto& th : threads) th.join();
    for (size_t n : same) EXPECT_EQ(n, 50u);
}

TEST(Extractor, SafeOnMessyInput) {
    std::string text = "\xff\xfe In 2020\x00 Iran \xc3 and Iraq.";
    text += std::string(1, '\0');
    EXPECT_NO_THROW(extract(text, lang_of("en")));
    EXPECT_NO_THROW(extract(std::string(5000, '.'), lang_of("ar")));
    EXPECT_NO_THROW(extract(std::string(3000, '\n'), lang_of("fa")));
}

// A named accord one joins is the thing joined, not the date of the news:
// no event on 15 September 2020 for Kazakhstan joining the Abraham Accords.
// The accord still dates a sentence that speaks of its signing, and a war
// one "joins" is still dated by the war.
TEST(Extractor, AnAccordJoinedIsNotADate) {
    EXPECT_THAT(extract("قاسم مؤمنی با اشاره به پیوستن قزاقستان به پیمان ابراهیم در گفتوگو با ایلنا اظهار کرد.", lang_of("fa")),
                IsEmpty());
    EXPECT_THAT(extract("Kazakhstan announced it is joining the Abraham Accords with Israel.", lang_of("en")), IsEmpty());
    EXPECT_THAT(extract("أعلنت كازاخستان الانضمام إلى اتفاقيات أبراهام مع إسرائيل.", lang_of("ar")), IsEmpty());

    auto signed_ = extract("The United Arab Emirates and Israel signed the Abraham Accords at the White House.", lang_of("en"));
    ASSERT_EQ(signed_.size(), 1u);
    EXPECT_EQ(signed_[0].interval.earliest, day(2020, 9, 15));

    // A cue too far before the name, or cut off by a clause mark, changes nothing.
    auto far = extract("Kazakhstan wants to join, Israel said, since the Abraham Accords changed the region.", lang_of("en"));
    ASSERT_EQ(far.size(), 1u);
    EXPECT_EQ(far[0].interval.earliest, day(2020, 9, 15));

    auto war = extract("Iran feared that Turkey would join the 44-day war on Azerbaijan's side.", lang_of("en"));
    ASSERT_EQ(war.size(), 1u);
    EXPECT_EQ(war[0].interval.earliest, day(2020, 9, 27));
}

// An accord one leaves is no more dated by its signing than one joins.
TEST(Extractor, AnAccordLeftIsNotADate) {
    EXPECT_THAT(extract("Bahrain warned of the withdrawal from the Abraham Accords with Israel.", lang_of("en")), IsEmpty());
    EXPECT_THAT(extract("حذرت البحرين من الانسحاب من اتفاقيات أبراهام مع إسرائيل.", lang_of("ar")), IsEmpty());
}

// A war or an accord named in passing is an event of its own: the countries
// its name holds, not the act of the sentence that names it.
TEST(Extractor, ANamedWarIsTheEventOfTheCountriesItsNameHolds) {
    auto war = extract("ذكّر الرئيس المصري في خطابه أمام البرلمان الكويتي بالحرب العراقية الإيرانية.", lang_of("ar"),
                       day(2019, 5, 3));
    ASSERT_EQ(war.size(), 1u);
    EXPECT_EQ(war[0].interval.earliest, day(1980, 9, 22));
    EXPECT_THAT(war[0].pairs, ElementsAre(pair("IQ", "IR")));
}

// "… which began in 1980" says again when the named war began: one event, as the text dates it.
TEST(Extractor, ADateRestatingANamedEventIsOneEvent) {
    auto war = extract("Egypt's president recalled the Iran-Iraq war, which began in 1980, in a speech in Kuwait.",
                       lang_of("en"), day(2019, 5, 3));
    ASSERT_EQ(war.size(), 1u);
    EXPECT_EQ(war[0].value, "1980");
    EXPECT_THAT(war[0].pairs, ElementsAre(pair("IQ", "IR")));
    // A time within a long named event does not restate it.
    auto later = extract("قال مبعوث الصين الخاص بالأزمة السورية في أغسطس 2018 إن سوريا تحتاج إلى المساعدة.",
                         lang_of("ar"), day(2019, 5, 3));
    EXPECT_TRUE(std::any_of(later.begin(), later.end(), [](const Event& e) { return e.value == "2018-08"; }));
}

// Where the name holds one country, the pairs of its phrase that include it.
TEST(Extractor, ANamedEventHoldingOneCountryKeepsThePairsThatIncludeIt) {
    auto p = [](const char* a, const char* b, PairCue cue) { return Participants{a, b, true, cue, 0.8f}; };
    const std::vector<Participants> phrase = {p("US", "IR", PairCue::Against), p("DE", "FR", PairCue::Joint)};
    auto kept = events::of_the_named(phrase, {p("IR", "IR", PairCue::Alone)});
    ASSERT_EQ(kept.size(), 1u);
    EXPECT_EQ(kept[0].lane(), pair("IR", "US"));
    EXPECT_EQ(events::of_the_named(phrase, {}).size(), 2u);                               // it names none
    EXPECT_EQ(events::of_the_named(phrase, {p("SY", "SY", PairCue::Alone)})[0].lane(), pair("SY", "SY"));
}

}  // namespace
}  // namespace tarikh
