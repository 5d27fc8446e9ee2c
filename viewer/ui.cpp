#include "ui.h"

#include "ui_internal.h"

#include "tarikh/event_json.h"
#include "tarikh/export.h"
#include "tarikh/human_date.h"
#include "tarikh/store.h"

#include <unicode/locid.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <filesystem>

namespace tarikh::viewer {
namespace {

Layout g_layout;

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

void apply_curations(ViewerData& d, const std::vector<BoundCuration>& bound) {
    // Two curations of one event (reports curated apart, then merged): the latest stands.
    std::vector<const BoundCuration*> order;
    for (const auto& b : bound)
        if (b.machine.id) order.push_back(&b);
    std::stable_sort(order.begin(), order.end(),
                     [](const BoundCuration* a, const BoundCuration* b) { return a->curation.updated < b->curation.updated; });
    for (const BoundCuration* b : order) d.curated.machine.insert_or_assign(b->machine.id, b->machine);
    for (const BoundCuration* b : order) show_as(d.curated, d.table, d.undated, b->machine.id, b->curation);
    d.base = build_timeline(d.table, rows_in_force(d.curated, d.table.size(), false));
}

// ---------------------------------------------------------------- text

const std::string& TextCache::visual(std::string_view logical, bool* rtl) {
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

void TextCache::new_frame() {
    if (map_.size() > 20000) map_.clear();  // labels of a long session; rebuilt on demand
}

float draw_label(UiState& ui, ImDrawList* dl, ImVec2 pos, ImU32 col, std::string_view logical, float right,
                 float max_w) {
    bool rtl = false;
    const std::string* v = &ui.text.visual(logical, &rtl);
    float w = ImGui::CalcTextSize(v->data(), v->data() + v->size()).x;
    std::string cut;
    if (max_w > 0 && w > max_w) {
        cut = fit_text(ui, logical, max_w);
        v = &ui.text.visual(cut, &rtl);
        w = ImGui::CalcTextSize(v->data(), v->data() + v->size()).x;
    }
    if (rtl && right > 0) pos.x = std::max(pos.x, right - w);
    dl->AddText(pos, col, v->data(), v->data() + v->size());
    return w;
}

std::string fit_text(UiState& ui, std::string_view logical, float max_w) {
    auto width = [&](std::string_view s) {
        const std::string& v = ui.text.visual(s);
        return ImGui::CalcTextSize(v.data(), v.data() + v.size()).x;
    };
    if (width(logical) <= max_w) return std::string(logical);
    // Code point boundaries, then the longest prefix that fits with its "…".
    std::vector<size_t> cuts;
    for (size_t i = 1; i < logical.size(); ++i)
        if ((static_cast<unsigned char>(logical[i]) & 0xC0) != 0x80) cuts.push_back(i);
    size_t lo = 0, hi = cuts.size();
    while (lo < hi) {
        const size_t mid = (lo + hi + 1) / 2;
        if (width(std::string(logical.substr(0, cuts[mid - 1])) + "\u2026") <= max_w)
            lo = mid;
        else
            hi = mid - 1;
    }
    return lo ? std::string(logical.substr(0, cuts[lo - 1])) + "\u2026" : std::string("\u2026");
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
    // Latin, Latin-1, Latin Extended-A, spacing modifiers (the ʻ of CLDR's
    // Shaʻban) and general punctuation (– … ·).
    static const ImWchar latin_ranges[] = {0x0020, 0x00FF, 0x0100, 0x017F, 0x02B0, 0x02FF, 0x2010, 0x205E, 0};
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
    // Arrows and mathematical operators ("Saudi Arabia → Mauritania", "pairs
    // ≥ 0.60"), which Noto Sans lacks and ImGui drew as "?"; Noto Sans Math
    // comes in the same package, merged at the same em.
    static const ImWchar symbol_ranges[] = {0x2190, 0x21FF, 0x2200, 0x22FF, 0};
    const char* symbols = "/usr/share/fonts/truetype/noto/NotoSansMath-Regular.ttf";
    if (std::filesystem::exists(symbols)) {
        const float symbols_h = height_in_em(symbols);
        io.Fonts->AddFontFromFileTTF(symbols, latin_h > 0 && symbols_h > 0 ? size_px / latin_h * symbols_h : size_px, &cfg,
                                     symbol_ranges);
    }
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
Layout& layout_for_frame() { return g_layout; }

// ---------------------------------------------------------------- words

const Messages& words(const UiState& ui) { return Messages::of(to_string(ui.lang)); }

std::string kind_text(const UiState& ui, uint8_t kind) { return tr(ui, kind_name(kind)); }

std::string count_text(const UiState& ui, uint64_t n) { return words(ui).compact(static_cast<int64_t>(n)); }

std::string span_text(const UiState& ui, double days) {
    const Messages& w = words(ui);
    if (days >= 2 * kDaysPerYear) return w.format("span.years", {{"n", std::llround(days / kDaysPerYear)}});
    if (days >= 60) return w.format("span.months", {{"n", std::llround(days / (kDaysPerYear / 12))}});
    return w.format("span.days", {{"n", std::max<int64_t>(1, std::llround(days))}});
}

std::string interval_text(const UiState& ui, int32_t first, int32_t last) {
    const Messages& w = words(ui);
    const Day a{date::days{first}}, b{date::days{last}};
    const std::string from = human_date({a, a}, Granularity::Day, Mod::None, "", w);
    if (first == last) return from;
    return w.format("interval.span", {{"from", from},
                                 {"to", human_date({b, b}, Granularity::Day, Mod::None, "", w)},
                                 {"span", span_text(ui, last - first + 1.0)}});
}

std::string row_date(const UiState& ui, size_t i) {
    const EventTable& t = ui.data->table;
    const Day a{date::days{t.first[i]}}, b{date::days{t.last[i]}};
    return human_date({a, b}, static_cast<Granularity>(t.granularity[i]), static_cast<Mod>(t.mod[i]), t.value(i), words(ui));
}

const Curation* row_curation(const UiState& ui, size_t i) {
    if (!ui.data || ui.data->curated.by_event.empty() || i >= ui.data->table.size()) return nullptr;
    return ui.data->curated.of(ui.data->table.id[i]);
}

void tell(UiState& ui, std::string message) {
    ui.status_message = std::move(message);
    ui.status_message_at = ImGui::GetTime();
}

// ---------------------------------------------------------------- state

const Timeline& shown_timeline(const UiState& ui) {
    return ui.applied.active() ? ui.timeline : ui.data->base;
}

namespace {

// The rows the shown timeline draws: filters and curations both.
std::vector<uint8_t> shown_rows(const UiState& ui) {
    std::vector<uint8_t> keep = rows_in_force(ui.data->curated, ui.data->table.size(), ui.show_dismissed);
    if (ui.applied.active() && !ui.filtered.keep.empty()) {
        if (keep.empty()) return ui.filtered.keep;
        for (size_t i = 0; i < keep.size() && i < ui.filtered.keep.size(); ++i) keep[i] &= ui.filtered.keep[i];
    }
    return keep;
}

void refresh_overview(UiState& ui) {
    ui.overview = make_overview(ui.data->table, shown_rows(ui));
    ui.lane_rows.assign(shown_timeline(ui).lanes.size(), 1);
}

}  // namespace

void fit_all(UiState& ui) {
    if (!ui.data) return;
    const Overview& o = ui.overview;
    if (o.empty)
        ui.view = clamped({double(from_ymd(1900, 1, 1, Calendar::Gregorian)), double(from_ymd(2030, 1, 1, Calendar::Gregorian))});
    else
        ui.view = fit(o.core_first, o.core_last);
}

void set_data(UiState& ui, std::shared_ptr<ViewerData> data) {
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
        ui.selected_lane = -1;
        ui.listed.clear();
        ui.view_touched = false;
        ui.undo.clear();
        ui.redo.clear();
    } else {
        ui.collapsed.resize(ui.data->table.codes.size(), 1);  // countries new in this snapshot start closed
    }
    // Curations are written once the whole store is read (while it is, curate() waits).
    if (!ui.data->loading && (!ui.writer || ui.writer->store() != ui.data->store))
        ui.writer = std::make_unique<CurationWriter>(ui.data->store);
    refresh_overview(ui);
    if (!ui.view_touched) fit_all(ui);
}

void rebuild_lanes(UiState& ui) {
    ViewerData& d = *ui.data;
    d.base = build_timeline(d.table, rows_in_force(d.curated, d.table.size(), ui.show_dismissed));
    ui.collapsed.resize(d.table.codes.size(), 0);
    apply_filters(ui);
    refresh_overview(ui);
}

void select_event(UiState& ui, int64_t event, int64_t lane) {
    ui.selected = event;
    ui.selected_undated = -1;
    ui.listed.clear();
    if (lane >= 0) ui.selected_lane = lane;
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
    ui.listed_title = words(ui).format("list.title", {{"n", static_cast<int64_t>(m.count)},
                                                      {"lane", lane_label(ui, t.lanes[lane_index])}});
    ui.selected = -1;
    ui.selected_undated = -1;
    ui.selected_lane = lane_index;
}

void step_in_lane(UiState& ui, int direction) {
    const Timeline& t = shown_timeline(ui);
    if (ui.selected_lane < 0 || static_cast<size_t>(ui.selected_lane) >= t.lanes.size()) return;
    const EventTable& tab = ui.data->table;
    const Lane& lane = t.lanes[static_cast<size_t>(ui.selected_lane)];
    // Events in order of (first day, last day, row): the one just after (or
    // before) the selected one, or the first (last) of the view.
    using Key = std::tuple<int32_t, int32_t, int64_t>;
    const bool from_selected = ui.selected >= 0 && static_cast<size_t>(ui.selected) < tab.size();
    const Key here = from_selected ? Key{tab.first[ui.selected], tab.last[ui.selected], ui.selected}
                                   : Key{static_cast<int32_t>(direction > 0 ? std::floor(ui.view.t0) : std::ceil(ui.view.t1)),
                                         direction > 0 ? INT32_MIN : INT32_MAX, direction > 0 ? -1 : INT64_MAX};
    std::optional<Key> best;
    for (const LaneLevel& l : lane.levels) {
        if (!l.size()) continue;
        auto at = static_cast<size_t>(std::lower_bound(l.start.begin(), l.start.end(), std::get<0>(here)) - l.start.begin());
        // Items of equal start lie on both sides of `at`: look at them all, and one past.
        size_t lo = at, hi = at;
        while (lo > 0 && l.start[lo - 1] >= std::get<0>(here) - 0) --lo;
        while (hi < l.size() && l.start[hi] == std::get<0>(here)) ++hi;
        auto consider = [&](size_t i) {
            const Key k{l.start[i], l.end[i], l.event[i]};
            if (direction > 0 ? !(here < k) : !(k < here)) return;
            if (!best || (direction > 0 ? k < *best : *best < k)) best = k;
        };
        for (size_t i = lo; i < hi; ++i) consider(i);
        if (direction > 0 && hi < l.size()) consider(hi);
        if (direction < 0 && lo > 0) consider(lo - 1);
    }
    if (!best) return;
    const int64_t row = std::get<2>(*best);
    select_event(ui, row);
    // Moved only when out of sight, and then just enough, keeping the scale.
    const double a = tab.first[row], b = tab.last[row] + 1.0;
    if (b <= ui.view.t0 || a >= ui.view.t1) ui.view = panned(ui.view, (a + b) / 2 - (ui.view.t0 + ui.view.t1) / 2);
    ui.view_touched = true;
}

// ---------------------------------------------------------------- labels

std::string country_label(const UiState& ui, CountryId id) {
    const std::string& code = ui.data->table.codes[id];
    return std::string(ui.names.name(code, ui.lang));
}

std::string lane_label(const UiState& ui, const Lane& lane) {
    if (lane.aggregate()) return country_label(ui, lane.a);
    if (lane.alone()) return words(ui).format("lane.alone", {{"country", country_label(ui, lane.a)}});
    return words(ui).format("lane.pair", {{"a", country_label(ui, lane.a)}, {"b", country_label(ui, lane.b)}});
}

// ---------------------------------------------------------------- curation

namespace {

// The event behind a table row or a tray entry, and its id.
struct Target {
    int64_t id = 0;
    Event event;  // as the machine read it, when known
};

std::optional<Target> target_of(const UiState& ui, int64_t index, bool undated) {
    const ViewerData& d = *ui.data;
    Target t;
    if (undated) {
        if (index < 0 || static_cast<size_t>(index) >= d.undated.size()) return std::nullopt;
        t.id = d.undated[static_cast<size_t>(index)].id;
    } else {
        if (index < 0 || static_cast<size_t>(index) >= d.table.size()) return std::nullopt;
        t.id = d.table.id[static_cast<size_t>(index)];
    }
    if (auto m = d.curated.machine.find(t.id); m != d.curated.machine.end())
        t.event = m->second;
    else
        t.event = undated ? d.undated[static_cast<size_t>(index)] : d.table.to_event(static_cast<size_t>(index));
    return t;
}

// Shows `after` for event `id` and selects it where it now is.
void show(UiState& ui, int64_t id, const std::optional<Curation>& after) {
    ViewerData& d = *ui.data;
    const int64_t row = show_as(d.curated, d.table, d.undated, id, after);
    rebuild_lanes(ui);
    if (row >= 0) {
        select_event(ui, row);
    } else {
        for (size_t i = 0; i < d.undated.size(); ++i)
            if (d.undated[i].id == id) {
                ui.selected = -1;
                ui.selected_undated = static_cast<int64_t>(i);
            }
    }
}

void write(UiState& ui, const std::optional<Curation>& before, const std::optional<Curation>& after) {
    if (!ui.writer) return;
    if (after)
        ui.writer->put(*after);
    else if (before)
        ui.writer->remove(before->key);
}

}  // namespace

void curate(UiState& ui, int64_t index, bool undated, const CurationChange& change) {
    if (!ui.data || ui.data->loading) {
        tell(ui, tr(ui, "Wait until the store is read to curate."));
        return;
    }
    const auto target = target_of(ui, index, undated);
    if (!target) return;
    const Curation* now = ui.data->curated.of(target->id);
    std::optional<Curation> before = now ? std::optional<Curation>(*now) : std::nullopt;
    std::optional<Curation> after;
    if (!change.reset) {
        Curation c = before.value_or(Curation{});
        if (!before) {
            auto key = ui.writer ? ui.writer->key_for(target->event) : std::nullopt;
            if (!key) {
                tell(ui, tr(ui, "This event has no source: a curation is kept by its document and date."));
                return;
            }
            c.key = *key;
            c.doc = target->event.sources.front().doc;
        }
        Event machine = target->event;
        machine.id = target->id;
        after = changed(std::move(c), change, machine);
    } else if (!before) {
        return;
    }
    ui.undo.push_back({target->id, before, after});
    ui.redo.clear();
    show(ui, target->id, after);
    write(ui, before, after);
}

namespace {

// Undo and redo: the last edit of `from` made the other way, kept in `to`.
void step(UiState& ui, std::vector<Edit>& from, std::vector<Edit>& to, bool back, const char* said) {
    if (from.empty() || !ui.data) return;
    Edit e = from.back();
    from.pop_back();
    const std::optional<Curation>& was = back ? e.after : e.before;
    const std::optional<Curation>& now = back ? e.before : e.after;
    show(ui, e.event, now);
    write(ui, was, now);
    to.push_back(std::move(e));
    tell(ui, tr(ui, said));
}

}  // namespace

void undo(UiState& ui) { step(ui, ui.undo, ui.redo, true, "Undone."); }
void redo(UiState& ui) { step(ui, ui.redo, ui.undo, false, "Redone."); }

// ---------------------------------------------------------------- window

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
    ui.text.new_frame();
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {6, 6});
    ImGui::Begin("tarikh", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse);
    ImGui::PopStyleVar();

