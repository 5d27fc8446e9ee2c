// `tarikh-bench SUITE ARGS… [--benchmark_* flags]`: each suite (parse, ingest,
// load, query…) lives in its own bench_*.cpp and registers Google Benchmark
// cases for its arguments.
#pragma once

#include <string>
#include <vector>

namespace tarikh::bench {

// Registers the suite's benchmarks for `args` (the words after the suite's
// name that are not --benchmark_ flags). Returns false, after printing why,
// when the arguments are unusable.
using SuiteSetup = bool (*)(const std::vector<std::string>& args);

bool register_suite(const char* name, const char* usage, SuiteSetup setup);

}  // namespace tarikh::bench

#define TARIKH_BENCH_SUITE(name, usage, fn) \
    static const bool fn##_registered = ::tarikh::bench::register_suite(name, usage, fn)
