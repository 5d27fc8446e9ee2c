// Readable lanes: overlapping marks stacked in sub-rows with labels where
// there is room (stacking.h), merged marks that open once they are wide
// enough to tell apart (lod.h), and Home framed on where most events are
// (overview.h).
#include "lanes.h"
#include "lod.h"
#include "overview.h"
#include "stacking.h"

#include <gtest/gtest.h>

#include <algorithm>

using namespace tarikh;
using namespace tarikh::viewer;

namespace {

Mark bar(float x0, float x1, uint32_t event, uint32_t count = 1) {
    Mark m;
    m.x0 = x0;
    m.x1 = x1;
    m.first = static_cast<int32_t>(x0);
    m.last = static_cast<int32_t>(x1);
    m.event = event;
    m.count = count;
    m.kind = 1;
    return m;
}

auto no_points = [](const Mark&) { return false; };

// No two marks of one sub-row overlap (a label counts as part of its mark).
void expect_no_overlap(const Stack& s, float gap) {
    for (size_t i = 0; i < s.marks.size(); ++i)
        for (size_t j = i + 1; j < s.marks.size(); ++j) {
            const Placed &a = s.marks[i], &b = s.marks[j];
            if (a.row != b.row) continue;
            const bool apart = a.end + gap <= b.mark.x0 || b.end + gap <= a.mark.x0;
            EXPECT_TRUE(apart) << "row " << int(a.row) << ": [" << a.mark.x0 << ", " << a.end << ") and ["
                               << b.mark.x0 << ", " << b.end << ")";
        }
}

TEST(Stacking, OverlappingMarksGoToSubRowsAndApartOnesShareOne) {
    LaneMarks marks;
    marks.bars = {bar(0, 100, 1), bar(50, 150, 2), bar(120, 200, 3), bar(300, 310, 4)};
    StackParams p;
    Stack s;
    stack_marks(marks, p, no_points, s);
    ASSERT_EQ(s.marks.size(), 4u);
    EXPECT_EQ(s.rows, 2);
    expect_no_overlap(s, p.gap);
    auto row_of = [&](uint32_t e) {
        for (const Placed& pl : s.marks)
            if (pl.mark.event == e) return int(pl.row);
        return -1;
    };
    EXPECT_EQ(row_of(1), 0);
    EXPECT_EQ(row_of(2), 1);
    EXPECT_EQ(row_of(3), 0);  // clear of the first by then
    EXPECT_EQ(row_of(4), 0);
}

TEST(Stacking, TheLastSubRowMergesWhatStillOverlapsSoEveryEventIsCountedOnce) {
    LaneMarks marks;
    for (uint32_t i = 0; i < 36; ++i) marks.bars.push_back(bar(100, 140, i));  // 36 events on one day
    StackParams p;
    p.max_rows = 4;
    Stack s;
    stack_marks(marks, p, no_points, s);
    EXPECT_EQ(s.rows, 4);
    uint32_t total = 0, alone = 0;
    for (const Placed& pl : s.marks) {
        total += pl.mark.count;
        alone += pl.mark.single();
    }
    EXPECT_EQ(total, 36u);
    EXPECT_EQ(alone, 3u);  // three apart, 33 as one "+33"
    expect_no_overlap(s, p.gap);
}

TEST(Stacking, LabelsOnlyWhereThereIsRoomAndTheyNeverCoverAMark) {
    LaneMarks marks;
    marks.bars = {bar(0, 8, 1), bar(200, 208, 2), bar(215, 223, 3), bar(400, 700, 4)};
    StackParams p;
    p.label_width = [](const Mark&) { return 80.0f; };
    Stack s;
    stack_marks(marks, p, no_points, s);
    for (const Placed& pl : s.marks) {
        if (pl.mark.event == 1) EXPECT_GT(pl.label_w, 0);   // 190 px free after it
        if (pl.mark.event == 2) EXPECT_EQ(pl.label_w, 0);   // the next mark is 7 px away
        if (pl.mark.event == 4) EXPECT_TRUE(pl.label_inside);  // a bar wide enough holds its label
    }
    expect_no_overlap(s, p.gap);
    // One row (a country's header row): drawn as they come, no labels.
    p.max_rows = 1;
    stack_marks(marks, p, no_points, s);
    EXPECT_EQ(s.rows, 1);
    for (const Placed& pl : s.marks) EXPECT_EQ(pl.label_w, 0);
}

// A label is drawn whole inside the canvas or not at all: one that ran past
// the right edge lost its end, and a right-to-left label its first words.
TEST(Stacking, ALabelThatWouldRunOffTheCanvasIsNotDrawn) {
    LaneMarks marks;
    marks.bars = {bar(0, 8, 1), bar(900, 908, 2), bar(-500, 60, 3), bar(700, 1200, 4)};
    StackParams p;
    p.label_width = [](const Mark&) { return 80.0f; };
    p.left = 0;
    p.right = 960;
    Stack s;
    stack_marks(marks, p, no_points, s);
    for (const Placed& pl : s.marks) {
        if (pl.mark.event == 1) EXPECT_GT(pl.label_w, 0);    // room before the canvas ends
        if (pl.mark.event == 2) EXPECT_EQ(pl.label_w, 0);    // 52 px left to the edge
        if (pl.mark.event == 3) EXPECT_EQ(pl.label_w, 0);    // 60 px of it in view: too little inside
        if (pl.mark.event == 4) EXPECT_TRUE(pl.label_inside);  // 260 px of it in view
        EXPECT_LE(pl.label_inside ? std::max(pl.mark.x0, p.left) + 6 + pl.label_w : pl.end, p.right);
    }
}

TEST(Lod, MergedMarksOpenOnceWideEnoughToTellApart) {
    // 36 one-day events of one lane on one day.
    EventTable t;
    for (int i = 0; i < 36; ++i) {
        Event e;
        e.interval = {Day{date::days{1000}}, Day{date::days{1000}}};
        e.granularity = Granularity::Day;
        e.actors = {"AZ", "IL"};
        e.pairs = {{"AZ", "IL"}};
        e.text = "t";
        t.append(e);
    }
    Timeline tl = build_timeline(t);
    const Lane* lane = nullptr;
    for (const Lane& l : tl.lanes)
        if (!l.aggregate() && !l.alone()) lane = &l;
    ASSERT_NE(lane, nullptr);
    LodParams p;
    p.width = 1000;
    p.open_max = 3;
    LaneMarks m;
    // A decade across: one day is a fraction of a pixel, one mark.
    p.view = {-2000, 1650};
    lane_marks(*lane, t.kind.data(), p, m);
    EXPECT_EQ(m.bars.size() + m.dense.size(), 1u);
    // Three days across: the day is 330 px wide; three apart, the rest as one.
    m.clear();
    p.view = {999, 1002};
    lane_marks(*lane, t.kind.data(), p, m);
    ASSERT_EQ(m.bars.size(), 4u);
    uint32_t alone = 0, total = 0;
    for (const Mark& k : m.bars) {
        alone += k.single();
        total += k.count;
    }
    EXPECT_EQ(alone, 3u);
    EXPECT_EQ(total, 36u);
    // One-row lanes do not open.
    m.clear();
    p.open_max = 0;
    lane_marks(*lane, t.kind.data(), p, m);
    EXPECT_EQ(m.bars.size(), 1u);
}

TEST(Overview, HomeFramesWhereMostEventsAreAndTheStripCoversTheRest) {
    EventTable t;
    auto add = [&](int32_t a, int32_t b) {
        Event e;
        e.interval = {Day{date::days{a}}, Day{date::days{b}}};
        e.actors = {"IR"};
        e.pairs = {{"IR", "IR"}};
        e.text = "t";
        t.append(e);
    };
    for (int i = 0; i < 1000; ++i) add(18000 + i * 7, 18000 + i * 7);  // news of 2019–2038 by the day
    add(-1100000, -1100000);                                           // one event of 1042 BCE
    add(-300000, -280000);                                             // and a far decade
    const Overview o = make_overview(t, {});
    EXPECT_EQ(o.first, -1100000);
    EXPECT_EQ(o.last, 18000 + 999 * 7);
    EXPECT_GE(o.core_first, 18000 - 400);  // the news, not 3,000 years
    EXPECT_LE(o.core_last, 18000 + 999 * 7);
    uint64_t n = 0;
    for (uint32_t b : o.bins) n += b;
    EXPECT_EQ(n, t.size());
    EXPECT_GT(o.bins.front(), 0u);  // the far event is in the strip
    // Rows left out are left out of both.
    std::vector<uint8_t> keep(t.size(), 1);
    keep[1000] = 0;
    EXPECT_GT(make_overview(t, keep).first, -1100000);
}

// Real news cites history: beside five years of reports, a quarter of the
// events are spread over the last century and further back. Home opens on
// the reports, not on the century.
TEST(Overview, HomeFramesTheNewsWhenAQuarterOfTheEventsAreHistory) {
    EventTable t;
    auto add = [&](int32_t a, int32_t b) {
        Event e;
        e.interval = {Day{date::days{a}}, Day{date::days{b}}};
        e.actors = {"IR"};
        e.pairs = {{"IR", "IR"}};
        e.text = "t";
        t.append(e);
    };
    const int32_t news = 16071;  // 2014-01-01
    for (int i = 0; i < 750; ++i) add(news + i * 2, news + i * 2);                 // 2014-2018
    for (int i = 0; i < 200; ++i) add(-25567 + i * 180, -25567 + i * 180 + 364);  // years of 1900-1999
    for (int i = 0; i < 50; ++i) add(-700000 + i * 9000, -700000 + i * 9000);     // and long before
    const Overview o = make_overview(t, {});
    EXPECT_GE(o.core_first, news - 365);
    EXPECT_LE(o.core_last, news + 749 * 2 + 365);
    // With few events, all of them.
    EventTable few;
    std::swap(t, few);
    add(-25567, -25567);
    add(news, news);
    const Overview f = make_overview(t, {});
    EXPECT_EQ(f.core_first, -25567);
    EXPECT_EQ(f.core_last, news);
}

}  // namespace
