// Actor recognition in Persian, Arabic and English: names, demonyms,
// capitals, metonyms and leaders; glued affixes and missing ZWNJ; words
// inside other words that must not match.
#include "tarikh/actors.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace tarikh {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

const ActorRecognizer& recognizer() {
    static const ActorRecognizer r;
    return r;
}

// The codes found, in text order (repeats kept).
std::vector<std::string> codes(std::string_view text, Lang lang) {
    std::vector<std::string> out;
    for (const ActorMatch& m : recognizer().recognize(text, lang)) out.push_back(m.code);
    return out;
}

// The bytes each match covers.
std::vector<std::string> spans(std::string_view text, Lang lang) {
    std::vector<std::string> out;
    for (const ActorMatch& m : recognizer().recognize(text, lang))
        out.emplace_back(text.substr(m.span.begin, m.span.end - m.span.begin));
    return out;
}

std::string code_of(std::string_view word, Lang lang) {
    auto found = codes(word, lang);
    return found.size() == 1 ? found[0] : "none:" + std::to_string(found.size());
}

// --- Persian

TEST(ActorsFa, IssueExamples) {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"باکو", "AZ"},        {"تل‌آویو", "IL"},   {"رژیم صهیونیستی", "IL"}, {"آلماتی", "KZ"},
        {"آستانا", "KZ"},       {"عشق‌آباد", "TM"},  {"عشق آباد", "TM"},        {"مسکو", "RU"},
        {"کرملین", "RU"},       {"پکن", "CN"},       {"آنکارا", "TR"},           {"واشنگتن", "US"},
        {"کاخ سفید", "US"},     {"تهران", "IR"},     {"ایروان", "AM"},           {"تفلیس", "GE"},
        {"علی‌اف", "AZ"},       {"لاوروف", "RU"},    {"نظربایف", "KZ"},          {"گانتز", "IL"},
        {"رابین", "IL"},        {"اردوغان", "TR"},   {"پوتین", "RU"},            {"ترامپ", "US"},
        {"ابوظبی", "AE"},       {"توکایف", "KZ"},    {"پاشینیان", "AM"},         {"نتانیاهو", "IL"},
    };
    for (const auto& [word, code] : cases) EXPECT_EQ(code_of(word, lang_of("fa")), code) << word;
}

TEST(ActorsFa, MissingZwnjAndArabicLetters) {
    // The seeds lose ZWNJ (تلآویو, علیاف) and mix Arabic ي/ك with Persian ی/ک.
    EXPECT_EQ(code_of("تلآویو", lang_of("fa")), "IL");
    EXPECT_EQ(code_of("علیاف", lang_of("fa")), "AZ");
    EXPECT_EQ(code_of("عشقآباد", lang_of("fa")), "TM");
    EXPECT_EQ(code_of("آمريكا", lang_of("fa")), "US");
    EXPECT_EQ(code_of("رژيم صهيونيستي", lang_of("fa")), "IL");
    EXPECT_EQ(code_of("کاخسفید", lang_of("fa")), "US");
}

TEST(ActorsFa, TatweelAndLineBreaks) {
    // From seed 002: tatweel inside the word, and a name broken over a line.
    EXPECT_EQ(code_of("آذربایجـــان", lang_of("fa")), "AZ");
    EXPECT_EQ(code_of("اســـرائیل", lang_of("fa")), "IL");
    EXPECT_EQ(code_of("رژیم\nصهیونیستی", lang_of("fa")), "IL");
}

TEST(ActorsFa, GluedAffixes) {
    EXPECT_EQ(code_of("وباکو", lang_of("fa")), "AZ");         // و
    EXPECT_EQ(code_of("بتهران", lang_of("fa")), "IR");        // ب
    EXPECT_EQ(code_of("روسها", lang_of("fa")), "RU");         // ها
    EXPECT_EQ(code_of("آمریکاییها", lang_of("fa")), "US");    // ها after a demonym
    EXPECT_EQ(code_of("اسرائیلی‌های", lang_of("fa")), "IL");  // های
    EXPECT_EQ(code_of("ایرانیان", lang_of("fa")), "IR");      // plural of people
    EXPECT_EQ(code_of("ایرانی‌ترین", lang_of("fa")), "IR");   // ترین
    EXPECT_EQ(code_of("ترکیه‌ای", lang_of("fa")), "TR");      // ای
    EXPECT_EQ(code_of("ایرانرا", lang_of("fa")), "IR");       // را with the space lost
    EXPECT_EQ(code_of("چینی", lang_of("fa")), "CN");
}

