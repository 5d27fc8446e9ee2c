#include "time_axis.h"

#include "tarikh/calendar.h"

#include <date/date.h>

#include <algorithm>
#include <charconv>
#include <cmath>

namespace tarikh::viewer {

View clamped(View v) {
    double span = std::clamp(v.span(), kMinSpanDays, kMaxSpanDays);
    double mid = (v.t0 + v.t1) / 2;
    if (!std::isfinite(mid)) mid = 0;
    v.t0 = mid - span / 2;
    v.t1 = mid + span / 2;
    if (v.t0 < kWorldFirst) {
        v.t0 = kWorldFirst;
        v.t1 = kWorldFirst + span;
    }
    if (v.t1 > kWorldLast) {
        v.t1 = kWorldLast;
        v.t0 = kWorldLast - span;
    }
    return v;
}

View zoom_at(View v, double cursor, double factor) {
    cursor = std::clamp(cursor, 0.0, 1.0);
    double span = v.span();
    double target = std::clamp(span * factor, kMinSpanDays, kMaxSpanDays);
    double k = 1 - target / span;
    View out{v.t0 + span * cursor * k, v.t1 - span * (1 - cursor) * k};
    // Clamping only moves the view when it hits the ends of the world, so the
    // time under the cursor stays put everywhere else.
    return clamped(out);
}

View panned(View v, double days) { return clamped({v.t0 + days, v.t1 + days}); }

View fit(double first, double last) {
    double span = std::max(last + 1 - first, kMinSpanDays);
    double margin = span * 0.04 + 0.5;
    return clamped({first - margin, last + 1 + margin});
}

// ---- calendars ----

Ymd to_ymd(int32_t day, Calendar cal) {
    const CalendarDate d = date_in(cal, Day{date::days{day}});
    return {d.year, static_cast<int>(d.month), static_cast<int>(d.day)};
}

// Counted from the month's first day, so a day past the month's end (callers
// do not ask for one) still lands next to it rather than nowhere.
int32_t from_ymd(int y, int m, int d, Calendar cal) {
    const Day first = *day_in(cal, y, static_cast<unsigned>(m), 1);
    return static_cast<int32_t>(first.time_since_epoch().count()) + (d - 1);
}

namespace {

int month_length(int y, int m, Calendar cal) { return static_cast<int>(tarikh::month_length(cal, y, static_cast<unsigned>(m))); }

struct Step {
    TickRows::Unit unit;
    int n;
};
constexpr Step kLadder[] = {
    {TickRows::Unit::Day, 1},    {TickRows::Unit::Day, 2},     {TickRows::Unit::Day, 5},
    {TickRows::Unit::Day, 10},   {TickRows::Unit::Month, 1},   {TickRows::Unit::Month, 3},
    {TickRows::Unit::Month, 6},  {TickRows::Unit::Year, 1},    {TickRows::Unit::Year, 2},
    {TickRows::Unit::Year, 5},   {TickRows::Unit::Year, 10},   {TickRows::Unit::Year, 20},
    {TickRows::Unit::Year, 50},  {TickRows::Unit::Year, 100},  {TickRows::Unit::Year, 200},
    {TickRows::Unit::Year, 500}, {TickRows::Unit::Year, 1000},
};

// The shortest a step can be, in days: months of 28 (29 in the lunar and
// Solar Hijri calendars), years of 354 in the lunar one.
double min_days(Step s, Calendar cal) {
    switch (s.unit) {
    case TickRows::Unit::Day: return s.n;
    case TickRows::Unit::Month: return s.n * (cal == Calendar::Gregorian ? 28.0 : 29.0);
    case TickRows::Unit::Year: return s.n * (cal == Calendar::Islamic ? 354.0 : 365.0);
    }
    return s.n;
}

int floor_div(int a, int b) { return a >= 0 ? a / b : -((-a + b - 1) / b); }

// Tick days of step `s` from the first at or before t0 to the last before t1.
std::vector<int32_t> tick_days(const View& v, Step s, Calendar cal) {
    std::vector<int32_t> out;
    const int32_t first = static_cast<int32_t>(std::floor(v.t0));
    const int32_t last = static_cast<int32_t>(std::ceil(v.t1));
    Ymd start = to_ymd(first, cal);
    switch (s.unit) {
    case TickRows::Unit::Year: {
        // There is no year 0 in the count people use: ticks fall on 200 BCE
        // (astronomical -199), 1 CE, 200, 400… rather than on 201 BCE.
        const int n = s.n;
        int y = start.y >= 1 ? std::max(1, floor_div(start.y, n) * n) : 1 - (floor_div(-start.y, n) + 1) * n;
        if (start.y <= 0 && (1 - start.y) % n == 0) y = start.y;
        while (true) {
            int32_t d = from_ymd(y, 1, 1, cal);
            if (d >= last) break;
            out.push_back(d);
            if (y <= 0)
                y = y + n <= 0 ? y + n : 1;
            else
                y = y == 1 && n > 1 ? n : y + n;
        }
        break;
    }
    case TickRows::Unit::Month: {
        int y = start.y;
        int m = ((start.m - 1) / s.n) * s.n + 1;
        for (;;) {
            int32_t d = from_ymd(y, m, 1, cal);
            if (d >= last) break;
            out.push_back(d);
            m += s.n;
            if (m > 12) {
                m -= 12;
                ++y;
            }
        }
        break;
    }
    case TickRows::Unit::Day: {
        int y = start.y, m = start.m;
        for (;;) {
            int len = month_length(y, m, cal);
            int32_t month_first = from_ymd(y, m, 1, cal);
            if (month_first >= last) break;
            // 1, 1+n, 1+2n… but no tick squeezed in less than 0.7 of a step
            // before the next month's first (26 Feb with 5-day steps, 31 with 2).
            for (int d = 1; d <= len; d += s.n) {
                if (d > 1 && (len + 1 - d) * 10 < s.n * 7) break;
                int32_t day = month_first + d - 1;
                if (day >= last) break;
                out.push_back(day);
            }
            if (++m > 12) {
                m = 1;
                ++y;
            }
        }
        break;
    }
    }
    return out;
}

}  // namespace

std::string axis_year(int y, Calendar cal, const Messages& words) {
    if (cal == Calendar::Gregorian)
        return y >= 1 ? words.digits(y) : words.format("date.bce", {{"year", words.digits(1 - y)}});  // year 0 is 1 BCE
    // Years before the hijra are counted back.
    if (y < 1) return words.format("axis.before_hijra", {{"year", words.digits(1 - y)}});
    return words.format(cal == Calendar::Islamic ? "axis.year.islamic" : "axis.year.solar_hijri",
                        {{"year", words.digits(y)}});
}

std::string axis_label(int32_t day, Calendar cal, TickRows::Unit unit, bool with_context, const Messages& words) {
    const Ymd d = to_ymd(day, cal);
    // Gregorian month names are short on the axis (Oct); the others are short already or have no short form.
    const std::string month = words.month(cal, d.m, cal == Calendar::Gregorian);
    switch (unit) {
    case TickRows::Unit::Year: return axis_year(d.y, cal, words);
    case TickRows::Unit::Month:
        return with_context ? words.format("axis.month", {{"month", month}, {"year", axis_year(d.y, cal, words)}}) : month;
    case TickRows::Unit::Day:
        return with_context ? words.format("axis.day", {{"day", words.digits(d.d)}, {"month", month},
                                                        {"year", axis_year(d.y, cal, words)}})
                            : words.digits(d.d);
    }
    return {};
}

TickRows make_ticks(const View& view, float width, Calendar cal, const LabelMeasure& measure, const Messages& words,
                    float gap) {
    TickRows rows;
    if (width <= 0 || view.span() <= 0) return rows;
    const double px_per_day = width / view.span();
    const float pad = 3;  // labels start this far right of their tick

    // The widest label a step can produce, estimated from a few samples: the
    // widest month name, the day "28", the year at both ends of the view.
    auto widest = [&](Step s) {
        float w = 0;
        const int32_t mid = static_cast<int32_t>(std::floor((view.t0 + view.t1) / 2));
        const int32_t ends[] = {static_cast<int32_t>(std::floor(view.t0)), mid, static_cast<int32_t>(std::floor(view.t1))};
        if (s.unit == TickRows::Unit::Month) {
            Ymd y = to_ymd(mid, cal);
            for (int m = 1; m <= 12; ++m)
                w = std::max(w, measure(axis_label(from_ymd(y.y, m, 1, cal), cal, s.unit, false, words)));
        } else if (s.unit == TickRows::Unit::Day) {
            Ymd y = to_ymd(mid, cal);
            w = measure(axis_label(from_ymd(y.y, y.m, 28, cal), cal, s.unit, false, words));
        } else {
            for (int32_t e : ends) w = std::max(w, measure(axis_label(e, cal, s.unit, false, words)));
        }
        return w;
    };

    Step chosen = kLadder[std::size(kLadder) - 1];
    for (Step s : kLadder) {
        double px = min_days(s, cal) * px_per_day;
        if (px < 8) continue;  // cheap test before measuring anything
        if (px >= widest(s) + gap + pad) {
            chosen = s;
            break;
        }
    }
    rows.unit = chosen.unit;
    rows.step = chosen.n;

    // Labels sit right of their tick. A label is drawn only when it clears
    // the previous drawn one by `gap`; for the context row, the unit that
    // began off screen is pinned at the left edge if it clears the next one.
    auto place = [&](std::vector<Tick>& out, const std::vector<int32_t>& days, TickRows::Unit unit, bool ctx,
                     bool pin_first) {
        float prev_end = -1e30f;
        for (size_t i = 0; i < days.size(); ++i) {
            Tick t;
            t.t = days[i];
            t.x = static_cast<float>((days[i] - view.t0) * px_per_day);
            t.label = axis_label(days[i], cal, unit, ctx, words);
            const float w = measure(t.label);
            float lx = t.x + pad;
            if (t.x < 0) {
                float next_lx = i + 1 < days.size()
                                    ? static_cast<float>((days[i + 1] - view.t0) * px_per_day) + pad
                                    : 1e30f;
                lx = pad;
                t.labelled = pin_first && lx + w + gap <= next_lx;
            } else {
                // A label cut by the right edge is left out rather than clipped.
                t.labelled = lx >= prev_end + gap && lx + w <= width;
            }
            if (t.labelled) {
                t.x = std::max(t.x, 0.0f);
                prev_end = lx + w;
            }
            out.push_back(std::move(t));
        }
    };

    place(rows.fine, tick_days(view, chosen, cal), chosen.unit, false, false);
    if (chosen.unit == TickRows::Unit::Month) {
        place(rows.context, tick_days(view, {TickRows::Unit::Year, 1}, cal), TickRows::Unit::Year, false, true);
    } else if (chosen.unit == TickRows::Unit::Day) {
        place(rows.context, tick_days(view, {TickRows::Unit::Month, 1}, cal), TickRows::Unit::Month, true, true);
    }
    return rows;
}

std::string iso_day(int32_t day) {
    Ymd d = to_ymd(day, Calendar::Gregorian);
    char buf[32];
    if (d.y >= 0)
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.y, d.m, d.d);
    else
        std::snprintf(buf, sizeof buf, "-%04d-%02d-%02d", -d.y, d.m, d.d);
    return buf;
}

