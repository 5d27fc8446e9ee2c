// The UI driven headless: ImGui builds its frames without a GL context, and
// input is set on io directly (ImGui 1.86 predates the input queue), as a
// person's mouse and keys would set it.
#include "synthetic.h"
#include "ui.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <unistd.h>

using namespace tarikh;
using namespace tarikh::viewer;

namespace {

class Headless : public ::testing::Test {
protected:
    void SetUp() override {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = {1280, 800};
        io.DeltaTime = 1.0f / 60;
        io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;  // as the OpenGL 3 backend does
        io.KeyMap[ImGuiKey_Home] = 300;
        io.KeyMap[ImGuiKey_LeftArrow] = 301;
        io.KeyMap[ImGuiKey_Escape] = 302;
        load_fonts(16);
        unsigned char* px;
        int w, h;
        io.Fonts->GetTexDataAsRGBA32(&px, &w, &h);
        data = std::shared_ptr<ViewerData>(
            load_events(synthetic_events(20000, 5), synthetic_undated(40), "synthetic"));
        set_data(ui, data);
        frame();
    }
    void TearDown() override { ImGui::DestroyContext(); }

    void frame(int n = 1) {
        for (int i = 0; i < n; ++i) {
            ImGui::NewFrame();
            draw_viewer(ui);
            ImGui::Render();
            ImGuiIO& io = ImGui::GetIO();
            io.MouseWheel = 0;
        }
    }
    // Moves along a row of the canvas until the mouse is over a mark of the wanted sort.
    bool hover_mark(bool single, float row) {
        const Layout& l = last_layout();
        ImGuiIO& io = ImGui::GetIO();
        for (float x = l.rows_min.x + 2; x < l.rows_max.x; x += 2) {
            io.MousePos = {x, l.rows_min.y + l.row_h * (row + 0.5f)};
            frame();
            if (ui.hovered && ui.hovered->single() == single) return true;
        }
        return false;
    }
    void click() {
        ImGuiIO& io = ImGui::GetIO();
        io.MouseDown[0] = true;
        frame();
        io.MouseDown[0] = false;
        frame();
    }

    std::shared_ptr<ViewerData> data;
    UiState ui;
};

}  // namespace

TEST_F(Headless, StartsFramedOnWhereMostEventsAreWithTheRestInTheStrip) {
    const Timeline& t = data->base;
    // Most events are in view: the busiest three quarters of their middle days.
    size_t in_view = 0;
    for (size_t i = 0; i < data->table.size(); ++i) {
        const double mid = data->table.first[i] + (data->table.last[i] - data->table.first[i]) / 2.0;
        in_view += mid >= ui.view.t0 && mid < ui.view.t1;
    }
    EXPECT_GE(in_view, data->table.size() * 3 / 4);
    // The synthetic events reach centuries back: those are not fitted, but the strip covers them.
    EXPECT_GT(ui.view.t0, t.first);
    EXPECT_EQ(ui.overview.first, t.first);
    EXPECT_EQ(ui.overview.last, t.last);
    EXPECT_GT(last_layout().rows_max.x - last_layout().rows_min.x, 500);
}

// At 1024 px the counts do not fit beside the legend: they go on a line of
// their own (they were drawn over "fuzzy" and "merged"); at 1280 beside it.
TEST_F(Headless, TheStatusCountsNeverOverlapTheLegend) {
    for (const float w : {1024.0f, 1280.0f}) {
        ImGui::GetIO().DisplaySize = {w, 640};
        frame();
        frame();
        const Layout& l = last_layout();
        const bool beside = l.counts_min.x >= l.legend_max.x;
        const bool below = l.counts_min.y >= l.legend_max.y;
        EXPECT_TRUE(beside || below) << w << ": counts at " << l.counts_min.x << "," << l.counts_min.y << ", legend to "
                                     << l.legend_max.x << "," << l.legend_max.y;
        EXPECT_LT(l.counts_min.y, 640) << w;
    }
    ImGui::GetIO().DisplaySize = {1280, 800};
    frame();
}

TEST_F(Headless, WheelZoomsAroundTheCursor) {
    const Layout& l = last_layout();
    ImGuiIO& io = ImGui::GetIO();
    const float w = l.rows_max.x - l.rows_min.x;
    const float x = std::floor(l.rows_min.x + 0.3f * w);  // ImGui floors the mouse position
    io.MousePos = {x, l.rows_min.y + 30};
    frame();
    double before = ui.view.t_of(x, l.rows_min.x, w);
    double span = ui.view.span();
    io.MouseWheel = 3;
    frame();
    EXPECT_NEAR(ui.view.t_of(x, l.rows_min.x, w), before, span * 1e-7);  // float pixels
    EXPECT_NEAR(ui.view.span(), span * 0.8 * 0.8 * 0.8, span * 1e-9);
    io.MouseWheel = -3;
    frame();
    EXPECT_NEAR(ui.view.span(), span, span * 1e-9);
}

