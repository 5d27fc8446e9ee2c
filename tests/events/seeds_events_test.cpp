// Golden events on the seed articles (seeds/), written by reading them: the
// sentence, its date and its countries. The seeds are messy on purpose (PDF
// line breaks, tatweel, lost ZWNJ, reversed lines, dropped digits).
#include "tarikh/extract.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

namespace tarikh {
namespace {

using ::testing::Contains;
using ::testing::Not;
using ::testing::IsSupersetOf;

std::string read_seed(const std::string& name) {
    std::ifstream in(std::string(TARIKH_SOURCE_DIR) + "/seeds/" + name, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

struct Seed {
    std::string text;
    std::vector<Event> events;
};

const Seed& seed(const std::string& name) {
    static std::map<std::string, Seed> cache;
    static const Parser parser;
    static const Extractor extractor(parser);
    auto it = cache.find(name);
    if (it != cache.end()) return it->second;
    Seed s;
    s.text = read_seed(name);
    Document doc;
    doc.id = "seeds/" + name;
    doc.text = s.text;
    s.events = extractor.extract(doc);
    return cache.emplace(name, std::move(s)).first->second;
}

const char* const k000 = "000_53f63c5791f19014.txt";
const char* const k001 = "001_1a966546b4fc3f60.txt";
const char* const k002 = "002_436d1943e68881f6.txt";
const char* const k003 = "003_24f4738793f23ab1.txt";
const char* const k004 = "004_0eab1e3fa5b7244e.txt";

std::string date_text(const Seed& s, const Event& e) {
    Span d = e.sources.at(0).date_span;
    return s.text.substr(d.begin, d.end - d.begin);
}

// The events whose sentence holds `words` (as written in the seed).
std::vector<const Event*> events_with(const Seed& s, std::string_view words) {
    std::vector<const Event*> out;
    for (const Event& e : s.events)
        if (e.text.find(words) != std::string::npos) out.push_back(&e);
    return out;
}

// The one event of the sentence holding `words` dated by `date` (as written).
const Event* event_at(const Seed& s, std::string_view words, std::string_view date) {
    const Event* found = nullptr;
    for (const Event* e : events_with(s, words)) {
        if (date_text(s, *e) != date) continue;
        EXPECT_EQ(found, nullptr) << "two events for " << date;
        found = e;
    }
    EXPECT_NE(found, nullptr) << "no event for " << date << " in the sentence with " << words;
    return found;
}

CountryPair pair(const char* a, const char* b) { return {a, b}; }
Day day(int y, int m, int d) { return date::sys_days{date::year{y} / m / d}; }

bool within(const Event& e, Day from, Day to) {
    return e.interval.anchored() && *e.interval.earliest >= from && *e.interval.latest <= to;
}

// --- 002, Persian, hard-wrapped PDF text

TEST(SeedEvents002, TheFortyFourDayWar) {
    const Seed& s = seed(k002);
    const Event* e = event_at(s, "جنـــگ ۴۴ روزه قرهبـــاغ", "جنـــگ ۴۴ روزه قرهبـــاغ");
    ASSERT_NE(e, nullptr);
    EXPECT_THAT(e->pairs, Contains(pair("AZ", "IR")));
    EXPECT_TRUE(within(*e, day(2020, 9, 1), day(2020, 11, 30)));
    EXPECT_EQ(e->kind, EventKind::Military);
    EXPECT_EQ(e->lang, lang_of("fa"));
    // The heading above it ("به نام قفقاز، به کام تلآویو") is not part of the sentence.
    EXPECT_TRUE(e->text.starts_with("در جنـــگ ۴۴ روزه"));
    EXPECT_TRUE(e->text.ends_with("افزایش دهد."));
}

TEST(SeedEvents002, December2023) {
    const Seed& s = seed(k002);
    const Event* e = event_at(s, "در دسامبر ۲۰۲۳", "دسامبر ۲۰۲۳");
    ASSERT_NE(e, nullptr);
    EXPECT_THAT(e->pairs, Contains(pair("AZ", "IL")));
    EXPECT_EQ(e->value, "2023-12");
    EXPECT_EQ(e->interval.earliest, day(2023, 12, 1));
    EXPECT_EQ(e->interval.latest, day(2023, 12, 31));
}

TEST(SeedEvents002, February2024AliyevStandsWithIsrael) {
    const Seed& s = seed(k002);
    const Event* e = event_at(s, "در فوریه ۲۰۲۴", "فوریه ۲۰۲۴");
    ASSERT_NE(e, nullptr);
    EXPECT_EQ(e->actors, (std::vector<CountryCode>{"AZ", "IL"}));  // اورشلیم, علیاف, اسرائیل
}

TEST(SeedEvents002, EnergySince1990s) {
    const Seed& s = seed(k002);
    const Event* e = event_at(s, "امنیت انرژی اسرائیل", "دهه ۱۹۹۰");
    ASSERT_NE(e, nullptr);
    EXPECT_EQ(e->pairs, (std::vector<CountryPair>{pair("AZ", "IL")}));
    EXPECT_EQ(e->granularity, Granularity::Decade);
    EXPECT_EQ(e->kind, EventKind::Energy);
}

TEST(SeedEvents002, SecondIntifadaIsOneEvent) {
    // "انتفاضه دوم )۲۰۰۰-\n\n۲۰۰۴(": a named event restated as a range over a
    // blank line; one time, one event.
    const Seed& s = seed(k002);
    auto events = events_with(s, "انتفاضه دوم");
    ASSERT_EQ(events.size(), 1u);
    const Event& e = *events[0];
    EXPECT_EQ(e.pairs, (std::vector<CountryPair>{pair("AZ", "IL")}));
    ASSERT_TRUE(e.interval.anchored());
    EXPECT_LE(*e.interval.earliest, day(2000, 12, 31));
    EXPECT_GE(*e.interval.latest, day(2004, 1, 1));
    EXPECT_TRUE(e.text.ends_with("باقی ماند."));
}

TEST(SeedEvents002, FuelFromAzerbaijan) {
    const Seed& s = seed(k002);
    for (auto [words, date] : {std::pair{"بنزین مصرفی", "سال ۲۰۱۹"}, std::pair{"Zman.co. il", "ســـال ۲۰۲۲"},
                               std::pair{"صـــادرات نفت", "۲۰۲۴"}}) {
        const Event* e = event_at(s, words, date);
        ASSERT_NE(e, nullptr) << words;
        EXPECT_EQ(e->pairs, (std::vector<CountryPair>{pair("AZ", "IL")})) << words;
        EXPECT_EQ(e->kind, EventKind::Energy) << words;
    }
}

TEST(SeedEvents002, LateTwoThousandsArmsImports) {
    const Seed& s = seed(k002);
    const Event* e = event_at(s, "واردکنندگان تسلیحات", "اواخـــر دهـــه ۲۰۰۰");
    ASSERT_NE(e, nullptr);
    EXPECT_EQ(e->pairs, (std::vector<CountryPair>{pair("AZ", "IL")}));
    EXPECT_EQ(e->mod, Mod::End);
    EXPECT_TRUE(within(*e, day(2000, 1, 1), day(2009, 12, 31)));
    EXPECT_EQ(e->kind, EventKind::Military);
}

TEST(SeedEvents002, September2024ContractsAreIsraelsOwnLane) {
    const Seed& s = seed(k002);
    const Event* e = event_at(s, "قراردادهای جدید نظامی", "ســـپتامبر ۲۰۲۴");
    ASSERT_NE(e, nullptr);
    EXPECT_EQ(e->pairs, (std::vector<CountryPair>{pair("IL", "IL")}));
    EXPECT_EQ(e->kind, EventKind::Military);
}

TEST(SeedEvents002, AliyevMeetsRabinInThe1990s) {
    const Seed& s = seed(k002);
    const Event* e = event_at(s, "اسحاق رابین", "دهـــه ۱۹۹۰");
    ASSERT_NE(e, nullptr);
    EXPECT_EQ(e->pairs, (std::vector<CountryPair>{pair("AZ", "IL")}));
    EXPECT_TRUE(within(*e, day(1990, 1, 1), day(1999, 12, 31)));
}

TEST(SeedEvents002, IntelligenceBase2012) {
    const Seed& s = seed(k002);
    const Event* e = event_at(s, "آسوشیتدپرس", "فوریه ۲۰۱۲");
    ASSERT_NE(e, nullptr);
    EXPECT_EQ(e->pairs, (std::vector<CountryPair>{pair("AZ", "IL")}));
    EXPECT_EQ(e->kind, EventKind::Security);
}

TEST(SeedEvents002, EmbassyAMonthAfterGantzsVisit) {
    const Seed& s = seed(k002);
    const Event* gantz = event_at(s, "بنی گانتز", "اکتبر ۲۰۲۲");
    ASSERT_NE(gantz, nullptr);
    EXPECT_THAT(gantz->actors, Contains("IL"));
    const Event* e = event_at(s, "سفارت خود در اسرائیل", "یک ماه بعد");
    ASSERT_NE(e, nullptr);
    EXPECT_EQ(e->value, "2022-11");  // a month after October 2022
    EXPECT_EQ(e->pairs, (std::vector<CountryPair>{pair("AZ", "IL")}));
    EXPECT_EQ(e->kind, EventKind::Diplomatic);
}

TEST(SeedEvents002, DrillsOf2021And2022) {
    const Seed& s = seed(k002);
    auto events = events_with(s, "دو رزمایش بزرگ");
    ASSERT_FALSE(events.empty());
    for (const Event* e : events) {
        EXPECT_THAT(e->pairs, Contains(pair("AZ", "IR")));
        EXPECT_EQ(e->kind, EventKind::Military);
        EXPECT_TRUE(within(*e, day(2021, 1, 1), day(2022, 12, 31)));
    }
}

TEST(SeedEvents002, SeveralDatesInOneSentence) {
    // "در سال ۲۰۱۸، علیاف با آغاز میانجیگری بین آنکارا و اورشلیم، پس از جنگ ۲۰۲۰ قرهباغ، …":
    // 2018 dates the mediation between Ankara and Jerusalem; the 2020 war its own clause.
    const Seed& s = seed(k002);
    const Event* e2018 = event_at(s, "میانجیگری بین آنکارا", "سال ۲۰۱۸");
    ASSERT_NE(e2018, nullptr);
    EXPECT_EQ(e2018->actors, (std::vector<CountryCode>{"AZ", "IL", "TR"}));
    const Event* war = event_at(s, "میانجیگری بین آنکارا", "جنگ ۲۰۲۰ قرهباغ");
    ASSERT_NE(war, nullptr);
    EXPECT_TRUE(within(*war, day(2020, 9, 1), day(2020, 11, 30)));
    EXPECT_EQ(war->text, e2018->text);
}

TEST(SeedEvents002, TurkeyIsraelNormalizationRange) {
    const Seed& s = seed(k002);
    const Event* e = event_at(s, "عادیسازی بین ترکیه و اسرائیل", "نوامبر ۲۰۲۱ تا مارس ۲۰۲۲");
    ASSERT_NE(e, nullptr);
    EXPECT_THAT(e->pairs, Contains(pair("IL", "TR")));
    EXPECT_EQ(e->interval.earliest, day(2021, 11, 1));
    EXPECT_EQ(e->interval.latest, day(2022, 3, 31));
    EXPECT_EQ(e->kind, EventKind::Diplomatic);
}

TEST(SeedEvents002, RecentYearsAreKeptUndated) {
    const Seed& s = seed(k002);
    const Event* e = event_at(s, "حضور اطلاعاتی و نظامی اسرائیل در آذربایجان", "سالهای اخیر");
    ASSERT_NE(e, nullptr);
    EXPECT_FALSE(e->interval.earliest.has_value());
    EXPECT_EQ(e->pairs, (std::vector<CountryPair>{pair("AZ", "IL")}));
}

// --- 003, Arabic

TEST(SeedEvents003, AbrahamAccords2020) {
    // "منذ توقيع اتفاقات ابراهام عام 2020": the accords and their year are one
    // time. The accords, named in passing, date their own phrase (Israel's
    // relations with the Arab states), not Israel's ties with Azerbaijan and
    // Turkmenistan that the sentence goes on to: those are no parties to them.
    const Seed& s = seed(k003);
    auto events = events_with(s, "اتفاقات ابراهام عام 2020");
    ASSERT_EQ(events.size(), 1u);
    const Event& e = *events[0];
    EXPECT_EQ(e.lang, lang_of("ar"));
    EXPECT_THAT(e.actors, Contains("IL"));
    EXPECT_THAT(e.pairs, Not(Contains(pair("AZ", "IL"))));
    EXPECT_THAT(e.pairs, Not(Contains(pair("IL", "TM"))));
    EXPECT_TRUE(within(e, day(2020, 1, 1), day(2020, 12, 31)));
    EXPECT_EQ(e.kind, EventKind::Diplomatic);
}

TEST(SeedEvents003, CohensTripLastWeekIsUndated) {
    // No dateline in 003: "الأسبوع الماضي" cannot be anchored, the event is kept undated.
    const Seed& s = seed(k003);
    const Event* e = event_at(s, "إيلي كوهين", "الأسبوع الماضي");
    ASSERT_NE(e, nullptr);
    EXPECT_FALSE(e->interval.anchored());
    EXPECT_EQ(e->actors, (std::vector<CountryCode>{"AZ", "IL", "IR", "TM"}));
    EXPECT_EQ(e->kind, EventKind::Diplomatic);
}

// --- 000 and 001, Persian, one paragraph per line, with datelines

TEST(SeedEvents000, KarabakhWarArms) {
    const Seed& s = seed(k000);
    const Event* e = event_at(s, "تجهیزات نظامی مدرن برای باکو", "جنگ قرهباغ");
    ASSERT_NE(e, nullptr);
    EXPECT_EQ(e->pairs, (std::vector<CountryPair>{pair("AZ", "IL")}));
    EXPECT_EQ(e->kind, EventKind::Military);
}

TEST(SeedEvents000And001, DatelinesAreNotEvents) {
    for (const char* name : {k000, k001}) {
        const Seed& s = seed(name);
        for (const Event& e : s.events) {
            EXPECT_NE(date_text(s, e), "2025-11-08") << name;
            EXPECT_NE(date_text(s, e).find("Tuesday"), 0u) << name;
            EXPECT_FALSE(e.text.starts_with("date")) << name;
        }
    }
}

TEST(SeedEvents001, RelationsSinceThe1990s) {
    const Seed& s = seed(k001);
    const Event* e = event_at(s, "سفارتها برقرار شد", "دههٔ ۱۹۹۰");
    ASSERT_NE(e, nullptr);
    EXPECT_THAT(e->pairs, Contains(pair("IL", "KZ")));
    EXPECT_EQ(e->kind, EventKind::Diplomatic);
}

TEST(SeedEvents001, DatesRelativeToTheDateline) {
    // "طی سه دههٔ گذشته": the three decades before the dateline 2025-11-08.
    const Seed& s = seed(k001);
    const Event* e = event_at(s, "سرمایهگذاران چینی", "سه دههٔ گذشته");
    ASSERT_NE(e, nullptr);
    EXPECT_EQ(e->pairs, (std::vector<CountryPair>{pair("CN", "KZ")}));
    EXPECT_EQ(e->interval.latest, day(2025, 11, 8));
}

// --- 004, Arabic, hard-wrapped with digits dropped

TEST(SeedEvents004, KhojalyMassacre) {
    const Seed& s = seed(k004);
    const Event* e = event_at(s, "خوجالي", "خوجالي");
    ASSERT_NE(e, nullptr);
    EXPECT_THAT(e->actors, IsSupersetOf({"AM", "AZ"}));
    EXPECT_EQ(e->interval.earliest, day(1992, 2, 26));
}

TEST(SeedEvents004, OctoberWithoutAYearIsUndated) {
    const Seed& s = seed(k004);
    auto events = events_with(s, "نجم الدين");
    ASSERT_FALSE(events.empty());
    EXPECT_FALSE(events[0]->interval.anchored());
    EXPECT_EQ(events[0]->pairs, (std::vector<CountryPair>{pair("AZ", "IL")}));
}

// --- every seed

TEST(SeedEvents, EventsAreWellFormed) {
    for (const char* name : {k000, k001, k002, k003, k004}) {
        const Seed& s = seed(name);
        EXPECT_FALSE(s.events.empty()) << name;
        std::map<std::pair<uint32_t, uint32_t>, int> per_date;
        for (const Event& e : s.events) {
            ASSERT_EQ(e.sources.size(), 1u);
            const Source& src = e.sources[0];
            EXPECT_EQ(src.doc, std::string("seeds/") + name);
            EXPECT_EQ(s.text.substr(src.span.begin, src.span.end - src.span.begin), e.text);
            EXPECT_LE(src.span.begin, src.date_span.begin);
            EXPECT_LE(src.date_span.end, src.span.end);
            EXPECT_FALSE(e.actors.empty());
            EXPECT_TRUE(std::is_sorted(e.actors.begin(), e.actors.end()));
            EXPECT_TRUE(std::adjacent_find(e.actors.begin(), e.actors.end()) == e.actors.end());
            EXPECT_TRUE(std::is_sorted(e.pairs.begin(), e.pairs.end()));
            for (const auto& [a, b] : e.pairs) EXPECT_LE(a, b);
            // One participants entry per pair, in the same order; the actors are theirs.
            ASSERT_EQ(e.participants.size(), e.pairs.size());
            std::set<CountryCode> in_pairs;
            for (size_t i = 0; i < e.pairs.size(); ++i) {
                EXPECT_EQ(e.participants[i].lane(), e.pairs[i]);
                EXPECT_GT(e.participants[i].confidence, 0.0f);
                EXPECT_LE(e.participants[i].confidence, e.confidence);
                in_pairs.insert(e.pairs[i].first);
                in_pairs.insert(e.pairs[i].second);
            }
            EXPECT_EQ(std::vector<CountryCode>(in_pairs.begin(), in_pairs.end()), e.actors);
            EXPECT_GT(e.confidence, 0.0f);
            EXPECT_LE(e.confidence, 1.0f);
            int& seen = per_date[std::pair{src.date_span.begin, src.date_span.end}];
            EXPECT_EQ(++seen, 1) << "one event per date";
            if (e.interval.anchored()) EXPECT_LE(*e.interval.earliest, *e.interval.latest);
        }
    }
}

}  // namespace
}  // namespace tarikh
