// Everything around the timeline: toolbar (filters), status bar (legend,
// kind toggles, counts), tooltip, details panel, undated tray, export. Every
// word comes from the UI's language (messages.h), every date is said as a
// person says it (human_date.h).
#include "ui_internal.h"

#include "tarikh/event_json.h"
#include "tarikh/export.h"
#include "tarikh/human_date.h"
#include "tarikh/user_input.h"

#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <unordered_map>

namespace tarikh::viewer {
namespace {

float measure_now(std::string_view s) { return ImGui::CalcTextSize(s.data(), s.data() + s.size()).x; }

void swatch(uint8_t kind, float size = 12) {
    ImVec2 p = ImGui::GetCursorScreenPos();
    float dy = (ImGui::GetTextLineHeight() - size) / 2;
    ImGui::GetWindowDrawList()->AddRectFilled({p.x, p.y + dy}, {p.x + size, p.y + dy + size}, kind_color(kind), 2);
    ImGui::Dummy({size, ImGui::GetTextLineHeight()});
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
        if (!out.empty()) out += words(ui).text("list.separator");
        out += std::string(ui.names.name(code, ui.lang)) + " (" + code + ")";
    }
    return out;
}

// Plain text of an event for the clipboard, in logical order.
std::string event_as_text(const UiState& ui, const Event& e) {
    std::string s;
    s += human_date(e, words(ui)) + "\n";
    if (e.interval.anchored())
        s += format_iso(*e.interval.earliest) + " .. " + format_iso(*e.interval.latest) + " (" + e.value + ")\n";
    s += kind_text(ui, static_cast<uint8_t>(e.kind)) + "\n";
    s += actors_text(ui, e) + "\n";
    s += e.text + "\n";
    for (const auto& src : e.sources)
        s += src.doc + " [" + std::to_string(src.span.begin) + ", " + std::to_string(src.span.end) + ") [" +
             std::to_string(src.date_span.begin) + ", " + std::to_string(src.date_span.end) + ")\n";
    return s;
}

// Dates of the other calendars, for the details and the tooltip.
std::string native_dates(const UiState& ui, int32_t a, int32_t b, Calendar cal) {
    std::string s = axis_label(a, cal, TickRows::Unit::Day, true, words(ui));
    if (b != a) s = words(ui).format("date.range", {{"from", s}, {"to", axis_label(b, cal, TickRows::Unit::Day, true, words(ui))}});
    return s;
}

void draw_event(UiState& ui, const Event& e, int64_t index, bool undated) {
    const float w = ImGui::GetContentRegionAvail().x;
    const uint8_t kind = static_cast<uint8_t>(e.kind);
    swatch(kind);
    ImGui::SameLine();
    text_line(ui, kind_text(ui, kind) + "  \u00b7  " + human_date(e, words(ui)), std::max(40.0f, w - 180));
    ImGui::SameLine(std::max(ImGui::GetCursorPosX(), w - 150));
    if (ImGui::SmallButton(L(ui, "Copy"))) ImGui::SetClipboardText(event_as_text(ui, e).c_str());
    ImGui::SameLine();
    if (e.interval.anchored() && ImGui::SmallButton(L(ui, "Zoom")))
        zoom_to(ui, e.interval.earliest->time_since_epoch().count(), e.interval.latest->time_since_epoch().count());
    ImGui::SameLine();
    if (ImGui::SmallButton(L(ui, "Close"))) {
        ui.selected = -1;
        ui.selected_undated = -1;
    }
    ImGui::Separator();
    draw_curation_panel(ui, index, undated);
    ImGui::Separator();
    if (e.interval.anchored()) {
        int32_t a = e.interval.earliest->time_since_epoch().count(), b = e.interval.latest->time_since_epoch().count();
        text_line(ui, interval_text(ui, a, b), w);
        ImGui::TextDisabled("%s", L(ui, "Solar Hijri"));
        ImGui::SameLine();
        text_line(ui, native_dates(ui, a, b, Calendar::SolarHijri), ImGui::GetContentRegionAvail().x);
        ImGui::TextDisabled("%s", L(ui, "Hijri ±2 days"));
        ImGui::SameLine();
        text_line(ui, native_dates(ui, a, b, Calendar::Islamic), ImGui::GetContentRegionAvail().x);
    } else {
        ImGui::TextDisabled("%s", L(ui, "undated: the date could not be anchored"));
    }
    ImGui::TextDisabled("%s", L(ui, "Countries"));
    ImGui::SameLine();
    text_line(ui, actors_text(ui, e), ImGui::GetContentRegionAvail().x);
    // Who acts toward whom, and why the pair was made.
    for (const Participants& p : e.participants) {
        const std::string who =
            p.source == p.target
                ? std::string(ui.names.name(p.source, ui.lang))
                : words(ui).format(p.directed ? "pair.directed" : "pair.together",
                                   {{"source", std::string(ui.names.name(p.source, ui.lang))},
                                    {"target", std::string(ui.names.name(p.target, ui.lang))}});
        text_line(ui, who, ImGui::GetContentRegionAvail().x * 0.6f);
        ImGui::SameLine();
        text_line(ui, words(ui).format("pair.why", {{"cue", std::string(tr(ui, std::string("cue." + std::string(to_string(p.cue))).c_str()))},
                                                    {"sure", static_cast<int64_t>(std::lround(p.confidence * 100))}}),
                  ImGui::GetContentRegionAvail().x);
    }
    ImGui::TextDisabled("%s", L(ui, words(ui).format("event.facts", {{"lang", std::string(to_string(e.lang))},
                                                                {"confidence", static_cast<int64_t>(std::lround(e.confidence * 100))},
                                                                {"id", std::to_string(e.id)}})));
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
    ImGui::TextUnformatted(L(ui, words(ui).format("sources.title", {{"n", static_cast<int64_t>(e.sources.size())}})));
    for (size_t i = 0; i < e.sources.size(); ++i) {
        const Source& s = e.sources[i];
        ImGui::PushID(static_cast<int>(i));
        ImGui::Separator();
        text_line(ui, s.doc, ImGui::GetContentRegionAvail().x);
        ImGui::TextDisabled("%s", L(ui, words(ui).format("source.bytes", {{"b", std::to_string(s.span.begin)},
                                                                     {"e", std::to_string(s.span.end)},
                                                                     {"db", std::to_string(s.date_span.begin)},
                                                                     {"de", std::to_string(s.date_span.end)}})));
        const std::string* doc = document_text(ui, s.doc);
        if (doc && s.span.end <= doc->size() && s.span.begin < s.span.end) {
            std::string_view sentence(doc->data() + s.span.begin, s.span.end - s.span.begin);
            text_paragraph(ui, sentence, w - 8, highlight_in(s, sentence.size()));
            if (ImGui::SmallButton(L(ui, "Copy sentence"))) ImGui::SetClipboardText(std::string(sentence).c_str());
        } else if (i == 0 && !main_marks.empty()) {
            ImGui::TextDisabled("%s", L(ui, "(the sentence above)"));
        } else {
            ImGui::TextDisabled("%s", L(ui, "(document not found from here)"));
        }
        ImGui::PopID();
    }
}

// Toolbar items go on the line while they fit, then on the next.
void next_item(float item_w) {
    ImGui::SameLine();
    if (ImGui::GetContentRegionAvail().x < item_w) ImGui::NewLine();
}

}  // namespace

