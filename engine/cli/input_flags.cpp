#include "cli/input_flags.h"

namespace tarikh::cli {

void add_max_bytes_flag(CLI::App* cmd, uint64_t& max_bytes) {
    cmd->add_option("--max-bytes", max_bytes, "Skip (and name) any document larger than this (e.g. 64M, 2G)")
        ->transform(CLI::AsSizeValue(false))
        ->check(CLI::Range(uint64_t{1}, uint64_t{UINT32_MAX}))  // spans count bytes in 32 bits
        ->capture_default_str();
}

}  // namespace tarikh::cli
