// The viewer's window, drawn with Dear ImGui: toolbar, time axis, lanes,
// tooltips, details panel, undated tray, export. Nothing here talks to GL or
// GLFW: ImGui turns it into vertex lists that main.cpp hands to OpenGL, so the
// same code runs headless in tests.
#pragma once

#include "bidi_text.h"
#include "countries.h"
#include "event_table.h"
#include "filters.h"
#include "lanes.h"
#include "lod.h"
#include "time_axis.h"

#include <imgui.h>

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace tarikh::viewer {

// What was loaded, once: read-only while the UI runs.
struct ViewerData {
    EventTable table;
    Timeline base;               // all events
    std::vector<Event> undated;  // the tray
    std::string source;          // "tarikh.db", "synthetic 1000 events"
    std::string warning;         // e.g. the undated events could not be read
    bool loading = false;        // a snapshot: more is being read
    size_t total = 0;            // dated events in the source
};

// Builds the data from events in memory (loader.h reads a store).
std::unique_ptr<ViewerData> load_events(std::vector<Event> dated, std::vector<Event> undated, std::string source);

// Visual forms of strings drawn every frame (lane labels, month names): shaping
// and reordering run once per string, not once per frame.
class TextCache {
public:
    const std::string& visual(std::string_view logical, bool* rtl = nullptr);

private:
    struct Entry {
        std::string text;
        bool rtl;
    };
    std::unordered_map<std::string, Entry> map_;
};

enum class SecondAxis { None, SolarHijri, Islamic };

struct UiState {
    std::shared_ptr<const ViewerData> data;
    CountryNames names;

    // What is shown.
    Timeline timeline;                     // after filters
    Filter filter;                         // as typed
    Filter applied;                        // as applied to `timeline`
    FilterResult filtered;
    double filter_edited_at = -1;          // filters apply a moment after typing stops
    View view{-1000, 20000};
    bool view_touched = false;             // the person moved the view: new data does not refit it
    SecondAxis second_axis = SecondAxis::None;
    Lang lang;  // of labels: lang/languages.tsv
    std::vector<uint8_t> collapsed;        // per CountryId
    float scroll_y = 0;

    // What was picked.
    int64_t selected = -1;                 // event index in the table
    int64_t selected_undated = -1;         // index in data->undated
    std::vector<uint32_t> listed;          // events of a merged mark, when zooming cannot separate them
    std::string listed_title;
    bool show_tray = false;
    bool show_export = false;
    std::string export_path = "out/view.json";
    int export_format = 0;                 // 0 JSON, 1 TimelineJS
    bool export_in_view = false;
    std::string export_message;

    // Per frame.
    float frame_ms = 0;                    // CPU time of the previous frame, shown in the status bar
    const Mark* hovered = nullptr;
    Mark hovered_mark;
    uint32_t hovered_lane = 0;
    TextCache text;
};

// Writes the events the filters keep (only those overlapping the view when
// `in_view`) through the engine's exporter: format 0 JSON, 1 TimelineJS.
// Returns what happened, for the export window ("Wrote 12 events to …").
struct ExportResult {
    bool ok = false;
    size_t events = 0;
    std::string message;
};
ExportResult export_filtered(const UiState& ui, int format, bool in_view, const std::string& path);
size_t export_count(const UiState& ui, bool in_view);

// Sets the data and fits the view to it (Home). A newer snapshot of the same
// source keeps the view (unless untouched), filters, groups and selection.
void set_data(UiState& ui, std::shared_ptr<const ViewerData> data);
// One frame of the whole window, between ImGui::NewFrame and ImGui::Render.
void draw_viewer(UiState& ui);
// The frame shown while the store is read.
void draw_loading(const char* what, double seconds);
// Home: the view that fits every shown event.
void fit_all(UiState& ui);

// Noto Sans with Noto Sans Arabic merged in at the same size, covering the
// Arabic block and both presentation-form blocks (the shaper's output).
// Returns false when the fonts are missing (ImGui's default font is used).
bool load_fonts(float size_px);

// Colours by kind (EventKind order), and for mixed density marks.
ImU32 kind_color(uint8_t kind, float alpha = 1.0f);
const char* kind_name(uint8_t kind);

// The layout of the window, for tests that check pixels at lane rows.
struct Layout {
    float toolbar_h = 0, axis_h = 0, status_h = 0;
    float label_w = 220;
    float row_h = 22;
    ImVec2 rows_min, rows_max;  // screen rectangle of the lane rows (without the labels)
};
const Layout& last_layout();

}  // namespace tarikh::viewer
