// The time axis: what part of history is on screen, how the mouse moves it,
// and where the tick labels go.
//
// Time is counted in days since 1970-01-01 (date::sys_days), as a double for
// the view so that zooming is smooth, and day d covers [d, d+1). Tracy counts
// int64 nanoseconds, which cannot span the centuries this viewer must show;
// ImPlot's time axis stops at 1970–3000.
#pragma once

#include "tarikh/messages.h"

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace tarikh::viewer {

constexpr double kDaysPerYear = 365.2425;
constexpr double kMinSpanDays = 1.0;                    // one day across the screen
constexpr double kMaxSpanDays = 3200 * kDaysPerYear;    // a little over the 3,000 years the issue asks for
// Nothing is drawn beyond these (year -4000 … 6000): keeps dates formattable.
constexpr double kWorldFirst = -2180000;
constexpr double kWorldLast = 1470000;

struct View {
    double t0 = 0, t1 = 1;  // visible days [t0, t1)
    double span() const { return t1 - t0; }
    double x_of(double t, float x0, float width) const { return x0 + (t - t0) / span() * width; }
    double t_of(double x, float x0, float width) const { return t0 + (x - x0) / width * span(); }
};

// Keeps the span in [kMinSpanDays, kMaxSpanDays] and the view inside the world.
View clamped(View v);
// Zooms by `factor` (< 1 zooms in) keeping the time at `cursor` (0..1 across
// the view) where it is: t0 += span·p·k, t1 -= span·(1-p)·k with k = 1 - factor.
View zoom_at(View v, double cursor, double factor);
View panned(View v, double days);
// [first, last] inclusive days with a margin on each side: Home, double-click.
View fit(double first, double last);

struct Tick {
    double t = 0;          // day where the tick stands
    float x = 0;           // pixels from the left of the axis
    std::string label;     // logical UTF-8; Persian/Arabic labels still need bidi_text
    bool labelled = true;  // false when the label would touch its neighbour
};

struct TickRows {
    // The enclosing unit above the fine ticks, e.g. "October 2023" above day
    // ticks, "2023" above month ticks; empty when the fine labels say it all.
    // The first one is pinned at the left edge when its start is off screen.
    std::vector<Tick> context;
    std::vector<Tick> fine;
    enum class Unit { Day, Month, Year } unit = Unit::Year;
    int step = 1;  // in units
};

// Width in pixels of a label as it will be drawn (shaped and reordered).
using LabelMeasure = std::function<float(std::string_view)>;

// Ticks for `view` across `width` pixels: the finest step in the ladder
// day 1·2·5·10, month 1·3·6, year 1·2·5·10·20·50·100·200·500·1000 whose
// labels clear each other by `gap` pixels. Labels start just right of their
// tick; a label that would still touch the previous one is not drawn.
TickRows make_ticks(const View& view, float width, Calendar cal, const LabelMeasure& measure, const Messages& words,
                    float gap = 10);

// Year, month (1..12) and day of a day number in a calendar.
struct Ymd {
    int y;
    int m;
    int d;
};
Ymd to_ymd(int32_t day, Calendar cal);
int32_t from_ymd(int y, int m, int d, Calendar cal);

// "2023-10-07"; years before 1 as astronomical years ("-0499-03-01").
std::string iso_day(int32_t day);
// Parses "2023", "2023-10", "2023-10-07", "-500" and "500BC"/"500 BCE": the
// first day of that year/month/day, or the last with `end` set.
bool parse_partial_date(std::string_view s, bool end, int32_t& day);

// A tick's label in `words`' language: "7 Oct 2023" / "Oct 2023" / "2023" /
// "500 BCE" on the Gregorian axis, "15 Mehr 1402" (or the same in Persian words and digits) on the
// Solar Hijri one; without context, only the unit's own part ("7", "Oct").
std::string axis_label(int32_t day, Calendar cal, TickRows::Unit unit, bool with_context, const Messages& words);

}  // namespace tarikh::viewer