TEST(ActorsFa, SpansCoverTheWordAsWritten) {
    const std::string text = "سفر وزیر به وباکو و تل‌آویو";
    EXPECT_THAT(spans(text, lang_of("fa")), ElementsAre("وباکو", "تل‌آویو"));
}

TEST(ActorsFa, NoMatchInsideAnotherWord) {
    EXPECT_THAT(codes("ایرانشهر", lang_of("fa")), IsEmpty());          // a city, not ایران + شهر
    EXPECT_THAT(codes("مصرف بنزین بالا رفت", lang_of("fa")), IsEmpty());  // مصرف is not مصر (Egypt)
    EXPECT_THAT(codes("چینش مهره‌ها", lang_of("fa")), IsEmpty());        // چینش "arrangement"
    EXPECT_THAT(codes("آذرپژوه", lang_of("fa")), IsEmpty());             // a news agency (seed 000)
    EXPECT_THAT(codes("درس ریاضی", lang_of("fa")), IsEmpty());           // mathematics, not Riyadh
    EXPECT_THAT(codes("یک اثر حماسی", lang_of("fa")), IsEmpty());        // epic, not Hamas
    EXPECT_THAT(codes("رؤسای قوا", lang_of("fa")), IsEmpty());           // heads, not Russians
    EXPECT_THAT(codes("بچین", lang_of("fa")), IsEmpty());               // "pick!", too short to lose ب
}

TEST(ActorsFa, LongestNameWins) {
    EXPECT_THAT(codes("روسیه سفید", lang_of("fa")), ElementsAre("BY"));
    EXPECT_THAT(codes("آذربایجان شرقی", lang_of("fa")), ElementsAre("IR"));  // the Iranian province
    EXPECT_THAT(codes("جمهوری آذربایجان", lang_of("fa")), ElementsAre("AZ"));
    EXPECT_THAT(codes("جمهوری اسلامی ایران", lang_of("fa")), ElementsAre("IR"));
    EXPECT_THAT(codes("کره شمالی و کره جنوبی", lang_of("fa")), ElementsAre("KP", "KR"));
}

TEST(ActorsFa, CommonWordsNeedTheirCountryNearby) {
    // آستانه is also "threshold", دوشنبه also Monday, کوهن a common surname.
    EXPECT_THAT(codes("در آستانه انتخابات", lang_of("fa")), IsEmpty());
    EXPECT_THAT(codes("نشست آستانه برگزار شد", lang_of("fa")), IsEmpty());
    EXPECT_THAT(codes("نشست آستانه در قزاقستان", lang_of("fa")), ElementsAre("KZ", "KZ"));
    EXPECT_THAT(codes("روز دوشنبه", lang_of("fa")), IsEmpty());
    EXPECT_THAT(codes("کوهن گفت", lang_of("fa")), IsEmpty());
    EXPECT_THAT(codes("کوهن، وزیر خارجه اسرائیل", lang_of("fa")), ElementsAre("IL", "IL"));
    EXPECT_THAT(codes("الی کوهن گفت", lang_of("fa")), ElementsAre("IL"));
}

TEST(ActorsFa, Seed002Sentence) {
    const std::string text =
        "در جنـــگ ۴۴ روزه قرهبـــاغ، آذربایجـــان موفق شـــد مرز خود با ایـــران را ۱۰۰ کیلومتر \nافزایش دهد.";
    EXPECT_THAT(codes(text, lang_of("fa")), ElementsAre("AZ", "IR"));
    EXPECT_EQ(actor_codes(recognizer().recognize(text, lang_of("fa"))), (std::vector<CountryCode>{"AZ", "IR"}));
}

// --- Arabic

TEST(ActorsAr, IssueExamples) {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"الكيان", "IL"},     {"تل أبيب", "IL"},    {"أبوظبي", "AE"},     {"أبو ظبي", "AE"},
        {"توكاييف", "KZ"},    {"الكرملين", "RU"},   {"البيت الأبيض", "US"}, {"عشق آباد", "TM"},
        {"باكو", "AZ"},       {"طهران", "IR"},      {"علييف", "AZ"},       {"لافروف", "RU"},
        {"إيلي كوهين", "IL"}, {"نتنياهو", "IL"},    {"أردوغان", "TR"},     {"الولايات المتحدة", "US"},
        {"الكيان الصهيوني", "IL"}, {"أستانا", "KZ"}, {"يريفان", "AM"},     {"تبليسي", "GE"},
    };
    for (const auto& [word, code] : cases) EXPECT_EQ(code_of(word, lang_of("ar")), code) << word;
}

