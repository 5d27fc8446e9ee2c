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
    for (const auto& [word, code] : cases) EXPECT_EQ(code_of(word, Lang::Fa), code) << word;
}

TEST(ActorsFa, MissingZwnjAndArabicLetters) {
    // The seeds lose ZWNJ (تلآویو, علیاف) and mix Arabic ي/ك with Persian ی/ک.
    EXPECT_EQ(code_of("تلآویو", Lang::Fa), "IL");
    EXPECT_EQ(code_of("علیاف", Lang::Fa), "AZ");
    EXPECT_EQ(code_of("عشقآباد", Lang::Fa), "TM");
    EXPECT_EQ(code_of("آمريكا", Lang::Fa), "US");
    EXPECT_EQ(code_of("رژيم صهيونيستي", Lang::Fa), "IL");
    EXPECT_EQ(code_of("کاخسفید", Lang::Fa), "US");
}

TEST(ActorsFa, TatweelAndLineBreaks) {
    // From seed 002: tatweel inside the word, and a name broken over a line.
    EXPECT_EQ(code_of("آذربایجـــان", Lang::Fa), "AZ");
    EXPECT_EQ(code_of("اســـرائیل", Lang::Fa), "IL");
    EXPECT_EQ(code_of("رژیم\nصهیونیستی", Lang::Fa), "IL");
}

TEST(ActorsFa, GluedAffixes) {
    EXPECT_EQ(code_of("وباکو", Lang::Fa), "AZ");         // و
    EXPECT_EQ(code_of("بتهران", Lang::Fa), "IR");        // ب
    EXPECT_EQ(code_of("روسها", Lang::Fa), "RU");         // ها
    EXPECT_EQ(code_of("آمریکاییها", Lang::Fa), "US");    // ها after a demonym
    EXPECT_EQ(code_of("اسرائیلی‌های", Lang::Fa), "IL");  // های
    EXPECT_EQ(code_of("ایرانیان", Lang::Fa), "IR");      // plural of people
    EXPECT_EQ(code_of("ایرانی‌ترین", Lang::Fa), "IR");   // ترین
    EXPECT_EQ(code_of("ترکیه‌ای", Lang::Fa), "TR");      // ای
    EXPECT_EQ(code_of("ایرانرا", Lang::Fa), "IR");       // را with the space lost
    EXPECT_EQ(code_of("چینی", Lang::Fa), "CN");
}

TEST(ActorsFa, SpansCoverTheWordAsWritten) {
    const std::string text = "سفر وزیر به وباکو و تل‌آویو";
    EXPECT_THAT(spans(text, Lang::Fa), ElementsAre("وباکو", "تل‌آویو"));
}

TEST(ActorsFa, NoMatchInsideAnotherWord) {
    EXPECT_THAT(codes("ایرانشهر", Lang::Fa), IsEmpty());          // a city, not ایران + شهر
    EXPECT_THAT(codes("مصرف بنزین بالا رفت", Lang::Fa), IsEmpty());  // مصرف is not مصر (Egypt)
    EXPECT_THAT(codes("چینش مهره‌ها", Lang::Fa), IsEmpty());        // چینش "arrangement"
    EXPECT_THAT(codes("آذرپژوه", Lang::Fa), IsEmpty());             // a news agency (seed 000)
    EXPECT_THAT(codes("درس ریاضی", Lang::Fa), IsEmpty());           // mathematics, not Riyadh
    EXPECT_THAT(codes("یک اثر حماسی", Lang::Fa), IsEmpty());        // epic, not Hamas
    EXPECT_THAT(codes("رؤسای قوا", Lang::Fa), IsEmpty());           // heads, not Russians
    EXPECT_THAT(codes("بچین", Lang::Fa), IsEmpty());               // "pick!", too short to lose ب
}

TEST(ActorsFa, LongestNameWins) {
    EXPECT_THAT(codes("روسیه سفید", Lang::Fa), ElementsAre("BY"));
    EXPECT_THAT(codes("آذربایجان شرقی", Lang::Fa), ElementsAre("IR"));  // the Iranian province
    EXPECT_THAT(codes("جمهوری آذربایجان", Lang::Fa), ElementsAre("AZ"));
    EXPECT_THAT(codes("جمهوری اسلامی ایران", Lang::Fa), ElementsAre("IR"));
    EXPECT_THAT(codes("کره شمالی و کره جنوبی", Lang::Fa), ElementsAre("KP", "KR"));
}