bool parse_partial_date(std::string_view s, bool end, int32_t& day) {
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    if (s.empty()) return false;
    bool bce = false;
    for (std::string_view suffix : {"BCE", "BC", "bce", "bc"}) {
        if (s.size() > suffix.size() && s.substr(s.size() - suffix.size()) == suffix) {
            bce = true;
            s.remove_suffix(suffix.size());
            while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
            break;
        }
    }
    bool neg = false;
    if (!s.empty() && s.front() == '-') {
        neg = true;
        s.remove_prefix(1);
    }
    int parts[3] = {0, 0, 0};
    int count = 0;
    while (count < 3) {
        int v = 0;
        auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
        if (ec != std::errc() || p == s.data()) return false;
        parts[count++] = v;
        s.remove_prefix(static_cast<size_t>(p - s.data()));
        if (s.empty()) break;
        if (s.front() != '-') return false;
        s.remove_prefix(1);
    }
    if (!s.empty()) return false;
    int y = parts[0];
    if (neg) y = -y;
    if (bce) y = 1 - y;
    if (y < -4000 || y > 6000) return false;
    if (count == 1) {
        day = end ? from_ymd(y, 12, 31, Calendar::Gregorian) : from_ymd(y, 1, 1, Calendar::Gregorian);
        return true;
    }
    int m = parts[1];
    if (m < 1 || m > 12) return false;
    if (count == 2) {
        day = end ? from_ymd(y, m, month_length(y, m, Calendar::Gregorian), Calendar::Gregorian)
                  : from_ymd(y, m, 1, Calendar::Gregorian);
        return true;
    }
    int d = parts[2];
    if (d < 1 || d > month_length(y, m, Calendar::Gregorian)) return false;
    day = from_ymd(y, m, d, Calendar::Gregorian);
    return true;
}

}  // namespace tarikh::viewer
