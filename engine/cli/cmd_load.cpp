// `tarikh load [--db F] EVENTS.jsonl…`: bulk-loads event JSON Lines (what
// `tarikh extract` writes) into the store. Loading the same events twice adds
// nothing; a bad line is reported with its file and line number and skipped.
#include "cli/command.h"
#include "cli/progress.h"
#include "cli/query_flags.h"

#include "tarikh/event_lines.h"

#include <fmt/format.h>

#include <chrono>
#include <cstdio>

namespace tarikh::cli {
namespace {

struct LoadArgs {
    std::string db = kDefaultDb;
    std::vector<std::string> inputs;
};

int run_load(const LoadArgs& args) {
    std::vector<std::filesystem::path> files;
    std::vector<InputProblem> problems;
    for (const auto& in : args.inputs) {
        std::error_code ec;
        if (in != "-" && !std::filesystem::exists(in, ec)) {
            problems.push_back({in, "no such file"});
            continue;
        }
        files.emplace_back(in);
    }
    const auto start = std::chrono::steady_clock::now();
    std::unique_ptr<Store> store;
    try {
        store = open_store(args.db, OpenMode::ReadWrite);
    } catch (const StoreError& e) {
        std::fprintf(stderr, "tarikh load: %s\n", e.what());
        return 1;
    }
    EventReader reader(files);
    ProgressBar bar;
    LoadResult result;
    try {
        result = load_events(reader, *store, 20000, [&](const LoadProgress& p) {
            bar.update(reader.bytes_read(), reader.total_bytes(), fmt::format("{} events", p.events));
        });
    } catch (const StoreError& e) {
        bar.finish();
        std::fprintf(stderr, "tarikh load: %s (batches written before it are kept; run again to complete)\n", e.what());
        return 1;
    }
    bar.finish();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    problems.insert(problems.end(), reader.problems().begin(), reader.problems().end());
    const WriteStats& w = result.written;
    const size_t known = result.events - w.events_added - w.events_merged;
    fmt::print("events: {} read, {} added, {} merged into events already stored, {} already stored; {} bad lines\n",
               result.events, w.events_added, w.events_merged, known, problems.size());
    fmt::print("store:  {} holds {} events\n", args.db, store->stats().events);
    fmt::print("time:   {:.2f} s ({:.0f} events/s)\n", seconds, result.events / std::max(seconds, 1e-6));
    std::fflush(stdout);
    if (!problems.empty()) {
        std::fprintf(stderr, "tarikh load: %zu problem%s (those lines were not loaded):\n", problems.size(),
                     problems.size() == 1 ? "" : "s");
        constexpr size_t kShown = 20;
        for (size_t i = 0; i < problems.size() && i < kShown; ++i)
            std::fprintf(stderr, "  %s: %s\n", problems[i].where.c_str(), problems[i].message.c_str());
        if (problems.size() > kShown) std::fprintf(stderr, "  … and %zu more\n", problems.size() - kShown);
    }
    return problems.empty() ? 0 : 1;
}

void setup_load(CLI::App& app, int& exit_code) {
    auto args = std::make_shared<LoadArgs>();
    CLI::App* cmd = app.add_subcommand("load", "Bulk-load event JSON Lines (from `tarikh extract`) into the store");
    add_db_flag(cmd, args->db);
    cmd->add_option("events", args->inputs, "Event JSON Lines files; - for standard input")->required();
    cmd->callback([args, &exit_code] { exit_code = run_load(*args); });
}

}  // namespace

TARIKH_CLI_COMMAND(40, setup_load);

}  // namespace tarikh::cli
