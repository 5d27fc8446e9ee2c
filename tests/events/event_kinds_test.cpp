// Event kinds from the keyword lexicons: the heaviest kind wins, telling
// phrases outweigh generic words, no keyword gives "other".
#include "events/event_kinds.h"

#include <gtest/gtest.h>

namespace tarikh::events {
namespace {

TEST(EventKinds, Names) {
    for (EventKind k : {EventKind::Diplomatic, EventKind::Military, EventKind::Security, EventKind::Energy,
                        EventKind::Economy, EventKind::Other})
        EXPECT_EQ(event_kind_from_string(to_string(k)), k);
    EXPECT_EQ(to_string(EventKind::Energy), "energy");
    EXPECT_FALSE(event_kind_from_string("war").has_value());
}

TEST(EventKinds, Persian) {
    EXPECT_EQ(classify_kind("آذربایجان سفارت خود در اسرائیل را افتتاح کرد.", lang_of("fa")), EventKind::Diplomatic);
    EXPECT_EQ(classify_kind("ارتش دو کشور رزمایش مشترک برگزار کردند.", lang_of("fa")), EventKind::Military);
    EXPECT_EQ(classify_kind("آذربایجان صادرات نفت خود به اسرائیل را افزایش داد.", lang_of("fa")), EventKind::Energy);
    EXPECT_EQ(classify_kind("حجم تجارت و سرمایه‌گذاری دو کشور بالا رفت.", lang_of("fa")), EventKind::Economy);
    EXPECT_EQ(classify_kind("فعالیت‌های اطلاعاتی و جاسوسی گسترش یافت.", lang_of("fa")), EventKind::Security);
    // "energy security" is energy, though امنیت alone is security.
    EXPECT_EQ(classify_kind("آذربایجان نقش کلیدی در امنیت انرژی اسرائیل ایفا کرده است.", lang_of("fa")),
              EventKind::Energy);
    // Glued affixes: تسلیحاتی, حملات, نظامیان.
    EXPECT_EQ(classify_kind("همکاری‌های تسلیحاتی", lang_of("fa")), EventKind::Military);
    EXPECT_EQ(classify_kind("قاسم مؤمنی گفت.", lang_of("fa")), EventKind::Other);
}

TEST(EventKinds, Arabic) {
    EXPECT_EQ(classify_kind("افتتح السفارة الإسرائيلية في عشق آباد", lang_of("ar")), EventKind::Diplomatic);
    EXPECT_EQ(classify_kind("توقيع العديد من الصفقات التي شملت وسائل قتالية وطائرات بدون طيار", lang_of("ar")),
              EventKind::Military);
    EXPECT_EQ(classify_kind("لنقل الغاز الطبيعي من حقل شاه دنيز", lang_of("ar")), EventKind::Energy);
    EXPECT_EQ(classify_kind("العقوبات الأمريكية المفروضة على إيران", lang_of("ar")), EventKind::Economy);
    EXPECT_EQ(classify_kind("الأمن السيبراني", lang_of("ar")), EventKind::Security);
    EXPECT_EQ(classify_kind("محمد الباز", lang_of("ar")), EventKind::Other);
}

TEST(EventKinds, English) {
    EXPECT_EQ(classify_kind("Azerbaijan opened an embassy in Tel Aviv.", lang_of("en")), EventKind::Diplomatic);
    EXPECT_EQ(classify_kind("Drones and missiles struck the base.", lang_of("en")), EventKind::Military);
    EXPECT_EQ(classify_kind("A new gas pipeline to Europe.", lang_of("en")), EventKind::Energy);
    EXPECT_EQ(classify_kind("New sanctions hit trade.", lang_of("en")), EventKind::Economy);
    EXPECT_EQ(classify_kind("Intelligence services arrested a spy.", lang_of("en")), EventKind::Security);
    EXPECT_EQ(classify_kind("It rained.", lang_of("en")), EventKind::Other);
}

TEST(EventKinds, TiesGoToTheMoreSpecificKind) {
    // One diplomatic and one military word of equal weight: military.
    EXPECT_EQ(classify_kind("a visit and an attack", lang_of("en")), EventKind::Military);
}

TEST(EventKinds, VoteCountsOnlyHitsInsideTheRange) {
    const std::string text = "The embassy opened. Then war.";
    NormalizedText folded = normalize(text);
    auto hits = builtin_kind_lexicon(lang_of("en")).find(folded, text, actors::word_tokens(folded.text));
    ASSERT_EQ(hits.size(), 2u);
    EXPECT_EQ(vote(hits, {0, 19}), EventKind::Diplomatic);
    EXPECT_EQ(vote(hits, {19, uint32_t(text.size())}), EventKind::Military);
    EXPECT_EQ(vote(hits, {0, 3}), EventKind::Other);
}

}  // namespace
}  // namespace tarikh::events
