// `tarikh ingest [--db F] [--dct D] [--split REGEX] PATH…`: documents → events
// → the store, one transaction per batch, with a progress bar on a terminal
// and a summary that warns when many events end up undated for want of a
// document date, and says how to give one.
#include "cli/command.h"
#include "cli/input_flags.h"
#include "cli/progress.h"
#include "cli/query_flags.h"

#include "tarikh/articles.h"
#include "tarikh/documents.h"
#include "tarikh/ingest.h"

#include <fmt/format.h>

#include <chrono>
#include <cstdio>
#include <deque>
#include <set>

namespace tarikh::cli {
namespace {

struct IngestArgs {
    std::string db = kDefaultDb;
    std::string dct;
    std::string split;
    std::vector<std::string> inputs;
    uint64_t max_bytes = kDefaultMaxDocumentBytes;
};

// When a fifth or more of this run's events could not be dated and the
// documents carried no date, say so and how to fix it: relative dates
// ("yesterday", "last month", a month without a year) need the date the
// article was written.
void warn_if_undated(const StoreStats& before, const StoreStats& after, size_t documents_without_date, bool dct_given) {
    const size_t added = after.events - before.events;
    const size_t undated = after.undated_events - before.undated_events;
    if (dct_given || added < 20 || undated * 5 < added || documents_without_date == 0) return;
    std::fprintf(stderr,
                 "tarikh ingest: warning: %zu of %zu new events (%.0f%%) are undated, and %zu document%s no date: "
                 "\"yesterday\", \"last month\" or a month without a year cannot be placed without one. Give it "
                 "with --dct YYYY-MM-DD, or ingest JSON Lines with a date per document "
                 "({\"id\":…,\"text\":…,\"date\":\"2018-03-01\"}); a dateline in the text is used when there is "
                 "one. `tarikh query --undated` lists them.\n",
                 undated, added, 100.0 * static_cast<double>(undated) / static_cast<double>(added), documents_without_date,
                 documents_without_date == 1 ? " carries" : "s carry");
}

void report_problems(const std::vector<InputProblem>& problems) {
    if (problems.empty()) return;
    std::fprintf(stderr, "tarikh ingest: %zu input%s failed and %s not stored:\n", problems.size(),
                 problems.size() == 1 ? "" : "s", problems.size() == 1 ? "was" : "were");
    for (const auto& p : problems) std::fprintf(stderr, "  %s: %s\n", p.where.c_str(), p.message.c_str());
}

int run_ingest(const IngestArgs& args) {
    IngestOptions options;
    if (!args.dct.empty()) {
        options.dct = parse_iso(args.dct);
        if (!options.dct) {
            std::fprintf(stderr, "tarikh ingest: --dct \"%s\" is not a date (YYYY-MM-DD)\n", args.dct.c_str());
            return 2;
        }
    }
    std::optional<ArticleSplitter> splitter;
    if (!args.split.empty()) {
        try {
            splitter.emplace(args.split);
        } catch (const std::regex_error& e) {
            std::fprintf(stderr, "tarikh ingest: --split \"%s\" is not a regular expression: %s\n", args.split.c_str(),
                         e.what());
            return 2;
        }
    }
    std::vector<InputProblem> problems;
    const auto files = expand_inputs(args.inputs, problems);
    // Only text files hold many articles; a JSON Lines line is one document.
    std::set<std::string> text_files;
    for (const auto& f : files)
        if (f.extension() != ".jsonl" && f.extension() != ".ndjson" && f != "-") text_files.insert(f.string());
    const auto start = std::chrono::steady_clock::now();
    std::unique_ptr<Store> store;
    try {
        store = open_store(args.db, OpenMode::ReadWrite);
    } catch (const StoreError& e) {
        std::fprintf(stderr, "tarikh ingest: %s\n", e.what());
        return 1;
    }

    DocumentReader reader(files, args.max_bytes);
    Parser parser;
    Extractor extractor(parser);
    ProgressBar bar;
    options.on_progress = [&](const IngestProgress& p) {
        bar.update(reader.bytes_read(), reader.total_bytes(),
                   fmt::format("{} documents, {} events", p.documents, p.written.events_added));
    };
    std::deque<Document> articles;
    size_t without_date = 0;
    auto next = [&]() -> std::optional<Document> {
        while (articles.empty()) {
            std::optional<Document> d = reader.next();
            if (!d) return std::nullopt;
            if (splitter && text_files.count(d->id)) {
                for (Document& a : splitter->split(*d)) articles.push_back(std::move(a));
            } else {
                articles.push_back(std::move(*d));
            }
        }
        Document a = std::move(articles.front());
        articles.pop_front();
        if (!a.date && !options.dct) ++without_date;
        return a;
    };
    const StoreStats before = store->stats();
    IngestResult result;
    try {
        result = ingest(next, extractor, *store, options);
    } catch (const StoreError& e) {
        // Batches written before the failure stay; running again completes the rest.
        bar.finish();
        std::fprintf(stderr, "tarikh ingest: %s\n", e.what());
        return 1;
    }
    bar.finish();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

    problems.insert(problems.end(), reader.problems().begin(), reader.problems().end());
    problems.insert(problems.end(), result.failures.begin(), result.failures.end());
    const StoreStats stats = store->stats();
    const WriteStats& w = result.written;
    fmt::print("documents: {} read, {} added, {} already stored, {} failed ({})\n", result.documents,
               w.documents_added, w.documents_skipped, problems.size(), human_bytes(result.bytes));
    fmt::print("events:    {} added, {} merged into events already stored\n", w.events_added, w.events_merged);
    fmt::print("store:     {} holds {} events ({} undated) from {} documents\n", args.db, stats.events,
               stats.undated_events, stats.documents);
    fmt::print("time:      {:.2f} s ({}/s)\n", seconds, human_bytes(static_cast<uint64_t>(result.bytes / std::max(seconds, 1e-6))));
    std::fflush(stdout);
    warn_if_undated(before, stats, without_date, options.dct.has_value());
    report_problems(problems);
    return problems.empty() ? 0 : 1;
}

void setup_ingest(CLI::App& app, int& exit_code) {
    auto args = std::make_shared<IngestArgs>();
    CLI::App* cmd = app.add_subcommand("ingest", "Extract events from documents and add them to the store");
    add_db_flag(cmd, args->db);
    cmd->add_option("--dct", args->dct, "Creation date (YYYY-MM-DD) for documents that carry none");
    cmd->add_option("--split", args->split,
                    "Text files hold many articles: a line matching this regular expression separates two "
                    "(e.g. '^\\s*$' for blank lines); each article is a document named FILE#N");
    cmd->add_option("paths", args->inputs, "Files and directories of .txt and .jsonl documents; - for JSON Lines on stdin")
        ->required();
    add_max_bytes_flag(cmd, args->max_bytes);
    cmd->callback([args, &exit_code] { exit_code = run_ingest(*args); });
}

}  // namespace

TARIKH_CLI_COMMAND(20, setup_ingest);

}  // namespace tarikh::cli
