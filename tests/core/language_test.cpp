// Which language a text is in decides its lexicon: Persian letters (پ چ ژ گ ک
// ی) or Persian digits say Persian, other Arabic script says Arabic, Latin
// letters English.
#include "tarikh/parser.h"

#include <gtest/gtest.h>

namespace tarikh {
namespace {

TEST(DetectLanguage, ByLettersAndDigits) {
    EXPECT_EQ(detect_language("الهام علی‌اف در دیدار با هیئت ایرانی"), Lang::Fa);
    EXPECT_EQ(detect_language("أعلنت كازاخستان الانضمام إلى اتفاقيات أبراهام"), Lang::Ar);
    EXPECT_EQ(detect_language("Azerbaijan and Israel signed a deal."), Lang::En);
    // No letter only Persian has, but Persian digits: Persian.
    EXPECT_EQ(detect_language("اواخر دهه ۲۰۰۰"), Lang::Fa);
    EXPECT_EQ(detect_language("از ۱۳۹۸ تا ۱۴۰۰"), Lang::Fa);
    // Arabic-Indic digits are Arabic.
    EXPECT_EQ(detect_language("١٥ رمضان ١٤٤٥ هـ"), Lang::Ar);
    // A Latin name or two in Arabic text does not make it English.
    EXPECT_EQ(detect_language("قال موقع Zman.co.il إن الوقود يأتي من أذربيجان"), Lang::Ar);
}

}  // namespace
}  // namespace tarikh
