// `tarikh export [--db F] [filters] --format json|timelinejs [-o FILE]`:
// a chronology file. With -o the file is written whole or not at all
// (io/output_file.h), so a failed export never leaves half a JSON document
// behind; -o naming the store is refused.
#include "cli/command.h"
#include "cli/query_flags.h"
#include "io/output_file.h"

#include "tarikh/curation.h"
#include "tarikh/export.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

namespace tarikh::cli {
namespace {

struct ExportArgs {
    QueryFlags flags;
    std::string format = "json";
    std::string output;
    ExportOptions options;
};

// Whether `output` is the store or one of its companion files (its WAL,
// shared memory, journal): writing there would destroy the store.
bool is_the_store(const std::filesystem::path& output, const std::string& db) {
    namespace fs = std::filesystem;
    if (db.find("://") != std::string::npos) return false;  // a server's store has no file here
    std::error_code ec;
    const fs::path out = fs::weakly_canonical(output, ec);
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
        const fs::path store = db + suffix;
        std::error_code e1;
        if (fs::equivalent(output, store, e1) || (!ec && out == fs::weakly_canonical(store, e1))) return true;
    }
    return false;
}

int run_export(const ExportArgs& args) {
    auto query = build_query(args.flags, "export");
    if (!query) return 2;
    const bool to_file = !args.output.empty() && args.output != "-";
    if (to_file && is_the_store(args.output, args.flags.db)) {
        std::fprintf(stderr, "tarikh export: -o %s is the store (--db %s) or one of its files: refused\n",
                     args.output.c_str(), args.flags.db.c_str());
        return 2;
    }
    std::string content;
    size_t count = 0;
    try {
        auto store = open_store(args.flags.db, OpenMode::ReadOnly);
        const std::vector<Event> events = curated_query(*store, *query);
        count = events.size();
        content = args.format == "timelinejs" ? export_timelinejs(events, *query, args.options)
                                              : export_json(events, *query, args.options);
    } catch (const StoreError& e) {
        std::fprintf(stderr, "tarikh export: %s\n", e.what());
        return 1;
    }
    if (!to_file) {
        std::fwrite(content.data(), 1, content.size(), stdout);  // checked by main()
        return 0;
    }
    try {
        io::write_file_atomically(args.output, content);
    } catch (const io::OutputError& e) {
        std::fprintf(stderr, "tarikh export: %s: %s\n", args.output.c_str(), e.what());
        return 1;
    }
    std::fprintf(stderr, "tarikh export: %zu event%s written to %s (%s)\n", count, count == 1 ? "" : "s", args.output.c_str(),
                 args.format.c_str());
    return 0;
}

void setup_export(CLI::App& app, int& exit_code) {
    auto args = std::make_shared<ExportArgs>();
    CLI::App* cmd = app.add_subcommand("export", "Write a chronology as JSON or as a TimelineJS3 file");
    add_query_flags(cmd, args->flags);
    cmd->add_option("--format", args->format, "json ({generator, query, events}) or timelinejs (TimelineJS3)")
        ->check(CLI::IsMember({"json", "timelinejs"}))
        ->capture_default_str();
    cmd->add_option("-o,--output", args->output, "Write to FILE instead of standard output");
    cmd->add_option("--title", args->options.title,
                    "The chronology's title (TimelineJS's title slide; \"title\" in JSON); default: from the filters");
    cmd->callback([args, &exit_code] { exit_code = run_export(*args); });
}

}  // namespace

TARIKH_CLI_COMMAND(60, setup_export);

}  // namespace tarikh::cli
