// `tarikh curate`: what a person says about events, kept in the store beside
// the machine's (tarikh/curation.h).
//
//   tarikh curate [--db F] ID… [--confirm|--dismiss|--unchecked] [--date D | --from D --to D]
//                 [--pairs "AZ-IL, AZ-TR"] [--kind K] [--note TEXT] [--reset]
//   tarikh curate [--db F] --list                 every curation, and whether its event is found
//   tarikh curate [--db F] --export FILE|-        as JSON Lines, to move them to another store
//   tarikh curate [--db F] --import FILE|-
//
// Each change prints what it did; a flag it cannot read whole, an unknown id
// or an event without a source (nothing to key the curation by) is an error
// naming it, exit 2, and nothing is written.
#include "cli/command.h"
#include "cli/query_flags.h"

#include "tarikh/curation.h"
#include "tarikh/event_json.h"
#include "tarikh/export.h"
#include "tarikh/user_input.h"

#include <fmt/format.h>

#include <cstdio>
#include <fstream>
#include <iostream>

namespace tarikh::cli {
namespace {

struct CurateArgs {
    std::string db = kDefaultDb;
    std::vector<std::string> ids;
    bool confirm = false, dismiss = false, unchecked = false, reset = false, list = false;
    std::string date, from, to, pairs, kind;
    std::optional<std::string> note;
    std::string export_to, import_from;
};

// What a curation changes is read from the flags before anything is written.
using Change = CurationChange;

std::string when(const Interval& iv) {
    if (!iv.anchored()) return "undated";
    if (*iv.earliest == *iv.latest) return format_iso(*iv.earliest);
    return format_iso(*iv.earliest) + ".." + format_iso(*iv.latest);
}

std::string pairs_text(const std::vector<CountryPair>& pairs) {
    std::string out;
    for (const auto& p : pairs) out += (out.empty() ? "" : ", ") + pair_key(p);
    return out;
}

std::optional<Change> read_change(const CurateArgs& a) {
    auto fail = [](const std::string& m) {
        std::fprintf(stderr, "tarikh curate: %s\n", m.c_str());
        return std::nullopt;
    };
    Change c;
    if (a.confirm + a.dismiss + a.unchecked > 1) return fail("--confirm, --dismiss and --unchecked exclude each other");
    if (a.confirm) c.verdict = Verdict::Confirmed;
    if (a.dismiss) c.verdict = Verdict::Dismissed;
    if (a.unchecked) c.verdict = Verdict::Unchecked;
    std::string why;
    if (!a.date.empty()) {
        if (!a.from.empty() || !a.to.empty()) return fail("--date is the whole interval: it does not combine with --from/--to");
        c.interval = date_argument(a.date, &why);
        if (!c.interval) return fail(fmt::format("--date \"{}\": not a date I can read whole ({})", a.date, why));
    } else if (!a.from.empty() || !a.to.empty()) {
        if (a.from.empty() || a.to.empty()) return fail("--from and --to come together (or --date alone)");
        auto f = date_argument(a.from, &why);
        if (!f) return fail(fmt::format("--from \"{}\": not a date I can read whole ({})", a.from, why));
        auto t = date_argument(a.to, &why);
        if (!t) return fail(fmt::format("--to \"{}\": not a date I can read whole ({})", a.to, why));
        if (*t->latest < *f->earliest) return fail(fmt::format("--from \"{}\" is after --to \"{}\"", a.from, a.to));
        c.interval = Interval{f->earliest, t->latest};
    }
    if (!a.pairs.empty()) {
        std::vector<CountryPair> pairs;
        // Pairs are separated by commas or semicolons; each is two countries (or one: its own lane).
        std::string rest = a.pairs;
        for (char& ch : rest)
            if (ch == ';') ch = ',';
        size_t i = 0;
        while (i <= rest.size()) {
            size_t e = rest.find(',', i);
            if (e == std::string::npos) e = rest.size();
            const std::string one = rest.substr(i, e - i);
            if (one.find_first_not_of(" \t") != std::string::npos) {
                PairArg p = pair_from_user(one);
                if (!p.pair) return fail(fmt::format("--pairs \"{}\": {}", one, p.problem));
                pairs.push_back(*p.pair);
            }
            i = e + 1;
        }
        if (pairs.empty()) return fail("--pairs: expected pairs such as \"AZ-IL, AZ-TR\"");
        std::sort(pairs.begin(), pairs.end());
        pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
        c.pairs = std::move(pairs);
    }
    if (!a.kind.empty()) {
        c.kind = event_kind_from_string(a.kind);
        if (!c.kind)
            return fail(fmt::format("--kind \"{}\": expected diplomatic, military, security, energy, economy or other", a.kind));
    }
    c.note = a.note;
    c.reset = a.reset;
    if (c.reset && (c.verdict || c.interval || c.pairs || c.kind || c.note))
        return fail("--reset forgets what was said about the event: it takes no other change");
    if (!c.reset && !c.verdict && !c.interval && !c.pairs && !c.kind && !c.note)
        return fail("nothing to do: give --confirm, --dismiss, --date, --pairs, --kind, --note or --reset");
    return c;
}

// The curation an event already has (by any of its sources), or a new one keyed by its first.
std::optional<Curation> curation_for(Store& store, const Event& e, const std::vector<BoundCuration>& bound) {
    for (const auto& b : bound)
        if (b.machine.id == e.id) return b.curation;
    auto key = curation_key(store, e);
    if (!key) return std::nullopt;
    Curation c;
    c.key = *key;
    c.doc = e.sources.front().doc;
    return c;
}

std::string describe(const Event& machine, const Curation& c) {
    std::string out = fmt::format("{}", to_string(c.verdict));
    if (c.interval) out += fmt::format("; date {} (the machine read {})", when(*c.interval), when(machine.interval));
    if (c.pairs) out += fmt::format("; pairs {} (the machine read {})", pairs_text(*c.pairs), pairs_text(machine.pairs));
    if (c.kind) out += fmt::format("; kind {} (the machine read {})", to_string(*c.kind), to_string(machine.kind));
    if (!c.note.empty()) out += fmt::format("; note \"{}\"", c.note);
    return out;
}

int curate_events(Store& store, const CurateArgs& a, const Change& change) {
    std::vector<int64_t> ids;
    for (const std::string& s : a.ids) {
        auto n = count_argument(s);
        if (!n || *n == 0) {
            std::fprintf(stderr, "tarikh curate: \"%s\" is not an event id (a whole number, as `tarikh query --format "
                                 "json` shows it)\n", s.c_str());
            return 2;
        }
        ids.push_back(static_cast<int64_t>(*n));
    }
    std::vector<Event> events = store.events_by_id(ids);
    const std::vector<BoundCuration> bound = bind_curations(store);
    // Everything is checked before anything is written.
    std::vector<std::pair<Event, Curation>> todo;
    for (int64_t id : ids) {
        auto it = std::find_if(events.begin(), events.end(), [&](const Event& e) { return e.id == id; });
        if (it == events.end()) {
            std::fprintf(stderr, "tarikh curate: no event %lld in %s\n", static_cast<long long>(id), a.db.c_str());
            return 2;
        }
        auto c = curation_for(store, *it, bound);
        if (!c) {
            std::fprintf(stderr, "tarikh curate: event %lld has no source: a curation is kept by its document and "
                                 "date, so it cannot be curated\n", static_cast<long long>(id));
            return 2;
        }
        todo.emplace_back(*it, std::move(*c));
    }
    for (auto& [machine, c] : todo) {
        const std::string lane = machine.pairs.empty() ? "" : pair_label(machine.pairs.front());
        if (change.reset) {
            const bool had = store.delete_curation(c.key);
            fmt::print("event {} ({}, {}): {}\n", machine.id, lane, when(machine.interval),
                       had ? "back to the machine's reading" : "had no curation");
            continue;
        }
        c = changed(std::move(c), change, machine);
        store.put_curation(c);
        fmt::print("event {} ({}, {}): {}\n", machine.id, lane, when(machine.interval), describe(machine, c));
    }
    return 0;
}

int list_curations(Store& store) {
    const std::vector<BoundCuration> bound = bind_curations(store);
    size_t missing = 0;
    for (const auto& b : bound) {
        const Curation& c = b.curation;
        if (!b.machine.id) {
            ++missing;
            fmt::print("(not found)  {} [{}, {}): {}\n", c.doc, c.key.date_span.begin, c.key.date_span.end,
                       describe(b.machine, c));
            continue;
        }
        const Event shown = apply_curation(b.machine, c);
        fmt::print("event {:<8} {:<22} {}  {}\n", b.machine.id, when(shown.interval), describe(b.machine, c),
                   one_line(valid_utf8(b.machine.text), 70));
    }
    fmt::print("{} curation{}", bound.size(), bound.size() == 1 ? "" : "s");
    if (missing) fmt::print(", {} of them about events this store does not hold", missing);
    fmt::print("\n");
    return 0;
}

int export_curations(Store& store, const std::string& path) {
    std::string out;
    for (const auto& b : bind_curations(store)) {
        Curation c = b.curation;
        if (b.machine.id) c.event = b.machine.id;
        out += curation_to_json(c) + "\n";
    }
    if (path == "-") {
        std::fwrite(out.data(), 1, out.size(), stdout);
        return std::fflush(stdout) == 0 ? 0 : 1;
    }
    std::ofstream f(path, std::ios::binary | std::ios::trunc);
    f << out;
    f.close();
    if (!f) {
        std::fprintf(stderr, "tarikh curate: cannot write %s\n", path.c_str());
        return 1;
    }
    std::fprintf(stderr, "tarikh curate: %zu curations written to %s\n", store.curations().size(), path.c_str());
    return 0;
}

int import_curations(Store& store, const std::string& path) {
    std::ifstream file;
    std::istream* in = &std::cin;
    if (path != "-") {
        file.open(path, std::ios::binary);
        if (!file) {
            std::fprintf(stderr, "tarikh curate: cannot read %s\n", path.c_str());
            return 2;
        }
        in = &file;
    }
    // All lines are read and checked first: a bad line writes nothing.
    std::vector<Curation> all;
    size_t line_no = 0;
    for (std::string line; std::getline(*in, line);) {
        ++line_no;
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        try {
            all.push_back(curation_from_json(line));
        } catch (const EventJsonError& e) {
            std::fprintf(stderr, "tarikh curate: %s:%zu: %s\n", path.c_str(), line_no, e.what());
            return 2;
        }
    }
    for (const Curation& c : all) store.put_curation(c);
    const size_t missing = refresh_curation_hints(store), held = store.curations().size();
    fmt::print("{} curations imported; the store now holds {}, {} of them about events it holds\n", all.size(), held,
               held - missing);
    return 0;
}

int run_curate(const CurateArgs& a) {
    const int modes = !a.ids.empty() + a.list + !a.export_to.empty() + !a.import_from.empty();
    if (modes != 1) {
        std::fprintf(stderr, "tarikh curate: give event ids, or one of --list, --export FILE, --import FILE\n");
        return 2;
    }
    std::optional<Change> change;
    if (!a.ids.empty() && !(change = read_change(a))) return 2;
    const bool writes = !a.ids.empty() || !a.import_from.empty();
    try {
        auto store = open_store(a.db, writes ? OpenMode::ReadWrite : OpenMode::ReadOnly);
        if (a.list) return list_curations(*store);
        if (!a.export_to.empty()) return export_curations(*store, a.export_to);
        if (!a.import_from.empty()) return import_curations(*store, a.import_from);
        return curate_events(*store, a, *change);
    } catch (const StoreError& e) {
        std::fprintf(stderr, "tarikh curate: %s\n", e.what());
        return 1;
    }
}

void setup_curate(CLI::App& app, int& exit_code) {
    auto a = std::make_shared<CurateArgs>();
    CLI::App* cmd = app.add_subcommand(
        "curate", "Confirm, dismiss or correct events (by id) and note them; kept in the store beside the machine's");
    add_db_flag(cmd, a->db);
    cmd->add_option("ids", a->ids, "Event ids, as `tarikh query --format json` shows them");
    cmd->add_flag("--confirm", a->confirm, "A person checked it: it is right");
    cmd->add_flag("--dismiss", a->dismiss, "Not an event: hidden from query, export and the viewer unless asked for");
    cmd->add_flag("--unchecked", a->unchecked, "Neither confirmed nor dismissed (corrections and note stay)");
    cmd->add_option("--date", a->date, "The right date: anything `parse` reads (\"27 September 2020\", \"Mehr 1402\")");
    cmd->add_option("--from", a->from, "The right interval's first day (with --to)");
    cmd->add_option("--to", a->to, "The right interval's last day (the last day of what it names)");
    cmd->add_option("--pairs", a->pairs, "The right country pairs: \"AZ-AM, AZ-TR\", codes or names");
    cmd->add_option("--kind", a->kind, "The right kind: diplomatic, military, security, energy, economy or other");
    cmd->add_option("--note", a->note, "A note for the event (an empty one removes it)");
    cmd->add_flag("--reset", a->reset, "Forget what was said about the event: the machine's reading again");
    cmd->add_flag("--list", a->list, "List every curation and the event it is about");
    cmd->add_option("--export", a->export_to, "Write every curation as JSON Lines to FILE (- for stdout)");
    cmd->add_option("--import", a->import_from, "Read curations from JSON Lines (from --export) into the store");
    cmd->callback([a, &exit_code] { exit_code = run_curate(*a); });
}

}  // namespace

TARIKH_CLI_COMMAND(55, setup_curate);

}  // namespace tarikh::cli
