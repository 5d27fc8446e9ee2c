// The viewer's window, drawn with Dear ImGui: toolbar, time axis, lanes,
// tooltips, details panel, undated tray, export. Nothing here talks to GL or
// GLFW: ImGui turns it into vertex lists that main.cpp hands to OpenGL, so the
// same code runs headless in tests.
#pragma once

#include "bidi_text.h"
#include "countries.h"
#include "curated.h"
#include "curation_writer.h"
#include "event_table.h"
#include "filters.h"
#include "lanes.h"
#include "lod.h"
#include "overview.h"
#include "stacking.h"
#include "time_axis.h"

#include "tarikh/messages.h"

#include <imgui.h>

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace tarikh::viewer {

// What was loaded. Read-only while it is a snapshot of a loading store; once
// whole, only what people say about events changes it (curated.h).
struct ViewerData {
    EventTable table;
    Timeline base;               // the events in force (curated.h), all lanes
    std::vector<Event> undated;  // the tray
    Curated curated;             // what people said, and how the table shows it
    std::string source;          // "tarikh.db", "synthetic 1000 events"
    std::string store;           // the store it was read from; empty for synthetic data
    std::string warning;         // e.g. the undated events could not be read
    bool loading = false;        // a snapshot: more is being read
    size_t total = 0;            // dated events in the source
};

// Builds the data from events in memory (loader.h reads a store).
std::unique_ptr<ViewerData> load_events(std::vector<Event> dated, std::vector<Event> undated, std::string source);
// Shows the bound curations (tarikh/curation.h) and builds the lanes again.
void apply_curations(ViewerData& d, const std::vector<BoundCuration>& bound);

// Visual forms of strings drawn every frame (lane labels, month names): shaping
// and reordering run once per string, not once per frame.
class TextCache {
public:
    // The reference stays valid until the next new_frame().
    const std::string& visual(std::string_view logical, bool* rtl = nullptr);
    // Forgets the strings of a long session, between frames only.
    void new_frame();

private:
    struct Entry {
        std::string text;
        bool rtl;
    };
    std::unordered_map<std::string, Entry> map_;
};

enum class SecondAxis { None, SolarHijri, Islamic };

// One step of undo: what was said about an event before and after.
struct Edit {
    int64_t event = 0;
    std::optional<Curation> before, after;
};

// The correction form (E, or "Correct…" in the context menu).
struct CorrectionForm {
    bool open = false;
    bool note_only = false;  // N: the note alone
    int64_t event = 0;
    std::string date, pairs, note;
    int kind = 0;
    std::string problem;  // what could not be read, shown under the fields
};

struct UiState {
    std::shared_ptr<ViewerData> data;
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
    Lang lang;                             // of every word and label: lang/languages.tsv
    std::vector<uint8_t> collapsed;        // per CountryId
    float scroll_y = 0;
    Overview overview;                     // of the shown events: Home and the density strip
    std::vector<uint8_t> lane_rows;        // sub-rows of each lane of the shown timeline, as last drawn
    float canvas_w = 0;                    // the timeline's width last frame: the scale is kept when it changes

    // What was picked.
    int64_t selected = -1;                 // event index in the table
    int64_t selected_lane = -1;            // the lane it was picked in: next/previous go along it
    int64_t selected_undated = -1;         // index in data->undated
    std::vector<uint32_t> listed;          // events of a merged mark, when zooming cannot separate them
    std::string listed_title;
    bool show_tray = false;
    bool show_export = false;
    std::string export_path = "out/view.json";
    int export_format = 0;                 // 0 JSON, 1 TimelineJS
    bool export_in_view = false;
    std::string export_message;
    std::string save_png;                  // set by "Save PNG": main.cpp writes the frame there
    std::string status_message;            // said in the status bar for a while
    double status_message_at = -1;

    // What people say about events (curated.h): undo, the form, the writer.
    bool show_dismissed = false;
    std::vector<Edit> undo, redo;
    CorrectionForm form;
    std::unique_ptr<CurationWriter> writer;
    int64_t context_event = -1;            // the event the context menu is about

    // Per frame.
    float frame_ms = 0;                    // CPU time of the previous frame, shown in the status bar
    const Mark* hovered = nullptr;
    Mark hovered_mark;
    uint32_t hovered_lane = 0;
    TextCache text;
    std::unordered_map<uint32_t, std::string> mark_labels;  // short label of a row's event, made once
};

// The UI's words, in the language chosen (engine/lang/<code>/ui.tsv; a
// language of the table without one speaks English).
const Messages& words(const UiState& ui);

// Changes what is said about an event (a table row, or an undated event's
// index in the tray when `undated`), records it for undo, shows it and
// writes it to the store.
void curate(UiState& ui, int64_t event_index, bool undated, const CurationChange& change);
void undo(UiState& ui);
void redo(UiState& ui);
// The correction form's Save: reads its fields whole (a date anything `parse`
// reads, or two with ".." between them; pairs by code or name) and curates;
// false, with ui.form.problem saying what it could not read, otherwise.
bool submit_correction(UiState& ui);

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

// Sets the data and frames the view on it (Home). A newer snapshot of the
// same source keeps the view (unless untouched), filters, groups and selection.
void set_data(UiState& ui, std::shared_ptr<ViewerData> data);
// Builds the lanes again from the rows in force (after a curation).
void rebuild_lanes(UiState& ui);
// One frame of the whole window, between ImGui::NewFrame and ImGui::Render.
void draw_viewer(UiState& ui);
// The frame shown while the store is read.
void draw_loading(const char* what, double seconds);
// Home: the view that frames where most shown events are (overview.h).
void fit_all(UiState& ui);
// The next (+1) or previous (-1) event of the selected lane, selected, and
// the view moved to it only when it was out of sight.
void step_in_lane(UiState& ui, int direction);

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
    float row_h = 22;           // a header row, and a lane of one sub-row
    float sub_row_h = 18;       // each sub-row of a stacked lane
    ImVec2 rows_min, rows_max;  // screen rectangle of the lane rows (without the labels)
    ImVec2 details_min, details_max;  // the details panel, when open (else empty)
    ImVec2 strip_min, strip_max;      // the density strip
    ImVec2 legend_max;                // the legend's bottom right (the status bar's first line)
    ImVec2 counts_min;                // where the status bar's counts begin
    ImVec2 tooltip_min, tooltip_max;  // the last tooltip drawn
    std::vector<float> row_top;       // screen y of each drawn row's top (first visible first)
};
const Layout& last_layout();

}  // namespace tarikh::viewer
