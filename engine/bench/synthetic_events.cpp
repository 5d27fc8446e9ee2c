#include "bench/synthetic_events.h"

#include "tarikh/event_json.h"

#include <fmt/format.h>

#include <array>
#include <cmath>
#include <random>

namespace tarikh::bench {
namespace {

using date::days;
using date::sys_days;
using date::year;
using date::year_month_day;

struct Country {
    const char* code;
    const char* en;
    const char* fa;
    const char* ar;
};

constexpr std::array<Country, 27> kCountries{{
    {"IR", "Iran", "ایران", "إيران"},          {"AZ", "Azerbaijan", "جمهوری آذربایجان", "أذربيجان"},
    {"AM", "Armenia", "ارمنستان", "أرمينيا"},    {"GE", "Georgia", "گرجستان", "جورجيا"},
    {"TR", "Turkey", "ترکیه", "تركيا"},          {"RU", "Russia", "روسیه", "روسيا"},
    {"IL", "Israel", "اسرائیل", "إسرائيل"},      {"PS", "Palestine", "فلسطین", "فلسطين"},
    {"LB", "Lebanon", "لبنان", "لبنان"},         {"SY", "Syria", "سوریه", "سوريا"},
    {"IQ", "Iraq", "عراق", "العراق"},            {"SA", "Saudi Arabia", "عربستان سعودی", "السعودية"},
    {"AE", "the UAE", "امارات", "الإمارات"},      {"QA", "Qatar", "قطر", "قطر"},
    {"EG", "Egypt", "مصر", "مصر"},               {"JO", "Jordan", "اردن", "الأردن"},
    {"YE", "Yemen", "یمن", "اليمن"},             {"KZ", "Kazakhstan", "قزاقستان", "كازاخستان"},
    {"TM", "Turkmenistan", "ترکمنستان", "تركمانستان"}, {"UZ", "Uzbekistan", "ازبکستان", "أوزبكستان"},
    {"AF", "Afghanistan", "افغانستان", "أفغانستان"}, {"PK", "Pakistan", "پاکستان", "باكستان"},
    {"US", "the United States", "آمریکا", "الولايات المتحدة"}, {"CN", "China", "چین", "الصين"},
    {"OM", "Oman", "عمان", "عمان"},              {"KW", "Kuwait", "کویت", "الكويت"},
    {"UA", "Ukraine", "اوکراین", "أوكرانيا"},
}};

// Plausible pairs, busiest first (by index into kCountries); the weight of
// rank r is 1/(r+1)^1.1.
constexpr std::array<std::pair<int, int>, 60> kPairs{{
    {0, 22}, {6, 7}, {0, 6}, {1, 2}, {5, 26}, {0, 10}, {6, 8}, {0, 5}, {4, 9}, {0, 11}, {6, 9}, {1, 6},
    {5, 22}, {0, 1}, {23, 22}, {4, 5}, {11, 16}, {1, 4}, {0, 9}, {6, 22}, {0, 4}, {0, 23}, {14, 6}, {15, 6},
    {11, 12}, {13, 11}, {2, 4}, {3, 5}, {1, 5}, {0, 20}, {21, 20}, {0, 21}, {0, 18}, {1, 18}, {17, 5}, {19, 20},
    {0, 2}, {1, 3}, {2, 3}, {0, 12}, {0, 13}, {12, 6}, {11, 6}, {10, 22}, {4, 10}, {5, 9}, {0, 8}, {0, 24},
    {0, 25}, {14, 11}, {11, 22}, {4, 22}, {4, 26}, {23, 5}, {23, 21}, {17, 23}, {18, 4}, {19, 5}, {0, 17}, {0, 19},
}};

constexpr std::array<const char*, 12> kEnVerbs{
    "signed an agreement on", "held talks on", "exchanged fire over", "discussed", "announced a plan for",
    "opened negotiations on", "condemned each other over", "agreed to expand", "suspended cooperation on",
    "launched a joint project on", "reached a deal on", "renewed a memorandum on"};
constexpr std::array<const char*, 12> kEnTopics{
    "gas exports", "the border", "prisoner exchanges", "railway links", "oil prices", "air defence",
    "water sharing", "trade tariffs", "a ceasefire", "electricity grids", "visa rules", "port access"};
constexpr std::array<const char*, 12> kFaVerbs{
    "توافقنامه‌ای امضا کردند درباره", "گفت‌وگو کردند درباره", "با هم درگیر شدند بر سر", "رایزنی کردند درباره",
    "طرحی اعلام کردند برای", "مذاکره را آغاز کردند درباره", "یکدیگر را محکوم کردند به خاطر",
    "توافق کردند گسترش دهند", "همکاری را تعلیق کردند در", "پروژه مشترکی آغاز کردند در", "به توافق رسیدند درباره",
    "یادداشت تفاهم را تمدید کردند درباره"};
constexpr std::array<const char*, 12> kFaTopics{
    "صادرات گاز", "مرز مشترک", "تبادل زندانیان", "خط آهن", "قیمت نفت", "پدافند هوایی",
    "حقابه", "تعرفه‌های تجاری", "آتش‌بس", "شبکه برق", "روادید", "دسترسی به بندر"};
constexpr std::array<const char*, 12> kArVerbs{
    "وقعتا اتفاقية بشأن", "أجرتا محادثات حول", "تبادلتا إطلاق النار بسبب", "ناقشتا", "أعلنتا خطة من أجل",
    "بدأتا مفاوضات حول", "تبادلتا الاتهامات بشأن", "اتفقتا على توسيع", "علقتا التعاون في",
    "أطلقتا مشروعا مشتركا حول", "توصلتا إلى اتفاق بشأن", "جددتا مذكرة تفاهم حول"};
constexpr std::array<const char*, 12> kArTopics{
    "صادرات الغاز", "الحدود", "تبادل الأسرى", "خطوط السكك الحديدية", "أسعار النفط", "الدفاع الجوي",
    "تقاسم المياه", "الرسوم الجمركية", "وقف إطلاق النار", "شبكات الكهرباء", "التأشيرات", "الوصول إلى الموانئ"};
constexpr std::array<const char*, 10> kCities{"Baku", "Tehran", "Ankara", "Moscow", "Doha",
                                              "Geneva", "Vienna", "Muscat", "Astana", "Cairo"};

const char* name_in(const Country& c, Lang l) { return l == lang_of("fa") ? c.fa : l == lang_of("ar") ? c.ar : c.en; }

}  // namespace

struct SyntheticEvents::Impl {
    std::mt19937_64 rng;
    std::discrete_distribution<int> pair_pick;
    uint64_t serial = 0;

