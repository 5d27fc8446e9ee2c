// What a person says about the selected event, from the viewer: keys, the
// context menu of a mark, the buttons of the details panel and the
// correction form. Every change goes through curate() (ui.cpp), which keeps
// it for undo, shows it at once and writes it to the store.
#include "ui_internal.h"

#include "tarikh/event_json.h"
#include "tarikh/human_date.h"
#include "tarikh/user_input.h"

#include <imgui_stdlib.h>

namespace tarikh::viewer {
namespace {

// The selected event: a table row, or an entry of the undated tray.
struct Selected {
    int64_t index = -1;
    bool undated = false;
    bool any() const { return index >= 0; }
};

Selected selected(const UiState& ui) {
    if (ui.selected >= 0) return {ui.selected, false};
    if (ui.selected_undated >= 0) return {ui.selected_undated, true};
    return {};
}

const Curation* curation_of(const UiState& ui, const Selected& s) {
    if (!s.any() || !ui.data) return nullptr;
    if (s.undated) {
        const auto& und = ui.data->undated;
        if (static_cast<size_t>(s.index) >= und.size()) return nullptr;
        return ui.data->curated.of(und[static_cast<size_t>(s.index)].id);
    }
    return row_curation(ui, static_cast<size_t>(s.index));
}

void set_verdict(UiState& ui, const Selected& s, Verdict v) {
    CurationChange c;
    c.verdict = v;
    curate(ui, s.index, s.undated, c);
}

void reset(UiState& ui, const Selected& s) {
    CurationChange c;
    c.reset = true;
    curate(ui, s.index, s.undated, c);
}

// Opens the form on the selected event, filled with what it says now.
void open_form(UiState& ui, const Selected& s, bool note_only) {
    if (!s.any()) return;
    const Event e = s.undated ? ui.data->undated[static_cast<size_t>(s.index)] : ui.data->table.to_event(static_cast<size_t>(s.index));
    CorrectionForm& f = ui.form;
    f = CorrectionForm{};
    f.open = true;
    f.note_only = note_only;
    f.event = s.undated ? -1 - s.index : s.index;  // negative: the tray
    f.date = e.interval.anchored() ? (*e.interval.earliest == *e.interval.latest
                                          ? format_iso(*e.interval.earliest)
                                          : format_iso(*e.interval.earliest) + " .. " + format_iso(*e.interval.latest))
                                   : "";
    for (const auto& p : e.pairs) f.pairs += (f.pairs.empty() ? "" : ", ") + pair_key(p);
    f.kind = static_cast<int>(e.kind);
    if (const Curation* c = curation_of(ui, s)) f.note = c->note;
}

// "2020-09-27 .. 2020-11-10", or one date anything `parse` reads.
std::optional<Interval> form_date(const std::string& text, std::string& why) {
    if (const size_t dots = text.find(".."); dots != std::string::npos) {
        auto a = date_from_user(text.substr(0, dots), &why), b = date_from_user(text.substr(dots + 2), &why);
        if (!a || !b) return std::nullopt;
        if (*b->latest < *a->earliest) {
            why = "the first date is after the second";
            return std::nullopt;
        }
        return Interval{a->earliest, b->latest};
    }
    return date_from_user(text, &why);
}

}  // namespace

void draw_curation_panel(UiState& ui, int64_t index, bool undated) {
    const Selected s{index, undated};
    const Curation* c = curation_of(ui, s);
    const Messages& w = words(ui);
    if (!c) {
        ImGui::TextDisabled("%s", L(ui, "Not checked by a person."));
    } else {
        std::string said = tr(ui, c->verdict == Verdict::Confirmed   ? "Confirmed by a person."
                                  : c->verdict == Verdict::Dismissed ? "Dismissed by a person."
                                                                     : "Checked by a person.");
        ImGui::TextColored({0.5f, 0.9f, 0.55f, 1}, "%s", ui.text.visual(said).c_str());
        if (c->interval)
            text_line(ui, w.format("curation.was_date", {{"date", human_date(c->machine_interval, Granularity::Day, Mod::None, "", w)}}),
                      ImGui::GetContentRegionAvail().x);
        if (c->kind) text_line(ui, w.format("curation.was_kind", {{"kind", kind_text(ui, static_cast<uint8_t>(c->machine_kind))}}),
                               ImGui::GetContentRegionAvail().x);
        if (c->pairs) {
            std::string pairs;
            for (const auto& p : c->machine_pairs) pairs += (pairs.empty() ? "" : ", ") + pair_key(p);
            text_line(ui, w.format("curation.was_pairs", {{"pairs", pairs}}), ImGui::GetContentRegionAvail().x);
        }
        if (!c->note.empty()) text_paragraph(ui, c->note, ImGui::GetContentRegionAvail().x - 8);
    }
    if (ImGui::SmallButton(L(ui, "Confirm (C)"))) set_verdict(ui, s, Verdict::Confirmed);
    ImGui::SameLine();
    if (ImGui::SmallButton(L(ui, "Dismiss (X)"))) set_verdict(ui, s, Verdict::Dismissed);
    ImGui::SameLine();
    if (ImGui::SmallButton(L(ui, "Correct… (E)"))) open_form(ui, s, false);
    ImGui::SameLine();
    if (ImGui::SmallButton(L(ui, "Note… (N)"))) open_form(ui, s, true);
    if (c) {
        ImGui::SameLine();
        if (ImGui::SmallButton(L(ui, "Reset (R)"))) reset(ui, s);
    }
}

void draw_event_menu(UiState& ui) {
    if (!ImGui::BeginPopup("##event_menu")) return;
    const Selected s{ui.context_event, false};
    if (ui.context_event < 0 || !ui.data || static_cast<size_t>(ui.context_event) >= ui.data->table.size()) {
        ImGui::EndPopup();
        return;
    }
    const Curation* c = row_curation(ui, static_cast<size_t>(ui.context_event));
    if (ImGui::MenuItem(L(ui, "Confirm"), "C")) set_verdict(ui, s, Verdict::Confirmed);
    if (ImGui::MenuItem(L(ui, "Dismiss"), "X")) set_verdict(ui, s, Verdict::Dismissed);
    if (ImGui::MenuItem(L(ui, "Correct…"), "E")) open_form(ui, s, false);
    if (ImGui::MenuItem(L(ui, "Note…"), "N")) open_form(ui, s, true);
    if (ImGui::MenuItem(L(ui, "Back to the machine's reading"), "R", false, c != nullptr)) reset(ui, s);
    ImGui::Separator();
    if (ImGui::MenuItem(L(ui, "Undo"), "Ctrl+Z", false, !ui.undo.empty())) undo(ui);
    if (ImGui::MenuItem(L(ui, "Zoom to it"))) {
        const EventTable& t = ui.data->table;
        zoom_to(ui, t.first[ui.context_event], t.last[ui.context_event]);
    }
    ImGui::EndPopup();
}

bool submit_correction(UiState& ui) {
    CorrectionForm& f = ui.form;
    const bool undated = f.event < 0;
    const int64_t index = undated ? -1 - f.event : f.event;
    CurationChange change;
    change.note = f.note;
    f.problem.clear();
    if (!f.note_only) {
        std::string why;
        const Event e = undated ? ui.data->undated[static_cast<size_t>(index)] : ui.data->table.to_event(static_cast<size_t>(index));
        if (!f.date.empty()) {
            auto iv = form_date(f.date, why);
            if (!iv) f.problem = words(ui).format("form.bad_date", {{"date", f.date}, {"why", why}});
            else if (*iv != e.interval) change.interval = iv;
        }
        std::vector<CountryPair> pairs;
        size_t at = 0;
        while (f.problem.empty() && at <= f.pairs.size()) {
            size_t comma = f.pairs.find(',', at);
            if (comma == std::string::npos) comma = f.pairs.size();
            const std::string one = f.pairs.substr(at, comma - at);
            at = comma + 1;
            if (one.find_first_not_of(' ') == std::string::npos) continue;
            PairArg p = pair_from_user(one);
            if (!p.pair) f.problem = words(ui).format("form.bad_pair", {{"pair", one}, {"why", p.problem}});
            else pairs.push_back(*p.pair);
        }
        std::sort(pairs.begin(), pairs.end());
        pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
        if (!pairs.empty() && pairs != e.pairs) change.pairs = pairs;
        if (f.kind != static_cast<int>(e.kind)) change.kind = static_cast<EventKind>(f.kind);
    }
    if (!f.problem.empty()) return false;
    curate(ui, index, undated, change);
    f.open = false;
    return true;
}

void draw_correction(UiState& ui) {
    CorrectionForm& f = ui.form;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos({vp->WorkPos.x + vp->WorkSize.x / 2, vp->WorkPos.y + vp->WorkSize.y / 3}, ImGuiCond_Appearing,
                            {0.5f, 0.5f});
    ImGui::SetNextWindowSize({440, 0}, ImGuiCond_Always);
    const std::string title = std::string(L(ui, f.note_only ? "Note" : "Correct the event")) + "###correct";
    if (!ImGui::Begin(title.c_str(), &f.open, ImGuiWindowFlags_NoCollapse)) {
        ImGui::End();
        return;
    }
    if (!f.note_only) {
        ImGui::TextDisabled("%s", L(ui, "Date: one date, or two with .. between them"));
        ImGui::SetNextItemWidth(-1);
        ImGui::InputText("##date", &f.date);
        ImGui::TextDisabled("%s", L(ui, "Country pairs, by code or name: AZ-IL, Azerbaijan-Turkey"));
        ImGui::SetNextItemWidth(-1);
        ImGui::InputText("##pairs", &f.pairs);
        const std::string kinds[] = {kind_text(ui, 0), kind_text(ui, 1), kind_text(ui, 2),
                                     kind_text(ui, 3), kind_text(ui, 4), kind_text(ui, 5)};
        ImGui::SetNextItemWidth(200);
        if (ImGui::BeginCombo(L(ui, "Kind"), ui.text.visual(kinds[f.kind]).c_str())) {
            for (int k = 0; k < 6; ++k)
                if (ImGui::Selectable(ui.text.visual(kinds[k]).c_str(), k == f.kind)) f.kind = k;
            ImGui::EndCombo();
        }
    }
    ImGui::TextDisabled("%s", L(ui, "Note"));
    ImGui::InputTextMultiline("##note", &f.note, {-1, 60});
    if (!f.problem.empty()) text_paragraph(ui, f.problem, ImGui::GetContentRegionAvail().x);
    if (ImGui::Button(L(ui, "Save"))) submit_correction(ui);
    ImGui::SameLine();
    if (ImGui::Button(L(ui, "Cancel"))) f.open = false;
    ImGui::End();
}

void curation_keys(UiState& ui) {
    ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput || ui.form.open || !ui.data) return;
    if (io.KeyCtrl) {
        if (ImGui::IsKeyPressed('Z') && !io.KeyShift) undo(ui);
        if (ImGui::IsKeyPressed('Y') || (ImGui::IsKeyPressed('Z') && io.KeyShift)) redo(ui);
        return;
    }
    const Selected s = selected(ui);
    if (!s.any()) return;
    if (ImGui::IsKeyPressed('C')) set_verdict(ui, s, Verdict::Confirmed);
    if (ImGui::IsKeyPressed('X') || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Delete))) set_verdict(ui, s, Verdict::Dismissed);
    if (ImGui::IsKeyPressed('U')) set_verdict(ui, s, Verdict::Unchecked);
    if (ImGui::IsKeyPressed('E')) open_form(ui, s, false);
    if (ImGui::IsKeyPressed('N')) open_form(ui, s, true);
    if (ImGui::IsKeyPressed('R') && curation_of(ui, s)) reset(ui, s);
}

}  // namespace tarikh::viewer
