// Lanes and level of detail: every visible event is counted exactly once, the
// number of marks is bounded by pixels rather than events, and the density
// marks stay put while the view pans.
#include "filters.h"
#include "lanes.h"
#include "lod.h"
#include "synthetic.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

using namespace tarikh;
using namespace tarikh::viewer;

namespace {

Event make(int32_t first, int32_t last, std::vector<std::string> actors, EventKind kind = EventKind::Military,
           Granularity g = Granularity::Day) {
    Event e;
    e.interval = {Day{date::days{first}}, Day{date::days{last}}};
    e.value = "x";
    e.granularity = g;
    e.actors = actors;
    std::sort(e.actors.begin(), e.actors.end());
    if (e.actors.size() == 1) e.pairs = {{e.actors[0], e.actors[0]}};
    for (size_t i = 0; i < e.actors.size(); ++i)
        for (size_t j = i + 1; j < e.actors.size(); ++j) e.pairs.push_back({e.actors[i], e.actors[j]});
    e.kind = kind;
    e.text = "t";
    return e;
}

EventTable table_of(std::vector<Event> events) {
    EventTable t;
    for (auto& e : events) t.append(e);
    return t;
}

// One lane holding random events with lengths from a day to centuries.
struct RandomLane {
    EventTable table;
    Timeline timeline;
    const Lane* lane = nullptr;

    explicit RandomLane(size_t n, uint64_t seed = 7) {
        std::mt19937_64 rng(seed);
        std::vector<Event> ev;
        for (size_t i = 0; i < n; ++i) {
            int32_t first = static_cast<int32_t>(rng() % 40000) - 5000;
            double r = std::uniform_real_distribution<double>(0, 1)(rng);
            int32_t len = r < 0.5 ? 1 : static_cast<int32_t>(std::pow(2.0, r * 17));
            ev.push_back(make(first, first + len - 1, {"AZ", "IL"}, static_cast<EventKind>(rng() % 6)));
        }
        table = table_of(std::move(ev));
        timeline = build_timeline(table);
        for (const Lane& l : timeline.lanes)
            if (!l.aggregate() && !l.alone()) lane = &l;
    }
};

size_t visible_count(const EventTable& t, const View& v) {
    size_t n = 0;
    for (size_t i = 0; i < t.size(); ++i) n += t.first[i] < v.t1 && t.last[i] + 1 > v.t0;
    return n;
}

}  // namespace

TEST(Lanes, LevelsByLength) {
    EXPECT_EQ(level_of_length(1), 0);
    EXPECT_EQ(level_of_length(2), 1);
    EXPECT_EQ(level_of_length(3), 1);
    EXPECT_EQ(level_of_length(4), 2);
    EXPECT_EQ(level_of_length(365), 8);
    EXPECT_EQ(level_of_length(36525), 15);
}

TEST(Lanes, OnePerPairAndCountryGroupedByCount) {
    EventTable t = table_of({make(0, 0, {"AZ", "IL"}), make(5, 5, {"AZ", "IL"}), make(9, 9, {"AZ", "IR"}),
                             make(3, 3, {"AZ"}), make(4, 40, {"IR"}), make(7, 7, {"AZ", "IL", "IR"})});
    Timeline tl = build_timeline(t);
    EXPECT_EQ(tl.events, 6u);
    ASSERT_EQ(tl.groups.size(), 3u);
    // AZ has 5 events, IR 3, IL 3 (IL before IR by code on a tie).
    EXPECT_EQ(t.codes[tl.groups[0].country], "AZ");
    EXPECT_EQ(tl.groups[0].count, 5u);
    EXPECT_EQ(tl.groups[1].count, 3u);
    EXPECT_EQ(tl.first, 0);
    EXPECT_EQ(tl.last, 40);
    // AZ–IL (3: two plus the three-actor event) is first in AZ's group; pair
    // lanes with AZ live there, IL–IR goes to the busier of IL and IR.
    const Group& az = tl.groups[0];
    ASSERT_GE(az.lanes.size(), 3u);
    const Lane& top = tl.lanes[az.lanes[0]];
    EXPECT_EQ(t.codes[top.a] + "-" + t.codes[top.b], "AZ-IL");
    EXPECT_EQ(top.count, 3u);
    size_t lanes = 0;
    for (const Group& g : tl.groups) lanes += g.lanes.size();
    EXPECT_EQ(lanes, 5u);  // AZ-IL, AZ-IR, AZ alone, IR alone, IL-IR (from the three-actor event)
    for (const Lane& l : tl.lanes)
        for (const LaneLevel& lv : l.levels) EXPECT_TRUE(std::is_sorted(lv.start.begin(), lv.start.end()));
}

