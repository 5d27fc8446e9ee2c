// Everything around the timeline: toolbar (filters), status bar (legend,
// kind toggles, counts), tooltip, details panel, undated tray, export.
#include "ui_internal.h"

#include "tarikh/event_json.h"

#include "tarikh/export.h"

#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <unordered_map>
#include <sstream>

namespace tarikh::viewer {
namespace {

float measure_now(std::string_view s) { return ImGui::CalcTextSize(s.data(), s.data() + s.size()).x; }

void swatch(uint8_t kind, float size = 12) {
    ImVec2 p = ImGui::GetCursorScreenPos();
    float dy = (ImGui::GetTextLineHeight() - size) / 2;
    ImGui::GetWindowDrawList()->AddRectFilled({p.x, p.y + dy}, {p.x + size, p.y + dy + size}, kind_color(kind), 2);
    ImGui::Dummy({size, ImGui::GetTextLineHeight()});
}

const char* granularity_name(uint8_t g) {
    static const char* names[] = {"day", "week", "month", "season", "quarter", "half", "year", "decade", "century", "unknown"};
    return g < std::size(names) ? names[g] : "unknown";
}

const char* mod_name(uint8_t m) {
    static const char* names[] = {"", "early (START)", "mid (MID)", "late (END)", "about (APPROX)"};
    return m < std::size(names) ? names[m] : "";
}

// The text of a document named by a source, when it can be found from here:
// as given, or next to the store. Kept for the few documents last looked at.
const std::string* document_text(const UiState& ui, const std::string& doc) {
    static std::map<std::string, std::string> cache;
    static std::map<std::string, bool> missing;
    if (auto it = cache.find(doc); it != cache.end()) return &it->second;
    if (missing.count(doc)) return nullptr;
    std::vector<std::filesystem::path> candidates{doc};
    if (ui.data) candidates.push_back(std::filesystem::path(ui.data->source).parent_path() / doc);
    for (const auto& p : candidates) {
        std::error_code ec;
        if (!std::filesystem::is_regular_file(p, ec) || std::filesystem::file_size(p, ec) > (64u << 20)) continue;
        std::ifstream in(p, std::ios::binary);
        std::stringstream ss;
        ss << in.rdbuf();
        if (cache.size() > 32) cache.clear();
        return &(cache[doc] = ss.str());
    }
    missing[doc] = true;
    return nullptr;
}

std::string actors_text(const UiState& ui, const Event& e) {
    std::string out;
    for (const auto& code : e.actors) {
        if (!out.empty()) out += ", ";
        out += std::string(ui.names.name(code, ui.lang)) + " (" + code + ")";
    }
    return out;
}

// Plain text of an event for the clipboard, in logical order.
std::string event_as_text(const UiState& ui, const Event& e) {
    std::string s;
    s += "value: " + e.value + "\n";
    if (e.interval.anchored())
        s += "interval: " + interval_text(e.interval.earliest->time_since_epoch().count(),
                                          e.interval.latest->time_since_epoch().count()) + "\n";
    s += "kind: " + std::string(kind_name(static_cast<uint8_t>(e.kind))) + "\n";
    s += "actors: " + actors_text(ui, e) + "\n";
    s += "sentence: " + e.text + "\n";
    for (const auto& src : e.sources)
        s += "source: " + src.doc + " [" + std::to_string(src.span.begin) + ", " + std::to_string(src.span.end) +
             ") date [" + std::to_string(src.date_span.begin) + ", " + std::to_string(src.date_span.end) + ")\n";
    return s;
}

void draw_event(UiState& ui, const Event& e, bool in_table) {
    const float w = ImGui::GetContentRegionAvail().x;
    const uint8_t kind = static_cast<uint8_t>(e.kind);
    swatch(kind);
    ImGui::SameLine();
    ImGui::Text("%s  ·  %s", kind_name(kind), e.value.c_str());
    ImGui::SameLine(std::max(ImGui::GetCursorPosX(), w - 150));
    if (ImGui::SmallButton("Copy")) ImGui::SetClipboardText(event_as_text(ui, e).c_str());
    ImGui::SameLine();
    if (e.interval.anchored() && ImGui::SmallButton("Zoom"))
        zoom_to(ui, e.interval.earliest->time_since_epoch().count(), e.interval.latest->time_since_epoch().count());
    ImGui::SameLine();
    if (ImGui::SmallButton("Close")) {
        ui.selected = -1;
        ui.selected_undated = -1;
    }
    ImGui::Separator();
    if (e.interval.anchored()) {
        int32_t a = e.interval.earliest->time_since_epoch().count(), b = e.interval.latest->time_since_epoch().count();
        ImGui::TextWrapped("%s", interval_text(a, b).c_str());
        ImGui::TextDisabled("granularity %s%s%s", granularity_name(static_cast<uint8_t>(e.granularity)),
                            e.mod != Mod::None ? ", " : "", mod_name(static_cast<uint8_t>(e.mod)));
        auto native = [&](AxisCalendar cal, const char* name) {
            std::string s = native_label(a, cal, TickRows::Unit::Day, true);
            if (b != a) s += " – " + native_label(b, cal, TickRows::Unit::Day, true);
            ImGui::TextDisabled("%s", name);
            ImGui::SameLine();
            text_line(ui, s, ImGui::GetContentRegionAvail().x);
        };
        native(AxisCalendar::SolarHijri, "Solar Hijri");
        native(AxisCalendar::Islamic, "Hijri ±2d ");
    } else {
        ImGui::TextDisabled("undated: the date could not be anchored");
    }
    ImGui::TextWrapped("Actors: %s", actors_text(ui, e).c_str());
    // Who acts toward whom, and why the pair was made.
    for (const Participants& p : e.participants) {
        const std::string who = p.source == p.target
                                    ? std::string(ui.names.name(p.source, ui.lang))
                                    : std::string(ui.names.name(p.source, ui.lang)) + (p.directed ? " -> " : " \u2013 ") +
                                          std::string(ui.names.name(p.target, ui.lang));
        text_line(ui, who, ImGui::GetContentRegionAvail().x * 0.7f);
        ImGui::SameLine();
        ImGui::TextDisabled("%.*s \u00b7 %.2f", static_cast<int>(to_string(p.cue).size()), to_string(p.cue).data(),
                            p.confidence);
    }
    ImGui::TextDisabled("lang %s · confidence %.2f · id %lld", std::string(to_string(e.lang)).c_str(),
                        e.confidence, static_cast<long long>(e.id));
    ImGui::Separator();

    // The sentence with its date highlighted, then every source.
    auto highlight_in = [](const Source& s, size_t sentence_size) -> std::vector<ByteRange> {
        if (s.date_span.begin < s.span.begin || s.date_span.end > s.span.end) return {};
        size_t a = s.date_span.begin - s.span.begin, b = s.date_span.end - s.span.begin;
        if (b > sentence_size || a >= b) return {};
        return {{a, b}};
    };
    std::vector<ByteRange> main_marks;
    if (!e.sources.empty() && e.sources[0].span.end - e.sources[0].span.begin == e.text.size())
        main_marks = highlight_in(e.sources[0], e.text.size());
    text_paragraph(ui, e.text, w - 8, main_marks);
    ImGui::Spacing();
    ImGui::Text("Sources (%zu)", e.sources.size());
    for (size_t i = 0; i < e.sources.size(); ++i) {
        const Source& s = e.sources[i];
        ImGui::PushID(static_cast<int>(i));
        ImGui::Separator();
        ImGui::TextWrapped("%s", s.doc.c_str());
        ImGui::TextDisabled("sentence bytes [%u, %u), date [%u, %u)", s.span.begin, s.span.end, s.date_span.begin,
                            s.date_span.end);
        const std::string* doc = document_text(ui, s.doc);
        if (doc && s.span.end <= doc->size() && s.span.begin < s.span.end) {
            std::string_view sentence(doc->data() + s.span.begin, s.span.end - s.span.begin);
            text_paragraph(ui, sentence, w - 8, highlight_in(s, sentence.size()));
            if (ImGui::SmallButton("Copy sentence")) ImGui::SetClipboardText(std::string(sentence).c_str());
        } else if (i == 0 && !main_marks.empty()) {
            ImGui::TextDisabled("(the sentence above)");
        } else {
            ImGui::TextDisabled("(document not found from here)");
        }
        ImGui::PopID();
    }
    (void)in_table;
}

}  // namespace

// ---------------------------------------------------------------- text helpers

void text_line(UiState& ui, std::string_view logical, float width) {
    bool rtl = false;
    const std::string& v = ui.text.visual(logical, &rtl);
    float tw = measure_now(v);
    if (rtl && tw < width) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + width - tw);
    ImGui::TextUnformatted(v.data(), v.data() + v.size());
}

