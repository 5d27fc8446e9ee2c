// Entry point of tarikh-bench: picks the suite named by the first argument,
// lets it register Google Benchmark cases, and runs them.
#include "bench/bench.h"

#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstring>
#include <map>
#include <string>

namespace tarikh::bench {
namespace {

struct Suite {
    const char* usage;
    SuiteSetup setup;
};

std::map<std::string, Suite>& suites() {
    static std::map<std::string, Suite> all;
    return all;
}

int usage() {
    std::fprintf(stderr, "usage: tarikh-bench SUITE ARGS… [--benchmark_* flags]\nsuites:\n");
    for (const auto& [name, s] : suites()) std::fprintf(stderr, "  %s %s\n", name.c_str(), s.usage);
    return 2;
}

}  // namespace

bool register_suite(const char* name, const char* usage, SuiteSetup setup) {
    suites()[name] = {usage, setup};
    return true;
}

}  // namespace tarikh::bench

int main(int argc, char** argv) {
    using namespace tarikh::bench;
    if (argc < 2 || !suites().count(argv[1])) return usage();
    const Suite& suite = suites()[argv[1]];
    std::vector<std::string> args;
    std::vector<char*> bench_argv{argv[0]};
    for (int i = 2; i < argc; ++i) {
        if (std::strncmp(argv[i], "--benchmark_", 12) == 0)
            bench_argv.push_back(argv[i]);
        else
            args.emplace_back(argv[i]);
    }
    if (!suite.setup(args)) return 2;
    int bench_argc = static_cast<int>(bench_argv.size());
    benchmark::Initialize(&bench_argc, bench_argv.data());
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