    explicit Impl(uint64_t seed) : rng(seed) {
        std::vector<double> w;
        for (size_t r = 0; r < kPairs.size(); ++r) w.push_back(1.0 / std::pow(double(r + 1), 1.1));
        pair_pick = std::discrete_distribution<int>(w.begin(), w.end());
    }
    double uniform() { return std::uniform_real_distribution<double>(0, 1)(rng); }
    int below(int n) { return static_cast<int>(rng() % static_cast<uint64_t>(n)); }

    // Mostly 1990–2025, more recent years more often; 12% from 1900–1989,
    // thinning out going back.
    int pick_year() {
        if (uniform() < 0.12) return 1989 - static_cast<int>(std::min(89.0, -std::log(1 - uniform()) * 25));
        return 1990 + static_cast<int>(std::sqrt(uniform()) * 36);
    }

    void pick_interval(Event& e) {
        const double g = uniform();
        const int y = pick_year();
        const unsigned m = static_cast<unsigned>(1 + below(12));
        const sys_days month_start{year{y} / m / 1};
        const sys_days month_end{year{y} / m / date::last};
        if (g < 0.50) {
            const sys_days d = month_start + days(below(28));
            e.interval = {d, d};
            e.granularity = Granularity::Day;
            e.value = format_iso(d);
        } else if (g < 0.70) {
            e.interval = {month_start, month_end};
            e.granularity = Granularity::Month;
            e.value = fmt::format("{}-{:02}", y, m);
        } else if (g < 0.88) {
            e.interval = {sys_days{year{y} / 1 / 1}, sys_days{year{y} / 12 / 31}};
            e.granularity = Granularity::Year;
            e.value = std::to_string(y);
        } else if (g < 0.91) {
            const sys_days d = month_start + days(below(28));
            e.interval = {d, d + days(6)};
            e.granularity = Granularity::Week;
            e.value = format_iso(d).substr(0, 4) + "-W" + std::to_string(1 + below(52));
        } else if (g < 0.95) {
            const unsigned q = static_cast<unsigned>(below(4));
            e.interval = {sys_days{year{y} / (q * 3 + 1) / 1}, sys_days{year{y} / (q * 3 + 3) / date::last}};
            e.granularity = Granularity::Quarter;
            e.value = fmt::format("{}-Q{}", y, q + 1);
        } else if (g < 0.99) {
            const int d0 = y / 10 * 10;
            e.interval = {sys_days{year{d0} / 1 / 1}, sys_days{year{d0 + 9} / 12 / 31}};
            e.granularity = Granularity::Decade;
            e.value = std::to_string(d0 / 10);
        } else if (g < 0.995) {
            const int c0 = y <= 2000 ? 1901 : 2001;
            e.interval = {sys_days{year{c0} / 1 / 1}, sys_days{year{c0 + 99} / 12 / 31}};
            e.granularity = Granularity::Century;
            e.value = std::to_string(c0 / 100);
        } else {
            e.interval = {};  // unanchored: "a month later" with nothing before it
            e.granularity = Granularity::Month;
            e.value = "XXXX-XX";
        }
        if (e.interval.anchored() && uniform() < 0.05) e.mod = static_cast<Mod>(1 + below(4));
    }

