#include "cli/progress.h"

#include <fmt/format.h>

#include <cstdio>
#include <unistd.h>

namespace tarikh::cli {

ProgressBar::ProgressBar() : enabled_(isatty(STDERR_FILENO) == 1) {}

void ProgressBar::update(uint64_t done, uint64_t total, const std::string& detail) {
    if (!enabled_) return;
    // At most ten redraws a second: a terminal is slower than a batch.
    const auto now = std::chrono::steady_clock::now();
    if (drawn_ && now - last_ < std::chrono::milliseconds(100) && done < total) return;
    last_ = now;
    drawn_ = true;
    constexpr int kWidth = 30;
    std::string line;
    if (total > 0) {
        const double f = std::min(1.0, double(done) / double(total));
        const int filled = static_cast<int>(f * kWidth);
        line = fmt::format("[{}{}] {:3.0f}% {}/{}  ", std::string(filled, '#'), std::string(kWidth - filled, '.'),
                           f * 100, human_bytes(done), human_bytes(total));
    } else {
        line = human_bytes(done) + "  ";
    }
    line += detail;
    std::fprintf(stderr, "\r\033[K%s", line.c_str());
    std::fflush(stderr);
}

void ProgressBar::finish() {
    if (enabled_ && drawn_) std::fprintf(stderr, "\r\033[K");
    drawn_ = false;
}

std::string human_bytes(uint64_t b) {
    if (b < 1024) return fmt::format("{} B", b);
    if (b < 1024 * 1024) return fmt::format("{:.1f} KB", b / 1024.0);
    if (b < uint64_t{1} << 30) return fmt::format("{:.1f} MB", b / 1048576.0);
    return fmt::format("{:.2f} GB", b / 1073741824.0);
}

}  // namespace tarikh::cli