void text_paragraph(UiState& ui, std::string_view logical, float width, const std::vector<ByteRange>& marks) {
    (void)ui;
    // The few paragraphs on screen (tooltip, details) are laid out once, not
    // every frame: shaping and line breaking are kept by text, width and marks.
    static std::unordered_map<std::string, std::vector<VisualLine>> cache;
    std::string key(logical);
    char buf[64];
    std::snprintf(buf, sizeof buf, "|%.1f", width);
    key.append(buf);
    for (const auto& m : marks) {
        std::snprintf(buf, sizeof buf, ",%zu-%zu", m.begin, m.end);
        key.append(buf);
    }
    auto it = cache.find(key);
    if (it == cache.end()) {
        if (cache.size() > 64) cache.clear();
        it = cache.emplace(std::move(key), layout_paragraph(logical, width, measure_now, marks)).first;
    }
    const std::vector<VisualLine>& lines = it->second;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImU32 col = ImGui::GetColorU32(ImGuiCol_Text);
    for (const VisualLine& line : lines) {
        ImVec2 p = ImGui::GetCursorScreenPos();
        if (line.rtl) p.x += std::max(0.0f, width - line.width);  // right-to-left lines are right-aligned
        for (const TextSegment& s : line.segments) {
            ImVec2 sz = ImGui::CalcTextSize(s.text.data(), s.text.data() + s.text.size());
            if (s.mark) dl->AddRectFilled({p.x - 1, p.y}, {p.x + sz.x + 1, p.y + sz.y + 1}, IM_COL32(240, 200, 60, 110), 3);
            dl->AddText(p, s.mark ? IM_COL32(255, 236, 160, 255) : col, s.text.data(), s.text.data() + s.text.size());
            p.x += sz.x;
        }
        ImGui::Dummy({width, ImGui::GetTextLineHeight()});  // plus the item spacing: one line
    }
}

