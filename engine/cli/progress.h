// A one-line progress bar on stderr, drawn only when stderr is a terminal
// (a log file or a pipe gets the summary alone).
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace tarikh::cli {

class ProgressBar {
public:
    ProgressBar();  // enabled when stderr is a terminal
    // `done` of `total` bytes (total 0: unknown, no bar, just the detail).
    void update(uint64_t done, uint64_t total, const std::string& detail);
    void finish();  // clears the line
    bool enabled() const { return enabled_; }

private:
    bool enabled_;
    std::chrono::steady_clock::time_point last_;
    bool drawn_ = false;
};

std::string human_bytes(uint64_t bytes);

}  // namespace tarikh::cli
