// `tarikh`: the command line over the engine. Each subcommand lives in its own
// cmd_*.cpp and registers itself (command.h).
#include "cli/command.h"

#include <algorithm>
#include <cstdio>
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
    }
    return exit_code;
}