TEST_F(Headless, DragPansAndHomeFitsAll) {
    const Layout& l = last_layout();
    ImGuiIO& io = ImGui::GetIO();
    const float w = l.rows_max.x - l.rows_min.x;
    View start = ui.view;
    io.MousePos = {l.rows_min.x + 400, l.rows_min.y + 10};
    io.MouseDown[0] = true;
    frame();
    for (int i = 0; i < 10; ++i) {
        io.MousePos.x += 10;
        frame();
    }
    io.MouseDown[0] = false;
    frame();
    EXPECT_NEAR(ui.view.t0, start.t0 - 100 * start.span() / w, start.span() * 1e-6);
    io.KeysDown[300] = true;  // Home
    frame();
    io.KeysDown[300] = false;
    frame();
    EXPECT_NEAR(ui.view.t0, start.t0, 1e-6);
    EXPECT_NEAR(ui.view.t1, start.t1, 1e-6);
}

TEST_F(Headless, ClickOnAMergedMarkZoomsToIt) {
    ASSERT_TRUE(hover_mark(false, 0)) << "no merged mark on the first row at full view";
    Mark m = *ui.hovered;
    double span = ui.view.span();
    click();
    if (ui.listed.empty()) {
        EXPECT_LT(ui.view.span(), span);
        EXPECT_LE(ui.view.t0, m.first);
        EXPECT_GE(ui.view.t1, m.last + 1);
    } else {
        EXPECT_GT(ui.listed.size(), 1u);  // too wide to zoom: listed instead
    }
}

TEST_F(Headless, ClickOnAnEventOpensItsDetailsAndDoubleClickZooms) {
    // Zoom into a month of a busy year, where single events stand apart.
    ui.view = fit(from_ymd(2010, 3, 1, Calendar::Gregorian), from_ymd(2010, 3, 31, Calendar::Gregorian));
    frame();
    bool found = false;
    for (float row = 0; row < 8 && !found; ++row) found = hover_mark(true, row);
    ASSERT_TRUE(found);
    const uint32_t event = ui.hovered->event;
    click();
    EXPECT_EQ(ui.selected, event);
    frame(2);  // the details panel draws (sentence, sources, calendars)
    ImGuiIO& io = ImGui::GetIO();
    io.MouseDown[0] = true;
    frame();
    io.MouseDown[0] = false;
    frame();
    io.MouseDown[0] = true;  // second press within the double-click time
    frame();
    io.MouseDown[0] = false;
    frame();
    const EventTable& t = data->table;
    EXPECT_LE(ui.view.t0, t.first[event]);
    EXPECT_GE(ui.view.t1, t.last[event] + 1);
    EXPECT_LE(ui.view.span(), std::max(7.5, (t.last[event] - t.first[event] + 1) * 1.2 + 1));
}

// A click selects and opens the details beside the lanes at the same scale:
// the mark stays under the mouse (it used to re-frame the view and jump away).
TEST_F(Headless, AClickSelectsWithoutMovingTheView) {
    ui.view = fit(from_ymd(2010, 3, 1, Calendar::Gregorian), from_ymd(2010, 3, 31, Calendar::Gregorian));
    frame();
    bool found = false;
    for (float row = 0; row < 8 && !found; ++row) found = hover_mark(true, row);
    ASSERT_TRUE(found);
    const Layout& l = last_layout();
    const float mx = ImGui::GetIO().MousePos.x, w = l.rows_max.x - l.rows_min.x;
    ASSERT_LT(mx, l.rows_min.x + w * 0.5f);  // clear of where the details panel opens
    const double day = ui.view.t_of(mx, l.rows_min.x, w), per_px = ui.view.span() / w;
    click();
    frame(2);
    ASSERT_GE(ui.selected, 0);
    ASSERT_GT(l.details_max.x, l.details_min.x);
    const float w2 = l.rows_max.x - l.rows_min.x;
    EXPECT_NEAR(ui.view.t_of(mx, l.rows_min.x, w2), day, per_px);
    EXPECT_NEAR(ui.view.span() / w2, per_px, per_px * 1e-3);
}

// With the details open, a tooltip of a mark near them opens on the
// cursor's other side, never over them.
TEST_F(Headless, TooltipsNeverCoverTheDetails) {
    ui.view = fit(from_ymd(2010, 3, 1, Calendar::Gregorian), from_ymd(2010, 3, 31, Calendar::Gregorian));
    frame();
    bool found = false;
    for (float row = 0; row < 8 && !found; ++row) found = hover_mark(true, row);
    ASSERT_TRUE(found);
    click();
    frame(2);
    const Layout& l = last_layout();
    ASSERT_GT(l.details_max.x, l.details_min.x);
    ImGuiIO& io = ImGui::GetIO();
    int tips = 0;
    for (float row = 0; row < 8; ++row)
        for (float x = l.rows_max.x - 4; x > l.rows_max.x - 300; x -= 3) {
            io.MousePos = {x, l.rows_min.y + l.row_h * (row + 0.5f)};
            frame(2);
            if (!ui.hovered) continue;
            ++tips;
            EXPECT_LE(l.tooltip_max.x, l.details_min.x) << "tooltip at " << l.tooltip_min.x << "-" << l.tooltip_max.x;
        }
    EXPECT_GT(tips, 0);
}