TEST(ActorsAr, Proclitics) {
    EXPECT_EQ(code_of("وإسرائيل", lang_of("ar")), "IL");             // و
    EXPECT_EQ(code_of("فإسرائيل", lang_of("ar")), "IL");             // ف
    EXPECT_EQ(code_of("لإسرائيل", lang_of("ar")), "IL");             // ل
    EXPECT_EQ(code_of("بإيران", lang_of("ar")), "IR");               // ب
    EXPECT_EQ(code_of("كمصر", lang_of("ar")), "EG");                 // ك
    EXPECT_EQ(code_of("لأذربيجان", lang_of("ar")), "AZ");            // seed 004
    EXPECT_EQ(code_of("بالولايات المتحدة", lang_of("ar")), "US");    // ب + a name with its article
    EXPECT_EQ(code_of("والصين", lang_of("ar")), "CN");
    EXPECT_EQ(code_of("للهند", lang_of("ar")), "IN");                // لل = ل + الهند
    EXPECT_EQ(code_of("وللكيان", lang_of("ar")), "IL");
    EXPECT_EQ(code_of("وعشق آباد", lang_of("ar")), "TM");            // seed 003
}

TEST(ActorsAr, AdjectiveEndings) {
    EXPECT_EQ(code_of("الإسرائيلية", lang_of("ar")), "IL");   // ال + ة
    EXPECT_EQ(code_of("الإيرانيون", lang_of("ar")), "IR");    // ون
    EXPECT_EQ(code_of("الأذريين", lang_of("ar")), "AZ");      // ين (seed 004)
    EXPECT_EQ(code_of("والأذربيجاني", lang_of("ar")), "AZ");  // وال
    EXPECT_EQ(code_of("أمريكيًا", lang_of("ar")), "US");      // tanween alif
    EXPECT_EQ(code_of("للفلسطينيين", lang_of("ar")), "PS");   // لل + ين
    EXPECT_EQ(code_of("الدبلوماسى فى أذربيجان", lang_of("ar")), "AZ");  // ى for ي (seed 003)
}

TEST(ActorsAr, NoMatchInsideAnotherWord) {
    EXPECT_THAT(codes("الحماس كبير", lang_of("ar")), IsEmpty());      // zeal, not Hamas
    EXPECT_THAT(codes("حماسة الجمهور", lang_of("ar")), IsEmpty());
    EXPECT_THAT(codes("الرياضة المصرفية", lang_of("ar")), IsEmpty());  // sport, not Riyadh
    EXPECT_THAT(codes("قطرة ماء", lang_of("ar")), IsEmpty());         // a drop, not Qatar
    EXPECT_THAT(codes("حلبة السباق", lang_of("ar")), IsEmpty());      // a race track, not Aleppo
    EXPECT_THAT(codes("الطريق المؤدية", lang_of("ar")), IsEmpty());   // not Modi
    EXPECT_THAT(codes("رجل كسول", lang_of("ar")), IsEmpty());
    EXPECT_THAT(codes("بنك مصرفي", lang_of("ar")), IsEmpty());        // مصرف is not مصر
    EXPECT_THAT(codes("لبن", lang_of("ar")), IsEmpty());              // not لبنان cut short
}

TEST(ActorsAr, OmanOrAmman) {
    // عُمان (Oman) and عَمّان (Amman) fold alike: the text decides.
    EXPECT_THAT(codes("زار الوزير عمان", lang_of("ar")), ElementsAre("OM"));
    EXPECT_THAT(codes("سلطنة عمان", lang_of("ar")), ElementsAre("OM"));
    EXPECT_THAT(codes("وصل الوفد إلى عمان للقاء ملك الأردن", lang_of("ar")), ElementsAre("JO", "JO"));
    EXPECT_THAT(codes("العاصمة الأردنية عمان", lang_of("ar")), ElementsAre("JO"));
    EXPECT_THAT(codes("بحر عمان", lang_of("ar")), IsEmpty());
}

TEST(ActorsAr, LongestNameWins) {
    EXPECT_THAT(codes("روسيا البيضاء", lang_of("ar")), ElementsAre("BY"));
    EXPECT_THAT(codes("الولايات المتحدة الأمريكية", lang_of("ar")), ElementsAre("US"));
    EXPECT_THAT(codes("المملكة العربية السعودية", lang_of("ar")), ElementsAre("SA"));
}

