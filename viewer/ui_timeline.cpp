// The timeline: the density strip of everything, the time axis, and the
// lanes, each lane's marks stacked in sub-rows (stacking.h) with a short label
// where there is room; wheel, drag and keys move the view.
#include "ui_internal.h"

#include "tarikh/export.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace tarikh::viewer {
namespace {

constexpr float kRowH = 22;      // a header row, and a lane of one sub-row
constexpr float kSubRowH = 18;   // each sub-row of a stacked lane
constexpr float kRowPad = 2;     // above the first sub-row and below the last
constexpr float kAxisRowH = 18;
constexpr float kStripH = 14;    // the density strip above the axis
constexpr float kScrollbarW = 10;
constexpr int kMaxSubRows = 4;   // a lane stacks at most this many; the last merges what remains
constexpr float kLabelFont = 13; // the size of mark labels (the UI's is 16)

struct Row {
    uint32_t lane;
    size_t group;
    bool header;
};

ImU32 mixed_color(float alpha) { return IM_COL32(175, 178, 195, static_cast<int>(alpha * 255)); }

ImU32 mark_color(const Mark& m, float alpha) {
    return m.kind == kMixedKinds ? mixed_color(alpha) : kind_color(m.kind, alpha);
}

float row_height(const UiState& ui, const Row& r) {
    if (r.header || r.lane >= ui.lane_rows.size()) return kRowH;
    return std::max(kRowH, kRowPad * 2 + ui.lane_rows[r.lane] * kSubRowH);
}

// The label column is narrower in a narrow window, so the lanes keep room.
float label_width(float window_w) { return std::clamp(window_w * 0.2f, 150.0f, 230.0f); }

void draw_axis_rows(UiState& ui, ImDrawList* dl, const TickRows& rows, ImVec2 top_left, float width, bool draw_fine_grid,
                    float grid_top, float grid_bottom) {
    const ImU32 text = IM_COL32(220, 222, 230, 255);
    const ImU32 dim = IM_COL32(160, 163, 175, 255);
    const ImU32 grid = IM_COL32(255, 255, 255, 18);
    const ImU32 grid_major = IM_COL32(255, 255, 255, 40);
    for (const Tick& t : rows.context) {
        float x = top_left.x + t.x;
        if (t.x >= 0) {
            dl->AddLine({x, top_left.y}, {x, top_left.y + 2 * kAxisRowH}, IM_COL32(255, 255, 255, 90));
            if (draw_fine_grid) dl->AddLine({x, grid_top}, {x, grid_bottom}, grid_major);
        }
        if (t.labelled) draw_label(ui, dl, {top_left.x + t.x + 3, top_left.y + 1}, text, t.label);
    }
    const float fine_y = top_left.y + kAxisRowH;
    for (const Tick& t : rows.fine) {
        if (t.x < 0 || t.x > width) continue;
        float x = top_left.x + t.x;
        dl->AddLine({x, fine_y + (t.labelled ? 2 : 10)}, {x, fine_y + kAxisRowH}, dim);
        if (draw_fine_grid) dl->AddLine({x, grid_top}, {x, grid_bottom}, rows.context.empty() ? grid_major : grid);
        if (t.labelled) draw_label(ui, dl, {x + 3, fine_y + 1}, rows.context.empty() ? text : dim, t.label);
    }
}

// The density strip: every shown event by its middle day, over all the time
// they cover, with the view outlined. Home frames where most are; the strip
// shows where the rest are, and a click there goes to them.
void draw_strip(UiState& ui, ImDrawList* dl, ImVec2 at, float width) {
    const Overview& o = ui.overview;
    dl->AddRectFilled(at, {at.x + width, at.y + kStripH}, IM_COL32(18, 19, 25, 255));
    if (o.empty || o.bins.empty() || o.max_bin == 0) return;
    const double first = o.first, span = std::max(1.0, static_cast<double>(o.last) + 1 - o.first);
    const auto cols = static_cast<size_t>(std::max(1.0f, width));
    // Heights on a log scale, so one event far from the rest still shows.
    const float top = std::log1p(static_cast<float>(o.max_bin));
    const size_t per = std::max<size_t>(1, (o.bins.size() + cols - 1) / cols);
    for (size_t b = 0; b < o.bins.size(); b += per) {
        uint32_t n = 0;
        for (size_t k = b; k < std::min(o.bins.size(), b + per); ++k) n = std::max(n, o.bins[k]);
        if (!n) continue;
        const float x0 = at.x + width * static_cast<float>(b) / static_cast<float>(o.bins.size());
        const float x1 = std::max(x0 + 1.5f, at.x + width * static_cast<float>(b + per) / static_cast<float>(o.bins.size()));
        const float h = std::max(2.0f, (kStripH - 2) * std::log1p(static_cast<float>(n)) / top);
        dl->AddRectFilled({x0, at.y + kStripH - 1 - h}, {x1, at.y + kStripH - 1}, IM_COL32(150, 160, 190, 200));
    }
    const float v0 = at.x + width * static_cast<float>((ui.view.t0 - first) / span);
    const float v1 = at.x + width * static_cast<float>((ui.view.t1 - first) / span);
    const float a = std::clamp(v0, at.x, at.x + width - 2), b = std::clamp(std::max(v1, v0 + 2), at.x + 2, at.x + width);
    dl->AddRect({a, at.y}, {std::max(b, a + 2), at.y + kStripH}, IM_COL32(255, 255, 255, 160), 0, 0, 1.5f);
}

// Marks are drawn with few vertices: llvmpipe (and any GPU) pays per vertex,
// and a rounded corner or an anti-aliased outline costs ten times a plain
// rectangle. Anti-aliased fill is off for the lanes (see draw_row_marks), so a
// diamond with an edge is two quads.
void draw_diamond(ImDrawList* dl, float cx, float cy, float r, ImU32 fill, ImU32 edge) {
    const float e = r + 1.2f;
    dl->AddQuadFilled({cx, cy - e}, {cx + e, cy}, {cx, cy + e}, {cx - e, cy}, edge);
    dl->AddQuadFilled({cx, cy - r}, {cx + r, cy}, {cx, cy + r}, {cx - r, cy}, fill);
}

// A short label of a row's event: the first words of the clause that holds its date.
const std::string& mark_label(UiState& ui, uint32_t row) {
    auto it = ui.mark_labels.find(row);
    if (it != ui.mark_labels.end()) return it->second;
    if (ui.mark_labels.size() > 50000) ui.mark_labels.clear();
    const EventTable& t = ui.data->table;
    std::string_view text = t.text(row);
    std::string_view clause = text;
    if (const SourceRef* s = t.sources_begin(row); s != t.sources_end(row) && s->span.end - s->span.begin == text.size() &&
                                                   s->date_span.begin >= s->span.begin && s->date_span.end <= s->span.end)
        clause = date_clause(text, s->date_span.begin - s->span.begin, s->date_span.end - s->span.begin);
    return ui.mark_labels.emplace(row, one_line(clause, 28)).first->second;
}

float label_w(UiState& ui, std::string_view logical) {
    const std::string& v = ui.text.visual(logical);
    return ImGui::GetFont()->CalcTextSizeA(kLabelFont, FLT_MAX, 0, v.data(), v.data() + v.size()).x;
}

// What a person said about a mark's event, drawn on it: a tick for confirmed,
// a ring for corrected; a dismissed one (shown only when asked) is faded and struck.
void draw_curation_marks(const Curation& c, ImDrawList* dl, float x, float y, float y1, float x1) {
    const ImU32 ink = IM_COL32(255, 255, 255, 235);
    if (c.verdict == Verdict::Confirmed) {
        dl->AddLine({x - 3, y + 1}, {x, y + 4}, IM_COL32(20, 22, 30, 255), 3.5f);
        dl->AddLine({x, y + 4}, {x + 6, y - 3}, IM_COL32(20, 22, 30, 255), 3.5f);
        dl->AddLine({x - 3, y + 1}, {x, y + 4}, IM_COL32(120, 230, 140, 255), 2.0f);
        dl->AddLine({x, y + 4}, {x + 6, y - 3}, IM_COL32(120, 230, 140, 255), 2.0f);
    }
    if (c.corrects()) dl->AddCircle({x1, y}, 3.0f, ink, 8, 1.5f);
    if (c.verdict == Verdict::Dismissed) dl->AddLine({x - 4, y1}, {x1 + 4, y - 4}, ink, 1.5f);
}

// One row's placed marks, each in its sub-row; `y` is the row's top.
void draw_row_marks(UiState& ui, ImDrawList* dl, const Stack& stack, float x0, float y, float width) {
    const EventTable& tab = ui.data->table;
    const ImU32 dark = IM_COL32(20, 22, 30, 255);
    const ImU32 select = IM_COL32(255, 255, 255, 255);
    const ImU32 label_col = IM_COL32(200, 202, 212, 255);
    auto clipx = [&](float x) { return std::clamp(x, -4.0f, width + 4.0f) + x0; };
    const ImDrawListFlags flags = dl->Flags;
    dl->Flags &= ~ImDrawListFlags_AntiAliasedFill;
    ImFont* font = ImGui::GetFont();
    const bool curated = !ui.data->curated.by_event.empty();

    for (const Placed& p : stack.marks) {
        const Mark& m = p.mark;
        const float sy = y + kRowPad + p.row * kSubRowH;
        const float y0 = sy + 3, y1 = sy + kSubRowH - 3, ym = sy + kSubRowH / 2;
        float a = clipx(m.x0), b = clipx(m.x1);
        const Curation* c = curated && m.single() ? row_curation(ui, m.event) : nullptr;
        const float fade = c && c->verdict == Verdict::Dismissed ? 0.35f : 1.0f;
        const bool band = m.x0 < 0 && m.x1 > width && !m.dense;
        if (band) {
            // The view lies inside it (a year seen at day zoom): a band at the
            // foot of its sub-row, so the events within stay readable.
            dl->AddRectFilled({a, y1 - 2}, {b, y1 + 2}, mark_color(m, 0.8f * fade));
            if (m.single() && m.event == ui.selected) dl->AddRect({a, y1 - 3}, {b, y1 + 3}, select, 0, 0, 1.5f);
        } else if (m.dense && !m.single()) {
            // Events too small to draw apart: denser is more opaque, with their count when it fits.
            float alpha = 0.45f + 0.5f * std::min(1.0f, std::log10(static_cast<float>(m.count)) / 3.0f);
            dl->AddRectFilled({a, y0 - 1}, {std::max(b, a + 3), y1 + 1}, mark_color(m, alpha));
            if (b - a >= 14) {
                const std::string n = count_text(ui, m.count);
                ImVec2 ts = ImGui::CalcTextSize(n.c_str());
                if (ts.x + 4 < b - a) dl->AddText({(a + b - ts.x) / 2, ym - ts.y / 2}, dark, n.c_str());
            }
        } else if (!m.single()) {
            // Several events merged (their count), paler than one.
            dl->AddRectFilled({a, y0}, {std::max(b, a + 2), y1}, mark_color(m, 0.6f));
            if (b - a >= 22) {
                const std::string n = "\u00d7" + count_text(ui, m.count);
                ImVec2 ts = ImGui::CalcTextSize(n.c_str());
                float tx = std::max(a, x0) + 4;
                if (tx + ts.x + 2 < b) dl->AddText({tx, ym - ts.y / 2}, dark, n.c_str());
            }
        } else if (tab.first[m.event] == tab.last[m.event]) {
            // A day: a diamond at its middle, and the day itself once it is wide.
            const bool fuzzy = tab.fuzzy(m.event);
            const float cx = (a + b) / 2;
            if (b - a > 12) dl->AddRectFilled({a, y0 + 2}, {b, y1 - 2}, kind_color(m.kind, 0.25f * fade));
            draw_diamond(dl, cx, ym, 5.5f, kind_color(m.kind, (fuzzy ? 0.45f : 1.0f) * fade), fuzzy ? kind_color(m.kind) : dark);
            if (m.event == ui.selected) dl->AddCircle({cx, ym}, 8, select, 12, 2);
            if (c) draw_curation_marks(*c, dl, cx + 6, y0, y1, cx + 8);
            a = cx - 6;
            b = cx + 6;
        } else {
            const ImU32 col = kind_color(m.kind, 0.9f * fade);
            if (tab.fuzzy(m.event)) {
                // Faded ends say "about here": an interval known to the month
                // is sharp, one known to the year or with early/late/about is not.
                const ImU32 clear = kind_color(m.kind, 0.0f);
                float f = std::min((m.x1 - m.x0) * 0.3f, 48.0f);
                float fa = x0 + m.x0 + f, fb = x0 + m.x1 - f;
                if (fa > a) dl->AddRectFilledMultiColor({a, y0}, {std::min(fa, b), y1}, clear, col, col, clear);
                if (fb > fa) dl->AddRectFilled({std::max(fa, a), y0}, {std::min(fb, b), y1}, col);
                if (fb < b) dl->AddRectFilledMultiColor({std::max(fb, a), y0}, {b, y1}, col, clear, clear, col);
            } else {
                dl->AddRectFilled({a, y0}, {std::max(b, a + 1), y1}, col);
            }
            if (m.event == ui.selected) dl->AddRect({a - 1, y0 - 1}, {b + 1, y1 + 1}, select, 2.0f, 0, 2.0f);
            if (c) draw_curation_marks(*c, dl, std::max(a, x0) + 4, y0, y1, std::min(b, x0 + width) - 4);
        }
        if (p.label_w > 0 && m.single()) {
            const std::string& v = ui.text.visual(mark_label(ui, m.event));
            const float tx = p.label_inside ? std::max(a, x0) + 6 : b + 4;
            // Inside a bar the label is dark on its colour; over a band (the
            // view inside the bar) it is on the lane's background.
            dl->AddText(font, kLabelFont, {tx, ym - kLabelFont / 2 - 1}, p.label_inside && !band ? dark : label_col, v.data(),
                        v.data() + v.size());
        }
    }
    dl->Flags = flags;
}

// A draw list keeps its buffers from frame to frame but grows them when a
// zoom first shows more marks: a copy, then fresh pages to fault in, which
// made the first frame at each new density the slowest of a session (17 ms
// against 8 on 1M events). Room for the densest view is made, and touched,
// once.
void reserve_draw_list(ImDrawList* dl) {
    constexpr int kVertices = 160000;  // twice the busiest frame measured on 1M events
    if (dl->VtxBuffer.Capacity >= kVertices) return;
    dl->VtxBuffer.reserve(kVertices);
    dl->IdxBuffer.reserve(kVertices * 3 / 2);
    std::memset(static_cast<void*>(dl->VtxBuffer.Data), 0, sizeof(ImDrawVert) * static_cast<size_t>(dl->VtxBuffer.Capacity));
    std::memset(static_cast<void*>(dl->IdxBuffer.Data), 0, sizeof(ImDrawIdx) * static_cast<size_t>(dl->IdxBuffer.Capacity));
}

// Keys that move the view or the selection (none while typing in a field).
void view_keys(UiState& ui, float rows_h, bool& home) {
    ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput || io.KeyCtrl) return;
    const double pan = ui.view.span() * 0.1;
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_LeftArrow)) || ImGui::IsKeyPressed('A'))
        ui.view = panned(ui.view, -pan);
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_RightArrow)) || ImGui::IsKeyPressed('D'))
        ui.view = panned(ui.view, pan);
    bool in = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_UpArrow)) || ImGui::IsKeyPressed('W');
    bool out = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_DownArrow)) || ImGui::IsKeyPressed('S');
    int step = 0;
    for (ImWchar c : io.InputQueueCharacters) {
        in |= c == '+' || c == '=';
        out |= c == '-' || c == '_';
        if (c == ']') step = 1;
        if (c == '[') step = -1;
    }
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Tab))) step = io.KeyShift ? -1 : 1;
    if (in) ui.view = zoom_at(ui.view, 0.5, 0.7);
    if (out) ui.view = zoom_at(ui.view, 0.5, 1 / 0.7);
    if (step) step_in_lane(ui, step);
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Home))) {
        fit_all(ui);
        home = true;
    }
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_PageDown))) ui.scroll_y += rows_h * 0.9f;
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_PageUp))) ui.scroll_y -= rows_h * 0.9f;
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
        ui.selected = -1;
        ui.selected_undated = -1;
        ui.listed.clear();
    }
}

}  // namespace

