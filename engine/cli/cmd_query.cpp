// `tarikh query [--db F] [filters] [--format table|json|jsonl|csv]`: events
// by date range, pair, actor, kind and words. The table groups them by lane
// (country pair), in date order within each.
#include "cli/command.h"
#include "cli/query_flags.h"

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

void print_table(const std::vector<Event>& events, const EventQuery& q) {
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
            fmt::print("  {:<22} {:<10} {}  [{}]\n", when(*e), to_string(e->kind), one_line(valid_utf8(e->text), 110),
                       one_line(valid_utf8(docs), 400));
        }
        fmt::print("\n");
    }
    fmt::print("{} event{} in {} lane{}\n", events.size(), events.size() == 1 ? "" : "s", lanes.size(),
               lanes.size() == 1 ? "" : "s");
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
    std::string out = "id,earliest,latest,value,granularity,kind,actors,pairs,lang,confidence,text,sources\r\n";
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
        // Every free-form field quoted as RFC 4180 asks: a stored code or
        // text may hold a comma, a quote or a line break.
        out += fmt::format("{},{},{},{},{},{},{},{},{},{:.2f},{},{}\r\n", e.id,
                           e.interval.earliest ? format_iso(*e.interval.earliest) : "",
                           e.interval.latest ? format_iso(*e.interval.latest) : "", csv_field(e.value),
                           to_string(e.granularity), to_string(e.kind), csv_field(actors), csv_field(pairs),
                           to_string(e.lang), e.confidence, csv_field(e.text), csv_field(sources));
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
    auto query = build_query(args.flags, "query");
    if (!query) return 2;
    try {
        auto store = open_store(args.flags.db, OpenMode::ReadOnly);
        const std::vector<Event> events = store->query(*query);
        if (args.format == "table") {
            print_table(events, *query);
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
