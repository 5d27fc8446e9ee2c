// Subcommands of `tarikh` register themselves here, one file each, so adding a
// command touches no other file.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>

namespace tarikh::cli {

// Adds a subcommand to `app`. The callback it installs sets `exit_code`.
using CommandSetup = void (*)(CLI::App& app, int& exit_code);

// `order` places the command in `tarikh --help` (lower first).
bool register_command(int order, CommandSetup setup);

}  // namespace tarikh::cli

#define TARIKH_CLI_COMMAND(order, fn) \
    static const bool fn##_registered = ::tarikh::cli::register_command(order, fn)
