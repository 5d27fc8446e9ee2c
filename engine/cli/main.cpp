// `tarikh`: the command line over the engine. Each subcommand lives in its own
// cmd_*.cpp and registers itself (command.h).
#include "cli/command.h"
#include "io/output_file.h"

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <exception>
#include <vector>

namespace tarikh::cli {
namespace {

struct Registered {
    int order;
    CommandSetup setup;
};

std::vector<Registered>& registry() {
    static std::vector<Registered> commands;
    return commands;
}

}  // namespace

bool register_command(int order, CommandSetup setup) {
    registry().push_back({order, setup});
    return true;
}

}  // namespace tarikh::cli

int main(int argc, char** argv) {
    using namespace tarikh::cli;
    // Past a file size limit (ulimit -f) a write fails with EFBIG and is
    // reported like a full disk, instead of the process being killed.
    std::signal(SIGXFSZ, SIG_IGN);
    CLI::App app{"tarikh: dates and events from Persian, Arabic and English news"};
    app.require_subcommand(1);
    int exit_code = 0;
    auto commands = registry();
    std::sort(commands.begin(), commands.end(),
              [](const Registered& a, const Registered& b) { return a.order < b.order; });
    for (const auto& c : commands) c.setup(app, exit_code);
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        // Usage errors (unknown flag, missing value) exit 2, as getopt tools do.
        std::fprintf(stderr, "tarikh: %s\n\n", e.what());
        const CLI::App* failed = &app;
        for (const CLI::App* sub : app.get_subcommands()) failed = sub;
        std::fputs(failed->help().c_str(), stderr);
        return 2;
    } catch (const std::exception& e) {
        // A write to a full disk (fmt throws std::system_error), memory
        // exhausted: said, never an abort. What was stored is kept.
        std::fflush(stdout);
        const auto used = app.get_subcommands();
        std::fprintf(stderr, "tarikh %s: %s\n", used.empty() ? "" : used.front()->get_name().c_str(), e.what());
        return 1;
    }
    // Output buffered until now may still fail (a full disk, a closed pipe's
    // reader gone): an exit code 0 must mean everything was written.
    const auto used = app.get_subcommands();
    if (exit_code == 0 && !tarikh::io::stdout_ok(used.empty() ? "" : used.front()->get_name())) return 1;
    return exit_code;
}
