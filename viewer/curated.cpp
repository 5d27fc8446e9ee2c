#include "curated.h"

#include <algorithm>

namespace tarikh::viewer {
namespace {

// The row that shows event `id` now, if the table has one.
std::optional<uint32_t> current_row(const Curated& cur, const EventTable& table, int64_t id) {
    if (auto it = cur.row_of.find(id); it != cur.row_of.end()) return it->second;
    for (size_t i = 0; i < table.size(); ++i)
        if (table.id[i] == id && (cur.row_state.empty() || cur.row_state[i] != kRowReplaced))
            return static_cast<uint32_t>(i);
    return std::nullopt;
}

}  // namespace

std::vector<uint8_t> rows_in_force(const Curated& c, size_t rows, bool with_dismissed) {
    if (c.row_state.empty()) return {};
    std::vector<uint8_t> keep(rows, 1);
    for (size_t i = 0; i < rows && i < c.row_state.size(); ++i)
        keep[i] = c.row_state[i] == kRowShown || (with_dismissed && c.row_state[i] == kRowDismissed);
    return keep;
}

int64_t show_as(Curated& cur, EventTable& table, std::vector<Event>& undated, int64_t id,
                const std::optional<Curation>& c) {
    const std::optional<uint32_t> row = current_row(cur, table, id);
    auto in_tray = std::find_if(undated.begin(), undated.end(), [&](const Event& e) { return e.id == id; });
    auto machine = cur.machine.find(id);
    if (machine == cur.machine.end()) {
        Event m;
        if (row) {
            m = table.to_event(*row);
        } else if (in_tray != undated.end()) {
            m = *in_tray;
            m.curation.reset();
        }
        machine = cur.machine.emplace(id, std::move(m)).first;
    }
    // Retire what shows it now.
    cur.row_state.resize(table.size(), kRowShown);
    if (row) cur.row_state[*row] = kRowReplaced;
    cur.row_of.erase(id);
    if (in_tray != undated.end()) undated.erase(in_tray);

    Event shown = c ? apply_curation(machine->second, *c) : machine->second;
    if (c) {
        cur.by_event[id] = *c;
    } else {
        cur.by_event.erase(id);
    }
    if (!shown.interval.anchored()) {
        undated.push_back(std::move(shown));
        return -1;
    }
    const bool dismissed = c && c->verdict == Verdict::Dismissed;
    table.append(shown);  // takes what it keeps
    const auto at = static_cast<uint32_t>(table.size() - 1);
    cur.row_state.resize(table.size(), kRowShown);
    cur.row_state[at] = dismissed ? kRowDismissed : kRowShown;
    cur.row_of[id] = at;
    return at;
}

}  // namespace tarikh::viewer
