#include "synthetic.h"

#include "tarikh/language.h"
#include "tarikh/messages.h"

#include <algorithm>
#include <cmath>
#include <random>
#include <string>

namespace tarikh::viewer {
namespace {

constexpr const char* kCodes[] = {"IR", "IL", "AZ", "RU", "US", "TR", "AM", "SA", "AE", "IQ", "SY", "LB", "EG", "JO",
                                  "QA", "KZ", "TM", "UZ", "GE", "CN", "PK", "AF", "YE", "OM", "KW", "BH", "TJ", "KG",
                                  "FR", "GB", "DE", "IN", "PS", "UA", "LY", "SD"};

struct Template {
    Lang lang;
    std::string text;  // {a} and {b}: the two countries
};

// The made-up sentences are words of each language, so they are data:
// synthetic.sentence.1, .2 … in engine/lang/<code>/ui.tsv.
const std::vector<Template>& templates() {
    static const std::vector<Template> all = [] {
        std::vector<Template> out;
        for (const Language& l : languages()) {
            const Messages& words = Messages::of(l.code);
            for (int n = 1;; ++n) {
                const std::string key = "synthetic.sentence." + std::to_string(n);
                if (!words.has_own(key)) break;
                out.push_back({l.id, std::string(words.text(key))});
            }
        }
        if (out.empty()) out.push_back({Lang{}, "{a} and {b}"});  // a table without sentences still makes events
        return out;
    }();
    return all;
}

std::string fill(std::string t, const std::string& a, const std::string& b) {
    for (auto [key, val] : {std::pair{"{a}", &a}, std::pair{"{b}", &b}}) {
        for (size_t at; (at = t.find(key)) != std::string::npos;) t.replace(at, 3, *val);
    }
    return t;
}

}  // namespace

std::vector<Event> synthetic_events(size_t n, uint64_t seed) {
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> u(0, 1);
    const size_t ncodes = std::size(kCodes);
    // Zipf-like: a few countries take most of the news.
    std::vector<double> weight(ncodes);
    for (size_t i = 0; i < ncodes; ++i) weight[i] = 1.0 / std::pow(i + 1.0, 1.1);
    std::discrete_distribution<size_t> pick(weight.begin(), weight.end());
    const int32_t d1990 = date::sys_days{date::year{1990} / 1 / 1}.time_since_epoch().count();
    const int32_t d2026 = date::sys_days{date::year{2026} / 1 / 1}.time_since_epoch().count();

    std::vector<Event> out;
    out.reserve(n);
    for (size_t k = 0; k < n; ++k) {
        Event e;
        e.id = static_cast<int64_t>(k + 1);
        // Most news is recent; a tail reaches back centuries.
        double r = u(rng);
        int32_t day;
        if (r < 0.85)
            day = d1990 + static_cast<int32_t>(u(rng) * (d2026 - d1990));
        else if (r < 0.97)
            day = d1990 - static_cast<int32_t>(u(rng) * 90 * 365.2425);
        else
            day = d1990 - static_cast<int32_t>(u(rng) * 2900 * 365.2425);
        date::year_month_day ymd{Day{date::days{day}}};
        double g = u(rng);
        int32_t first = day, last = day;
        auto month_first = date::sys_days{ymd.year() / ymd.month() / 1}.time_since_epoch().count();
        auto month_last = date::sys_days{ymd.year() / ymd.month() / date::last}.time_since_epoch().count();
        auto year_first = date::sys_days{ymd.year() / 1 / 1}.time_since_epoch().count();
        auto year_last = date::sys_days{ymd.year() / 12 / 31}.time_since_epoch().count();
        char value[32];
        int y = static_cast<int>(ymd.year());
        unsigned m = static_cast<unsigned>(ymd.month()), d = static_cast<unsigned>(ymd.day());
        if (g < 0.45) {
            e.granularity = Granularity::Day;
            std::snprintf(value, sizeof value, "%04d-%02u-%02u", y, m, d);
        } else if (g < 0.55) {
            e.granularity = Granularity::Week;
            first = day - ((day + 4) % 7 + 7) % 7;  // Monday
            last = first + 6;
            std::snprintf(value, sizeof value, "%04d-W", y);
        } else if (g < 0.75) {
            e.granularity = Granularity::Month;
            first = month_first;
            last = month_last;
            std::snprintf(value, sizeof value, "%04d-%02u", y, m);
        } else if (g < 0.80) {
            e.granularity = Granularity::Quarter;
            unsigned q = (m - 1) / 3;
            first = date::sys_days{ymd.year() / (q * 3 + 1) / 1}.time_since_epoch().count();
            last = date::sys_days{ymd.year() / (q * 3 + 3) / date::last}.time_since_epoch().count();
            std::snprintf(value, sizeof value, "%04d-Q%u", y, q + 1);
        } else if (g < 0.94) {
            e.granularity = Granularity::Year;
            first = year_first;
            last = year_last;
            std::snprintf(value, sizeof value, "%04d", y);
        } else if (g < 0.985) {
            e.granularity = Granularity::Decade;
            int dec = y - ((y % 10) + 10) % 10;
            first = date::sys_days{date::year{dec} / 1 / 1}.time_since_epoch().count();
            last = date::sys_days{date::year{dec + 9} / 12 / 31}.time_since_epoch().count();
            std::snprintf(value, sizeof value, "%03d", dec / 10);
        } else {
            e.granularity = Granularity::Century;
            int c = y - ((y % 100) + 100) % 100;
            first = date::sys_days{date::year{c} / 1 / 1}.time_since_epoch().count();
            last = date::sys_days{date::year{c + 99} / 12 / 31}.time_since_epoch().count();
            std::snprintf(value, sizeof value, "%02d", c / 100);
        }
        if (e.granularity != Granularity::Day && u(rng) < 0.15) {
            e.mod = static_cast<Mod>(1 + static_cast<int>(u(rng) * 4));  // Start, Mid, End, Approx
        }
        e.interval = {Day{date::days{first}}, Day{date::days{last}}};
        e.value = value;

        size_t a = pick(rng), b = pick(rng);
        if (u(rng) < 0.15) b = a;  // a country on its own
        std::string ca = kCodes[a], cb = kCodes[b];
        e.actors = {ca};
        if (cb != ca) e.actors.push_back(cb);
        std::sort(e.actors.begin(), e.actors.end());
        e.pairs = {{e.actors.front(), e.actors.back()}};
        if (e.actors.size() == 2 && u(rng) < 0.05) {  // three actors, three pairs
            std::string cc = kCodes[pick(rng)];
            if (std::find(e.actors.begin(), e.actors.end(), cc) == e.actors.end()) {
                e.actors.push_back(cc);
                std::sort(e.actors.begin(), e.actors.end());
                e.pairs = {{e.actors[0], e.actors[1]}, {e.actors[0], e.actors[2]}, {e.actors[1], e.actors[2]}};
            }
        }
        e.kind = static_cast<EventKind>(static_cast<int>(u(rng) * 6) % 6);
        const std::vector<Template>& all = templates();
        const Template& t = all[static_cast<size_t>(u(rng) * all.size()) % all.size()];
        e.lang = t.lang;
        e.text = fill(t.text, ca, cb);
        e.confidence = static_cast<float>(0.5 + 0.5 * u(rng));
        int nsrc = 1 + static_cast<int>(u(rng) * 2.2);
        for (int s = 0; s < nsrc; ++s) {
            Source src;
            src.doc = "synthetic/doc_" + std::to_string((k * 7 + static_cast<size_t>(s) * 131) % 5000) + ".txt";
            src.span = {static_cast<uint32_t>(100 * s), static_cast<uint32_t>(100 * s + e.text.size())};
            src.date_span = {src.span.begin, src.span.begin + 8};
            e.sources.push_back(src);
        }
        out.push_back(std::move(e));
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const Event& x, const Event& y) { return *x.interval.earliest < *y.interval.earliest; });
    return out;
}

std::vector<Event> synthetic_undated(size_t n, uint64_t seed) {
    std::vector<Event> out = synthetic_events(n, seed);
    for (Event& e : out) {
        e.interval = {};
        e.value = "XXXX-10";
        e.granularity = Granularity::Month;
    }
    return out;
}

}  // namespace tarikh::viewer