TEST(ActorsAr, ContinentsAndNamesThatHoldADemonym) {
    EXPECT_THAT(codes("المنتخبات الأمريكية الجنوبية وأمريكا اللاتينية", lang_of("ar")), IsEmpty());
    EXPECT_THAT(codes("وزير التجارة ويلبور روس", lang_of("ar")), ElementsAre("US"));
    // تركي is also a given name: Turkish where the text names Turkey.
    EXPECT_THAT(codes("صرح الأمير تركي الفيصل", lang_of("ar")), IsEmpty());
    EXPECT_THAT(codes("جندي تركي على حدود تركيا", lang_of("ar")), ElementsAre("TR", "TR"));
}

TEST(ActorsAr, Seed003Sentence) {
    const std::string text =
        "قام وزير الخارجية الإسرائيلي، إيلي كوهين، برحلة مهمة الأسبوع الماضي إلى أذربيجان وتركمانستان، حيث "
        "افتتح السفارة الإسرائيلية- التي تقع على بعد 17 كيلومترًا فقط من إيران.";
    EXPECT_EQ(actor_codes(recognizer().recognize(text, lang_of("ar"))),
              (std::vector<CountryCode>{"AZ", "IL", "IR", "TM"}));
}

// --- English

TEST(ActorsEn, NamesDemonymsCapitalsLeaders) {
    EXPECT_THAT(codes("Azerbaijan and Israel signed a deal in Baku.", lang_of("en")), ElementsAre("AZ", "IL", "AZ"));
    EXPECT_THAT(codes("The Kremlin and the White House", lang_of("en")), ElementsAre("RU", "US"));
    EXPECT_THAT(codes("Lavrov met Aliyev and Eli Cohen", lang_of("en")), ElementsAre("RU", "AZ", "IL"));
    EXPECT_THAT(codes("Tel Aviv and Ashgabat", lang_of("en")), ElementsAre("IL", "TM"));
    EXPECT_THAT(codes("Kassym-Jomart Tokayev in Nur-Sultan", lang_of("en")), ElementsAre("KZ", "KZ"));
    EXPECT_THAT(codes("Mohammed bin Salman", lang_of("en")), ElementsAre("SA"));
}

TEST(ActorsEn, PossessiveAndPlural) {
    EXPECT_THAT(spans("Israel's army and the Israelis", lang_of("en")), ElementsAre("Israel", "Israelis"));
    EXPECT_THAT(codes("Iranians and Azerbaijanis", lang_of("en")), ElementsAre("IR", "AZ"));
    EXPECT_THAT(codes("the Americas", lang_of("en")), IsEmpty());  // plural s only for demonyms
}

TEST(ActorsEn, AcronymsAndCapitals) {
    EXPECT_THAT(codes("The US and the U.S. and the UAE", lang_of("en")), ElementsAre("US", "US", "AE"));
    EXPECT_THAT(codes("he told us", lang_of("en")), IsEmpty());
    EXPECT_THAT(codes("we ate turkey and drank from china cups", lang_of("en")), IsEmpty());
    EXPECT_THAT(codes("Turkey and China", lang_of("en")), ElementsAre("TR", "CN"));
}

TEST(ActorsEn, ShadowingPhrases) {
    EXPECT_THAT(codes("The Washington Post reported", lang_of("en")), IsEmpty());
    EXPECT_THAT(codes("in the Persian Gulf", lang_of("en")), IsEmpty());
    EXPECT_THAT(codes("Washington said", lang_of("en")), ElementsAre("US"));
}

TEST(ActorsEn, Continents) {
    EXPECT_THAT(codes("South American and Latin American exporters", lang_of("en")), IsEmpty());
}

TEST(ActorsEn, NoMatchInsideAnotherWord) {
    EXPECT_THAT(codes("Iranshahr and Bakunin", lang_of("en")), IsEmpty());
    EXPECT_THAT(codes("Chinatown", lang_of("en")), IsEmpty());
}

TEST(ActorsEn, LatinWordsInPersianText) {
    // A Persian text that quotes an English name still names the country.
    EXPECT_THAT(codes("به گزارش Tel Aviv امروز", lang_of("fa")), ElementsAre("IL"));
}

TEST(Actors, EmptyAndOddInput) {
    EXPECT_THAT(codes("", lang_of("fa")), IsEmpty());
    EXPECT_THAT(codes("   \n\n ", lang_of("ar")), IsEmpty());
    EXPECT_THAT(codes("\xff\xfe باکو \xc3", lang_of("fa")), ElementsAre("AZ"));
}

TEST(Actors, ActorCodesAreSortedAndUnique) {
    auto matches = recognizer().recognize("Russia, Azerbaijan, Russia and Armenia", lang_of("en"));
    EXPECT_EQ(actor_codes(matches), (std::vector<CountryCode>{"AM", "AZ", "RU"}));
}

}  // namespace
}  // namespace tarikh