TEST(Lanes, FilteringMatchesBuildingFromTheKeptEvents) {
    EventTable t;
    for (auto& e : synthetic_events(3000, 3)) t.append(e);
    Timeline base = build_timeline(t);
    std::vector<uint8_t> keep(t.size());
    for (size_t i = 0; i < keep.size(); ++i) keep[i] = (i * 7919) % 3 == 0;
    Timeline a = filter_timeline(base, keep);
    Timeline b = build_timeline(t, keep);
    EXPECT_EQ(a.events, b.events);
    uint64_t ca = 0, cb = 0;
    for (const Lane& l : a.lanes) ca += l.count;
    for (const Lane& l : b.lanes) cb += l.count;
    EXPECT_EQ(ca, cb);
    ASSERT_EQ(a.groups.size(), b.groups.size());
    for (size_t g = 0; g < a.groups.size(); ++g) EXPECT_EQ(a.groups[g].count, b.groups[g].count);
}

TEST(Lod, EveryVisibleEventIsCountedOnce) {
    RandomLane r(20000);
    ASSERT_NE(r.lane, nullptr);
    LaneMarks marks;
    for (double span = 60000; span >= 1; span /= 2.3) {
        for (double mid : {-4000.0, 3000.3, 17777.7, 30001.0}) {
            LodParams p;
            p.view = {mid - span / 2, mid + span / 2};
            p.width = 1000;
            marks.clear();
            lane_marks(*r.lane, r.table.kind.data(), p, marks);
            uint64_t n = 0;
            for (const Mark& m : marks.bars) n += m.count;
            for (const Mark& m : marks.dense) n += m.count;
            EXPECT_EQ(n, visible_count(r.table, p.view)) << "span " << span << " mid " << mid;
        }
    }
}

TEST(Lod, MarksAreBoundedByPixelsNotEvents) {
    // A million events in one lane: at every zoom the marks fit in the pixels.
    EventTable t;
    {
        std::mt19937_64 rng(11);
        for (size_t i = 0; i < 1000000; ++i) {
            int32_t first = static_cast<int32_t>(rng() % 13000) + 7000;  // 1989–2025
            int32_t len = (rng() % 4) ? 1 : static_cast<int32_t>(1 + rng() % 400);
            Event e = make(first, first + len - 1, {"IR", "IL"}, static_cast<EventKind>(rng() % 6));
            t.append(e);
        }
    }
    Timeline tl = build_timeline(t);
    const Lane* lane = nullptr;
    for (const Lane& l : tl.lanes)
        if (!l.aggregate()) lane = &l;
    ASSERT_NE(lane, nullptr);
    ASSERT_EQ(lane->count, 1000000u);
    LaneMarks marks;
    for (double span = 1.2e6; span >= 1; span /= 3) {
        LodParams p;
        p.view = {13500 - span / 2, 13500 + span / 2};
        p.width = 1200;
        marks.clear();
        lane_marks(*lane, t.kind.data(), p, marks);
        size_t bound = (lane->levels.size() + 1) * static_cast<size_t>(p.width / p.min_px + 2);
        EXPECT_LE(marks.bars.size() + marks.dense.size(), bound) << "span " << span;
        uint64_t n = 0;
        for (const Mark& m : marks.bars) n += m.count;
        for (const Mark& m : marks.dense) n += m.count;
        EXPECT_EQ(n, visible_count(t, p.view)) << "span " << span;
    }
}