    // A news sentence: who, what, about what, where, when, and a detail of its
    // own (a figure, an official, a follow-up), so that two reports of one
    // busy lane share the names and a few words, as real ones do, not a template.
    std::string sentence(Lang lang, const Country& a, const Country& b, bool single, const Event& e) {
        const std::string when = date_phrase(lang, e);
        const int v = below(12), t = below(12), c = below(10), x = below(6), y = below(6);
        const int n = 2 + below(4000);
        if (lang == lang_of("en")) {
            static constexpr std::array<const char*, 6> kWho{"{} and {}", "Officials from {} and {}", "Envoys of {} and {}",
                                                             "The foreign ministers of {} and {}",
                                                             "Delegations from {} and {}", "Leaders of {} and {}"};
            static constexpr std::array<const char*, 6> kTail{"according to {} pages of documents",
                                                              "with {} observers present", "after {} hours of talks",
                                                              "a statement carried by {} outlets said",
                                                              "involving {} people, a spokesman said",
                                                              "worth {} million dollars, reports said"};
            const std::string who = single ? fmt::format("Officials in {}", a.en)
                                           : fmt::format(fmt::runtime(kWho[x]), a.en, b.en);
            return fmt::format("{} {} {} in {} {}, {}.", who, kEnVerbs[v], kEnTopics[t], kCities[c], when,
                               fmt::format(fmt::runtime(kTail[y]), n));
        }
        if (lang == lang_of("fa")) {
            static constexpr std::array<const char*, 6> kWho{"{} و {}", "مقام‌های {} و {}", "فرستادگان {} و {}",
                                                             "وزیران خارجه {} و {}", "هیئت‌های {} و {}", "رهبران {} و {}"};
            static constexpr std::array<const char*, 6> kTail{"بر اساس {} صفحه سند", "با حضور {} ناظر",
                                                              "پس از {} ساعت گفت‌وگو", "به گزارش {} رسانه",
                                                              "با مشارکت {} نفر", "به ارزش {} میلیون دلار"};
            const std::string who = single ? fmt::format("مقام‌های {}", a.fa) : fmt::format(fmt::runtime(kWho[x]), a.fa, b.fa);
            return fmt::format("{} {} {} {}، {}.", who, when, kFaVerbs[v], kFaTopics[t],
                               fmt::format(fmt::runtime(kTail[y]), n));
        }
        static constexpr std::array<const char*, 6> kWho{"{} و{}", "مسؤولو {} و{}", "مبعوثو {} و{}",
                                                         "وزيرا خارجية {} و{}", "وفدا {} و{}", "زعيما {} و{}"};
        static constexpr std::array<const char*, 6> kTail{"بحسب {} صفحة من الوثائق", "بحضور {} مراقبا",
                                                          "بعد {} ساعة من المحادثات", "وفق {} وسيلة إعلام",
                                                          "بمشاركة {} شخصا", "بقيمة {} مليون دولار"};
        const std::string who = single ? fmt::format("مسؤولو {}", a.ar) : fmt::format(fmt::runtime(kWho[x]), a.ar, b.ar);
        return fmt::format("{} {} {} {}، {}.", who, kArVerbs[v], kArTopics[t], when,
                           fmt::format(fmt::runtime(kTail[y]), n));
    }