TEST(ActorsFa, CommonWordsNeedTheirCountryNearby) {
    // آستانه is also "threshold", دوشنبه also Monday, کوهن a common surname.
    EXPECT_THAT(codes("در آستانه انتخابات", Lang::Fa), IsEmpty());
    EXPECT_THAT(codes("نشست آستانه برگزار شد", Lang::Fa), IsEmpty());
    EXPECT_THAT(codes("نشست آستانه در قزاقستان", Lang::Fa), ElementsAre("KZ", "KZ"));
    EXPECT_THAT(codes("روز دوشنبه", Lang::Fa), IsEmpty());
    EXPECT_THAT(codes("کوهن گفت", Lang::Fa), IsEmpty());
    EXPECT_THAT(codes("کوهن، وزیر خارجه اسرائیل", Lang::Fa), ElementsAre("IL", "IL"));
    EXPECT_THAT(codes("الی کوهن گفت", Lang::Fa), ElementsAre("IL"));
}

TEST(ActorsFa, Seed002Sentence) {
    const std::string text =
        "در جنـــگ ۴۴ روزه قرهبـــاغ، آذربایجـــان موفق شـــد مرز خود با ایـــران را ۱۰۰ کیلومتر \nافزایش دهد.";
    EXPECT_THAT(codes(text, Lang::Fa), ElementsAre("AZ", "IR"));
    EXPECT_EQ(actor_codes(recognizer().recognize(text, Lang::Fa)), (std::vector<CountryCode>{"AZ", "IR"}));
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
    for (const auto& [word, code] : cases) EXPECT_EQ(code_of(word, Lang::Ar), code) << word;
}

TEST(ActorsAr, Proclitics) {
    EXPECT_EQ(code_of("وإسرائيل", Lang::Ar), "IL");             // و
    EXPECT_EQ(code_of("فإسرائيل", Lang::Ar), "IL");             // ف
    EXPECT_EQ(code_of("لإسرائيل", Lang::Ar), "IL");             // ل
    EXPECT_EQ(code_of("بإيران", Lang::Ar), "IR");               // ب
    EXPECT_EQ(code_of("كمصر", Lang::Ar), "EG");                 // ك
    EXPECT_EQ(code_of("لأذربيجان", Lang::Ar), "AZ");            // seed 004
    EXPECT_EQ(code_of("بالولايات المتحدة", Lang::Ar), "US");    // ب + a name with its article
    EXPECT_EQ(code_of("والصين", Lang::Ar), "CN");
    EXPECT_EQ(code_of("للهند", Lang::Ar), "IN");                // لل = ل + الهند
    EXPECT_EQ(code_of("وللكيان", Lang::Ar), "IL");
    EXPECT_EQ(code_of("وعشق آباد", Lang::Ar), "TM");            // seed 003
}

TEST(ActorsAr, AdjectiveEndings) {
    EXPECT_EQ(code_of("الإسرائيلية", Lang::Ar), "IL");   // ال + ة
    EXPECT_EQ(code_of("الإيرانيون", Lang::Ar), "IR");    // ون
    EXPECT_EQ(code_of("الأذريين", Lang::Ar), "AZ");      // ين (seed 004)
    EXPECT_EQ(code_of("والأذربيجاني", Lang::Ar), "AZ");  // وال
    EXPECT_EQ(code_of("أمريكيًا", Lang::Ar), "US");      // tanween alif
    EXPECT_EQ(code_of("للفلسطينيين", Lang::Ar), "PS");   // لل + ين
    EXPECT_EQ(code_of("الدبلوماسى فى أذربيجان", Lang::Ar), "AZ");  // ى for ي (seed 003)
}

TEST(ActorsAr, NoMatchInsideAnotherWord) {
    EXPECT_THAT(codes("الحماس كبير", Lang::Ar), IsEmpty());      // zeal, not Hamas
    EXPECT_THAT(codes("حماسة الجمهور", Lang::Ar), IsEmpty());
    EXPECT_THAT(codes("الرياضة المصرفية", Lang::Ar), IsEmpty());  // sport, not Riyadh
    EXPECT_THAT(codes("قطرة ماء", Lang::Ar), IsEmpty());         // a drop, not Qatar
    EXPECT_THAT(codes("حلبة السباق", Lang::Ar), IsEmpty());      // a race track, not Aleppo
    EXPECT_THAT(codes("الطريق المؤدية", Lang::Ar), IsEmpty());   // not Modi
    EXPECT_THAT(codes("رجل كسول", Lang::Ar), IsEmpty());
    EXPECT_THAT(codes("بنك مصرفي", Lang::Ar), IsEmpty());        // مصرف is not مصر
    EXPECT_THAT(codes("لبن", Lang::Ar), IsEmpty());              // not لبنان cut short
}