// ']' and '[' step to the next and previous event of the lane the selection
// was picked in, in time order.
TEST_F(Headless, BracketsStepThroughTheSelectedLane) {
    ui.view = fit(from_ymd(2010, 3, 1, Calendar::Gregorian), from_ymd(2010, 3, 31, Calendar::Gregorian));
    frame();
    bool found = false;
    for (float row = 1; row < 8 && !found; ++row) found = hover_mark(true, row);
    ASSERT_TRUE(found);
    click();
    const int64_t first = ui.selected, lane = ui.selected_lane;
    ASSERT_GE(first, 0);
    ASSERT_GE(lane, 0);
    const EventTable& t = data->table;
    ImGuiIO& io = ImGui::GetIO();
    io.AddInputCharacter(']');
    frame();
    const int64_t next = ui.selected;
    EXPECT_NE(next, first);
    EXPECT_EQ(ui.selected_lane, lane);
    EXPECT_GE(t.first[static_cast<size_t>(next)], t.first[static_cast<size_t>(first)]);
    // The next one is in the lane.
    const Timeline& tl = data->base;  // no filter: the lanes shown
    bool in_lane = false;
    for (const LaneLevel& lv : tl.lanes[static_cast<size_t>(lane)].levels)
        for (size_t i = 0; i < lv.size(); ++i) in_lane |= lv.event[i] == static_cast<uint32_t>(next);
    EXPECT_TRUE(in_lane);
    // The view follows only when the event is out of sight.
    EXPECT_GE(t.last[static_cast<size_t>(next)] + 1, ui.view.t0);
    EXPECT_LE(t.first[static_cast<size_t>(next)], ui.view.t1);
    io.AddInputCharacter('[');
    frame();
    EXPECT_EQ(ui.selected, first);
}

TEST_F(Headless, HeaderClickCollapsesAGroup) {
    const Layout& l = last_layout();
    ImGuiIO& io = ImGui::GetIO();
    CountryId c = data->base.groups[0].country;
    uint8_t before = ui.collapsed[c];
    io.MousePos = {l.rows_min.x - 150, l.rows_min.y + l.row_h * 0.5f};
    frame();
    click();
    EXPECT_NE(ui.collapsed[c], before);
}

TEST_F(Headless, FiltersNarrowTheLanesAndExportWritesThem) {
    ui.filter.who = "IR";
    ui.filter.from = "2000";
    ui.filter.to = "2005";
    ui.filter_edited_at = ImGui::GetTime();  // as if just typed: applies once typing pauses
    frame(2);
    EXPECT_FALSE(ui.applied.active());
    frame(20);
    ASSERT_TRUE(ui.applied.active());
    const Timeline& t = ui.timeline;
    EXPECT_GT(t.events, 0u);
    EXPECT_LT(t.events, data->base.events / 5);
    for (const Lane& l : t.lanes) {
        if (!l.count || l.aggregate()) continue;
        EXPECT_TRUE(data->table.codes[l.a] == "IR" || data->table.codes[l.b] == "IR");
    }
    auto dir = std::filesystem::temp_directory_path() / ("tarikh-view-export-" + std::to_string(getpid()));
    ExportResult r = export_filtered(ui, 0, false, (dir / "view.json").string());
    ASSERT_TRUE(r.ok) << r.message;
    EXPECT_EQ(r.events, t.events);
    std::ifstream in(dir / "view.json");
    auto j = nlohmann::json::parse(in);
    EXPECT_EQ(j["events"].size(), t.events);
    for (const auto& e : j["events"]) {
        auto actors = e["actors"].get<std::vector<std::string>>();
        EXPECT_NE(std::find(actors.begin(), actors.end(), "IR"), actors.end());
        EXPECT_LE(e["earliest"].get<std::string>(), "2005-12-31");
    }
    r = export_filtered(ui, 1, true, (dir / "timeline.json").string());
    ASSERT_TRUE(r.ok) << r.message;
    std::ifstream tl(dir / "timeline.json");
    auto k = nlohmann::json::parse(tl);
    EXPECT_TRUE(k.contains("events"));
    std::filesystem::remove_all(dir);
}

TEST_F(Headless, TrayAndPersianLabelsDraw) {
    ui.show_tray = true;
    ui.lang = lang_of("fa");
    ui.second_axis = SecondAxis::SolarHijri;
    frame(3);
    ui.selected_undated = 0;
    ui.second_axis = SecondAxis::Islamic;
    frame(3);
    SUCCEED();
}
