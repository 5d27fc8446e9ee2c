#include "ui.h"

#include "ui_internal.h"

#include "tarikh/store.h"

#include <algorithm>
#include <cstring>
#include <cmath>
#include <filesystem>
#include <map>

namespace tarikh::viewer {
namespace {

Layout g_layout;

constexpr float kRowH = 22;
constexpr float kLabelW = 230;
constexpr float kAxisRowH = 18;
constexpr float kScrollbarW = 10;

struct Row {
    uint32_t lane;
    size_t group;
    bool header;
};

ImU32 mixed_color(float alpha) { return IM_COL32(175, 178, 195, static_cast<int>(alpha * 255)); }

ImU32 mark_color(const Mark& m, float alpha) {
    return m.kind == kMixedKinds ? mixed_color(alpha) : kind_color(m.kind, alpha);
}

}  // namespace

// ---------------------------------------------------------------- data

std::unique_ptr<ViewerData> load_events(std::vector<Event> dated, std::vector<Event> undated, std::string source) {
    auto d = std::make_unique<ViewerData>();
    d->source = std::move(source);
    d->table.reserve(dated.size());
    for (Event& e : dated) {
        if (e.interval.anchored())
            d->table.append(e);  // moves out what it keeps and clears `e`
        else
            d->undated.push_back(std::move(e));
    }
    std::vector<Event>().swap(dated);
    for (Event& e : undated) d->undated.push_back(std::move(e));
    d->base = build_timeline(d->table);
    return d;
}

// ---------------------------------------------------------------- text

const std::string& TextCache::visual(std::string_view logical, bool* rtl) {
    if (map_.size() > 20000) map_.clear();  // labels of a long session; rebuilt on demand
    auto it = map_.find(std::string(logical));
    if (it == map_.end()) {
        Entry e;
        e.rtl = false;
        if (needs_bidi(logical))
            e.text = visual_line(logical, &e.rtl);
        else
            e.text = std::string(logical);
        it = map_.emplace(std::string(logical), std::move(e)).first;
    }
    if (rtl) *rtl = it->second.rtl;
    return it->second.text;
}

float draw_label(UiState& ui, ImDrawList* dl, ImVec2 pos, ImU32 col, std::string_view logical, float right) {
    bool rtl = false;
    const std::string& v = ui.text.visual(logical, &rtl);
    float w = ImGui::CalcTextSize(v.data(), v.data() + v.size()).x;
    if (rtl && right > 0) pos.x = std::max(pos.x, right - w);
    dl->AddText(pos, col, v.data(), v.data() + v.size());
    return w;
}

namespace {

// (ascender − descender) / unitsPerEm from a TrueType file's hhea and head
// tables: what ImGui (stbtt_ScaleForPixelHeight) maps to the requested pixel
// size. 0 when the file cannot be read.
float height_in_em(const char* path) {
    std::FILE* f = std::fopen(path, "rb");
    if (!f) return 0;
    std::vector<unsigned char> d(1 << 16);
    size_t n = std::fread(d.data(), 1, d.size(), f);
    std::fclose(f);
    auto u16 = [&](size_t at) { return at + 2 <= n ? static_cast<unsigned>(d[at] << 8 | d[at + 1]) : 0u; };
    auto u32 = [&](size_t at) { return at + 4 <= n ? (static_cast<uint32_t>(u16(at)) << 16 | u16(at + 2)) : 0u; };
    unsigned tables = u16(4);
    uint32_t head = 0, hhea = 0;
    for (unsigned i = 0; i < tables; ++i) {
        size_t rec = 12 + 16 * static_cast<size_t>(i);
        uint32_t tag = u32(rec), off = u32(rec + 8);
        if (tag == 0x68656164) head = off;  // 'head'
        if (tag == 0x68686561) hhea = off;  // 'hhea'
    }
    if (!head || !hhea) return 0;
    unsigned upm = u16(head + 18);
    auto ascender = static_cast<int16_t>(u16(hhea + 4)), descender = static_cast<int16_t>(u16(hhea + 6));
    return upm ? static_cast<float>(ascender - descender) / static_cast<float>(upm) : 0;
}

}  // namespace

bool load_fonts(float size_px) {
    ImGuiIO& io = ImGui::GetIO();
    const char* latin[] = {"/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
                           "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"};
    const char* arabic = "/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf";
    // Latin, Latin-1, Latin Extended-A and general punctuation (– … ·).
    static const ImWchar latin_ranges[] = {0x0020, 0x00FF, 0x0100, 0x017F, 0x2010, 0x205E, 0};
    // The Arabic block (Persian letters and digits included) and the two
    // presentation-form blocks u_shapeArabic writes.
    static const ImWchar arabic_ranges[] = {0x0600, 0x06FF, 0x0750, 0x077F, 0xFB50, 0xFDFF, 0xFE70, 0xFEFF, 0};
    ImFont* base = nullptr;
    const char* base_path = nullptr;
    for (const char* path : latin) {
        if (std::filesystem::exists(path)) {
            base = io.Fonts->AddFontFromFileTTF(path, size_px, nullptr, latin_ranges);
            base_path = path;
            if (base) break;
        }
    }
    if (!base) {
        io.Fonts->AddFontDefault();
        return false;
    }
    if (!std::filesystem::exists(arabic)) return false;
    // Merged at the same size as the base font, so mixed lines share a
    // baseline and line height. "Size" must mean the em, though: ImGui scales
    // a font so that ascender − descender fills the pixel size, and Noto Sans
    // Arabic's are far taller (room for stacked marks) than Noto Sans's, which
    // would draw Arabic letters at two thirds of the Latin ones.
    float arabic_px = size_px;
    float latin_h = height_in_em(base_path);
    float arabic_h = height_in_em(arabic);
    if (latin_h > 0 && arabic_h > 0) arabic_px = size_px / latin_h * arabic_h;
    ImFontConfig cfg;
    cfg.MergeMode = true;
    io.Fonts->AddFontFromFileTTF(arabic, arabic_px, &cfg, arabic_ranges);
    return true;
}

ImU32 kind_color(uint8_t kind, float alpha) {
    static const ImU32 rgb[] = {
        IM_COL32(72, 139, 240, 255),   // diplomatic: blue
        IM_COL32(224, 64, 64, 255),    // military: red
        IM_COL32(242, 146, 40, 255),   // security: orange
        IM_COL32(232, 208, 56, 255),   // energy: yellow
        IM_COL32(64, 184, 96, 255),    // economy: green
        IM_COL32(168, 116, 224, 255),  // other: violet
    };
    ImU32 c = kind < std::size(rgb) ? rgb[kind] : IM_COL32(175, 178, 195, 255);
    return (c & 0x00FFFFFF) | (static_cast<ImU32>(std::clamp(alpha, 0.0f, 1.0f) * 255) << 24);
}

const char* kind_name(uint8_t kind) {
    static const char* names[] = {"diplomatic", "military", "security", "energy", "economy", "other"};
    return kind < std::size(names) ? names[kind] : "mixed";
}

const Layout& last_layout() { return g_layout; }

// ---------------------------------------------------------------- state

const Timeline& shown_timeline(const UiState& ui) {
    return ui.applied.active() ? ui.timeline : ui.data->base;
}

void fit_all(UiState& ui) {
    if (!ui.data) return;
    const Timeline& t = shown_timeline(ui);
    if (t.events == 0 || t.lanes.empty())
        ui.view = clamped({double(from_ymd(1900, 1, 1, AxisCalendar::Gregorian)), double(from_ymd(2030, 1, 1, AxisCalendar::Gregorian))});
    else
        ui.view = fit(t.first, t.last);
}

void set_data(UiState& ui, std::shared_ptr<const ViewerData> data) {
    // Tables only grow while loading, so event indices and country ids of an
    // earlier snapshot stay valid in a later one.
    const bool update = ui.data && data && ui.data->source == data->source;
    ui.data = std::move(data);
    ui.timeline = Timeline{};
    ui.applied = Filter{};
    if (ui.filter.active()) apply_filters(ui);
    const Timeline& t = shown_timeline(ui);
    if (!update) {
        ui.collapsed.assign(ui.data->table.codes.size(), 0);
        // Open groups while the rows fit a screen or two; beyond that only
        // the busiest countries start open.
        size_t rows = 0;
        for (const Group& g : t.groups) rows += 1 + g.lanes.size();
        if (rows > 60)
            for (size_t i = 0; i < t.groups.size(); ++i) ui.collapsed[t.groups[i].country] = i >= 3;
        ui.selected = -1;
        ui.selected_undated = -1;
        ui.listed.clear();
        ui.view_touched = false;
    } else {
        ui.collapsed.resize(ui.data->table.codes.size(), 1);  // countries new in this snapshot start closed
    }
    if (!ui.view_touched) fit_all(ui);
}

void select_event(UiState& ui, int64_t event) {
    ui.selected = event;
    ui.selected_undated = -1;
    ui.listed.clear();
}

void zoom_to(UiState& ui, int32_t first, int32_t last) {
    ui.view_touched = true;
    // A day event is shown with a few days around it, not as a screen-wide day.
    if (last - first < 6) {
        double mid = (first + last + 1) / 2.0;
        ui.view = clamped({mid - 3.5, mid + 3.5});
    } else {
        ui.view = fit(first, last);
    }
}

void list_events(UiState& ui, uint32_t lane_index, const Mark& m) {
    const Timeline& t = shown_timeline(ui);
    ui.listed.clear();
    if (lane_index >= t.lanes.size()) return;
    for (const LaneLevel& l : t.lanes[lane_index].levels) {
        auto i = static_cast<size_t>(std::lower_bound(l.start.begin(), l.start.end(), m.first) - l.start.begin());
        for (; i < l.size() && l.start[i] <= m.last && ui.listed.size() < 2000; ++i)
            if (l.end[i] <= m.last) ui.listed.push_back(l.event[i]);
    }
    const EventTable& tab = ui.data->table;
    std::sort(ui.listed.begin(), ui.listed.end(),
              [&](uint32_t a, uint32_t b) { return tab.first[a] != tab.first[b] ? tab.first[a] < tab.first[b] : a < b; });
    ui.listed_title = count_text(m.count) + " events in " + lane_label(ui, t.lanes[lane_index]);
    ui.selected = -1;
    ui.selected_undated = -1;
}

// ---------------------------------------------------------------- labels

std::string country_label(const UiState& ui, CountryId id) {
    const std::string& code = ui.data->table.codes[id];
    return std::string(ui.names.name(code, ui.lang));
}

std::string lane_label(const UiState& ui, const Lane& lane) {
    if (lane.aggregate()) return country_label(ui, lane.a);
    if (lane.alone()) {
        // Interface words, until the viewer has catalogs of its strings per language.
        static const std::map<std::string, std::string, std::less<>> kAlone = {
            {"fa", " (به‌تنهایی)"}, {"ar", " (وحدها)"}};
        auto it = kAlone.find(to_string(ui.lang));
        return country_label(ui, lane.a) + (it != kAlone.end() ? it->second : std::string(" alone"));
    }
    return country_label(ui, lane.a) + " – " + country_label(ui, lane.b);
}

std::string count_text(uint64_t n) {
    char buf[32];
    if (n < 1000)
        std::snprintf(buf, sizeof buf, "%llu", static_cast<unsigned long long>(n));
    else if (n < 10000)
        std::snprintf(buf, sizeof buf, "%.1fk", n / 1000.0);
    else if (n < 1000000)
        std::snprintf(buf, sizeof buf, "%lluk", static_cast<unsigned long long>(n / 1000));
    else
        std::snprintf(buf, sizeof buf, "%.1fM", n / 1e6);
    return buf;
}

std::string span_text(double days) {
    char buf[64];
    if (days >= 2 * kDaysPerYear)
        std::snprintf(buf, sizeof buf, "%.0f years", days / kDaysPerYear);
    else if (days >= 60)
        std::snprintf(buf, sizeof buf, "%.0f months", days / (kDaysPerYear / 12));
    else
        std::snprintf(buf, sizeof buf, "%.0f day%s", days, days >= 1.5 ? "s" : "");
    return buf;
}

std::string interval_text(int32_t first, int32_t last) {
    if (first == last) return iso_day(first);
    return iso_day(first) + " – " + iso_day(last) + " (" + span_text(last - first + 1.0) + ")";
}

// ---------------------------------------------------------------- timeline

namespace {

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

// Marks are drawn with few vertices: llvmpipe (and any GPU) pays per vertex,
// and a rounded corner or an anti-aliased outline costs ten times a plain
// rectangle. Anti-aliased fill is off for the lanes (see draw_marks), so a
// diamond with an edge is two quads.
void draw_diamond(ImDrawList* dl, float cx, float cy, float r, ImU32 fill, ImU32 edge) {
    const float e = r + 1.2f;
    dl->AddQuadFilled({cx, cy - e}, {cx + e, cy}, {cx, cy + e}, {cx - e, cy}, edge);
    dl->AddQuadFilled({cx, cy - r}, {cx + r, cy}, {cx, cy + r}, {cx - r, cy}, fill);
}

// One lane's marks in the row at y (screen), canvas from x0, `width` wide.
void draw_marks(UiState& ui, ImDrawList* dl, const LaneMarks& marks, float x0, float y, float width) {
    const EventTable& tab = ui.data->table;
    const float y0 = y + 5, y1 = y + kRowH - 5, ym = y + kRowH / 2;
    const ImU32 dark = IM_COL32(20, 22, 30, 255);
    const ImU32 select = IM_COL32(255, 255, 255, 255);
    auto clipx = [&](float x) { return std::clamp(x, -4.0f, width + 4.0f) + x0; };
    const ImDrawListFlags flags = dl->Flags;
    dl->Flags &= ~ImDrawListFlags_AntiAliasedFill;

    for (const Mark& m : marks.bars) {
        float a = clipx(m.x0), b = clipx(m.x1);
        if (m.x0 < 0 && m.x1 > width) {
            // The view lies inside it (a year seen at day zoom): a band at the
            // foot of the row, so the events within stay readable.
            dl->AddRectFilled({a, y1 - 1}, {b, y1 + 3}, mark_color(m, 0.8f));
            if (m.single() && m.event == ui.selected) dl->AddRect({a, y1 - 2}, {b, y1 + 4}, select, 0, 0, 1.5f);
            continue;
        }
        if (m.single()) {
            const bool point = tab.first[m.event] == tab.last[m.event];
            const bool fuzzy = tab.fuzzy(m.event);
            if (point) {
                // A day: a diamond at its middle, and the day itself once it is wide.
                float cx = (a + b) / 2;
                if (b - a > 12) dl->AddRectFilled({a, y0 + 3}, {b, y1 - 3}, kind_color(m.kind, 0.25f));
                draw_diamond(dl, cx, ym, 5.5f, kind_color(m.kind, fuzzy ? 0.45f : 1.0f), fuzzy ? kind_color(m.kind) : dark);
                if (m.event == ui.selected) dl->AddCircle({cx, ym}, 8, select, 12, 2);
                continue;
            }
            const ImU32 c = kind_color(m.kind, 0.9f);
            if (fuzzy) {
                // Faded ends say "about here": an interval known to the month
                // is sharp, one known to the year or with early/late/about is not.
                const ImU32 clear = kind_color(m.kind, 0.0f);
                float fade = std::min((m.x1 - m.x0) * 0.3f, 48.0f);
                float fa = x0 + m.x0 + fade, fb = x0 + m.x1 - fade;
                if (fa > a) dl->AddRectFilledMultiColor({a, y0}, {std::min(fa, b), y1}, clear, c, c, clear);
                if (fb > fa) dl->AddRectFilled({std::max(fa, a), y0}, {std::min(fb, b), y1}, c);
                if (fb < b) dl->AddRectFilledMultiColor({std::max(fb, a), y0}, {b, y1}, c, clear, clear, c);
            } else {
                dl->AddRectFilled({a, y0}, {std::max(b, a + 1), y1}, c);
            }
            // The date value inside a bar wide enough for it, centred on the
            // visible part (clear of the faded ends).
            std::string_view value = tab.value(m.event);
            if (b - a > 80 && !value.empty()) {
                ImVec2 ts = ImGui::CalcTextSize(value.data(), value.data() + value.size());
                float room = (b - a) * (fuzzy ? 0.4f : 1.0f);
                if (ts.x + 12 < room)
                    dl->AddText({(a + b - ts.x) / 2, ym - ts.y / 2}, dark, value.data(), value.data() + value.size());
            }
            if (m.event == ui.selected) dl->AddRect({a - 1, y0 - 1}, {b + 1, y1 + 1}, select, 2.0f, 0, 2.0f);
            continue;
        }
        // Several events starting within a few pixels of each other: a
        // paler bar, and their count when it fits.
        dl->AddRectFilled({a, y0}, {std::max(b, a + 2), y1}, mark_color(m, 0.6f));
        if (b - a >= 22) {  // room for "×2" at least; formatting costs more than the bar
            std::string n = "×" + count_text(m.count);
            ImVec2 ts = ImGui::CalcTextSize(n.c_str());
            float tx = std::max(a, x0) + 4;
            if (tx + ts.x + 2 < b) dl->AddText({tx, ym - ts.y / 2}, dark, n.c_str());
        }
    }

    for (const Mark& m : marks.dense) {
        float a = clipx(m.x0), b = clipx(m.x1);
        if (m.single()) {
            if (tab.first[m.event] == tab.last[m.event])
                draw_diamond(dl, (a + b) / 2, ym, 4.0f, kind_color(m.kind), dark);
            else
                dl->AddRectFilled({a, y0}, {std::max(b, a + 3), y1}, kind_color(m.kind, 0.9f));
            if (m.event == ui.selected) dl->AddRect({a - 2, y0 - 2}, {b + 2, y1 + 2}, select, 0, 0, 2.0f);
            continue;
        }
        // Denser is more opaque; the count is written when it fits.
        float alpha = 0.45f + 0.5f * std::min(1.0f, std::log10(static_cast<float>(m.count)) / 3.0f);
        dl->AddRectFilled({a, y0 - 2}, {std::max(b, a + 3), y1 + 2}, mark_color(m, alpha));
        if (b - a >= 12) {
            std::string n = count_text(m.count);
            ImVec2 ts = ImGui::CalcTextSize(n.c_str());
            if (ts.x + 4 < b - a) dl->AddText({(a + b - ts.x) / 2, ym - ts.y / 2}, dark, n.c_str());
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

void draw_timeline(UiState& ui) {
    ImGuiIO& io = ImGui::GetIO();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    reserve_draw_list(dl);
    const Timeline& t = shown_timeline(ui);
    const EventTable& tab = ui.data->table;

    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 size = ImGui::GetContentRegionAvail();
    const bool second = ui.second_axis != SecondAxis::None;
    const float axis_h = kAxisRowH * (second ? 4 : 2) + 4;
    const float cx0 = origin.x + kLabelW;                        // canvas left
    const float width = std::max(50.0f, size.x - kLabelW - kScrollbarW);
    const float rows_top = origin.y + axis_h;
    const float rows_h = std::max(10.0f, size.y - axis_h);
    const float bottom = rows_top + rows_h;

    // Rows: a header per group (its aggregate lane), then its lanes when open.
    std::vector<Row> rows;
    for (size_t g = 0; g < t.groups.size(); ++g) {
        const Group& grp = t.groups[g];
        rows.push_back({grp.header_lane, g, true});
        if (grp.country < ui.collapsed.size() && ui.collapsed[grp.country]) continue;
        for (uint32_t li : grp.lanes) rows.push_back({li, g, false});
    }
    const float total_h = rows.size() * kRowH;
    const float max_scroll = std::max(0.0f, total_h - rows_h);

    g_layout.axis_h = axis_h;
    g_layout.label_w = kLabelW;
    g_layout.row_h = kRowH;
    g_layout.rows_min = {cx0, rows_top};
    g_layout.rows_max = {cx0 + width, bottom};

    // ---- input, before drawing, so the frame shows its effect
    ImGui::SetCursorScreenPos({cx0, origin.y});
    ImGui::InvisibleButton("canvas", {width, size.y});
    const bool hovered = ImGui::IsItemHovered();
    const bool active = ImGui::IsItemActive();
    const bool released = ImGui::IsItemDeactivated();
    const bool clicked = released && io.MouseDragMaxDistanceSqr[0] < 16;
    const double ppd = width / ui.view.span();

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
    if (active && ImGui::IsMouseDragging(0, 2.0f)) {
        ui.view = panned(ui.view, -io.MouseDelta.x / ppd);
        ui.scroll_y -= io.MouseDelta.y;
    }
    if (!io.WantTextInput) {
        const double pan = ui.view.span() * 0.1;
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_LeftArrow)) || ImGui::IsKeyPressed('A'))
            ui.view = panned(ui.view, -pan);
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_RightArrow)) || ImGui::IsKeyPressed('D'))
            ui.view = panned(ui.view, pan);
        bool in = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_UpArrow)) || ImGui::IsKeyPressed('W');
        bool out = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_DownArrow)) || ImGui::IsKeyPressed('S');
        for (ImWchar c : io.InputQueueCharacters) {
            in |= c == '+' || c == '=';
            out |= c == '-' || c == '_';
        }
        if (in) ui.view = zoom_at(ui.view, 0.5, 0.7);
        if (out) ui.view = zoom_at(ui.view, 0.5, 1 / 0.7);
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

    if (ui.view.t0 != before.t0 || ui.view.t1 != before.t1) ui.view_touched = !home;  // Home: follow the data again

    // Label column: click a header to open or close its group; wheel scrolls.
    ImGui::SetCursorScreenPos({origin.x, rows_top});
    ImGui::InvisibleButton("labels", {kLabelW, rows_h});
    if (ImGui::IsItemHovered() && io.MouseWheel != 0) ui.scroll_y -= io.MouseWheel * kRowH * 3;
    if (ImGui::IsItemClicked()) {
        auto r = static_cast<size_t>((io.MousePos.y - rows_top + ui.scroll_y) / kRowH);
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

    // ---- axis
    dl->AddRectFilled({origin.x, origin.y}, {origin.x + size.x, rows_top}, IM_COL32(30, 32, 40, 255));
    dl->AddRectFilled({origin.x, rows_top}, {origin.x + size.x, bottom}, IM_COL32(22, 24, 30, 255));
    auto measure = [&](std::string_view s) {
        const std::string& v = ui.text.visual(s);
        return ImGui::CalcTextSize(v.data(), v.data() + v.size()).x;
    };
    dl->PushClipRect({cx0, origin.y}, {cx0 + width, bottom}, true);
    TickRows greg = make_ticks(ui.view, width, AxisCalendar::Gregorian, measure);
    draw_axis_rows(ui, dl, greg, {cx0, origin.y}, width, true, rows_top, bottom);
    if (second) {
        AxisCalendar cal = ui.second_axis == SecondAxis::SolarHijri ? AxisCalendar::SolarHijri : AxisCalendar::Islamic;
        TickRows other = make_ticks(ui.view, width, cal, measure);
        draw_axis_rows(ui, dl, other, {cx0, origin.y + 2 * kAxisRowH + 2}, width, false, 0, 0);
    }
    dl->PopClipRect();
    {
        const char* cal_name = ui.second_axis == SecondAxis::SolarHijri ? "Solar Hijri"
                               : ui.second_axis == SecondAxis::Islamic  ? "Hijri (±2 days)"
                                                                        : nullptr;
        dl->AddText({origin.x + 6, origin.y + 2}, IM_COL32(160, 163, 175, 255), "Gregorian");
        if (cal_name) dl->AddText({origin.x + 6, origin.y + 2 * kAxisRowH + 4}, IM_COL32(160, 163, 175, 255), cal_name);
        std::string span = span_text(ui.view.span()) + " across";
        dl->AddText({origin.x + 6, origin.y + kAxisRowH + 1}, IM_COL32(120, 123, 135, 255), span.c_str());
    }
    dl->AddLine({origin.x, rows_top - 1}, {origin.x + size.x, rows_top - 1}, IM_COL32(255, 255, 255, 50));

    // ---- rows
    ui.hovered = nullptr;
    const bool mouse_in_canvas = hovered && io.MousePos.y >= rows_top && io.MousePos.y < bottom;
    LodParams lod;
    lod.view = ui.view;
    lod.width = width;
    thread_local LaneMarks marks;
    const size_t first_row = static_cast<size_t>(ui.scroll_y / kRowH);
    const size_t last_row = std::min(rows.size(), static_cast<size_t>((ui.scroll_y + rows_h) / kRowH) + 1);
    const ImU32 label_text = IM_COL32(225, 227, 235, 255);
    const ImU32 label_dim = IM_COL32(140, 143, 155, 255);
    for (size_t r = first_row; r < last_row; ++r) {
        const Row& row = rows[r];
        const Lane& lane = t.lanes[row.lane];
        const float y = rows_top + r * kRowH - ui.scroll_y;
        const ImVec2 rmin{origin.x, y}, rmax{cx0 + width, y + kRowH};

        dl->PushClipRect({origin.x, rows_top}, {cx0 + width, bottom}, true);
        if (row.header)
            dl->AddRectFilled(rmin, rmax, IM_COL32(40, 43, 54, 255));
        else if (r % 2)
            dl->AddRectFilled(rmin, rmax, IM_COL32(255, 255, 255, 6));
        dl->AddLine({origin.x, y + kRowH - 0.5f}, {cx0 + width, y + kRowH - 0.5f}, IM_COL32(255, 255, 255, 14));

        // Label: triangle, name (right-aligned when it reads right to left), count.
        dl->PushClipRect({origin.x, std::max(y, rows_top)}, {cx0 - 4, std::min(y + kRowH, bottom)}, true);
        const std::string count = count_text(lane.count);
        const float count_w = ImGui::CalcTextSize(count.c_str()).x;
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
        draw_label(ui, dl, {name_x, text_y}, row.header ? label_text : IM_COL32(200, 202, 212, 255), lane_label(ui, lane),
                   cx0 - 14 - count_w);
        dl->AddText({cx0 - 8 - count_w, text_y}, label_dim, count.c_str());
        dl->PopClipRect();

        // Marks.
        dl->PushClipRect({cx0, std::max(y, rows_top)}, {cx0 + width, std::min(y + kRowH, bottom)}, true);
        marks.clear();
        lane_marks(lane, tab.kind.data(), lod, marks);
        draw_marks(ui, dl, marks, cx0, y, width);
        dl->PopClipRect();
        dl->PopClipRect();

        if (mouse_in_canvas && io.MousePos.y >= y && io.MousePos.y < y + kRowH) {
            if (const Mark* m = mark_at(marks, io.MousePos.x - cx0)) {
                ui.hovered_mark = *m;
                ui.hovered = &ui.hovered_mark;
                ui.hovered_lane = row.lane;
            }
        }
    }
    if (rows.empty()) {
        const char* msg = ui.applied.active() ? "No event passes the filters." : "No dated events in this store.";
        dl->AddText({cx0 + 20, rows_top + 20}, label_dim, msg);
    }
    // Scrollbar thumb.
    if (total_h > rows_h) {
        float th = std::max(20.0f, rows_h * rows_h / total_h);
        float ty = rows_top + (rows_h - th) * (ui.scroll_y / max_scroll);
        dl->AddRectFilled({cx0 + width + 2, ty}, {cx0 + width + kScrollbarW - 2, ty + th}, IM_COL32(255, 255, 255, 60), 3);
    }
    dl->AddLine({cx0 - 0.5f, origin.y}, {cx0 - 0.5f, bottom}, IM_COL32(255, 255, 255, 40));

    // ---- clicks, on what the mouse is over in this frame
    if (hovered && ImGui::IsMouseDoubleClicked(0)) {
        if (ui.hovered)
            zoom_to(ui, ui.hovered->first, ui.hovered->last);
        else
            ui.view = zoom_at(ui.view, (io.MousePos.x - cx0) / width, 0.5);
        ui.view_touched = true;
    } else if (clicked) {
        if (!ui.hovered) {
            ui.selected = -1;
            ui.listed.clear();
        } else if (ui.hovered->single()) {
            select_event(ui, ui.hovered->event);
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

    ImGui::SetCursorScreenPos({origin.x, bottom});
}

}  // namespace

// The GL driver, too, sizes its vertex storage to the largest frame it has
// seen: under llvmpipe the first frame of 50k vertices took 10 ms more to
// submit than the next ones. One frame of the loading screen submits that
// many, off screen, so no zoom pays for it later.
void warm_up_gpu_buffers(ImDrawList* dl) {
    static bool done = false;
    if (done) return;
    done = true;
    constexpr int kQuads = 40000;  // 160k vertices: twice the busiest frame measured
    const ImU32 faint = IM_COL32(0, 0, 0, 1);  // not 0: ImGui drops invisible shapes
    for (int i = 0; i < kQuads; ++i) dl->AddRectFilled({-20, -20}, {-10, -10}, faint);
}

void draw_loading(const char* what, double seconds) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    ImGui::Begin("##loading", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
    warm_up_gpu_buffers(ImGui::GetWindowDrawList());
    char buf[512];
    std::snprintf(buf, sizeof buf, "%s  %.1f s", what, seconds);
    ImVec2 ts = ImGui::CalcTextSize(buf);
    ImGui::SetCursorPos({(vp->WorkSize.x - ts.x) / 2, vp->WorkSize.y / 2 - ts.y});
    ImGui::TextUnformatted(buf);
    // A bar that moves, so a long read does not look like a hang.
    float f = static_cast<float>(std::fmod(seconds, 1.5) / 1.5);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 c{vp->WorkPos.x + vp->WorkSize.x / 2, vp->WorkPos.y + vp->WorkSize.y / 2 + 10};
    dl->AddRectFilled({c.x - 100, c.y}, {c.x + 100, c.y + 4}, IM_COL32(255, 255, 255, 30));
    dl->AddRectFilled({c.x - 100 + 160 * f, c.y}, {c.x - 60 + 160 * f, c.y + 4}, IM_COL32(72, 139, 240, 255));
    ImGui::End();
}

void draw_viewer(UiState& ui) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {6, 6});
    ImGui::Begin("tarikh", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse);
    ImGui::PopStyleVar();

    // Filters apply once typing pauses: a million sentences are searched per change.
    if (!(ui.filter == ui.applied) && ui.filter_edited_at >= 0 && ImGui::GetTime() - ui.filter_edited_at > 0.25)
        apply_filters(ui);

    float y0 = ImGui::GetCursorPosY();
    draw_toolbar(ui);
    g_layout.toolbar_h = ImGui::GetCursorPosY() - y0;

    const float status_h = ImGui::GetFrameHeightWithSpacing() + 2;
    g_layout.status_h = status_h;
    const bool details = ui.selected >= 0 || ui.selected_undated >= 0 || !ui.listed.empty();
    const float details_w = details ? std::min(440.0f, ImGui::GetContentRegionAvail().x * 0.4f) : 0;
    ImVec2 avail = ImGui::GetContentRegionAvail();
    ImGui::BeginChild("timeline", {avail.x - details_w, avail.y - status_h}, false,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    draw_timeline(ui);
    ImGui::EndChild();
    if (details) {
        ImGui::SameLine();
        ImGui::BeginChild("details", {0, avail.y - status_h}, true);
        draw_details(ui);
        ImGui::EndChild();
    }
    draw_status(ui);
    ImGui::End();

    if (ui.hovered && !ImGui::IsPopupOpen(nullptr, ImGuiPopupFlags_AnyPopupId)) draw_tooltip(ui);
    if (ui.show_tray) draw_tray(ui);
    if (ui.show_export) draw_export(ui);
}

}  // namespace tarikh::viewer
