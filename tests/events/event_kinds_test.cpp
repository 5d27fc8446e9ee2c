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
    EXPECT_EQ(classify_kind("آذربایجان سفارت خود در اسرائیل را افتتاح کرد.", Lang::Fa), EventKind::Diplomatic);
    EXPECT_EQ(classify_kind("ارتش دو کشور رزمایش مشترک برگزار کردند.", Lang::Fa), EventKind::Military);
    EXPECT_EQ(classify_kind("آذربایجان صادرات نفت خود به اسرائیل را افزایش داد.", Lang::Fa), EventKind::Energy);
    EXPECT_EQ(classify_kind("حجم تجارت و سرمایه‌گذاری دو کشور بالا رفت.", Lang::Fa), EventKind::Economy);
    EXPECT_EQ(classify_kind("فعالیت‌های اطلاعاتی و جاسوسی گسترش یافت.", Lang::Fa), EventKind::Security);
    // "energy security" is energy, though امنیت alone is security.
    EXPECT_EQ(classify_kind("آذربایجان نقش کلیدی در امنیت انرژی اسرائیل ایفا کرده است.", Lang::Fa),
              EventKind::Energy);
    // Glued affixes: تسلیحاتی, حملات, نظامیان.
    EXPECT_EQ(classify_kind("همکاری‌های تسلیحاتی", Lang::Fa), EventKind::Military);
    EXPECT_EQ(classify_kind("قاسم مؤمنی گفت.", Lang::Fa), EventKind::Other);
}

TEST(EventKinds, Arabic) {
    EXPECT_EQ(classify_kind("افتتح السفارة الإسرائيلية في عشق آباد", Lang::Ar), EventKind::Diplomatic);
    EXPECT_EQ(classify_kind("توقيع العديد من الصفقات التي شملت وسائل قتالية وطائرات بدون طيار", Lang::Ar),
              EventKind::Military);
    EXPECT_EQ(classify_kind("لنقل الغاز الطبيعي من حقل شاه دنيز", Lang::Ar), EventKind::Energy);
    EXPECT_EQ(classify_kind("العقوبات الأمريكية المفروضة على إيران", Lang::Ar), EventKind::Economy);
    EXPECT_EQ(classify_kind("الأمن السيبراني", Lang::Ar), EventKind::Security);
    EXPECT_EQ(classify_kind("محمد الباز", Lang::Ar), EventKind::Other);
}

TEST(EventKinds, English) {
    EXPECT_EQ(classify_kind("Azerbaijan opened an embassy in Tel Aviv.", Lang::En), EventKind::Diplomatic);
    EXPECT_EQ(classify_kind("Drones and missiles struck the base.", Lang::En), EventKind::Military);
    EXPECT_EQ(classify_kind("A new gas pipeline to Europe.", Lang::En), EventKind::Energy);
    EXPECT_EQ(classify_kind("New sanctions hit trade.", Lang::En), EventKind::Economy);
    EXPECT_EQ(classify_kind("Intelligence services arrested a spy.", Lang::En), EventKind::Security);
    EXPECT_EQ(classify_kind("It rained.", Lang::En), EventKind::Other);
}

TEST(EventKinds, TiesGoToTheMoreSpecificKind) {
    // One diplomatic and one military word of equal weight: military.
    EXPECT_EQ(classify_kind("a visit and an attack", Lang::En), EventKind::Military);
}

TEST(EventKinds, VoteCountsOnlyHitsInsideTheRange) {
    const std::string text = "The embassy opened. Then war.";
    NormalizedText folded = normalize(text);
    auto hits = builtin_kind_lexicon(Lang::En).find(folded, text, actors::word_tokens(folded.text));
    ASSERT_EQ(hits.size(), 2u);
    EXPECT_EQ(vote(hits, {0, 19}), EventKind::Diplomatic);
    EXPECT_EQ(vote(hits, {19, uint32_t(text.size())}), EventKind::Military);
    EXPECT_EQ(vote(hits, {0, 3}), EventKind::Other);
}

}  // namespace
}  // namespace tarikh::events
