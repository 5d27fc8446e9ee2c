// The time axis: zoom and pan arithmetic, tick steps from millennia to days,
// labels that never overlap, and the Solar Hijri and Hijri axes.
#include "bidi_text.h"
#include "time_axis.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace tarikh::viewer;
using tarikh::Calendar;
using tarikh::Messages;

namespace {

const tarikh::Messages& en() { return tarikh::Messages::of("en"); }

int32_t day(int y, int m, int d) { return from_ymd(y, m, d, Calendar::Gregorian); }

// Close to the UI's font: about 7.5 px per character of the shaped label.
float measure(std::string_view s) {
    std::string v = needs_bidi(s) ? visual_line(s) : std::string(s);
    size_t n = 0;
    for (unsigned char c : v) n += (c & 0xC0) != 0x80;
    return 7.5f * static_cast<float>(n);
}

View years(int a, int b) { return {double(day(a, 1, 1)), double(day(b, 1, 1))}; }

void expect_no_overlap(const std::vector<Tick>& ticks, float width, const char* what, const View& v) {
    float prev_end = -1e30f;
    int labelled = 0;
    for (const Tick& t : ticks) {
        if (!t.labelled) continue;
        ++labelled;
        float x = std::max(t.x, 0.0f) + 3;
        EXPECT_GE(x, prev_end) << what << " label '" << t.label << "' overlaps the previous one in view " << v.t0
                               << ".." << v.t1;
        EXPECT_LT(x, width) << what;
        prev_end = x + measure(t.label);
    }
}

}  // namespace

TEST(TimeAxis, WheelZoomKeepsTheTimeUnderTheCursor) {
    View v{1000, 3000};
    for (double p : {0.0, 0.3, 0.5, 0.97}) {
        for (double f : {0.8, 1.25, 0.1}) {
            double t = v.t0 + p * v.span();
            View z = zoom_at(v, p, f);
            EXPECT_NEAR(z.t0 + p * z.span(), t, 1e-6);
            EXPECT_NEAR(z.span(), v.span() * f, 1e-6);
        }
    }
}

TEST(TimeAxis, ZoomStopsAtOneDayAndAtThreeThousandYears) {
    View v{20000, 20001};
    View in = zoom_at(v, 0.5, 0.01);
    EXPECT_NEAR(in.span(), kMinSpanDays, 1e-9);
    View out = v;
    for (int i = 0; i < 200; ++i) out = zoom_at(out, 0.5, 2);
    EXPECT_NEAR(out.span(), kMaxSpanDays, 1e-6);
    EXPECT_GE(out.span(), 3000 * kDaysPerYear);
    EXPECT_GE(out.t0, kWorldFirst);
    EXPECT_LE(out.t1, kWorldLast);
}

TEST(TimeAxis, PanAndFit) {
    View v = panned({0, 100}, 50);
    EXPECT_DOUBLE_EQ(v.t0, 50);
    EXPECT_DOUBLE_EQ(v.t1, 150);
    View f = fit(day(2020, 9, 27), day(2020, 11, 10));
    EXPECT_LT(f.t0, day(2020, 9, 27));
    EXPECT_GT(f.t1, day(2020, 11, 11));
    EXPECT_LT(f.span(), 60);
}

TEST(TimeAxis, StepsFollowTheZoom) {
    auto unit = [](const View& v) { return make_ticks(v, 1000, Calendar::Gregorian, measure, en()); };
    TickRows r = unit(years(-1000, 2100));  // 3,100 years
    EXPECT_EQ(r.unit, TickRows::Unit::Year);
    EXPECT_GE(r.step, 100);
    EXPECT_TRUE(r.context.empty());

    r = unit(years(1900, 2030));
    EXPECT_EQ(r.unit, TickRows::Unit::Year);
    EXPECT_GE(r.step, 5);
    EXPECT_LE(r.step, 20);

    r = unit(years(2023, 2024));
    EXPECT_EQ(r.unit, TickRows::Unit::Month);
    EXPECT_EQ(r.step, 1);
    ASSERT_FALSE(r.context.empty());
    EXPECT_EQ(r.context[0].label, "2023");

    r = unit({double(day(2023, 10, 1)), double(day(2023, 10, 15))});
    EXPECT_EQ(r.unit, TickRows::Unit::Day);
    EXPECT_EQ(r.step, 1);
    ASSERT_FALSE(r.context.empty());
    EXPECT_EQ(r.context[0].label, "Oct 2023");
    EXPECT_TRUE(r.context[0].labelled);  // pinned at the left edge
    EXPECT_EQ(r.fine[0].label, "1");

    r = unit({double(day(2023, 10, 7)), double(day(2023, 10, 7)) + 1});  // a single day
    EXPECT_EQ(r.unit, TickRows::Unit::Day);
}

TEST(TimeAxis, LabelsNeverOverlapAtAnyZoom) {
    // Spans from 3,200 years to a day, at several offsets and widths.
    for (float width : {400.0f, 1000.0f, 1900.0f}) {
        for (double span = kMaxSpanDays; span >= 1; span /= 1.37) {
            for (double mid : {double(day(-800, 3, 3)), double(day(1917, 11, 7)), double(day(2023, 10, 7)) + 0.4}) {
                View v = clamped({mid - span / 2, mid + span / 2});
                for (Calendar cal : {Calendar::Gregorian, Calendar::SolarHijri, Calendar::Islamic}) {
                    TickRows r = make_ticks(v, width, cal, measure, en());
                    expect_no_overlap(r.fine, width, "fine", v);
                    expect_no_overlap(r.context, width, "context", v);
                    int labelled = 0;
                    for (const Tick& t : r.fine) labelled += t.labelled;
                    EXPECT_GE(labelled + static_cast<int>(!r.context.empty()), 1) << "empty axis at span " << span;
                    for (size_t i = 1; i < r.fine.size(); ++i) EXPECT_LT(r.fine[i - 1].t, r.fine[i].t);
                }
            }
        }
    }
}

