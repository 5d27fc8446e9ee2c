// Running the real `tarikh` binary as a user would, in a scratch folder:
// its exit code, what it printed and what it said on stderr.
#pragma once

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace tarikh::testing {

namespace fs = std::filesystem;

struct Outcome {
    int code;
    std::string out, err;
};

inline std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline std::vector<std::string> lines_of(const std::string& s) {
    std::vector<std::string> out;
    std::istringstream in(s);
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) out.push_back(line);
    return out;
}

class CliRun : public ::testing::Test {
protected:
    fs::path dir = fs::temp_directory_path() / ("tarikh-cli-" + std::to_string(::getpid()));
    void SetUp() override {
        fs::remove_all(dir);
        fs::create_directories(dir);
    }
    void TearDown() override { fs::remove_all(dir); }

    fs::path write(const std::string& name, const std::string& bytes) {
        fs::path p = dir / name;
        fs::create_directories(p.parent_path());
        std::ofstream(p, std::ios::binary) << bytes;
        return p;
    }
    Outcome run(const std::string& args) {
        std::string cmd = std::string(TARIKH_BINARY_DIR) + "/tarikh " + args + " </dev/null >" + (dir / "out").string() +
                          " 2>" + (dir / "err").string();
        int status = std::system(cmd.c_str());
        return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(dir / "out"), slurp(dir / "err")};
    }
};

}  // namespace tarikh::testing