TEST(ActorsAr, OmanOrAmman) {
    // عُمان (Oman) and عَمّان (Amman) fold alike: the text decides.
    EXPECT_THAT(codes("زار الوزير عمان", Lang::Ar), ElementsAre("OM"));
    EXPECT_THAT(codes("سلطنة عمان", Lang::Ar), ElementsAre("OM"));
    EXPECT_THAT(codes("وصل الوفد إلى عمان للقاء ملك الأردن", Lang::Ar), ElementsAre("JO", "JO"));
    EXPECT_THAT(codes("العاصمة الأردنية عمان", Lang::Ar), ElementsAre("JO"));
    EXPECT_THAT(codes("بحر عمان", Lang::Ar), IsEmpty());
}

TEST(ActorsAr, LongestNameWins) {
    EXPECT_THAT(codes("روسيا البيضاء", Lang::Ar), ElementsAre("BY"));
    EXPECT_THAT(codes("الولايات المتحدة الأمريكية", Lang::Ar), ElementsAre("US"));
    EXPECT_THAT(codes("المملكة العربية السعودية", Lang::Ar), ElementsAre("SA"));
}

TEST(ActorsAr, Seed003Sentence) {
    const std::string text =
        "قام وزير الخارجية الإسرائيلي، إيلي كوهين، برحلة مهمة الأسبوع الماضي إلى أذربيجان وتركمانستان، حيث "
        "افتتح السفارة الإسرائيلية- التي تقع على بعد 17 كيلومترًا فقط من إيران.";
    EXPECT_EQ(actor_codes(recognizer().recognize(text, Lang::Ar)),
              (std::vector<CountryCode>{"AZ", "IL", "IR", "TM"}));
}

// --- English

TEST(ActorsEn, NamesDemonymsCapitalsLeaders) {
    EXPECT_THAT(codes("Azerbaijan and Israel signed a deal in Baku.", Lang::En), ElementsAre("AZ", "IL", "AZ"));
    EXPECT_THAT(codes("The Kremlin and the White House", Lang::En), ElementsAre("RU", "US"));
    EXPECT_THAT(codes("Lavrov met Aliyev and Eli Cohen", Lang::En), ElementsAre("RU", "AZ", "IL"));
    EXPECT_THAT(codes("Tel Aviv and Ashgabat", Lang::En), ElementsAre("IL", "TM"));
    EXPECT_THAT(codes("Kassym-Jomart Tokayev in Nur-Sultan", Lang::En), ElementsAre("KZ", "KZ"));
    EXPECT_THAT(codes("Mohammed bin Salman", Lang::En), ElementsAre("SA"));
}

TEST(ActorsEn, PossessiveAndPlural) {
    EXPECT_THAT(spans("Israel's army and the Israelis", Lang::En), ElementsAre("Israel", "Israelis"));
    EXPECT_THAT(codes("Iranians and Azerbaijanis", Lang::En), ElementsAre("IR", "AZ"));
    EXPECT_THAT(codes("the Americas", Lang::En), IsEmpty());  // plural s only for demonyms
}

TEST(ActorsEn, AcronymsAndCapitals) {
    EXPECT_THAT(codes("The US and the U.S. and the UAE", Lang::En), ElementsAre("US", "US", "AE"));
    EXPECT_THAT(codes("he told us", Lang::En), IsEmpty());
    EXPECT_THAT(codes("we ate turkey and drank from china cups", Lang::En), IsEmpty());
    EXPECT_THAT(codes("Turkey and China", Lang::En), ElementsAre("TR", "CN"));
}

TEST(ActorsEn, ShadowingPhrases) {
    EXPECT_THAT(codes("The Washington Post reported", Lang::En), IsEmpty());
    EXPECT_THAT(codes("in the Persian Gulf", Lang::En), IsEmpty());
    EXPECT_THAT(codes("Washington said", Lang::En), ElementsAre("US"));
}

TEST(ActorsEn, NoMatchInsideAnotherWord) {
    EXPECT_THAT(codes("Iranshahr and Bakunin", Lang::En), IsEmpty());
    EXPECT_THAT(codes("Chinatown", Lang::En), IsEmpty());
}

TEST(ActorsEn, LatinWordsInPersianText) {
    // A Persian text that quotes an English name still names the country.
    EXPECT_THAT(codes("به گزارش Tel Aviv امروز", Lang::Fa), ElementsAre("IL"));
}

TEST(Actors, EmptyAndOddInput) {
    EXPECT_THAT(codes("", Lang::Fa), IsEmpty());
    EXPECT_THAT(codes("   \n\n ", Lang::Ar), IsEmpty());
    EXPECT_THAT(codes("\xff\xfe باکو \xc3", Lang::Fa), ElementsAre("AZ"));
}

TEST(Actors, ActorCodesAreSortedAndUnique) {
    auto matches = recognizer().recognize("Russia, Azerbaijan, Russia and Armenia", Lang::En);
    EXPECT_EQ(actor_codes(matches), (std::vector<CountryCode>{"AM", "AZ", "RU"}));
}

}  // namespace
}  // namespace tarikh