TEST(Lod, NarrowEventsFoldIntoDensityMarksWideOnesStayBars) {
    EventTable t = table_of({make(100, 100, {"AZ", "IL"}), make(101, 101, {"AZ", "IL"}), make(102, 102, {"AZ", "IL"}),
                             make(5000, 5000, {"AZ", "IL"}, EventKind::Energy), make(2000, 2999, {"AZ", "IL"})});
    Timeline tl = build_timeline(t);
    const Lane* lane = nullptr;
    for (const Lane& l : tl.lanes)
        if (!l.aggregate()) lane = &l;
    LodParams p;
    p.view = {0, 10000};  // 0.1 px per day: days are far narrower than 3 px
    p.width = 1000;
    LaneMarks m;
    lane_marks(*lane, t.kind.data(), p, m);
    ASSERT_EQ(m.dense.size(), 2u);
    EXPECT_EQ(m.dense[0].count, 3u);  // three days in one mark
    EXPECT_EQ(m.dense[0].first, 100);
    EXPECT_EQ(m.dense[0].last, 102);
    EXPECT_EQ(m.dense[0].kind, static_cast<uint8_t>(EventKind::Military));
    EXPECT_TRUE(m.dense[1].single());
    EXPECT_EQ(m.dense[1].event, 3u);
    EXPECT_GE(m.dense[1].x1 - m.dense[1].x0, p.min_px);
    ASSERT_EQ(m.bars.size(), 1u);  // the 1,000-day interval is 100 px wide
    EXPECT_FLOAT_EQ(m.bars[0].x0, 200);
    EXPECT_FLOAT_EQ(m.bars[0].x1, 300);

    // Zoomed in, the three days are three points.
    p.view = {95, 110};
    m.clear();
    lane_marks(*lane, t.kind.data(), p, m);
    EXPECT_TRUE(m.dense.empty());
    ASSERT_EQ(m.bars.size(), 3u);
    for (const Mark& b : m.bars) EXPECT_TRUE(b.single());
    const Mark* hit = mark_at(m, static_cast<float>((101.5 - 95) / 15 * 1000));
    ASSERT_NE(hit, nullptr);
    EXPECT_EQ(hit->event, 1u);
    EXPECT_EQ(mark_at(m, 990), nullptr);
}

TEST(Lod, DensityMarksStayPutWhilePanning) {
    RandomLane r(5000);
    LodParams p;
    p.width = 1000;
    p.view = {0, 20000};
    LaneMarks a, b;
    lane_marks(*r.lane, r.table.kind.data(), p, a);
    // Pan by 37.3 px worth of days.
    p.view = panned(p.view, 20000.0 / 1000 * 37.3);
    lane_marks(*r.lane, r.table.kind.data(), p, b);
    size_t same = 0, compared = 0;
    for (const Mark& m : a.dense) {
        if (m.x0 < 100 || m.x1 > 900) continue;  // away from both edges
        ++compared;
        for (const Mark& n : b.dense)
            if (n.first == m.first && n.last == m.last && n.count == m.count) {
                ++same;
                EXPECT_NEAR(n.x0, m.x0 - 37.3f, 0.01);
                break;
            }
    }
    ASSERT_GT(compared, 10u);
    EXPECT_EQ(same, compared);
}

TEST(Lod, RunsAreCappedSoDensityStaysReadable) {
    RandomLane r(50000);
    LodParams p;
    p.width = 1000;
    p.view = {-5000, 35000};
    LaneMarks m;
    lane_marks(*r.lane, r.table.kind.data(), p, m);
    ASSERT_FALSE(m.dense.empty());
    for (size_t i = 0; i < m.dense.size(); ++i) {
        // A run spans at most max_run_cells cells plus the reach of its last event.
        EXPECT_LE(m.dense[i].x1 - m.dense[i].x0, p.min_px * (p.max_run_cells + 2)) << i;
        if (i) EXPECT_LE(m.dense[i - 1].first, m.dense[i].first);
    }
}