// ---------------------------------------------------------------- text helpers

void text_line(UiState& ui, std::string_view logical, float width) {
    bool rtl = false;
    const std::string* v = &ui.text.visual(logical, &rtl);
    float tw = measure_now(*v);
    std::string cut;
    if (width > 0 && tw > width) {
        // Cut at the logical end: a right-to-left line keeps its first words,
        // which stand at its right, clear of a scrollbar.
        cut = fit_text(ui, logical, width);
        v = &ui.text.visual(cut, &rtl);
        tw = measure_now(*v);
    }
    if (rtl && tw < width) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + width - tw);
    ImGui::TextUnformatted(v->data(), v->data() + v->size());
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
    const std::vector<uint8_t> in_force = rows_in_force(ui.data->curated, ui.data->table.size(), ui.show_dismissed);
    if (!ui.applied.active()) {
        ui.timeline = Timeline{};
        ui.filtered = FilterResult{};
        return;
    }
    ui.filtered = apply_filter(ui.applied, ui.data->table, ui.data->base, ui.names, words(ui));
    // Rows a curation replaced or dismissed stay out whatever the filters say.
    if (!in_force.empty() && !ui.filtered.keep.empty())
        for (size_t i = 0; i < in_force.size() && i < ui.filtered.keep.size(); ++i) ui.filtered.keep[i] &= in_force[i];
    ui.timeline = filter_timeline(ui.data->base, ui.filtered.keep, ui.filtered.keep_lane, &ui.data->table,
                                  ui.applied.min_confidence);
}

