// `tarikh-bench parse FILE…`: MB/s of the whole tagger (normalize, tokenize,
// grammar, resolve) on real news, one article at a time as ingest does.
#include "bench/bench.h"
#include "tarikh/parser.h"

#include <benchmark/benchmark.h>

#include <cstdio>
#include <fstream>
#include <iterator>
#include <memory>

namespace tarikh::bench {
namespace {

struct Corpus {
    std::string name;
    std::string text;
    std::vector<std::string_view> articles;  // separated by blank lines
};

std::vector<std::string_view> split_articles(std::string_view text) {
    std::vector<std::string_view> out;
    size_t start = 0;
    while (start < text.size()) {
        size_t end = text.find("\n\n", start);
        if (end == std::string_view::npos) end = text.size();
        if (end > start) out.push_back(text.substr(start, end - start));
        start = end + 2;
    }
    return out;
}

bool setup_parse(const std::vector<std::string>& files) {
    if (files.empty()) {
        std::fprintf(stderr, "tarikh-bench parse: give one or more text files\n");
        return false;
    }
    static const Parser parser;
    for (const std::string& f : files) {
        std::ifstream in(f, std::ios::binary);
        if (!in) {
            std::fprintf(stderr, "tarikh-bench parse: cannot read %s\n", f.c_str());
            return false;
        }
        auto corpus = std::make_shared<Corpus>();
        corpus->name = f.substr(f.find_last_of('/') + 1);
        corpus->text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
        corpus->articles = split_articles(corpus->text);
        benchmark::RegisterBenchmark(("parse/" + corpus->name).c_str(), [corpus](benchmark::State& state) {
            size_t mentions = 0;
            for (auto _ : state) {
                for (std::string_view a : corpus->articles) {
                    ParseResult r = parser.parse(a);
                    mentions += r.mentions.size();
                }
            }
            state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * corpus->text.size()));
            state.counters["mentions/iter"] = static_cast<double>(mentions) / static_cast<double>(state.iterations());
            state.counters["articles"] = static_cast<double>(corpus->articles.size());
        })->Unit(benchmark::kMillisecond)->MinTime(2.0);
    }
    return true;
}

}  // namespace

TARIKH_BENCH_SUITE("parse", "FILE…  (MB/s of tarikh parse on real text, one core)", setup_parse);

}  // namespace tarikh::bench
