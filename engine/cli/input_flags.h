// The input limit shared by the commands that read documents.
#pragma once

#include <CLI/CLI.hpp>

#include <cstdint>

namespace tarikh::cli {

// --max-bytes N (1048576, 64M, 2G): a larger document (a .txt file, a JSON
// Lines line, standard input) is skipped with a message naming it.
void add_max_bytes_flag(CLI::App* cmd, uint64_t& max_bytes);

}  // namespace tarikh::cli
