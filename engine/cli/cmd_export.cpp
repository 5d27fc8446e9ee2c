// `tarikh export [--db F] [filters] --format json|timelinejs [-o FILE]`:
// a chronology file. With -o the file is written whole or not at all (a
// temporary file renamed into place), so a failed export never leaves half a
// JSON document behind.
#include "cli/command.h"
#include "cli/query_flags.h"

#include "tarikh/export.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace tarikh::cli {
namespace {

struct ExportArgs {
    QueryFlags flags;
    std::string format = "json";
    std::string output;
};

bool write_whole(const std::string& path, const std::string& content, std::string& error) {
    const std::filesystem::path target(path);
    std::error_code ec;
    if (target.has_parent_path()) std::filesystem::create_directories(target.parent_path(), ec);
    const std::filesystem::path tmp = target.string() + ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out) {
            error = std::strerror(errno);
            return false;
        }
        out.write(content.data(), static_cast<std::streamsize>(content.size()));
        out.flush();
        if (!out) {
            error = std::strerror(errno);
            std::filesystem::remove(tmp, ec);
            return false;
        }
    }
    std::filesystem::rename(tmp, target, ec);
    if (ec) {
        error = ec.message();
        std::filesystem::remove(tmp, ec);
        return false;
    }
    return true;
}

int run_export(const ExportArgs& args) {
    auto query = build_query(args.flags, "export");
    if (!query) return 2;
    std::string content;
    size_t count = 0;
    try {
        auto store = open_store(args.flags.db, OpenMode::ReadOnly);
        const std::vector<Event> events = store->query(*query);
        count = events.size();
        content = args.format == "timelinejs" ? export_timelinejs(events, *query) : export_json(events, *query);
    } catch (const StoreError& e) {
        std::fprintf(stderr, "tarikh export: %s\n", e.what());
        return 1;
    }
    if (args.output.empty() || args.output == "-") {
        std::fwrite(content.data(), 1, content.size(), stdout);
        return std::fflush(stdout) == 0 ? 0 : 1;
    }
    std::string error;
    if (!write_whole(args.output, content, error)) {
        std::fprintf(stderr, "tarikh export: cannot write %s: %s\n", args.output.c_str(), error.c_str());
        return 1;
    }
    std::fprintf(stderr, "tarikh export: %zu events written to %s (%s)\n", count, args.output.c_str(), args.format.c_str());
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
    cmd->callback([args, &exit_code] { exit_code = run_export(*args); });
}

}  // namespace

TARIKH_CLI_COMMAND(60, setup_export);

}  // namespace tarikh::cli
