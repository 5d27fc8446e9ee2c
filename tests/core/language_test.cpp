// The language table (engine/lang/languages.tsv) and detection from it: the
// script most letters are in, then the language whose marks (Persian letters
// پ چ ژ گ ک ی and digits) make 1% of them and whose excludes do not.
#include "tarikh/language.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <set>

namespace tarikh {
namespace {

TEST(LanguageTable, EveryLanguageHasItsFolderAndTheCodesAreUnique) {
    ASSERT_FALSE(languages().empty());
    std::set<std::string> codes;
    for (const Language& l : languages()) {
        EXPECT_TRUE(codes.insert(l.code).second) << l.code;
        EXPECT_EQ(languages()[l.id.index()].code, l.code);
        EXPECT_EQ(find_language(l.code), l.id);
        EXPECT_EQ(to_string(l.id), l.code);
        EXPECT_TRUE(std::filesystem::is_directory(TARIKH_SOURCE_DIR "/engine/lang/" + l.code)) << l.code;
        for (Lang other : l.also) EXPECT_NE(other, l.id) << l.code;
    }
    EXPECT_FALSE(find_language("xx"));
    EXPECT_THROW(lang_of("xx"), std::invalid_argument);
}

TEST(DetectLanguage, ByLettersAndDigits) {
    EXPECT_EQ(detect_language("الهام علی‌اف در دیدار با هیئت ایرانی"), lang_of("fa"));
    EXPECT_EQ(detect_language("أعلنت كازاخستان الانضمام إلى اتفاقيات أبراهام"), lang_of("ar"));
    EXPECT_EQ(detect_language("Azerbaijan and Israel signed a deal."), lang_of("en"));
    // No letter only Persian has, but Persian digits: Persian.
    EXPECT_EQ(detect_language("اواخر دهه ۲۰۰۰"), lang_of("fa"));
    EXPECT_EQ(detect_language("از ۱۳۹۸ تا ۱۴۰۰"), lang_of("fa"));
    // Arabic-Indic digits are Arabic.
    EXPECT_EQ(detect_language("١٥ رمضان ١٤٤٥ هـ"), lang_of("ar"));
    // A Latin name or two in Arabic text does not make it English.
    EXPECT_EQ(detect_language("قال موقع Zman.co.il إن الوقود يأتي من أذربيجان"), lang_of("ar"));
    // No letters at all: the table's first language.
    EXPECT_EQ(detect_language("2023-10-07 12:00"), Lang{});
    EXPECT_EQ(detect_language(""), Lang{});
}

TEST(DetectLanguage, UrduIsNotPersian) {
    // Urdu shares پ چ ژ گ ک ی with Persian; its ٹ ڈ ڑ ں ے are Persian's excludes.
    EXPECT_NE(detect_language("پاکستان کے وزیر اعظم نے آج ایک بیان میں کہا کہ ملک میں بڑی تبدیلیاں آئیں گی"), lang_of("fa"));
}

TEST(DetectLanguage, LettersOfEveryScriptCount) {
    // Latin letters beyond ASCII are letters of the Latin script.
    EXPECT_TRUE(written_in(lang_of("en"), U'é'));
    EXPECT_TRUE(written_in(lang_of("en"), U'a'));
    EXPECT_FALSE(written_in(lang_of("en"), U'ا'));
    EXPECT_TRUE(written_in(lang_of("fa"), U'ا'));
    EXPECT_FALSE(written_in(lang_of("fa"), U'1'));
}

}  // namespace
}  // namespace tarikh
