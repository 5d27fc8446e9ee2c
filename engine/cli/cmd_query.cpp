// `tarikh query [--db F] [filters] [--format table|json|jsonl|csv]`: events
// by date range, pair, actor, kind and words, with what people said about
// them applied (tarikh/curation.h). The table is for people: a page of the
// earliest events (20 unless --limit says), grouped by lane (country pair),
// what was asked said on stderr and how many there are in all said at the
// end. The other formats are for programs and list everything by default.
#include "cli/command.h"
#include "cli/query_flags.h"

#include "tarikh/curation.h"
#include "tarikh/event_json.h"
#include "tarikh/export.h"

#include <fmt/format.h>

#include <algorithm>

#include <cstdio>
#include <map>

namespace tarikh::cli {
namespace {

struct QueryArgs {
    QueryFlags flags;
    std::string format = "table";
};

std::string when(const Event& e) {
    if (!e.interval.anchored()) return "(undated)";
    if (*e.interval.earliest == *e.interval.latest) return format_iso(*e.interval.earliest);
    return format_iso(*e.interval.earliest) + ".." + format_iso(*e.interval.latest);
}

// "17,408"
std::string thousands(size_t n) {
    std::string digits = std::to_string(n), out;
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

// What a person said, before the sentence: ✓ confirmed, ✗ dismissed, ✎ corrected.
std::string checked_mark(const Event& e) {
    if (!e.curation) return "";
    std::string mark = e.curation->verdict == Verdict::Confirmed   ? "\u2713 "
                       : e.curation->verdict == Verdict::Dismissed ? "\u2717 "
                                                                   : "";
    if (e.curation->corrects()) mark += "\u270E ";
    return mark;
}

constexpr size_t kTablePage = 20;

void print_table(const std::vector<Event>& events, const EventQuery& q, size_t total) {
    // Lanes sorted by their label; an event with several pairs is in each
    // (each the query asks for).
    std::map<std::string, std::vector<const Event*>> lanes;
    for (const auto& e : events)
        for (const auto& p : lanes_for(e, q)) lanes[pair_label(p) + " (" + pair_key(p) + ")"].push_back(&e);
    for (const auto& [lane, list] : lanes) {
        fmt::print("{} · {} event{}\n", lane, list.size(), list.size() == 1 ? "" : "s");
        for (const Event* e : list) {
            // A document once, however many of its sentences or dates report the event.
            std::vector<std::string_view> seen;
            std::string docs;
            for (const auto& s : e->sources) {
                if (std::find(seen.begin(), seen.end(), s.doc) != seen.end()) continue;
                seen.push_back(s.doc);
                if (!docs.empty()) docs += ", ";
                docs += s.doc;
            }
            fmt::print("  {:<22} {:<10} {}{}  [{}]\n", when(*e), to_string(e->kind), checked_mark(*e),
                       one_line(valid_utf8(e->text), 110), one_line(valid_utf8(docs), 400));
            if (e->curation && !e->curation->note.empty())
                fmt::print("  {:<22} {:<10} note: {}\n", "", "", one_line(valid_utf8(e->curation->note), 110));
        }
        fmt::print("\n");
    }
    const std::string in_lanes = fmt::format("in {} lane{}", lanes.size(), lanes.size() == 1 ? "" : "s");
    // The lanes counted are the page's: "20 of 1,293 events in 3 lanes" read
    // as if all 1,293 were in 3.
    if (events.size() < total)
        fmt::print("{} of {} events, the earliest first ({} shown {}): --limit {} for more, --limit 0 for all, or narrow "
                   "with --from/--to\n",
                   thousands(events.size()), thousands(total), thousands(events.size()), in_lanes,
                   std::max<size_t>(100, events.size() * 5));
    else
        fmt::print("{} event{} {}\n", thousands(events.size()), events.size() == 1 ? "" : "s", in_lanes);
}

std::string csv_field(const std::string& raw) {
    const std::string s = valid_utf8(raw);
    if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
    std::string out = "\"";
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

void print_csv(const std::vector<Event>& events) {
    // checked: what a person said (confirmed, dismissed, unchecked), "+corrected"
    // when they corrected it; empty when nobody looked.
    std::string out = "id,earliest,latest,value,granularity,kind,actors,pairs,lang,confidence,text,sources,checked,note\r\n";
    for (const auto& e : events) {
        std::string actors, pairs, sources;
        for (const auto& a : e.actors) {
            if (!actors.empty()) actors += ' ';
            actors += a;
        }
        for (const auto& p : e.pairs) {
            if (!pairs.empty()) pairs += ' ';
            pairs += pair_key(p);
        }
        for (const auto& s : e.sources)
            sources += fmt::format("{}{}[{},{}]", sources.empty() ? "" : " | ", s.doc, s.span.begin, s.span.end);
        std::string checked;
        if (e.curation)
            checked = std::string(to_string(e.curation->verdict)) + (e.curation->corrects() ? "+corrected" : "");
        // Every free-form field quoted as RFC 4180 asks: a stored code or
        // text may hold a comma, a quote or a line break.
        out += fmt::format("{},{},{},{},{},{},{},{},{},{:.2f},{},{},{},{}\r\n", e.id,
                           e.interval.earliest ? format_iso(*e.interval.earliest) : "",
                           e.interval.latest ? format_iso(*e.interval.latest) : "", csv_field(e.value),
                           to_string(e.granularity), to_string(e.kind), csv_field(actors), csv_field(pairs),
                           to_string(e.lang), e.confidence, csv_field(e.text), csv_field(sources), checked,
                           e.curation ? csv_field(e.curation->note) : "");
    }
    std::fwrite(out.data(), 1, out.size(), stdout);
}

void print_json(const std::vector<Event>& events, bool lines) {
    std::string out = lines ? "" : "[";
    for (size_t i = 0; i < events.size(); ++i) {
        if (!lines) out += i ? ",\n " : "\n ";
        out += event_to_json(events[i]);
        if (lines) out += '\n';
    }
    if (!lines) out += events.empty() ? "]\n" : "\n]\n";
    std::fwrite(out.data(), 1, out.size(), stdout);
}

int run_query(const QueryArgs& args) {
    const bool table = args.format == "table";
    auto query = build_query(args.flags, "query", table ? kTablePage : 0);
    if (!query) return 2;
    try {
        auto store = open_store(args.flags.db, OpenMode::ReadOnly);
        const std::vector<Event> events = curated_query(*store, *query);
        if (table) {
            std::fprintf(stderr, "tarikh query: %s, in %s\n", describe_query(*query).c_str(), store->location().c_str());
            const size_t total = query->limit && events.size() >= query->limit ? curated_count(*store, *query)
                                                                                : events.size();
            if (!query->undated && !query->checked) {
                EventQuery undated = *query;
                undated.undated = true;
                undated.from = undated.to = std::nullopt;
                undated.within = false;
                if (const size_t n = curated_count(*store, undated))
                    std::fprintf(stderr, "tarikh query: %s undated event%s not listed (--undated lists them)\n",
                                 thousands(n).c_str(), n == 1 ? " is" : "s are");
            }
            print_table(events, *query, total);
        } else if (args.format == "csv") {
            print_csv(events);
        } else {
            print_json(events, args.format == "jsonl");
        }
    } catch (const StoreError& e) {
        std::fprintf(stderr, "tarikh query: %s\n", e.what());
        return 1;
    }
    return 0;
}

void setup_query(CLI::App& app, int& exit_code) {
    auto args = std::make_shared<QueryArgs>();
    CLI::App* cmd = app.add_subcommand("query", "Events by date range, pair, actor, kind or words");
    add_query_flags(cmd, args->flags);
    cmd->add_option("--format", args->format, "table (grouped by pair), json (an array), jsonl or csv")
        ->check(CLI::IsMember({"table", "json", "jsonl", "csv"}))
        ->capture_default_str();
    cmd->callback([args, &exit_code] { exit_code = run_query(*args); });
}

}  // namespace

TARIKH_CLI_COMMAND(50, setup_query);

}  // namespace tarikh::cli
