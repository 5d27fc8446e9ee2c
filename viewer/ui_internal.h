// Shared between ui.cpp (state, data, words), ui_timeline.cpp (the lanes and
// the axis) and ui_panels.cpp (everything around them).
#pragma once

#include "ui.h"

#include <string>
#include <string_view>

namespace tarikh::viewer {

const Timeline& shown_timeline(const UiState& ui);
// The layout this frame is drawing (last_layout() once it is drawn).
Layout& layout_for_frame();

void draw_timeline(UiState& ui);
void draw_toolbar(UiState& ui);
void draw_status(UiState& ui);
void draw_tooltip(UiState& ui);
void draw_details(UiState& ui);
void draw_tray(UiState& ui);
void draw_export(UiState& ui);
void draw_correction(UiState& ui);
// The verdict, corrections and note of an event in the details panel, with
// the buttons that change them (a table row, or a tray entry when `undated`).
void draw_curation_panel(UiState& ui, int64_t index, bool undated);
// The context menu of the event ui.context_event (right click on a mark).
void draw_event_menu(UiState& ui);
// Curation keys (C, X, U, E, N, R, Ctrl+Z, Ctrl+Y) on the selected event.
void curation_keys(UiState& ui);

// Re-runs the filters now (they normally wait for typing to pause).
void apply_filters(UiState& ui);
void select_event(UiState& ui, int64_t event, int64_t lane = -1);
void zoom_to(UiState& ui, int32_t first, int32_t last);
// Events of lane `lane` within [first, last], for a merged mark zooming cannot separate.
void list_events(UiState& ui, uint32_t lane, const Mark& m);
// Says something in the status bar for a few seconds.
void tell(UiState& ui, std::string message);

// `english` in the UI's language (messages.h), in logical order: for
// draw_label, text_line and patterns, which shape and reorder what they draw.
inline const char* tr(const UiState& ui, const char* english) { return words(ui).tr(english); }
// The same shaped and in visual order, for ImGui's own widgets (buttons,
// menus, hints), which draw glyphs as they come; valid for the frame.
inline const char* L(UiState& ui, const char* english) { return ui.text.visual(words(ui).tr(english)).c_str(); }
inline const char* L(UiState& ui, const std::string& logical) { return ui.text.visual(logical).c_str(); }

// Draws logical UTF-8 (shaped and reordered when needed) at `pos`; when
// `right` > 0 and the text is right-to-left it is right-aligned to x = right.
// Text wider than `max_w` (> 0) is cut at its logical end and ends with "…",
// so a right-to-left line keeps its first words. Returns the width drawn.
float draw_label(UiState& ui, ImDrawList* dl, ImVec2 pos, ImU32 col, std::string_view logical, float right = 0,
                 float max_w = 0);
// ImGui text in the current window, `width` wide: left-aligned, or
// right-aligned when it reads right to left; cut with "…" when longer.
void text_line(UiState& ui, std::string_view logical, float width);
// A paragraph in the current window, wrapped at `width`, with highlighted byte ranges.
void text_paragraph(UiState& ui, std::string_view logical, float width, const std::vector<ByteRange>& marks = {});
// `logical` cut at its end so that it is at most `max_w` wide as drawn, with "…".
std::string fit_text(UiState& ui, std::string_view logical, float max_w);

std::string lane_label(const UiState& ui, const Lane& lane);
std::string country_label(const UiState& ui, CountryId id);
std::string count_text(const UiState& ui, uint64_t n);                  // 950, 1.2K, 34K, 1.5M
std::string interval_text(const UiState& ui, int32_t first, int32_t last);  // "7 Oct 2023 – 10 Nov 2023 (35 days)"
std::string span_text(const UiState& ui, double days);                  // "36 years", "3 months", "5 days"
std::string kind_text(const UiState& ui, uint8_t kind);                 // the kind's name in the UI's language
// The date of table row `i` as a person says it (human_date.h).
std::string row_date(const UiState& ui, size_t i);
// What a person said about table row `i`'s event, or null.
const Curation* row_curation(const UiState& ui, size_t i);

}  // namespace tarikh::viewer
