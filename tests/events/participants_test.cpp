// Who takes part in an event (engine/events/participants.h), one kind of
// sentence per test, in the three languages: the countries a sentence names
// that are not participants (examples, outlets, datelines, venues, borders,
// currencies, precedents), the subject and its objects, joint actors, the
// cues that tie a pair, "the two countries", and the direction and cue each
// pair records. The sentences are written for these tests.
#include "tarikh/extract.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <string>

namespace tarikh {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;

const Extractor& extractor() {
    static const Parser parser;
    static const Extractor ex(parser);
    return ex;
}

std::vector<Event> extract(std::string text, Lang lang, Day dct = date::sys_days{date::year{2019} / 6 / 15}) {
    Document doc;
    doc.id = "d";
    doc.text = std::move(text);
    doc.lang = lang;
    doc.date = dct;
    return extractor().extract(doc);
}

// "AZ-IL" per pair, "IR" for a country alone.
std::string key(const CountryPair& p) { return p.first == p.second ? p.first : p.first + "-" + p.second; }

// The lanes of each date of `text`, by the date as written.
std::map<std::string, std::vector<std::string>> lanes(const std::string& text, Lang lang) {
    std::map<std::string, std::vector<std::string>> out;
    for (const Event& e : extract(text, lang)) {
        const Span d = e.sources.at(0).date_span;
        auto& v = out[text.substr(d.begin, d.end - d.begin)];
        for (const auto& p : e.pairs) v.push_back(key(p));
    }
    return out;
}

// The one event of `text`.
Event only_event(const std::string& text, Lang lang) {
    auto events = extract(text, lang);
    EXPECT_EQ(events.size(), 1u) << text;
    return events.empty() ? Event{} : events.front();
}

const Participants* find(const Event& e, const char* a, const char* b) {
    for (const auto& p : e.participants)
        if ((p.source == a && p.target == b) || (p.source == b && p.target == a)) return &p;
    return nullptr;
}

// --- countries that are named but take no part

TEST(Participants, ListOfExamplesMakesNoLanes) {
    auto fa = lanes("ایران در سال ۲۰۱۵ با کشورهای آسیای میانه مانند تاجیکستان، ترکمنستان و ازبکستان قرارداد گازی امضا کرد.", lang_of("fa"));
    EXPECT_THAT(fa["سال ۲۰۱۵"], ElementsAre("IR"));
    auto ar = lanes("وقّعت مصر في عام 2016 اتفاقيات مع دول عربية من بينها الأردن والكويت والبحرين.", lang_of("ar"));
    EXPECT_THAT(ar["عام 2016"], ElementsAre("EG"));
    auto en = lanes("In 2012 Norway sent aid to several countries, such as Mali, Niger and Chad.", lang_of("en"));
    EXPECT_THAT(en["2012"], ElementsAre("NO"));
}

TEST(Participants, PlacesInAListAfterInEachOfAreNotParties) {
    auto ar = lanes("قال وزير الخارجية الألماني في 3 مارس 2019 إن على إيران وقف تدخلها في كل من العراق ولبنان.", lang_of("ar"));
    EXPECT_THAT(ar["3 مارس 2019"], ElementsAre("DE-IR"));
}

TEST(Participants, NewsAgencyNamedAfterACountryIsTheSource) {
    auto fa = lanes("به گزارش خبرگزاری فرانسه، ارتش ترکیه روز ۱۲ مه ۲۰۱۹ مواضعی را در شمال عراق بمباران کرد.", lang_of("fa"));
    EXPECT_THAT(fa["۱۲ مه ۲۰۱۹"], ElementsAre("IQ-TR"));
    auto ar = lanes("نقلت وكالة الأنباء الروسية عن مصدر أن الهند اشترت في أبريل 2019 منظومة دفاع من إسرائيل.", lang_of("ar"));
    EXPECT_THAT(ar["أبريل 2019"], ElementsAre("IL-IN"));
    auto en = lanes("Greece closed its border with Albania on March 3, 2019, a German diplomatic source said.", lang_of("en"));
    EXPECT_THAT(en["March 3, 2019"], ElementsAre("AL-GR"));
}

TEST(Participants, DatelineIsWhereTheReportWasFiled) {
    auto en = lanes("ANKARA, Turkey, May 3 - Egypt and Sudan signed a border accord on May 2, officials said.", lang_of("en"));
    EXPECT_THAT(en["May 2"], ElementsAre("EG-SD"));
    auto ar = lanes("القاهرة، مصر (CNN)-- أعلنت الجزائر في 5 يونيو 2019 إغلاق حدودها مع ليبيا.", lang_of("ar"));
    EXPECT_THAT(ar["5 يونيو 2019"], ElementsAre("DZ-LY"));
    auto city = lanes("الرياض (CNN)-- أعلنت الكويت في 6 يونيو 2019 دعمها للأردن.", lang_of("ar"));
    EXPECT_THAT(city["6 يونيو 2019"], ElementsAre("JO-KW"));
    // News sites write no-break spaces around it.
    auto nbsp = lanes("\u00A0بيروت، لبنان (CNN)--\u00A0أعلنت قطر في 7 يونيو 2019 دعمها للأردن.", lang_of("ar"));
    EXPECT_THAT(nbsp["7 يونيو 2019"], ElementsAre("JO-QA"));
}

TEST(Participants, DatelineDateDatesTheLeadSentence) {
    auto events = extract("OSLO, June 12 - Norway and Chile agreed to cooperate on fisheries, the ministry said.", lang_of("en"));
    ASSERT_EQ(events.size(), 1u);
    EXPECT_THAT(events[0].pairs, ElementsAre(CountryPair{"CL", "NO"}));
    EXPECT_EQ(events[0].interval.earliest, (date::sys_days{date::year{2019} / 6 / 12}));
}

TEST(Participants, CityOfAMeetingIsAVenue) {
    auto ar = lanes("التقى وزير خارجية قطر بنظيره الإيراني في جنيف يوم 4 يونيو 2019.", lang_of("ar"));
    EXPECT_THAT(ar["4 يونيو 2019"], ElementsAre("IR-QA"));
    auto fa = lanes("وزیر خارجه عمان روز ۴ ژوئن ۲۰۱۹ در نیویورک با همتای کویتی خود دیدار کرد.", lang_of("fa"));
    EXPECT_THAT(fa["۴ ژوئن ۲۰۱۹"], ElementsAre("KW-OM"));
    auto en = lanes("The foreign ministers of Kenya and Ethiopia met in Paris on June 4, 2019.", lang_of("en"));
    EXPECT_THAT(en["June 4, 2019"], ElementsAre("ET-KE"));
}

TEST(Participants, ACountryWhereASummitOrConferenceIsHeldIsItsVenue) {
    auto ar = lanes("ناقش وزير الخارجية الياباني مع نظيره الهندي خلال قمة مجموعة العشرين في الأرجنتين يوم 30 نوفمبر 2018 التجارة.",
                    lang_of("ar"));
    EXPECT_THAT(ar["30 نوفمبر 2018"], ElementsAre("IN-JP"));
    auto en = lanes("A Kenyan general warned Somalia at a conference in Norway in May 2019.", lang_of("en"));
    EXPECT_THAT(en["May 2019"], ElementsAre("KE-SO"));
}

TEST(Participants, APlaceASummitIsNamedAfterIsItsVenue) {
    auto ar = lanes("أكد الرئيس الكوري الجنوبي في 14 يونيو 2018 دعمه لقمة سنغافورة مع كوريا الشمالية.", lang_of("ar"));
    EXPECT_THAT(ar["14 يونيو 2018"], ElementsAre("KP-KR"));
}

TEST(Participants, PlacesNamedTogetherDoNothingTogether) {
    auto ar = lanes("نشرت الشركة اعتذارا في صحف كبرى في الولايات المتحدة وبريطانيا في 14 يونيو 2018.", lang_of("ar"));
    for (const auto& [date, l] : ar) EXPECT_THAT(l, ::testing::Not(::testing::Contains("GB-US"))) << date;
}

TEST(Participants, ACompanysNationalityIsNoStatesAct) {
    auto ar = lanes("استأنفت شركة لوفتهانزا الألمانية رحلاتها إلى إيران في مايو 2016.", lang_of("ar"));
    EXPECT_THAT(ar["مايو 2016"], ElementsAre("IR"));
}

TEST(Participants, ALanguageNamedAfterACountryIsNoParticipant) {
    auto ar = lanes("ألقى الرئيس اللبناني كلمة باللغة الفرنسية في 3 مايو 2019.", lang_of("ar"));
    EXPECT_THAT(ar["3 مايو 2019"], ElementsAre("LB"));
    auto fa = lanes("رئیس‌جمهور لبنان روز ۳ مه ۲۰۱۹ به زبان فرانسوی سخنرانی کرد.", lang_of("fa"));
    EXPECT_THAT(fa["۳ مه ۲۰۱۹"], ElementsAre("LB"));
    auto en = lanes("The Lebanese president spoke in the French language on May 3, 2019.", lang_of("en"));
    EXPECT_THAT(en["May 3, 2019"], ElementsAre("LB"));
}

TEST(Participants, ACapitalNamedByItsCountryIsAVenue) {
    auto ar = lanes("التقى وزير الخارجية السوداني نظيره المصري في العاصمة الإثيوبية أديس أبابا في 3 مايو 2019.",
                    lang_of("ar"));
    EXPECT_THAT(ar["3 مايو 2019"], ElementsAre("EG-SD"));
    auto fa = lanes("وزیران خارجه مصر و سودان روز ۳ مه ۲۰۱۹ در آتن پایتخت یونان دیدار کردند.", lang_of("fa"));
    EXPECT_THAT(fa["۳ مه ۲۰۱۹"], ElementsAre("EG-SD"));
    auto en = lanes("The foreign ministers of Egypt and Sudan met in the Ethiopian capital Addis Ababa on May 3, 2019.",
                    lang_of("en"));
    EXPECT_THAT(en["May 3, 2019"], ElementsAre("EG-SD"));
}

TEST(Participants, WhereSomethingHappenedIsItsOnlyCountryWhenNoneActs) {
    auto ar = lanes("خرج آلاف المتظاهرين إلى الشوارع في مدينة البصرة العراقية يوم 3 مايو 2019.", lang_of("ar"));
    EXPECT_THAT(ar["3 مايو 2019"], ElementsAre("IQ"));
    auto fa = lanes("هزاران معترض روز ۳ مه ۲۰۱۹ در بغداد به خیابان‌ها آمدند.", lang_of("fa"));
    EXPECT_THAT(fa["۳ مه ۲۰۱۹"], ElementsAre("IQ"));
    auto en = lanes("Thousands of protesters took to the streets in Baghdad on May 3, 2019.", lang_of("en"));
    EXPECT_THAT(en["May 3, 2019"], ElementsAre("IQ"));
    // … but the city where others meet is no party of the meeting.
    auto met = lanes("عقد اجتماع وزراء الشباب العرب في القاهرة يوم 3 مايو 2019.", lang_of("ar"));
    EXPECT_THAT(met, IsEmpty());
    auto en_met = lanes("Arab youth ministers held their annual meeting in Cairo on May 3, 2019.", lang_of("en"));
    EXPECT_THAT(en_met, IsEmpty());
}

TEST(Participants, ThePlacesNamedAsTheMostNotableAreExamples) {
    auto ar = lanes("وسّعت إيران في عام 2015 نفوذها في دول المنطقة وأبرزها العراق ولبنان واليمن.", lang_of("ar"));
    EXPECT_THAT(ar["عام 2015"], ElementsAre("IR"));
    auto en = lanes("In 2015 Iran widened its influence over several neighbours, among them Iraq and Lebanon.",
                    lang_of("en"));
    EXPECT_THAT(en["2015"], ElementsAre("IR"));
}

TEST(Participants, SomeonesNationalityWrittenAfterItIsNoStatesAct) {
    auto ar = lanes("اعتقلت الشرطة الأردنية شابا سوري الجنسية في 3 مايو 2019.", lang_of("ar"));
    EXPECT_THAT(ar["3 مايو 2019"], ElementsAre("JO"));
}

TEST(Participants, AnOutletsQuotedNameIsOneWord) {
    auto fa = lanes("به نقل از شبکه خبری «ال بی سی لبنان»، سخنگوی وزارت خارجه روسیه روز ۱۲ مه ۲۰۱۹ از ترکیه انتقاد کرد.", lang_of("fa"));
    EXPECT_THAT(fa["۱۲ مه ۲۰۱۹"], ElementsAre("RU-TR"));
}

TEST(Participants, PartiesThatAreNotStatesNameNoCountry) {
    // Hezbollah is not Lebanon (annotation guide), nor does its leader speak for it.
    auto ar = lanes("قصفت إسرائيل مواقع لحزب الله في سوريا في 3 مايو 2019.", lang_of("ar"));
    EXPECT_THAT(ar["3 مايو 2019"], ElementsAre("IL-SY"));
    auto leader = lanes("التقى وفد يمني بحسن نصر الله في 9 يونيو 2018.", lang_of("ar"));
    EXPECT_THAT(leader["9 يونيو 2018"], ElementsAre("YE"));
}

TEST(Participants, OurCountryInTheIranianPressIsIran) {
    auto fa = lanes("وزیر خارجه کشورمان روز ۳ مه ۲۰۱۹ به دمشق سفر کرد.", lang_of("fa"));
    EXPECT_THAT(fa["۳ مه ۲۰۱۹"], ElementsAre("IR-SY"));
}

TEST(Participants, CityStruckInAMilitaryActTakesPart) {
    auto ar = lanes("قصفت طائرات إسرائيلية مواقع في دمشق في 20 يناير 2019.", lang_of("ar"));
    EXPECT_THAT(ar["20 يناير 2019"], ElementsAre("IL-SY"));
}

TEST(Participants, BorderIsAPlace) {
    auto ar = lanes("قال ضابط أمريكي إن قواته دمرت في 3 مايو 2019 مخزن أسلحة في منطقة تقع على الحدود مع باكستان.", lang_of("ar"));
    EXPECT_THAT(ar["3 مايو 2019"], ElementsAre("US"));
}

TEST(Participants, CurrencyIsNoParticipant) {
    auto ar = lanes("قدمت الكويت في 2 أبريل 2019 مليار دولار أمريكي لإعادة إعمار العراق.", lang_of("ar"));
    EXPECT_THAT(ar["2 أبريل 2019"], ElementsAre("IQ-KW"));
    auto en = lanes("In 2018 Kenya paid Ethiopia 40 million U.S. dollars for power.", lang_of("en"));
    EXPECT_THAT(en["2018"], ElementsAre("ET-KE"));
}

TEST(Participants, WhatAnotherCountryDidBeforeIsAnotherEvent) {
    auto ar = lanes("أعلنت هندوراس أنها ستنقل سفارتها في إسرائيل إلى القدس في يونيو 2019، بعد الولايات المتحدة.", lang_of("ar"));
    EXPECT_THAT(ar["يونيو 2019"], ElementsAre("HN-IL"));
    // … but a country after "after" and a noun is the agent of what the date dates.
    auto act = lanes("عاد المقاتلون إلى سوريا بعد تدخل روسيا عسكريا في سبتمبر 2015.", lang_of("ar"));
    EXPECT_THAT(act["سبتمبر 2015"], ElementsAre("RU-SY"));
}

TEST(Participants, ACityATreatyOrSummitIsNamedAfterIsNoParty) {
    auto ar = lanes("وقعت الأرجنتين على ميثاق روما عام 1999.", lang_of("ar"));
    EXPECT_THAT(ar["عام 1999"], ElementsAre("AR"));
    auto en = lanes("Ukraine and Russia signed the Minsk agreement in February 2015.", lang_of("en"));
    EXPECT_THAT(en["February 2015"], ElementsAre("RU-UA"));
    auto fa = lanes("وزیر خارجه عمان در مارس ۲۰۱۹ از نتایج نشست ورشو انتقاد کرد.", lang_of("fa"));
    EXPECT_THAT(fa["مارس ۲۰۱۹"], ElementsAre("OM"));
}

TEST(Participants, APlayersOrClubsNationalityIsNoStatesAct) {
    auto ar = lanes("انتقل اللاعب البرازيلي إلى نادي برشلونة الإسباني في أغسطس 2017.", lang_of("ar"));
    EXPECT_THAT(ar, IsEmpty());
    auto fa = lanes("بازیکن آرژانتینی در ژوئیه ۲۰۱۸ به باشگاه اسپانیایی پیوست.", lang_of("fa"));
    EXPECT_THAT(fa, IsEmpty());
    auto en = lanes("The Brazilian striker joined the Spanish club in July 2018.", lang_of("en"));
    EXPECT_THAT(en, IsEmpty());
}

// --- the subject and its objects

TEST(Participants, ObjectsOfOneActAreNotPairedWithEachOther) {
    auto ar = lanes("فرضت اليابان في 10 مارس 2019 رسوما على واردات من كندا والمكسيك والبرازيل.", lang_of("ar"));
    EXPECT_THAT(ar["10 مارس 2019"], UnorderedElementsAre("CA-JP", "JP-MX", "BR-JP"));
    auto fa = lanes("چین در ماه مارس ۲۰۱۹ هند، پاکستان و نپال را به نقض توافق متهم کرد.", lang_of("fa"));
    EXPECT_THAT(fa["مارس ۲۰۱۹"], UnorderedElementsAre("CN-IN", "CN-PK", "CN-NP"));
}

TEST(Participants, JointActorsArePairedWithEachOtherAndTheirCounterpart) {
    auto en = lanes("Sweden and Finland imposed sanctions on Belarus on March 5, 2019.", lang_of("en"));
    EXPECT_THAT(en["March 5, 2019"], UnorderedElementsAre("FI-SE", "BY-SE", "BY-FI"));
    auto ar = lanes("فشلت روسيا والصين والهند في 8 مايو 2019 في الاتفاق على بيان مشترك.", lang_of("ar"));
    EXPECT_THAT(ar["8 مايو 2019"], UnorderedElementsAre("CN-RU", "IN-RU", "CN-IN"));
}

TEST(Participants, FourOrMoreNamedTogetherAreAListNotJointActors) {
    // A study's list: no event among them.
    auto ar = lanes("أظهرت دراسة أن الهند والبرازيل والمكسيك وإندونيسيا ستواجه نقصا في المياه بحلول عام 2030.", lang_of("ar"));
    for (const auto& [date, l] : ar) EXPECT_THAT(l, IsEmpty()) << date;
    // A bloc: each with the counterpart a cue ties to it, not with each other
    // nor with a country named in what it is accused of.
    auto bloc = lanes("قطعت الأرجنتين والبرازيل وتشيلي وبيرو علاقاتها مع فنزويلا في مارس 2019 متهمة إياها بدعم كوبا.", lang_of("ar"));
    EXPECT_THAT(bloc["مارس 2019"], UnorderedElementsAre("AR-VE", "BR-VE", "CL-VE", "PE-VE"));
}

TEST(Participants, AGroupNamingTheSubjectsCountryActsWithIt) {
    auto ar = lanes("سلم ولي العهد الكويتي في 3 أبريل 2019 مساعدات من الكويت وقطر إلى اليمن.", lang_of("ar"));
    EXPECT_THAT(ar["3 أبريل 2019"], UnorderedElementsAre("KW-QA", "KW-YE", "QA-YE"));
    // … however often the subject's own country is named before it.
    auto again = lanes("سلم وزير الخارجية الكويتي باسم الكويت في 3 أبريل 2019 مساعدات من الكويت وقطر إلى اليمن.",
                       lang_of("ar"));
    EXPECT_THAT(again["3 أبريل 2019"], UnorderedElementsAre("KW-QA", "KW-YE", "QA-YE"));
}

TEST(Participants, NamesSideBySideWithoutAndAreSubjectAndObject) {
    // "the Saudi King Salman called on Paris": no list, no joint actors.
    auto ar = lanes("دعا العاهل السعودي الملك سلمان باريس في 2 يونيو 2018 إلى حث الدوحة على العدول عن الصفقة.", lang_of("ar"));
    EXPECT_THAT(ar["2 يونيو 2018"], UnorderedElementsAre("FR-SA", "QA-SA"));
}

TEST(Participants, AnActAgainstACountryIsOfTheCountryNamedRightBefore) {
    auto fa = lanes("رئیس‌جمهور فرانسه روز ۳ مه ۲۰۱۹ از حملات جنگنده‌های انگلیسی علیه مواضع داعش در سوریه استقبال کرد.",
                    lang_of("fa"));
    EXPECT_THAT(fa["۳ مه ۲۰۱۹"], UnorderedElementsAre("FR-GB", "GB-SY"));
    auto en = lanes("Iran on May 3, 2019 condemned the Saudi air strikes against Yemen.", lang_of("en"));
    EXPECT_THAT(en["May 3, 2019"], UnorderedElementsAre("IR-SA", "SA-YE"));
    // … unless that one acts with the subject.
    auto ar = lanes("أعلنت واشنطن في 3 مايو 2019 أنها ستعمل مع الرياض ضد إيران.", lang_of("ar"));
    EXPECT_THAT(ar["3 مايو 2019"], UnorderedElementsAre("SA-US", "IR-US"));
}

TEST(Participants, AnAbbreviationsFullStopDoesNotEndAList) {
    auto en = lanes("Officials welcomed the U.S. and West German statement of October 19, 1987 on the dollar.", lang_of("en"));
    EXPECT_THAT(en["October 19, 1987"], ElementsAre("DE-US"));
}

TEST(Participants, OneCountryIsKeptWhenTheOthersAreOnlyNamed) {
    auto fa = lanes("به گزارش خبرگزاری فرانسه از داکا، پلیس بنگلادش روز ۲ مه ۲۰۱۹ ده نفر را بازداشت کرد.", lang_of("fa"));
    EXPECT_THAT(fa["۲ مه ۲۰۱۹"], ElementsAre("BD"));
}

TEST(Participants, ReportedSpeechPairsTheSpeakerWithWhomItSpeaksOf) {
    auto ar = lanes("قال وزير الخارجية الهولندي في 7 مارس 2019 إن فنزويلا يجب أن تسمح بدخول المساعدات.", lang_of("ar"));
    EXPECT_THAT(ar["7 مارس 2019"], ElementsAre("NL-VE"));
    auto fa = lanes("سخنگوی وزارت خارجه اندونزی روز ۳ مه ۲۰۱۹ گفت که میانمار باید به بحران پایان دهد.", lang_of("fa"));
    EXPECT_THAT(fa["۳ مه ۲۰۱۹"], ElementsAre("ID-MM"));
}

TEST(Participants, ADateBeforeWhatWasSaidDatesTheSaying) {
    // The clause cut right after the date goes on with what was said.
    auto ar = lanes("أعلن رئيس الوزراء الماليزي، في 4 أبريل 2019، أن بلاده لن تشتري طائرات من فرنسا عام 2020.", lang_of("ar"));
    EXPECT_THAT(ar["4 أبريل 2019"], ElementsAre("FR-MY"));
}

TEST(Participants, ALaterPartOfTheSentenceKeepsItsSubject) {
    auto en = lanes("Portugal, in a similar step in May 2019, promised to stop arms sales to Yemen by December.", lang_of("en"));
    EXPECT_THAT(en["May 2019"], ElementsAre("PT-YE"));
    EXPECT_THAT(en["December"], ElementsAre("PT-YE"));
}

// --- cues that tie a pair

TEST(Participants, BetweenXAndYIsTheirPair) {
    auto fa = lanes("وزیر خارجه قطر از میانجیگری میان اریتره و اتیوپی در ژوئیه ۲۰۱۸ خبر داد.", lang_of("fa"));
    EXPECT_THAT(fa["ژوئیه ۲۰۱۸"], UnorderedElementsAre("ER-ET", "ER-QA", "ET-QA"));
}

TEST(Participants, RelationsBetweenTwoCountriesAreTheirEvent) {
    // The ship's destination and the place are circumstances of the pair's event.
    auto ar = lanes("تدهورت العلاقات بين المغرب والجزائر في 3 مارس 2019 عند احتجاز سفينة مغربية في طريقها إلى تونس.", lang_of("ar"));
    EXPECT_THAT(ar["3 مارس 2019"], ElementsAre("DZ-MA"));
}

TEST(Participants, TheTwoCountriesAreThePairNamedBefore) {
    auto ar = lanes("تعد الهند أكبر شريك تجاري لنيبال. وبلغ حجم التجارة بين البلدين في 2018 نحو سبعة مليارات دولار.", lang_of("ar"));
    EXPECT_THAT(ar["2018"], ElementsAre("IN-NP"));
    auto fa = lanes("رئیس‌جمهور تاجیکستان با همتای قرقیز خود دیدار کرد. وزیران خارجه دو کشور در مارس ۲۰۱۹ توافقی امضا کردند.", lang_of("fa"));
    EXPECT_THAT(fa["مارس ۲۰۱۹"], ElementsAre("KG-TJ"));
    auto en = lanes("Ghana and Togo dispute a maritime border. The two countries will hold talks in March 2019.", lang_of("en"));
    EXPECT_THAT(en["March 2019"], ElementsAre("GH-TG"));
}

TEST(Participants, TheTwoCountriesSkipATrilateralList) {
    auto fa = lanes("ایران همکاری با عراق را گسترش داد و به طرح مشترک ایران، عراق و سوریه اشاره کرد. کمیسیون مشترک دو کشور در مرداد ۱۳۹۸ برگزار شد.",
                    lang_of("fa"));
    EXPECT_THAT(fa["مرداد ۱۳۹۸"], ElementsAre("IQ-IR"));
}

TEST(Participants, TheTwoCountriesLookNoFurtherThanTheParagraph) {
    auto en = lanes("Ghana and Togo dispute a maritime border.\n\nThe two countries of the alliance will meet in March 2019.", lang_of("en"));
    EXPECT_THAT(en, IsEmpty());
}

TEST(Participants, ComparedActsAreTheirOwnClause) {
    auto ar = lanes("هددت إيران بعملية في شمال العراق، على غرار عمليتها في سوريا عام 2017.", lang_of("ar"));
    EXPECT_THAT(ar["عام 2017"], ElementsAre("IR-SY"));
}

TEST(Participants, AGroupTheDateQualifiesIsTheDatesEvent) {
    auto ar = lanes("نفى الرئيس الصيني أي تدخل في الانتخابات الرئاسية الأمريكية في 2016 وفي التجارة مع كندا.", lang_of("ar"));
    EXPECT_THAT(ar["2016"], ElementsAre("US"));
}

TEST(Participants, OnlyAYearRightAfterAnAdjectiveQualifiesIt) {
    auto year = lanes("قال وزير الخارجية الروسي في 3 مايو 2019 إن بلاده لم تتدخل في الانتخابات الأمريكية 2016.", lang_of("ar"));
    EXPECT_THAT(year["3 مايو 2019"], ElementsAre("RU-US"));
    EXPECT_THAT(year["2016"], ElementsAre("US"));
    auto day = lanes("ندد وزير الخارجية الروسي بالعقوبات الأمريكية 12 مايو 2019.", lang_of("ar"));
    EXPECT_THAT(day["12 مايو 2019"], ElementsAre("RU-US"));
}

TEST(Participants, AComparedActNamingNoCountryIsTheSubjects) {
    auto ar = lanes("ارتفعت أسعار الوقود في إيران بشكل حاد، على غرار ما حدث عام 2012.", lang_of("ar"));
    EXPECT_THAT(ar["عام 2012"], ElementsAre("IR"));
}

TEST(Participants, AnAsideAboutACountryIsBackground) {
    auto en = lanes("Qatar, whose ships were seized by Egypt, won the support of Oman on June 3, 2019.", lang_of("en"));
    EXPECT_THAT(en["June 3, 2019"], ElementsAre("OM-QA"));
}

TEST(Participants, WhatCameLaterIsAnotherAct) {
    auto ar = lanes("دمرت غارة منشأة في سوريا في 6 سبتمبر 2007، قالت فرنسا لاحقا إنها بنيت بمساعدة إيران.", lang_of("ar"));
    EXPECT_THAT(ar["6 سبتمبر 2007"], ElementsAre("SY"));
}

TEST(Participants, AnActAfterOrBeforeTheDatedOneIsAnotherEvent) {
    // The countries of an "after" clause are not the dated act's when that act names a pair of its own …
    auto ar = lanes("قصفت طائرات تركية مواقع في العراق في 5 مارس 2019، بعد فشل روسيا وإيران وسوريا في الاتفاق على هدنة.",
                    lang_of("ar"));
    EXPECT_THAT(ar["5 مارس 2019"], ElementsAre("IQ-TR"));
    // … and a date inside the clause dates its act, between its countries alone.
    auto en = lanes("Spain recalled its ambassador from Venezuela on March 12, 2019, after talks between Brazil and "
                    "Chile failed on March 10, 2019.",
                    lang_of("en"));
    EXPECT_THAT(en["March 12, 2019"], ElementsAre("ES-VE"));
    EXPECT_THAT(en["March 10, 2019"], ElementsAre("BR-CL"));
    auto ar2 = lanes("اجتمع وزير الخارجية المصري بالسفير الأردني في 9 أكتوبر 2018 بعد دخول الصحفي الأردني إلى السفارة "
                     "الأردنية في بيروت يوم 2 أكتوبر 2018.",
                     lang_of("ar"));
    EXPECT_THAT(ar2["9 أكتوبر 2018"], ElementsAre("EG-JO"));
    EXPECT_THAT(ar2["2 أكتوبر 2018"], ElementsAre("JO"));
    // Where the main verb comes last (Persian), a phrase of "after" no comma closes is the main clause's.
    auto fa = lanes("وزیر خارجه عمان روز ۳ مه ۲۰۱۹ پس از حملات هوایی عربستان به یمن از ایران انتقاد کرد.", lang_of("fa"));
    EXPECT_THAT(fa["۳ مه ۲۰۱۹"], ::testing::Contains("IR-OM"));
}

TEST(Participants, WhatAnActAnswersIsAnotherActDatedInItsOwnClause) {
    auto en = lanes("Chinese ships blockaded a port in response to a Philippine naval exercise last Friday near "
                    "Vietnamese islands.",
                    lang_of("en"));
    EXPECT_THAT(en["last Friday"], UnorderedElementsAre("PH-VN"));
}

TEST(Participants, AConditionNamesNoParticipant) {
    auto ar = lanes("هددت مصر في 3 أبريل 2019 بقطع العلاقات مع السودان في حال اشترت الخرطوم أسلحة تركية.", lang_of("ar"));
    EXPECT_THAT(ar["3 أبريل 2019"], ElementsAre("EG-SD"));
    auto en = lanes("Japan imposed export curbs on South Korea on July 2, 2019, to be lifted if Seoul stops buying Chinese radars.",
                    lang_of("en"));
    EXPECT_THAT(en["July 2, 2019"], ElementsAre("JP-KR"));
    // "If" in what was said is "whether": its topic.
    auto said = lanes("قال الرئيس الروسي في 9 مارس 2018 إنه لا يكترث إذا كان روس قد تدخلوا في الانتخابات الأمريكية.",
                      lang_of("ar"));
    EXPECT_THAT(said["9 مارس 2018"], ElementsAre("RU-US"));
}

TEST(Participants, ASentenceNamingNoCountryContinuesTheOneBefore) {
    auto events = extract("Vietnam accused China of blocking its fishing boats. The incident took place on June 2, 2019.", lang_of("en"));
    ASSERT_EQ(events.size(), 1u);
    EXPECT_THAT(events[0].pairs, ElementsAre(CountryPair{"CN", "VN"}));
    EXPECT_EQ(events[0].participants[0].cue, PairCue::PreviousSentence);
    EXPECT_LT(events[0].confidence, 0.6f);
}

TEST(Participants, ACountryAloneIsDroppedBesideItsPairOfTheSameTime) {
    auto events = extract("The parliament of Denmark voted on June 3, 2019 to send troops to Mali. "
                          "The Danish prime minister welcomed the vote on June 3, 2019.",
                          lang_of("en"));
    ASSERT_EQ(events.size(), 1u);
    EXPECT_THAT(events[0].pairs, ElementsAre(CountryPair{"DK", "ML"}));
}

// --- direction, cue, confidence

TEST(Participants, AVisitGoesFromTheVisitorToTheVisited) {
    const Event e = only_event("وزیر دفاع عربستان روز ۳ مه ۲۰۱۹ به نواکشوت سفر کرد.", lang_of("fa"));
    const Participants* p = find(e, "SA", "MR");
    ASSERT_NE(p, nullptr);
    EXPECT_EQ(p->source, "SA");
    EXPECT_EQ(p->target, "MR");
    EXPECT_TRUE(p->directed);
    EXPECT_EQ(p->cue, PairCue::Visit);
    const Event ar = only_event("بدأ الرئيس التونسي زيارة إلى روما في 3 مايو 2019.", lang_of("ar"));
    ASSERT_NE(find(ar, "TN", "IT"), nullptr);
    EXPECT_EQ(find(ar, "TN", "IT")->cue, PairCue::Visit);
}

TEST(Participants, AnAgentByPrepositionIsTheSource) {
    const Event e = only_event("تعرضت مدينة حلب في 8 مايو 2019 لقصف من قبل طائرات روسية.", lang_of("ar"));
    const Participants* p = find(e, "RU", "SY");
    ASSERT_NE(p, nullptr);
    EXPECT_EQ(p->source, "RU");
    EXPECT_EQ(p->target, "SY");
}

TEST(Participants, CuesAreRecordedWithTheirConfidence) {
    const Event against = only_event("In May 2019 Canada filed a complaint against Brazil.", lang_of("en"));
    ASSERT_NE(find(against, "CA", "BR"), nullptr);
    EXPECT_EQ(find(against, "CA", "BR")->cue, PairCue::Against);
    const Event joint = only_event("In May 2019 Peru and Bolivia signed a water agreement.", lang_of("en"));
    ASSERT_NE(find(joint, "PE", "BO"), nullptr);
    EXPECT_FALSE(find(joint, "PE", "BO")->directed);
    EXPECT_EQ(find(joint, "PE", "BO")->cue, PairCue::Agreement);
    const Event between = only_event("Talks between Serbia and Kosovo resumed in May 2019.", lang_of("en"));
    ASSERT_NE(find(between, "RS", "XK"), nullptr);
    EXPECT_EQ(find(between, "RS", "XK")->cue, PairCue::Between);
    EXPECT_GT(find(between, "RS", "XK")->confidence, find(against, "CA", "BR")->confidence * 0.9f);
    const Event alone = only_event("In May 2019 Nepal held elections.", lang_of("en"));
    ASSERT_EQ(alone.participants.size(), 1u);
    EXPECT_EQ(alone.participants[0].cue, PairCue::Alone);
    EXPECT_EQ(alone.participants[0].source, alone.participants[0].target);
}

TEST(Participants, EventConfidenceIsItsSurestPair) {
    const Event e = only_event("Sweden and Finland imposed sanctions on Belarus on March 5, 2019.", lang_of("en"));
    float best = 0;
    for (const auto& p : e.participants) best = std::max(best, p.confidence);
    EXPECT_FLOAT_EQ(e.confidence, best);
}

}  // namespace
}  // namespace tarikh
