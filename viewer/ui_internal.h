// Shared between ui.cpp (the timeline) and ui_panels.cpp (everything around it).
#pragma once

#include "ui.h"

#include <string>
#include <string_view>

namespace tarikh::viewer {

const Timeline& shown_timeline(const UiState& ui);

void draw_toolbar(UiState& ui);
void draw_status(UiState& ui);
void draw_tooltip(UiState& ui);
void draw_details(UiState& ui);
void draw_tray(UiState& ui);
void draw_export(UiState& ui);

// Re-runs the filters now (they normally wait for typing to pause).
void apply_filters(UiState& ui);
void select_event(UiState& ui, int64_t event);
void zoom_to(UiState& ui, int32_t first, int32_t last);
// Events of lane `lane` within [first, last], for a merged mark zooming cannot separate.
void list_events(UiState& ui, uint32_t lane, const Mark& m);

// Draws logical UTF-8 (shaped and reordered when needed) at `pos`; when
// `right` > 0 and the text is right-to-left it is right-aligned to x = right.
// Returns the width drawn.
float draw_label(UiState& ui, ImDrawList* dl, ImVec2 pos, ImU32 col, std::string_view logical, float right = 0);
// ImGui text (left-aligned, or right-aligned in the current column when RTL).
void text_line(UiState& ui, std::string_view logical, float width);
// A paragraph in the current window, wrapped at `width`, with highlighted byte ranges.
void text_paragraph(UiState& ui, std::string_view logical, float width, const std::vector<ByteRange>& marks = {});

std::string lane_label(const UiState& ui, const Lane& lane);
std::string country_label(const UiState& ui, CountryId id);
std::string count_text(uint64_t n);                  // 950, 1.2k, 34k, 1.5M
std::string interval_text(int32_t first, int32_t last);  // "2023-10-07 → 2023-11-10 (35 days)"
std::string span_text(double days);                  // "36 years", "3 months", "5 days"

}  // namespace tarikh::viewer