void draw_timeline(UiState& ui) {
    ImGuiIO& io = ImGui::GetIO();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    reserve_draw_list(dl);
    const Timeline& t = shown_timeline(ui);
    const EventTable& tab = ui.data->table;
    Layout& layout = layout_for_frame();

    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 size = ImGui::GetContentRegionAvail();
    const bool second = ui.second_axis != SecondAxis::None;
    const float label_w_px = label_width(ImGui::GetMainViewport()->WorkSize.x);
    const float axis_top = origin.y + kStripH + 2;
    const float axis_h = kStripH + 2 + kAxisRowH * (second ? 4 : 2) + 4;
    const float cx0 = origin.x + label_w_px;  // canvas left
    const float width = std::max(50.0f, size.x - label_w_px - kScrollbarW);
    const float rows_top = origin.y + axis_h;
    const float rows_h = std::max(10.0f, size.y - axis_h);
    const float bottom = rows_top + rows_h;

    // The details panel opening or the window changing size keeps the scale
    // and the left edge: what was under the mouse stays there.
    if (ui.canvas_w > 0 && std::abs(width - ui.canvas_w) > 0.5f) {
        const double old_t1 = ui.view.t1;
        ui.view = clamped({ui.view.t0, ui.view.t0 + ui.view.span() * width / ui.canvas_w});
        // A selected event the panel now covers is brought back into sight, just.
        if (ui.selected >= 0 && static_cast<size_t>(ui.selected) < tab.size()) {
            const double a = tab.first[ui.selected];
            if (a >= ui.view.t1 && a < old_t1) ui.view = panned(ui.view, a - ui.view.t1 + ui.view.span() * 0.05);
        }
    }
    ui.canvas_w = width;

    // Rows: a header per group (its aggregate lane), then its lanes when open.
    std::vector<Row> rows;
    for (size_t g = 0; g < t.groups.size(); ++g) {
        const Group& grp = t.groups[g];
        rows.push_back({grp.header_lane, g, true});
        if (grp.country < ui.collapsed.size() && ui.collapsed[grp.country]) continue;
        for (uint32_t li : grp.lanes) rows.push_back({li, g, false});
    }
    if (ui.lane_rows.size() != t.lanes.size()) ui.lane_rows.assign(t.lanes.size(), 1);
    std::vector<float> row_y(rows.size() + 1, 0);
    for (size_t r = 0; r < rows.size(); ++r) row_y[r + 1] = row_y[r] + row_height(ui, rows[r]);
    const float total_h = row_y.back();
    const float max_scroll = std::max(0.0f, total_h - rows_h);

    layout.axis_h = axis_h;
    layout.label_w = label_w_px;
    layout.row_h = kRowH;
    layout.sub_row_h = kSubRowH;
    layout.rows_min = {cx0, rows_top};
    layout.rows_max = {cx0 + width, bottom};
    layout.strip_min = {cx0, origin.y};
    layout.strip_max = {cx0 + width, origin.y + kStripH};
    layout.row_top.clear();

    // ---- input, before drawing, so the frame shows its effect
    ImGui::SetCursorScreenPos({cx0, origin.y});
    ImGui::InvisibleButton("canvas", {width, size.y}, ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight);
    const bool hovered = ImGui::IsItemHovered();
    const bool active = ImGui::IsItemActive();
    const bool released = ImGui::IsItemDeactivated();
    const bool clicked = released && io.MouseDragMaxDistanceSqr[0] < 16;
    const double ppd = width / ui.view.span();
    const bool on_strip = io.MousePos.y < origin.y + kStripH + 1;

    const View before = ui.view;
    bool home = false;
    if (hovered && io.MouseWheel != 0) {
        if (io.KeyShift) {
            ui.scroll_y -= io.MouseWheel * kRowH * 3;
        } else {
            double p = (io.MousePos.x - cx0) / width;
            ui.view = zoom_at(ui.view, p, std::pow(0.8, io.MouseWheel));
        }
    }
    if (active && io.MouseDown[0] && on_strip && !ui.overview.empty) {
        // On the strip, the view goes where the mouse points, at its scale.
        const double span = std::max(1.0, static_cast<double>(ui.overview.last) + 1 - ui.overview.first);
        const double at = ui.overview.first + (io.MousePos.x - cx0) / width * span;
        ui.view = panned(ui.view, at - (ui.view.t0 + ui.view.t1) / 2);
    } else if (active && ImGui::IsMouseDragging(0, 2.0f)) {
        ui.view = panned(ui.view, -io.MouseDelta.x / ppd);
        ui.scroll_y -= io.MouseDelta.y;
    }
    view_keys(ui, rows_h, home);
    if (ui.view.t0 != before.t0 || ui.view.t1 != before.t1) ui.view_touched = !home;  // Home: follow the data again

    auto row_at = [&](float y) -> size_t {
        const float in_rows = y - rows_top + ui.scroll_y;
        return static_cast<size_t>(std::upper_bound(row_y.begin(), row_y.end(), in_rows) - row_y.begin()) - 1;
    };
    // Label column: click a header to open or close its group; wheel scrolls.
    ImGui::SetCursorScreenPos({origin.x, rows_top});
    ImGui::InvisibleButton("labels", {label_w_px, rows_h});
    if (ImGui::IsItemHovered() && io.MouseWheel != 0) ui.scroll_y -= io.MouseWheel * kRowH * 3;
    if (ImGui::IsItemClicked()) {
        const size_t r = row_at(io.MousePos.y);
        if (r < rows.size() && rows[r].header) {
            CountryId c = t.groups[rows[r].group].country;
            if (c < ui.collapsed.size()) ui.collapsed[c] ^= 1;
        }
    }
    // Scrollbar: drag the strip to scroll.
    ImGui::SetCursorScreenPos({cx0 + width, rows_top});
    ImGui::InvisibleButton("vscroll", {kScrollbarW, rows_h});
    if (ImGui::IsItemActive() && total_h > rows_h)
        ui.scroll_y = (io.MousePos.y - rows_top) / rows_h * total_h - rows_h / 2;
    ui.scroll_y = std::clamp(ui.scroll_y, 0.0f, max_scroll);

    // ---- strip and axis
    dl->AddRectFilled({origin.x, origin.y}, {origin.x + size.x, rows_top}, IM_COL32(30, 32, 40, 255));
    dl->AddRectFilled({origin.x, rows_top}, {origin.x + size.x, bottom}, IM_COL32(22, 24, 30, 255));
    draw_strip(ui, dl, {cx0, origin.y}, width);
    auto measure = [&](std::string_view s) {
        const std::string& v = ui.text.visual(s);
        return ImGui::CalcTextSize(v.data(), v.data() + v.size()).x;
    };
    const Messages& w = words(ui);
    dl->PushClipRect({cx0, axis_top}, {cx0 + width, bottom}, true);
    TickRows greg = make_ticks(ui.view, width, Calendar::Gregorian, measure, w);
    draw_axis_rows(ui, dl, greg, {cx0, axis_top}, width, true, rows_top, bottom);
    if (second) {
        Calendar cal = ui.second_axis == SecondAxis::SolarHijri ? Calendar::SolarHijri : Calendar::Islamic;
        TickRows other = make_ticks(ui.view, width, cal, measure, w);
        draw_axis_rows(ui, dl, other, {cx0, axis_top + 2 * kAxisRowH + 2}, width, false, 0, 0);
    }
    dl->PopClipRect();
    {
        const ImU32 dim = IM_COL32(160, 163, 175, 255);
        const float room = label_w_px - 12;
        dl->PushClipRect({origin.x, origin.y}, {cx0 - 4, rows_top}, true);
        draw_label(ui, dl, {origin.x + 6, origin.y - 1}, IM_COL32(120, 123, 135, 255), tr(ui, "all events"), 0, room);
        draw_label(ui, dl, {origin.x + 6, axis_top + 1}, dim, tr(ui, "Gregorian"), 0, room);
        if (second)
            draw_label(ui, dl, {origin.x + 6, axis_top + 2 * kAxisRowH + 3}, dim,
                       tr(ui, ui.second_axis == SecondAxis::SolarHijri ? "Solar Hijri" : "Hijri (±2 days)"), 0, room);
        draw_label(ui, dl, {origin.x + 6, axis_top + kAxisRowH}, IM_COL32(120, 123, 135, 255),
                   w.format("view.span", {{"span", span_text(ui, ui.view.span())}}), 0, room);
        dl->PopClipRect();
    }
    dl->AddLine({origin.x, rows_top - 1}, {origin.x + size.x, rows_top - 1}, IM_COL32(255, 255, 255, 50));

    // ---- rows
    ui.hovered = nullptr;
    const bool mouse_in_canvas = hovered && io.MousePos.y >= rows_top && io.MousePos.y < bottom;
    LodParams lod;
    lod.view = ui.view;
    lod.width = width;
    StackParams sp;
    sp.label_width = [&](const Mark& m) { return label_w(ui, mark_label(ui, m.event)); };
    sp.left = 0;
    sp.right = width;
    auto is_point = [&](const Mark& m) { return tab.first[m.event] == tab.last[m.event]; };
    thread_local LaneMarks marks;
    thread_local Stack stack;
    const size_t first_row = rows.empty() ? 0 : row_at(rows_top);
    const ImU32 label_text = IM_COL32(225, 227, 235, 255);
    const ImU32 label_dim = IM_COL32(140, 143, 155, 255);
    for (size_t r = first_row; r < rows.size(); ++r) {
        const Row& row = rows[r];
        const Lane& lane = t.lanes[row.lane];
        const float y = rows_top + row_y[r] - ui.scroll_y;
        if (y >= bottom) break;
        const float h = row_y[r + 1] - row_y[r];
        layout.row_top.push_back(y);
        const ImVec2 rmin{origin.x, y}, rmax{cx0 + width, y + h};

        dl->PushClipRect({origin.x, rows_top}, {cx0 + width, bottom}, true);
        if (row.header)
            dl->AddRectFilled(rmin, rmax, IM_COL32(40, 43, 54, 255));
        else if (r % 2)
            dl->AddRectFilled(rmin, rmax, IM_COL32(255, 255, 255, 6));
        if (static_cast<int64_t>(row.lane) == ui.selected_lane && !row.header)
            dl->AddRectFilled(rmin, {cx0, y + h}, IM_COL32(72, 139, 240, 40));
        dl->AddLine({origin.x, y + h - 0.5f}, {cx0 + width, y + h - 0.5f}, IM_COL32(255, 255, 255, 14));

        // Label: triangle, name (right-aligned when it reads right to left,
        // cut with "…" when long), count.
        dl->PushClipRect({origin.x, std::max(y, rows_top)}, {cx0 - 4, std::min(y + kRowH, bottom)}, true);
        const std::string count = count_text(ui, lane.count);
        const float count_w = measure(count);
        const float text_y = y + (kRowH - ImGui::GetFontSize()) / 2 - 1;
        float name_x = origin.x + 22;
        if (row.header) {
            const bool open = !ui.collapsed[lane.a];
            const float tx = origin.x + 10, ty = y + kRowH / 2;
            if (open)
                dl->AddTriangleFilled({tx - 5, ty - 3}, {tx + 5, ty - 3}, {tx, ty + 4}, label_dim);
            else
                dl->AddTriangleFilled({tx - 3, ty - 5}, {tx - 3, ty + 5}, {tx + 4, ty}, label_dim);
        } else {
            name_x = origin.x + 34;
        }
        const float name_right = cx0 - 14 - count_w;
        draw_label(ui, dl, {name_x, text_y}, row.header ? label_text : IM_COL32(200, 202, 212, 255), lane_label(ui, lane),
                   name_right, name_right - name_x);
        draw_label(ui, dl, {cx0 - 8 - count_w, text_y}, label_dim, count);
        dl->PopClipRect();

        // Marks, stacked.
        dl->PushClipRect({cx0, std::max(y, rows_top)}, {cx0 + width, std::min(y + h, bottom)}, true);
        marks.clear();
        lod.open_max = row.header ? 0 : kMaxSubRows - 1;
        lane_marks(lane, tab.kind.data(), lod, marks);
        sp.max_rows = row.header ? 1 : kMaxSubRows;
        stack_marks(marks, sp, is_point, stack);
        if (!row.header) ui.lane_rows[row.lane] = static_cast<uint8_t>(stack.rows);  // the height from the next frame
        draw_row_marks(ui, dl, stack, cx0, y, width);
        dl->PopClipRect();
        dl->PopClipRect();

        if (mouse_in_canvas && io.MousePos.y >= y && io.MousePos.y < y + h) {
            const int sub = row.header ? 0
                                       : std::clamp(static_cast<int>((io.MousePos.y - y - kRowPad) / kSubRowH), 0,
                                                    std::max(0, stack.rows - 1));
            if (const Placed* p = placed_at(stack, sub, io.MousePos.x - cx0)) {
                ui.hovered_mark = p->mark;
                ui.hovered = &ui.hovered_mark;
                ui.hovered_lane = row.lane;
            }
        }
    }
    if (rows.empty()) {
        const char* msg = ui.applied.active() ? tr(ui, "No event passes the filters.") : tr(ui, "No dated events in this store.");
        draw_label(ui, dl, {cx0 + 20, rows_top + 20}, label_dim, msg);
    }
    // Scrollbar thumb.
    if (total_h > rows_h) {
        float th = std::max(20.0f, rows_h * rows_h / total_h);
        float ty = rows_top + (rows_h - th) * (ui.scroll_y / max_scroll);
        dl->AddRectFilled({cx0 + width + 2, ty}, {cx0 + width + kScrollbarW - 2, ty + th}, IM_COL32(255, 255, 255, 60), 3);
    }
    dl->AddLine({cx0 - 0.5f, origin.y}, {cx0 - 0.5f, bottom}, IM_COL32(255, 255, 255, 40));

    // ---- clicks, on what the mouse is over in this frame
    if (hovered && !on_strip && ImGui::IsMouseDoubleClicked(0)) {
        if (ui.hovered)
            zoom_to(ui, ui.hovered->first, ui.hovered->last);
        else
            ui.view = zoom_at(ui.view, (io.MousePos.x - cx0) / width, 0.5);
        ui.view_touched = true;
    } else if (clicked && !on_strip) {
        if (!ui.hovered) {
            ui.selected = -1;
            ui.listed.clear();
        } else if (ui.hovered->single()) {
            // Selected where it is: the view does not move.
            select_event(ui, ui.hovered->event, ui.hovered_lane);
        } else {
            // A merged mark zooms to what it holds; when that would not
            // separate anything (all starting in one day, or a range as wide
            // as the view) it lists them instead.
            const Mark m = *ui.hovered;
            double range = m.last + 1.0 - m.first;
            if (range < ui.view.span() * 0.8 && range > 1)
                zoom_to(ui, m.first, m.last);
            else
                list_events(ui, ui.hovered_lane, m);
        }
    }
    if (hovered && ImGui::IsMouseClicked(1) && ui.hovered && ui.hovered->single()) {
        select_event(ui, ui.hovered->event, ui.hovered_lane);
        ui.context_event = ui.hovered->event;
        ImGui::OpenPopup("##event_menu");
    }
    draw_event_menu(ui);

    ImGui::SetCursorScreenPos({origin.x, bottom});
}

}  // namespace tarikh::viewer