TEST(TimeAxis, DayStepsDoNotSqueezeBeforeTheMonthEnds) {
    // With 2-, 5- and 10-day steps the last tick of a month keeps at least
    // 0.7 of a step before the next month's first (no 26 Feb then 1 Mar).
    for (float width : {300.0f, 600.0f, 900.0f, 1500.0f}) {
        View v{double(day(2023, 1, 1)), double(day(2023, 3, 15))};
        TickRows r = make_ticks(v, width, Calendar::Gregorian, measure, en());
        if (r.unit != TickRows::Unit::Day) continue;
        for (size_t i = 1; i < r.fine.size(); ++i)
            EXPECT_GE((r.fine[i].t - r.fine[i - 1].t) * 10, r.step * 7) << r.fine[i].label << " step " << r.step;
    }
}

TEST(TimeAxis, SolarHijriMonthsStartWhereIranSaysTheyDo) {
    // 1 Farvardin 1403 = 2024-03-20; 1 Farvardin 1404 = 2025-03-21.
    View v{double(day(2024, 1, 1)), double(day(2024, 12, 31))};
    TickRows r = make_ticks(v, 1000, Calendar::SolarHijri, measure, Messages::of("fa"));
    ASSERT_EQ(r.unit, TickRows::Unit::Month);
    bool farvardin = false;
    for (const Tick& t : r.fine)
        if (t.t == day(2024, 3, 20)) {
            farvardin = true;
            EXPECT_EQ(t.label, "فروردین");
        }
    EXPECT_TRUE(farvardin);
    ASSERT_FALSE(r.context.empty());
    bool year = false;
    for (const Tick& t : r.context)
        if (t.t == day(2024, 3, 20)) {
            year = true;
            EXPECT_EQ(t.label, "۱۴۰۳");
        }
    EXPECT_TRUE(year);
    EXPECT_EQ(from_ymd(1404, 1, 1, Calendar::SolarHijri), day(2025, 3, 21));
}

TEST(TimeAxis, HijriMonthsFollowUmmAlQura) {
    // 1 Muharram 1446 = 2024-07-07 (Umm al-Qura).
    View v{double(day(2024, 5, 1)), double(day(2024, 9, 1))};
    TickRows r = make_ticks(v, 300, Calendar::Islamic, measure, Messages::of("ar"));
    bool muharram = false;
    for (const Tick& t : r.fine)
        if (t.t == day(2024, 7, 7)) {
            muharram = true;
            EXPECT_EQ(t.label, "محرم");
        }
    EXPECT_TRUE(muharram);
    EXPECT_EQ(axis_label(day(2024, 7, 7), Calendar::Islamic, TickRows::Unit::Year, false, Messages::of("ar")), "١٤٤٦ هـ");
}

TEST(TimeAxis, Labels) {
    const auto G = Calendar::Gregorian, SH = Calendar::SolarHijri;
    EXPECT_EQ(axis_label(day(2023, 10, 7), G, TickRows::Unit::Day, true, en()), "7 Oct 2023");
    EXPECT_EQ(axis_label(day(2023, 10, 7), G, TickRows::Unit::Month, false, en()), "Oct");
    EXPECT_EQ(axis_label(day(-499, 1, 1), G, TickRows::Unit::Year, false, en()), "500 BCE");
    // Every calendar in the words of the UI's language.
    EXPECT_EQ(axis_label(day(2023, 10, 7), SH, TickRows::Unit::Day, true, Messages::of("fa")), "۱۵ مهر ۱۴۰۲");
    EXPECT_EQ(axis_label(day(2023, 10, 7), SH, TickRows::Unit::Day, true, en()), "15 Mehr 1402");
    EXPECT_EQ(axis_label(day(2023, 10, 7), G, TickRows::Unit::Month, true, Messages::of("fa")), "اکتبر ۲۰۲۳");
    EXPECT_EQ(iso_day(day(2023, 10, 7)), "2023-10-07");
}

TEST(TimeAxis, PartialDates) {
    int32_t d = 0;
    ASSERT_TRUE(parse_partial_date("2023", false, d));
    EXPECT_EQ(d, day(2023, 1, 1));
    ASSERT_TRUE(parse_partial_date("2023", true, d));
    EXPECT_EQ(d, day(2023, 12, 31));
    ASSERT_TRUE(parse_partial_date("2024-02", true, d));
    EXPECT_EQ(d, day(2024, 2, 29));
    ASSERT_TRUE(parse_partial_date(" 2023-10-07 ", false, d));
    EXPECT_EQ(d, day(2023, 10, 7));
    ASSERT_TRUE(parse_partial_date("500 BCE", false, d));
    EXPECT_EQ(d, day(-499, 1, 1));
    ASSERT_TRUE(parse_partial_date("-499", false, d));
    EXPECT_EQ(d, day(-499, 1, 1));
    EXPECT_FALSE(parse_partial_date("2023-13", false, d));
    EXPECT_FALSE(parse_partial_date("2023-02-30", false, d));
    EXPECT_FALSE(parse_partial_date("soon", false, d));
}