void draw_toolbar(UiState& ui) {
    const double now = ImGui::GetTime();
    auto edited = [&](bool changed) {
        if (changed) ui.filter_edited_at = now;
    };
    const float narrow = ImGui::GetContentRegionAvail().x < 1180 ? 0.8f : 1.0f;
    ImGui::SetNextItemWidth(170 * narrow);
    edited(ImGui::InputTextWithHint("##text", L(ui, "search sentences"), &ui.filter.text));
    next_item(170 * narrow);
    ImGui::SetNextItemWidth(170 * narrow);
    edited(ImGui::InputTextWithHint("##who", L(ui, "who: IR, AZ-IL, Russia"), &ui.filter.who));
    next_item(88);
    ImGui::SetNextItemWidth(88);
    edited(ImGui::InputTextWithHint("##from", L(ui, "from"), &ui.filter.from));
    next_item(88);
    ImGui::SetNextItemWidth(88);
    edited(ImGui::InputTextWithHint("##to", L(ui, "to"), &ui.filter.to));
    const char* to_view = L(ui, "= view");
    next_item(measure_now(to_view) + 16);
    if (ImGui::Button(to_view)) {
        ui.filter.from = iso_day(static_cast<int32_t>(std::floor(ui.view.t0)));
        ui.filter.to = iso_day(static_cast<int32_t>(std::ceil(ui.view.t1)) - 1);
        ui.filter_edited_at = now;
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", L(ui, "Set the date range to the visible time"));
    next_item(110);
    ImGui::SetNextItemWidth(110);
    // The slider's text is the language's pattern with the value in its
    // digits, reordered as a whole: a printf format in a right-to-left
    // language came out mirrored ("2f.%"). ImGui prints a format without a
    // conversion as it is, once its own '%' are doubled.
    std::string sure = L(ui, words(ui).format("filter.min_confidence",
                                              {{"n", static_cast<int64_t>(std::lround(ui.filter.min_confidence * 100.0f))}}));
    for (size_t at = sure.find('%'); at != std::string::npos; at = sure.find('%', at + 2)) sure.insert(at, 1, '%');
    edited(ImGui::SliderFloat("##sure", &ui.filter.min_confidence, 0.0f, 1.0f, sure.c_str()));
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s", L(ui, "Hide the pairs less sure than this (each pair's confidence comes from the cue that made it)"));
    if (ui.filter.active()) {
        next_item(60);
        if (ImGui::Button(L(ui, "Clear"))) {
            ui.filter = Filter{};
            apply_filters(ui);
            rebuild_lanes(ui);
        }
    }
    next_item(130);
    ImGui::SetNextItemWidth(130);
    const char* axes[] = {L(ui, "Gregorian"), L(ui, "+ Solar Hijri"), L(ui, "+ Hijri")};
    int axis = static_cast<int>(ui.second_axis);
    if (ImGui::Combo("##axis", &axis, axes, 3)) ui.second_axis = static_cast<SecondAxis>(axis);
    next_item(100);
    ImGui::SetNextItemWidth(100);
    // Each language by its own name (lang/languages.tsv), shaped when right-to-left.
    auto native = [&](const Language& l) { return ui.text.visual(l.native_name); };
    if (ImGui::BeginCombo("##lang", native(language(ui.lang)).c_str())) {
        for (const Language& l : languages())
            if (ImGui::Selectable(native(l).c_str(), l.id == ui.lang)) ui.lang = l.id;
        ImGui::EndCombo();
    }
    const char* home = L(ui, "Home");
    next_item(measure_now(home) + 16);
    if (ImGui::Button(home)) {
        fit_all(ui);
        ui.view_touched = false;
    }
    const char* exp = L(ui, "Export…");
    next_item(measure_now(exp) + 16);
    if (ImGui::Button(exp)) ui.show_export = true;
    const std::string tray = words(ui).format("toolbar.undated", {{"n", count_text(ui, ui.data ? ui.data->undated.size() : 0)}});
    next_item(measure_now(tray) + 16);
    if (ImGui::Button(L(ui, tray))) ui.show_tray = !ui.show_tray;
    const std::string dismissed = words(ui).format("toolbar.dismissed", {{"n", count_text(ui, [&] {
                                                                                  size_t n = 0;
                                                                                  if (!ui.data) return n;
                                                                                  for (const auto& [id, c] : ui.data->curated.by_event)
                                                                                      n += c.verdict == Verdict::Dismissed;
                                                                                  return n;
                                                                              }())}});
    next_item(measure_now(dismissed) + 40);
    if (ImGui::Checkbox(L(ui, dismissed), &ui.show_dismissed)) rebuild_lanes(ui);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", L(ui, "Show the events a person dismissed"));
    if (!ui.filtered.problem.empty() && ui.applied.active()) {
        next_item(measure_now(ui.filtered.problem) + 8);
        ImGui::TextColored({1, 0.6f, 0.3f, 1}, "%s", L(ui, ui.filtered.problem));
    }
}

void draw_status(UiState& ui) {
    // The legend is also the kind filter: untick a kind to hide it.
    for (uint8_t k = 0; k < 6; ++k) {
        swatch(k);
        ImGui::SameLine(0, 3);
        bool on = ui.filter.kinds >> k & 1;
        ImGui::PushID(k);
        const std::string name = ui.text.visual(kind_text(ui, k));
        if (ImGui::Checkbox(name.c_str(), &on)) {
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
        x += draw_label(ui, dl, {x, p.y + 2}, txt, s) + 12;
    };
    float x = p.x + 4;
    dl->AddQuadFilled({x + 5, cy - 5}, {x + 10, cy}, {x + 5, cy + 5}, {x, cy}, white);
    x += 14;
    label(x, tr(ui, "day"));
    dl->AddRectFilled({x, cy - 5}, {x + 22, cy + 5}, white, 2);
    x += 26;
    label(x, tr(ui, "interval"));
    dl->AddRectFilledMultiColor({x, cy - 5}, {x + 8, cy + 5}, IM_COL32(225, 227, 235, 0), white, white,
                                IM_COL32(225, 227, 235, 0));
    dl->AddRectFilled({x + 8, cy - 5}, {x + 14, cy + 5}, white);
    dl->AddRectFilledMultiColor({x + 14, cy - 5}, {x + 22, cy + 5}, white, IM_COL32(225, 227, 235, 0),
                                IM_COL32(225, 227, 235, 0), white);
    x += 26;
    label(x, tr(ui, "fuzzy"));
    dl->AddRectFilled({x, cy - 7}, {x + 22, cy + 7}, IM_COL32(175, 178, 195, 200), 1);
    dl->AddText({x + 3, p.y + 2}, IM_COL32(20, 22, 30, 255), "12");
    x += 26;
    label(x, tr(ui, "merged"));
    ImGui::Dummy({x - p.x, h});
    layout_for_frame().legend_max = {x, p.y + h};

    if (!ui.data) return;
    // What the status says: loading, saving, a message for a few seconds, the counts.
    const Timeline& t = shown_timeline(ui);
    size_t lanes = 0;
    for (const Group& g : t.groups) lanes += g.lanes.size();
    const Messages& w = words(ui);
    std::string line;
    if (ui.data->loading)
        line += w.format("status.reading", {{"n", count_text(ui, ui.data->table.size())}, {"total", count_text(ui, ui.data->total)}}) + " \u00b7 ";
    if (ui.writer && ui.writer->pending()) line += std::string(tr(ui, "saving…")) + " \u00b7 ";
    if (ui.writer && !ui.writer->error().empty()) line += w.format("status.save_failed", {{"why", ui.writer->error()}}) + " \u00b7 ";
    if (!ui.status_message.empty() && ImGui::GetTime() - ui.status_message_at < 5) line += ui.status_message + " \u00b7 ";
    line += w.format("status.counts", {{"shown", count_text(ui, t.events)},
                                       {"total", count_text(ui, ui.data->base.events)},
                                       {"countries", static_cast<int64_t>(t.groups.size())},
                                       {"lanes", static_cast<int64_t>(lanes)}});
    char ms[32];
    std::snprintf(ms, sizeof ms, " \u00b7 %.1f ms", ui.frame_ms);
    line += ms;
    const std::string& v = ui.text.visual(line);
    const float tw = measure_now(v);
    // Beside the legend when it fits, else on a line of its own. After
    // NewLine, SameLine(x) would go back up to the legend's line (ImGui's
    // "previous line" is the one NewLine ended), so the x is set directly.
    ImGui::SameLine();
    const float right = ImGui::GetWindowContentRegionMax().x - tw;
    if (ImGui::GetContentRegionAvail().x < tw + 8) {
        ImGui::NewLine();
        ImGui::SetCursorPosX(std::max(ImGui::GetCursorPosX(), right));
    } else {
        ImGui::SameLine(std::max(ImGui::GetCursorPosX(), right));
    }
    layout_for_frame().counts_min = ImGui::GetCursorScreenPos();
    ImGui::TextDisabled("%s", v.c_str());
}

// ---------------------------------------------------------------- tooltip

void draw_tooltip(UiState& ui) {
    const Mark& m = *ui.hovered;
    const EventTable& tab = ui.data->table;
    // Beside the cursor, but never over the details panel: to the cursor's
    // left when the panel (or the window's edge) leaves no room on its right.
    const float w = 440, outer = w + 2 * ImGui::GetStyle().WindowPadding.x;
    const ImGuiIO& io = ImGui::GetIO();
    const Layout& l = last_layout();
    const float right_limit = l.details_max.x > l.details_min.x ? l.details_min.x - 4 : ImGui::GetMainViewport()->WorkSize.x;
    float x = io.MousePos.x + 18;
    if (x + outer > right_limit) x = std::max(0.0f, io.MousePos.x - 18 - outer);
    ImGui::SetNextWindowPos({x, io.MousePos.y + 20});
    ImGui::BeginTooltip();
    if (m.single()) {
        const size_t e = m.event;
        swatch(tab.kind[e]);
        ImGui::SameLine();
        text_line(ui, kind_text(ui, tab.kind[e]) + "  \u00b7  " + row_date(ui, e), w - 30);
        if (const Curation* c = row_curation(ui, e)) {
            ImGui::SameLine();
            ImGui::TextColored({0.5f, 0.9f, 0.55f, 1}, "%s",
                               L(ui, c->verdict == Verdict::Dismissed ? "dismissed" : c->verdict == Verdict::Confirmed ? "confirmed" : "corrected"));
        }
        text_line(ui, interval_text(ui, tab.first[e], tab.last[e]), w);
        if (ui.second_axis != SecondAxis::None)
            text_line(ui, native_dates(ui, tab.first[e], tab.last[e],
                                       ui.second_axis == SecondAxis::SolarHijri ? Calendar::SolarHijri : Calendar::Islamic),
                      w);
        std::string actors;
        for (auto a = tab.actors_begin(e); a != tab.actors_end(e); ++a) {
            if (!actors.empty()) actors += words(ui).text("list.separator");
            actors += country_label(ui, *a);
        }
        ImGui::TextDisabled("%s", L(ui, "Countries"));
        ImGui::SameLine();
        text_line(ui, actors, w - 90);
        ImGui::Separator();
        text_paragraph(ui, tab.text(e), w);
        ImGui::Separator();
        auto s = tab.sources_begin(e), end = tab.sources_end(e);
        if (s != end) {
            std::string_view doc = tab.docs[s->doc];
            std::string src(doc);
            if (end - s > 1) src = words(ui).format("source.more", {{"doc", src}, {"n", static_cast<int64_t>(end - s - 1)}});
            ImGui::TextDisabled("%s", L(ui, src));
        }
        ImGui::TextDisabled("%s", L(ui, "click: details · double-click: zoom · right-click: confirm, dismiss, correct"));
    } else {
        ImGui::TextUnformatted(L(ui, words(ui).format("tooltip.events", {{"n", static_cast<int64_t>(m.count)}})));
        text_line(ui, interval_text(ui, m.first, m.last), w);
        if (m.kind != kMixedKinds) {
            swatch(m.kind);
            ImGui::SameLine();
            text_line(ui, kind_text(ui, m.kind), w - 30);
        } else {
            ImGui::TextDisabled("%s", L(ui, "several kinds"));
        }
        double range = m.last + 1.0 - m.first;
        ImGui::TextDisabled("%s", L(ui, range < ui.view.span() * 0.8 && range > 1 ? "click: zoom to them" : "click: list them"));
    }
    layout_for_frame().tooltip_min = ImGui::GetWindowPos();
    layout_for_frame().tooltip_max = {ImGui::GetWindowPos().x + ImGui::GetWindowWidth(),
                                      ImGui::GetWindowPos().y + ImGui::GetWindowHeight()};
    ImGui::EndTooltip();
}

// ---------------------------------------------------------------- details

void draw_details(UiState& ui) {
    const EventTable& tab = ui.data->table;
    if (!ui.listed.empty() && ui.selected < 0 && ui.selected_undated < 0) {
        text_line(ui, ui.listed_title, ImGui::GetContentRegionAvail().x - 60);
        ImGui::SameLine(std::max(ImGui::GetCursorPosX(), ImGui::GetContentRegionAvail().x - 40));
        if (ImGui::SmallButton(L(ui, "Close"))) ui.listed.clear();
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
                text_line(ui, row_date(ui, e), 120);
                ImGui::SameLine(150);
                text_line(ui, one_line(tab.text(e), 90), ImGui::GetContentRegionAvail().x);
                ImGui::PopID();
            }
            if (ui.listed.empty()) break;
        }
        return;
    }
    if (ui.selected >= 0 && static_cast<size_t>(ui.selected) < tab.size()) {
        Event e = tab.to_event(static_cast<size_t>(ui.selected));
        draw_event(ui, e, ui.selected, false);
    } else if (ui.selected_undated >= 0 && static_cast<size_t>(ui.selected_undated) < ui.data->undated.size()) {
        const Event e = ui.data->undated[static_cast<size_t>(ui.selected_undated)];
        draw_event(ui, e, ui.selected_undated, true);
    }
}

// ---------------------------------------------------------------- tray

void draw_tray(UiState& ui) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowSize({std::min(640.0f, vp->WorkSize.x - 40), std::min(360.0f, vp->WorkSize.y - 80)},
                             ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowPos({vp->WorkPos.x + vp->WorkSize.x - std::min(660.0f, vp->WorkSize.x - 20),
                             vp->WorkPos.y + vp->WorkSize.y - std::min(400.0f, vp->WorkSize.y - 40)},
                            ImGuiCond_FirstUseEver);
    const std::string title = std::string(L(ui, "Undated events")) + "###tray";
    if (!ImGui::Begin(title.c_str(), &ui.show_tray)) {
        ImGui::End();
        return;
    }
    const auto& und = ui.data->undated;
    text_line(ui, words(ui).format("tray.about", {{"n", static_cast<int64_t>(und.size())}}), ImGui::GetContentRegionAvail().x);
    // What would date them, as ingest's warning says it.
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    text_line(ui, tr(ui, "tray.fix"), ImGui::GetContentRegionAvail().x);
    ImGui::PopStyleColor();
    if (!ui.data->warning.empty()) ImGui::TextColored({1, 0.6f, 0.3f, 1}, "%s", ui.data->warning.c_str());
    ImGui::Separator();
    ImGui::BeginChild("##undated_rows");
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
            if (e.curation) {
                ImGui::TextColored({0.5f, 0.9f, 0.55f, 1}, "%s", L(ui, e.curation->verdict == Verdict::Dismissed ? "dismissed" : e.curation->verdict == Verdict::Confirmed ? "confirmed" : "corrected"));
                ImGui::SameLine();
            }
            std::string who;
            for (const auto& a : e.actors) who += (who.empty() ? "" : ",") + a;
            ImGui::TextDisabled("%s", who.c_str());
            ImGui::SameLine(130);
            // The width left, not under the scrollbar: a long Arabic line is
            // cut at its end, so its first words stay in sight on the right.
            text_line(ui, one_line(e.text, 160), ImGui::GetContentRegionAvail().x);
            ImGui::PopID();
        }
    }
    ImGui::EndChild();
    ImGui::End();
}