TEST(Filters, TextKindsWhoAndDates) {
    std::vector<Event> ev = {make(0, 0, {"AZ", "IL"}), make(400, 400, {"AZ", "IR"}, EventKind::Energy),
                             make(800, 800, {"RU"}), make(1200, 1300, {"AZ", "IL", "IR"})};
    ev[0].text = "Baku and Tel Aviv signed";
    ev[1].text = "گاز ایران به باکو";
    ev[2].text = "Moscow said";
    ev[3].text = "تفاهم‌نامه امضا شد";
    EventTable t = table_of(ev);
    Timeline base = build_timeline(t);
    CountryNames names("code\ten\tfa\tar\nAZ\tAzerbaijan\tجمهوری آذربایجان\tأذربيجان\nIL\tIsrael\tاسرائیل\tإسرائيل\n"
                       "IR\tIran\tایران\tإيران\nRU\tRussia\tروسیه\tروسيا\n");

    Filter f;
    f.text = "baku";
    EXPECT_EQ(apply_filter(f, t, base, names).kept, 1u);
    f.text = "گاز ايران";  // Arabic yeh in the query, Persian in the text
    EXPECT_EQ(apply_filter(f, t, base, names).kept, 1u);
    f = Filter{};
    f.kinds = 1u << static_cast<int>(EventKind::Energy);
    EXPECT_EQ(apply_filter(f, t, base, names).kept, 1u);
    f = Filter{};
    f.who = "Iran";
    auto r = apply_filter(f, t, base, names);
    EXPECT_EQ(r.kept, 2u);
    // The AZ–IL lane is hidden: the three-actor event is in it but IL–AZ does not involve Iran.
    Timeline shown = filter_timeline(base, r.keep, r.keep_lane);
    for (const Lane& l : shown.lanes)
        if (l.count && !l.aggregate()) EXPECT_TRUE(t.codes[l.a] == "IR" || t.codes[l.b] == "IR");
    f.who = "AZ-IL";
    EXPECT_EQ(apply_filter(f, t, base, names).kept, 2u);
    f.who = "روسیه";
    EXPECT_EQ(apply_filter(f, t, base, names).kept, 1u);
    f.who = "Atlantis";
    r = apply_filter(f, t, base, names);
    EXPECT_EQ(r.kept, 0u);
    EXPECT_NE(r.problem.find("Atlantis"), std::string::npos);
    f = Filter{};
    f.from = "1972";
    f.to = "1973-06";
    EXPECT_EQ(apply_filter(f, t, base, names).kept, 2u);  // day 800 (1972-03) and days 1200–1300 (1973-04…07)
}

TEST(Filters, LessSurePairsAreHiddenFromTheirLanes) {
    // A visit (SA to MR, sure) with a weaker pair (SA, AE) beside it, and an
    // event whose only pair is weak.
    Event visit = make(0, 0, {"AE", "MR", "SA"});
    visit.pairs = {{"AE", "SA"}, {"MR", "SA"}};
    visit.participants = {{"SA", "AE", true, PairCue::SubjectObject, 0.4f}, {"SA", "MR", true, PairCue::Visit, 0.85f}};
    Event weak = make(10, 10, {"AE", "MR"});
    weak.participants = {{"AE", "MR", true, PairCue::Cooccurrence, 0.3f}};
    EventTable t = table_of({visit, weak});
    // The table keeps each pair's direction, cue and confidence.
    const Event back = t.to_event(0);
    ASSERT_EQ(back.participants.size(), 2u);
    EXPECT_EQ(back.participants[1].source, "SA");
    EXPECT_EQ(back.participants[1].target, "MR");
    EXPECT_EQ(back.participants[1].cue, PairCue::Visit);
    EXPECT_FLOAT_EQ(back.participants[0].confidence, 0.4f);

    Timeline base = build_timeline(t);
    CountryNames names("code\ten\tfa\tar\n");
    Filter f;
    f.min_confidence = 0.5f;
    EXPECT_TRUE(f.active());
    auto r = apply_filter(f, t, base, names);
    EXPECT_EQ(r.kept, 1u);  // the weak event has no pair left
    Timeline shown = filter_timeline(base, r.keep, r.keep_lane, &t, f.min_confidence);
    auto count_of = [&](const char* a, const char* b) {
        for (const Lane& l : shown.lanes)
            if (!l.aggregate() && ((t.codes[l.a] == a && t.codes[l.b] == b) || (t.codes[l.a] == b && t.codes[l.b] == a)))
                return l.count;
        return 0u;
    };
    EXPECT_EQ(count_of("MR", "SA"), 1u);
    EXPECT_EQ(count_of("AE", "SA"), 0u);  // the visit's weak pair
    EXPECT_EQ(count_of("AE", "MR"), 0u);
}
