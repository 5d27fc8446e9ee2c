// `tarikh parse`: every temporal mention of the given documents, as JSON Lines
// (DESIGN §5) or as a table for people.
#include "cli/command.h"
#include "cli/input_flags.h"
#include "io/input_file.h"
#include "tarikh/documents.h"
#include "tarikh/event_json.h"
#include "tarikh/export.h"
#include "tarikh/parser.h"
#include "tarikh/timeml.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

namespace tarikh::cli {
namespace {

struct ParseArgs {
    std::string lang = "auto";
    std::string dct;
    std::string format = "jsonl";
    std::vector<std::string> inputs;
    uint64_t max_bytes = kDefaultMaxDocumentBytes;
    bool explain = false;
};

// One line of text for a table cell: newlines and tabs become spaces,
// control and bidi-override characters are dropped (tarikh/export.h).
std::string cell(std::string_view s) { return one_line(valid_utf8(s), s.size()); }

// "mod-point > month-year: early (mod start, en), march (month g3, en)"
std::string explanation(const Explanation& x) {
    std::string s = fmt::format("{}", fmt::join(x.rules, " > "));
    const char* sep = ": ";
    for (const Explanation::Word& w : x.words) {
        s += fmt::format("{}{} ({} {}, {})", sep, cell(w.form), w.kind, cell(w.value), to_string(w.lang));
        sep = ", ";
    }
    return s;
}

void print_table(const ParseResult& r, std::string_view doc, std::string_view text) {
    fmt::print("{}  [{}{}]\n", cell(doc), to_string(r.lang), r.dct ? ", dct " + format_iso(*r.dct) : std::string());
    if (r.mentions.empty()) fmt::print("  (no dates)\n");
    for (size_t n = 0; n < r.mentions.size(); ++n) {
        const Mention& m = r.mentions[n];
        std::string when = m.interval.anchored()
            ? (*m.interval.earliest == *m.interval.latest ? format_iso(*m.interval.earliest)
                                                          : format_iso(*m.interval.earliest) + " .. " + format_iso(*m.interval.latest))
            : "(unanchored)";
        std::string extra;
        if (!m.event.empty()) extra += " event=" + m.event + (m.event_reason.empty() ? "" : " (" + m.event_reason + ")");
        if (m.mod != Mod::None) extra += " mod=" + std::string(to_string(m.mod));
        if (!m.native.empty()) extra += " native=" + m.native;
        fmt::print("  {:>6}-{:<6} {:<26} {:<24} {:<8} {:<11}{}  «{}»\n", m.span.begin, m.span.end, when, m.value,
                   to_string(m.granularity), to_string(m.anchor), extra,
                   cell(text.substr(m.span.begin, m.span.end - m.span.begin)));
        if (n < r.explanations.size()) fmt::print("  {:>13} {}\n", "why", explanation(r.explanations[n]));
    }
    fmt::print("\n");
}

void setup_parse(CLI::App& app, int& exit_code) {
    auto args = std::make_shared<ParseArgs>();
    CLI::App* cmd = app.add_subcommand("parse", "Find every date mention and print it (JSON Lines by default)");
    std::vector<std::string> codes;  // lang/languages.tsv
    for (const Language& l : languages()) codes.push_back(l.code);
    const std::string help = fmt::format("Language of the documents: {} or auto (detect per document)", fmt::join(codes, ", "));
    codes.push_back("auto");
    cmd->add_option("--lang", args->lang, help)->check(CLI::IsMember(codes));
    cmd->add_option("--dct", args->dct, "Document creation time (YYYY-MM-DD) for relative dates");
    cmd->add_option("--format", args->format,
                    "jsonl (one object per mention), table, or timeml (each document with TIMEX3 tags)")
        ->check(CLI::IsMember({"jsonl", "table", "timeml"}));
    cmd->add_option("inputs", args->inputs, "Files to read; - or nothing for standard input");
    add_max_bytes_flag(cmd, args->max_bytes);
    cmd->add_flag("--explain", args->explain,
                  "Say per mention which grammar rules read it and which lexicon rows its words matched "
                  "(a line under each mention of the table; an \"explain\" field in JSON)");
    cmd->callback([args, &exit_code] {
        ParseOptions options;
        options.explain = args->explain;
        if (args->lang != "auto") options.lang = find_language(args->lang);
        if (!args->dct.empty()) {
            options.dct = parse_iso(args->dct);
            if (!options.dct) {
                std::fprintf(stderr, "tarikh parse: --dct %s is not a date (YYYY-MM-DD)\n", args->dct.c_str());
                exit_code = 2;
                return;
            }
        }
        if (args->inputs.empty()) args->inputs.push_back("-");
        Parser parser;
        std::string out;
        for (const std::string& name : args->inputs) {
            if (std::ferror(stdout)) break;  // output lost (a full disk): main says so
            // One document at a time: a bad one is named and the others still
            // parse; the exit code says that one failed.
            try {
                const std::string text = io::read_document(name, args->max_bytes);
                ParseResult r = parser.parse(text, options);
                if (args->format == "table") {
                    print_table(r, name, text);
                    continue;
                }
                if (args->format == "timeml") {
                    const std::string doc = document_to_timeml(r, name, text);
                    std::fwrite(doc.data(), 1, doc.size(), stdout);
                    continue;
                }
                // Written a megabyte at a time: a long document's mentions
                // would otherwise be held twice, as values and as JSON.
                out.clear();
                for (size_t n = 0; n < r.mentions.size(); ++n) {
                    const Mention& m = r.mentions[n];
                    append_mention_json(out, m, name, text, n < r.explanations.size() ? &r.explanations[n] : nullptr);
                    out += '\n';
                    if (out.size() >= (1u << 20)) {
                        std::fwrite(out.data(), 1, out.size(), stdout);
                        out.clear();
                    }
                }
                std::fwrite(out.data(), 1, out.size(), stdout);
            } catch (const std::exception& e) {
                std::fprintf(stderr, "tarikh parse: %s: %s\n", name.c_str(), e.what());
                exit_code = 2;
            }
        }
    });
}

}  // namespace

TARIKH_CLI_COMMAND(10, setup_parse);

}  // namespace tarikh::cli