// ---------------------------------------------------------------- export

namespace {

// The events an export takes: those the filters keep, in the view if asked.
struct ExportSet {
    const UiState& ui;
    bool in_view;
    int32_t v0, v1;
    std::vector<uint8_t> in_force;
    ExportSet(const UiState& u, bool view)
        : ui(u), in_view(view), v0(static_cast<int32_t>(std::floor(u.view.t0))),
          v1(static_cast<int32_t>(std::ceil(u.view.t1)) - 1),
          in_force(rows_in_force(u.data->curated, u.data->table.size(), u.show_dismissed)) {}
    bool operator()(size_t i) const {
        const EventTable& tab = ui.data->table;
        if (!in_force.empty() && !in_force[i]) return false;
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
    if (auto iv = date_from_user(ui.applied.from)) q.from = iv->earliest;
    if (auto iv = date_from_user(ui.applied.to)) q.to = iv->latest;
    if (in_view) {
        int32_t a = q.from ? std::max(included.v0, static_cast<int32_t>(q.from->time_since_epoch().count())) : included.v0;
        int32_t b = q.to ? std::min(included.v1, static_cast<int32_t>(q.to->time_since_epoch().count())) : included.v1;
        q.from = Day{date::days{a}};
        q.to = Day{date::days{b}};
    }
    q.text = ui.applied.text;
    q.min_confidence = ui.applied.min_confidence;
    q.dismissed = ui.show_dismissed;
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
        // Every export says which events a person checked.
        if (const Curation* c = row_curation(ui, i)) e = apply_curation(ui.data->curated.machine.at(tab.id[i]), *c);
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
    const Messages& w = words(ui);
    try {
        std::string out = format == 0 ? export_json(events, q) : export_timelinejs(events, q);
        std::filesystem::path path(path_text);
        if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path());
        std::ofstream f(path, std::ios::binary);
        f << out;
        f.close();
        r.ok = static_cast<bool>(f);
        r.message = r.ok ? w.format("export.wrote", {{"n", static_cast<int64_t>(events.size())}, {"path", path_text}})
                         : w.format("export.failed", {{"path", path_text}});
    } catch (const std::exception& e) {
        r.message = w.format("export.error", {{"why", std::string(e.what())}});
    }
    return r;
}

void draw_export(UiState& ui) {
    ImGui::SetNextWindowSize({460, 0}, ImGuiCond_Always);
    const std::string title = std::string(L(ui, "Export the filtered view")) + "###export";
    if (!ImGui::Begin(title.c_str(), &ui.show_export, ImGuiWindowFlags_NoCollapse)) {
        ImGui::End();
        return;
    }
    ImGui::RadioButton("JSON", &ui.export_format, 0);
    ImGui::SameLine();
    ImGui::RadioButton("TimelineJS", &ui.export_format, 1);
    ImGui::Checkbox(L(ui, "only the visible time range"), &ui.export_in_view);
    ImGui::SetNextItemWidth(-1);
    ImGui::InputText("##path", &ui.export_path);
    const std::string button = words(ui).format("export.button", {{"n", count_text(ui, export_count(ui, ui.export_in_view))}});
    if (ImGui::Button(L(ui, button)))
        ui.export_message = export_filtered(ui, ui.export_format, ui.export_in_view, ui.export_path).message;
    ImGui::SameLine();
    // The view as it is on screen, as a picture (main.cpp reads the frame back).
    if (ImGui::Button(L(ui, "Save the view as PNG"))) {
        std::filesystem::path p(ui.export_path);
        ui.save_png = p.replace_extension(".png").string();
    }
    if (!ui.export_message.empty()) text_paragraph(ui, ui.export_message, ImGui::GetContentRegionAvail().x);
    ImGui::End();
}

}  // namespace tarikh::viewer