    // The date as a reporter writes it, Gregorian in every language here.
    static std::string date_phrase(Lang lang, const Event& e) {
        static constexpr std::array<const char*, 12> kEn{"January", "February", "March", "April", "May", "June",
                                                         "July", "August", "September", "October", "November", "December"};
        static constexpr std::array<const char*, 12> kFa{"ژانویه", "فوریه", "مارس", "آوریل", "مه", "ژوئن",
                                                         "ژوئیه", "اوت", "سپتامبر", "اکتبر", "نوامبر", "دسامبر"};
        static constexpr std::array<const char*, 12> kAr{"يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو",
                                                         "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"};
        if (!e.interval.anchored()) return lang == lang_of("en") ? "a month later" : lang == lang_of("fa") ? "یک ماه بعد" : "بعد شهر";
        const year_month_day d{*e.interval.earliest};
        const int y = static_cast<int>(d.year());
        const unsigned m = static_cast<unsigned>(d.month()) - 1, day = static_cast<unsigned>(d.day());
        const auto& months = lang == lang_of("en") ? kEn : lang == lang_of("fa") ? kFa : kAr;
        switch (e.granularity) {
            case Granularity::Day: return lang == lang_of("en") ? fmt::format("on {} {} {}", day, months[m], y)
                                                           : fmt::format("{} {} {}", day, months[m], y);
            case Granularity::Month: return fmt::format("{} {} {}", lang == lang_of("en") ? "in" : lang == lang_of("fa") ? "در" : "في", months[m], y);
            case Granularity::Year: return fmt::format("{} {}", lang == lang_of("en") ? "in" : lang == lang_of("fa") ? "در سال" : "عام", y);
            case Granularity::Decade: return lang == lang_of("en") ? fmt::format("in the {}s", y) : lang == lang_of("fa") ? fmt::format("در دهه {}", y) : fmt::format("في عقد {}", y);
            case Granularity::Century: return lang == lang_of("en") ? "in the last century" : lang == lang_of("fa") ? "در قرن گذشته" : "في القرن الماضي";
            default: return lang == lang_of("en") ? fmt::format("in the week of {} {} {}", day, months[m], y) : fmt::format("{} {} {}", day, months[m], y);
        }
    }

    Event next() {
        Event e;
        const auto [ia, ib] = kPairs[static_cast<size_t>(pair_pick(rng))];
        const double shape = uniform();
        const bool single = shape < 0.15;
        e.actors = {kCountries[ia].code};
        if (!single) e.actors.push_back(kCountries[ib].code);
        if (shape > 0.85) e.actors.push_back(kCountries[static_cast<size_t>(below(kCountries.size()))].code);
        normalize_actors(e);
        pick_interval(e);
        const double k = uniform();
        e.kind = k < 0.35 ? EventKind::Diplomatic : k < 0.55 ? EventKind::Military : k < 0.68 ? EventKind::Security
               : k < 0.80 ? EventKind::Energy : k < 0.92 ? EventKind::Economy : EventKind::Other;
        const double l = uniform();
        e.lang = l < 0.4 ? lang_of("fa") : l < 0.75 ? lang_of("ar") : lang_of("en");
        e.text = sentence(e.lang, kCountries[ia], kCountries[ib], single, e);
        e.confidence = static_cast<float>(0.5 + 0.5 * uniform());
        const uint32_t at = static_cast<uint32_t>(below(20000));
        e.sources.push_back({fmt::format("synth/{}/{:07}.txt", to_string(e.lang), serial++ / 4),
                             {at, at + static_cast<uint32_t>(e.text.size())},
                             {at + 10, at + 22}});
        return e;
    }
};

SyntheticEvents::SyntheticEvents(uint64_t seed) : impl_(std::make_unique<Impl>(seed)) {}
SyntheticEvents::~SyntheticEvents() = default;
Event SyntheticEvents::next() { return impl_->next(); }

std::vector<Event> SyntheticEvents::take(size_t n) {
    std::vector<Event> out;
    out.reserve(n);
    for (size_t i = 0; i < n; ++i) out.push_back(next());
    return out;
}

std::vector<Window> random_windows(size_t n, int length_days, uint64_t seed) {
    std::mt19937_64 rng(seed);
    const sys_days first{year{1990} / 1 / 1};
    const int span = static_cast<int>((sys_days{year{2025} / 12 / 31} - first).count()) - length_days;
    std::vector<Window> out;
    for (size_t i = 0; i < n; ++i) {
        const sys_days from = first + days(static_cast<int>(rng() % static_cast<uint64_t>(std::max(1, span))));
        out.push_back({from, from + days(length_days - 1)});
    }
    return out;
}

}  // namespace tarikh::bench
