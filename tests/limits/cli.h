// Runs the real `tarikh` binary as a user would, in a scratch directory of
// its own, under `timeout` so that a hang fails its test instead of the run.
// The timeout is a guard against hangs, never a speed measurement (a machine
// running many tests on few cores is slow by any amount): that a path is
// linear is checked by counting its work (ParseLimits.DatelineSearch…,
// StoreLimits), its speed by tarikh-bench.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

namespace tarikh::testing {

struct Outcome {
    int code = -1;  // the exit code; 124 when the guard stopped it
    std::string out, err;
};

class CliDir {
public:
    CliDir() {
        static int n = 0;
        dir_ = std::filesystem::temp_directory_path() /
               ("tarikh-limits-" + std::to_string(::getpid()) + "-" + std::to_string(n++));
        std::filesystem::remove_all(dir_);
        std::filesystem::create_directories(dir_);
    }
    ~CliDir() {
        std::error_code ec;
        std::filesystem::permissions(dir_, std::filesystem::perms::owner_all, ec);
        std::filesystem::remove_all(dir_, ec);
    }
    CliDir(const CliDir&) = delete;
    CliDir& operator=(const CliDir&) = delete;

    std::filesystem::path operator/(const std::string& name) const { return dir_ / name; }
    const std::filesystem::path& path() const { return dir_; }

    std::filesystem::path write(const std::string& name, const std::string& bytes) const {
        std::filesystem::path p = dir_ / name;
        std::ofstream(p, std::ios::binary) << bytes;
        return p;
    }
    static std::string read(const std::filesystem::path& p) {
        std::ifstream in(p, std::ios::binary);
        return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    }

    // `tarikh ARGS` in this directory. `redirect` replaces the default
    // stdout file (e.g. ">/dev/full"); stdin is /dev/null unless given.
    Outcome run(const std::string& args, int guard_seconds = 120, const std::string& stdout_to = "",
                const std::string& stdin_from = "/dev/null") const {
        const std::string out = (dir_ / ".out").string(), err = (dir_ / ".err").string();
        const std::string cmd = "cd '" + dir_.string() + "' && timeout -k 5 " + std::to_string(guard_seconds) + " " +
                                std::string(TARIKH_BINARY_DIR) + "/tarikh " + args + " <" + stdin_from + " >" +
                                (stdout_to.empty() ? out : stdout_to) + " 2>" + err;
        const int status = std::system(cmd.c_str());
        Outcome r;
        r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        r.out = stdout_to.empty() ? read(out) : "";
        r.err = read(err);
        return r;
    }

private:
    std::filesystem::path dir_;
};

}  // namespace tarikh::testing