    // Filters apply once typing pauses: a million sentences are searched per change.
    if (!(ui.filter == ui.applied) && ui.filter_edited_at >= 0 && ImGui::GetTime() - ui.filter_edited_at > 0.25) {
        apply_filters(ui);
        refresh_overview(ui);
    }

    float y0 = ImGui::GetCursorPosY();
    draw_toolbar(ui);
    g_layout.toolbar_h = ImGui::GetCursorPosY() - y0;

    // The status bar is one line, or two when the window is too narrow for
    // the legend and the counts side by side.
    const float line_h = ImGui::GetFrameHeightWithSpacing();
    const float status_h = line_h * (ImGui::GetContentRegionAvail().x < 1180 ? 2.0f : 1.0f) + 2;
    g_layout.status_h = status_h;
    const bool details = ui.selected >= 0 || ui.selected_undated >= 0 || !ui.listed.empty();
    const float details_w = details ? std::min(440.0f, ImGui::GetContentRegionAvail().x * 0.4f) : 0;
    ImVec2 avail = ImGui::GetContentRegionAvail();
    ImGui::BeginChild("timeline", {avail.x - details_w, avail.y - status_h}, false,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    draw_timeline(ui);
    ImGui::EndChild();
    g_layout.details_min = g_layout.details_max = {0, 0};
    if (details) {
        ImGui::SameLine();
        ImGui::BeginChild("details", {0, avail.y - status_h}, true);
        g_layout.details_min = ImGui::GetWindowPos();
        g_layout.details_max = {g_layout.details_min.x + ImGui::GetWindowWidth(), g_layout.details_min.y + ImGui::GetWindowHeight()};
        draw_details(ui);
        ImGui::EndChild();
    }
    draw_status(ui);
    curation_keys(ui);
    ImGui::End();

    if (ui.hovered && !ImGui::IsPopupOpen(nullptr, ImGuiPopupFlags_AnyPopupId)) draw_tooltip(ui);
    if (ui.show_tray) draw_tray(ui);
    if (ui.show_export) draw_export(ui);
    if (ui.form.open) draw_correction(ui);
}

}  // namespace tarikh::viewer