// ---------------------------------------------------------------- filters

void apply_filters(UiState& ui) {
    ui.applied = ui.filter;
    ui.filter_edited_at = -1;
    if (!ui.data) return;
    if (!ui.applied.active()) {
        ui.timeline = Timeline{};
        ui.filtered = FilterResult{};
        return;
    }
    ui.filtered = apply_filter(ui.applied, ui.data->table, ui.data->base, ui.names);
    ui.timeline = filter_timeline(ui.data->base, ui.filtered.keep, ui.filtered.keep_lane, &ui.data->table,
                                  ui.applied.min_confidence);
}

void draw_toolbar(UiState& ui) {
    const double now = ImGui::GetTime();
    auto edited = [&](bool changed) {
        if (changed) ui.filter_edited_at = now;
    };
    ImGui::SetNextItemWidth(170);
    edited(ImGui::InputTextWithHint("##text", "search sentences", &ui.filter.text));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(170);
    edited(ImGui::InputTextWithHint("##who", "who: IR, AZ-IL, Russia", &ui.filter.who));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(88);
    edited(ImGui::InputTextWithHint("##from", "from", &ui.filter.from));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(88);
    edited(ImGui::InputTextWithHint("##to", "to", &ui.filter.to));
    ImGui::SameLine();
    if (ImGui::Button("= view")) {
        ui.filter.from = iso_day(static_cast<int32_t>(std::floor(ui.view.t0)));
        ui.filter.to = iso_day(static_cast<int32_t>(std::ceil(ui.view.t1)) - 1);
        ui.filter_edited_at = now;
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Set the date range to the visible time");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(110);
    edited(ImGui::SliderFloat("##sure", &ui.filter.min_confidence, 0.0f, 1.0f, "pairs >= %.2f"));
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Hide the pairs less sure than this (each pair's confidence comes from the cue that made it)");
    if (ui.filter.active()) {
        ImGui::SameLine();
        if (ImGui::Button("Clear")) {
            ui.filter = Filter{};
            apply_filters(ui);
        }
    }
    ImGui::SameLine();
    ImGui::SetNextItemWidth(130);
    const char* axes[] = {"Gregorian", "+ Solar Hijri", "+ Hijri"};
    int axis = static_cast<int>(ui.second_axis);
    if (ImGui::Combo("##axis", &axis, axes, 3)) ui.second_axis = static_cast<SecondAxis>(axis);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(100);
    // Each language by its own name (lang/languages.tsv), shaped when right-to-left.
    auto native = [&](const Language& l) { return l.right_to_left ? ui.text.visual(l.native_name) : l.native_name; };
    if (ImGui::BeginCombo("##lang", native(language(ui.lang)).c_str())) {
        for (const Language& l : languages())
            if (ImGui::Selectable(native(l).c_str(), l.id == ui.lang)) ui.lang = l.id;
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    if (ImGui::Button("Home")) {
        fit_all(ui);
        ui.view_touched = false;
    }
    ImGui::SameLine();
    if (ImGui::Button("Export…")) ui.show_export = true;
    ImGui::SameLine();
    std::string tray = "Undated (" + count_text(ui.data ? ui.data->undated.size() : 0) + ")";
    if (ImGui::Button(tray.c_str())) ui.show_tray = !ui.show_tray;
    if (!ui.filtered.problem.empty() && ui.applied.active()) {
        ImGui::SameLine();
        ImGui::TextColored({1, 0.6f, 0.3f, 1}, "%s", ui.filtered.problem.c_str());
    }
}

void draw_status(UiState& ui) {
    // The legend is also the kind filter: untick a kind to hide it.
    for (uint8_t k = 0; k < 6; ++k) {
        swatch(k);
        ImGui::SameLine(0, 3);
        bool on = ui.filter.kinds >> k & 1;
        ImGui::PushID(k);
        if (ImGui::Checkbox(kind_name(k), &on)) {
            ui.filter.kinds = static_cast<uint8_t>(on ? ui.filter.kinds | (1u << k) : ui.filter.kinds & ~(1u << k));
            apply_filters(ui);
        }
        ImGui::PopID();
        ImGui::SameLine(0, 10);
    }
    // Shapes: a point is a day, a bar an interval, faded ends a fuzzy interval,
    // a grey block with a number a run of events too small to draw apart.
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 p = ImGui::GetCursorScreenPos();
    const float h = ImGui::GetTextLineHeight(), cy = p.y + h / 2 + 2;
    const ImU32 txt = IM_COL32(160, 163, 175, 255), white = IM_COL32(225, 227, 235, 255);
    auto label = [&](float& x, const char* s) {
        dl->AddText({x, p.y + 2}, txt, s);
        x += ImGui::CalcTextSize(s).x + 12;
    };
    float x = p.x + 4;
    dl->AddQuadFilled({x + 5, cy - 5}, {x + 10, cy}, {x + 5, cy + 5}, {x, cy}, white);
    x += 14;
    label(x, "day");
    dl->AddRectFilled({x, cy - 5}, {x + 22, cy + 5}, white, 2);
    x += 26;
    label(x, "interval");
    dl->AddRectFilledMultiColor({x, cy - 5}, {x + 8, cy + 5}, IM_COL32(225, 227, 235, 0), white, white,
                                IM_COL32(225, 227, 235, 0));
    dl->AddRectFilled({x + 8, cy - 5}, {x + 14, cy + 5}, white);
    dl->AddRectFilledMultiColor({x + 14, cy - 5}, {x + 22, cy + 5}, white, IM_COL32(225, 227, 235, 0),
                                IM_COL32(225, 227, 235, 0), white);
    x += 26;
    label(x, "fuzzy");
    dl->AddRectFilled({x, cy - 7}, {x + 22, cy + 7}, IM_COL32(175, 178, 195, 200), 1);
    dl->AddText({x + 3, p.y + 2}, IM_COL32(20, 22, 30, 255), "12");
    x += 26;
    label(x, "merged");
    ImGui::Dummy({x - p.x, h});

    if (ui.data) {
        const Timeline& t = shown_timeline(ui);
        size_t lanes = 0;
        for (const Group& g : t.groups) lanes += g.lanes.size();
        char buf[320];
        std::string loading;
        if (ui.data->loading)
            loading = "reading " + count_text(ui.data->table.size()) + " of " + count_text(ui.data->total) + "… · ";
        std::snprintf(buf, sizeof buf, "%s%s of %s events · %zu countries · %zu lanes · %.1f ms", loading.c_str(),
                      count_text(t.events).c_str(), count_text(ui.data->base.events).c_str(), t.groups.size(), lanes,
                      ui.frame_ms);
        float tw = ImGui::CalcTextSize(buf).x;
        ImGui::SameLine(std::max(ImGui::GetCursorPosX(), ImGui::GetWindowContentRegionMax().x - tw));
        ImGui::TextDisabled("%s", buf);
    }
}

// ---------------------------------------------------------------- tooltip

void draw_tooltip(UiState& ui) {
    const Mark& m = *ui.hovered;
    const EventTable& tab = ui.data->table;
    ImGui::BeginTooltip();
    const float w = 440;
    if (m.single()) {
        const size_t e = m.event;
        swatch(tab.kind[e]);
        ImGui::SameLine();
        std::string_view value = tab.value(e);
        ImGui::Text("%s  ·  %.*s", kind_name(tab.kind[e]), static_cast<int>(value.size()), value.data());
        ImGui::TextUnformatted(interval_text(tab.first[e], tab.last[e]).c_str());
        if (tab.fuzzy(e))
            ImGui::TextDisabled("%s%s%s, fuzzy", granularity_name(tab.granularity[e]), tab.mod[e] ? ", " : "",
                                mod_name(tab.mod[e]));
        if (ui.second_axis != SecondAxis::None) {
            AxisCalendar cal = ui.second_axis == SecondAxis::SolarHijri ? AxisCalendar::SolarHijri : AxisCalendar::Islamic;
            std::string s = native_label(tab.first[e], cal, TickRows::Unit::Day, true);
            if (tab.last[e] != tab.first[e]) s += " – " + native_label(tab.last[e], cal, TickRows::Unit::Day, true);
            text_line(ui, s, w);
        }
        std::string actors;
        for (auto a = tab.actors_begin(e); a != tab.actors_end(e); ++a) {
            if (!actors.empty()) actors += ", ";
            actors += country_label(ui, *a);
        }
        ImGui::TextDisabled("actors");
        ImGui::SameLine();
        text_line(ui, actors, w - 60);
        ImGui::Separator();
        text_paragraph(ui, tab.text(e), w);
        ImGui::Separator();
        auto s = tab.sources_begin(e), end = tab.sources_end(e);
        if (s != end) {
            std::string_view doc = tab.docs[s->doc];
            ImGui::TextDisabled("%.*s%s", static_cast<int>(doc.size()), doc.data(),
                                end - s > 1 ? (" and " + std::to_string(end - s - 1) + " more").c_str() : "");
        }
        ImGui::TextDisabled("click: details · double-click: zoom");
    } else {
        ImGui::Text("%s events", count_text(m.count).c_str());
        ImGui::TextUnformatted(interval_text(m.first, m.last).c_str());
        if (m.kind != kMixedKinds) {
            swatch(m.kind);
            ImGui::SameLine();
            ImGui::TextUnformatted(kind_name(m.kind));
        } else {
            ImGui::TextDisabled("several kinds");
        }
        double range = m.last + 1.0 - m.first;
        ImGui::TextDisabled(range < ui.view.span() * 0.8 && range > 1 ? "click: zoom to them" : "click: list them");
    }
    ImGui::EndTooltip();
}

// ---------------------------------------------------------------- details

void draw_details(UiState& ui) {
    const EventTable& tab = ui.data->table;
    if (!ui.listed.empty() && ui.selected < 0 && ui.selected_undated < 0) {
        ImGui::TextUnformatted(ui.listed_title.c_str());
        ImGui::SameLine(std::max(ImGui::GetCursorPosX(), ImGui::GetContentRegionAvail().x - 40));
        if (ImGui::SmallButton("Close")) ui.listed.clear();
        ImGui::Separator();
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(ui.listed.size()));
        while (clipper.Step()) {
            for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
                uint32_t e = ui.listed[static_cast<size_t>(i)];
                ImGui::PushID(i);
                if (ImGui::Selectable("##row", false)) {
                    select_event(ui, e);
                    ui.listed.clear();
                    ImGui::PopID();
                    break;
                }
                ImGui::SameLine(0, 0);
                swatch(tab.kind[e], 9);
                ImGui::SameLine();
                std::string_view value = tab.value(e);
                ImGui::Text("%.*s", static_cast<int>(value.size()), value.data());
                ImGui::SameLine(130);
                std::string_view text = tab.text(e);
                // The first ~70 characters, cut at a code point.
                size_t cut = std::min<size_t>(text.size(), 140);
                while (cut < text.size() && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
                text_line(ui, text.substr(0, cut), ImGui::GetContentRegionAvail().x);
                ImGui::PopID();
            }
            if (ui.listed.empty()) break;
        }
        return;
    }
    if (ui.selected >= 0 && static_cast<size_t>(ui.selected) < tab.size()) {
        Event e = tab.to_event(static_cast<size_t>(ui.selected));
        draw_event(ui, e, true);
    } else if (ui.selected_undated >= 0 && static_cast<size_t>(ui.selected_undated) < ui.data->undated.size()) {
        draw_event(ui, ui.data->undated[static_cast<size_t>(ui.selected_undated)], false);
    }
}

// ---------------------------------------------------------------- tray

void draw_tray(UiState& ui) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowSize({640, 360}, ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowPos({vp->WorkPos.x + vp->WorkSize.x - 660, vp->WorkPos.y + vp->WorkSize.y - 400},
                            ImGuiCond_FirstUseEver);
    if (!ImGui::Begin("Undated events", &ui.show_tray)) {
        ImGui::End();
        return;
    }
    const auto& und = ui.data->undated;
    ImGui::TextDisabled("%zu events whose date could not be anchored (no document date, no earlier date).", und.size());
    if (!ui.data->warning.empty()) ImGui::TextColored({1, 0.6f, 0.3f, 1}, "%s", ui.data->warning.c_str());
    ImGui::Separator();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(und.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const Event& e = und[static_cast<size_t>(i)];
            ImGui::PushID(i);
            if (ImGui::Selectable("##u", ui.selected_undated == i)) {
                ui.selected_undated = i;
                ui.selected = -1;
                ui.listed.clear();
            }
            ImGui::SameLine(0, 0);
            swatch(static_cast<uint8_t>(e.kind), 9);
            ImGui::SameLine();
            ImGui::Text("%s", e.value.c_str());
            ImGui::SameLine(110);
            std::string who;
            for (const auto& a : e.actors) who += (who.empty() ? "" : ",") + a;
            ImGui::TextDisabled("%s", who.c_str());
            ImGui::SameLine(190);
            size_t cut = std::min<size_t>(e.text.size(), 160);
            while (cut < e.text.size() && (static_cast<unsigned char>(e.text[cut]) & 0xC0) == 0x80) --cut;
            text_line(ui, std::string_view(e.text).substr(0, cut), ImGui::GetContentRegionAvail().x);
            ImGui::PopID();
        }
    }
    ImGui::End();
}

// ---------------------------------------------------------------- export

namespace {

// The events an export takes: those the filters keep, in the view if asked.
struct ExportSet {
    const UiState& ui;
    bool in_view;
    int32_t v0, v1;
    ExportSet(const UiState& u, bool view)
        : ui(u), in_view(view), v0(static_cast<int32_t>(std::floor(u.view.t0))),
          v1(static_cast<int32_t>(std::ceil(u.view.t1)) - 1) {}
    bool operator()(size_t i) const {
        const EventTable& tab = ui.data->table;
        if (ui.applied.active() && !ui.filtered.keep.empty() && !ui.filtered.keep[i]) return false;
        if (in_view && (tab.last[i] < v0 || tab.first[i] > v1)) return false;
        return true;
    }
};

}  // namespace

size_t export_count(const UiState& ui, bool in_view) {
    if (!ui.data) return 0;
    ExportSet included(ui, in_view);
    size_t n = 0;
    for (size_t i = 0; i < ui.data->table.size(); ++i) n += included(i);
    return n;
}

ExportResult export_filtered(const UiState& ui, int format, bool in_view, const std::string& path_text) {
    ExportResult r;
    if (!ui.data) return r;
    const EventTable& tab = ui.data->table;
    ExportSet included(ui, in_view);
    // The query the file says it answers: the filters, as far as EventQuery
    // can say them.
    EventQuery q;
    int32_t d;
    if (!ui.applied.from.empty() && parse_partial_date(ui.applied.from, false, d)) q.from = Day{date::days{d}};
    if (!ui.applied.to.empty() && parse_partial_date(ui.applied.to, true, d)) q.to = Day{date::days{d}};
    if (in_view) {
        int32_t a = q.from ? std::max(included.v0, static_cast<int32_t>(q.from->time_since_epoch().count())) : included.v0;
        int32_t b = q.to ? std::min(included.v1, static_cast<int32_t>(q.to->time_since_epoch().count())) : included.v1;
        q.from = Day{date::days{a}};
        q.to = Day{date::days{b}};
    }
    q.text = ui.applied.text;
    q.min_confidence = ui.applied.min_confidence;
    for (uint8_t k = 0; k < 6; ++k)
        if (ui.applied.kinds == (1u << k)) q.kind = static_cast<EventKind>(k);
    const std::string& who = ui.applied.who;
    if (!who.empty() && who.find(',') == std::string::npos) {
        std::string code = ui.names.code_for(who);
        if (!code.empty()) q.actor = code;
    }
    std::vector<Event> events;
    for (size_t i = 0; i < tab.size(); ++i) {
        if (!included(i)) continue;
        Event e = tab.to_event(i);
        // The pairs hidden as less sure are not exported either.
        if (ui.applied.min_confidence > 0) {
            std::erase_if(e.participants, [&](const Participants& p) { return p.confidence < ui.applied.min_confidence; });
            e.pairs.clear();
            e.actors.clear();
            normalize_actors(e);
        }
        events.push_back(std::move(e));
    }
    r.events = events.size();
    try {
        std::string out = format == 0 ? export_json(events, q) : export_timelinejs(events, q);
        std::filesystem::path path(path_text);
        if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path());
        std::ofstream f(path, std::ios::binary);
        f << out;
        f.close();
        r.ok = static_cast<bool>(f);
        r.message = r.ok ? "Wrote " + std::to_string(events.size()) + " events to " + path_text
                         : "Could not write " + path_text;
    } catch (const std::exception& e) {
        r.message = std::string("Export failed: ") + e.what();
    }
    return r;
}

void draw_export(UiState& ui) {
    ImGui::SetNextWindowSize({460, 0}, ImGuiCond_Always);
    if (!ImGui::Begin("Export the filtered view", &ui.show_export, ImGuiWindowFlags_NoCollapse)) {
        ImGui::End();
        return;
    }
    ImGui::RadioButton("JSON", &ui.export_format, 0);
    ImGui::SameLine();
    ImGui::RadioButton("TimelineJS", &ui.export_format, 1);
    ImGui::Checkbox("only the visible time range", &ui.export_in_view);
    ImGui::SetNextItemWidth(-1);
    ImGui::InputText("##path", &ui.export_path);
    std::string button = "Export " + count_text(export_count(ui, ui.export_in_view)) + " events";
    if (ImGui::Button(button.c_str()))
        ui.export_message = export_filtered(ui, ui.export_format, ui.export_in_view, ui.export_path).message;
    if (!ui.export_message.empty()) ImGui::TextWrapped("%s", ui.export_message.c_str());
    ImGui::End();
}

}  // namespace tarikh::viewer
