// `tarikh extract [--dct D] [-o FILE] [PATH…|-]`: documents → event JSON
// Lines, with no store. A stateless map step: shards can be extracted
// anywhere and the results loaded with `tarikh load`.
#include "cli/command.h"
#include "cli/input_flags.h"

#include "tarikh/documents.h"
#include "tarikh/event_json.h"
#include "tarikh/ingest.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>

namespace tarikh::cli {
namespace {

struct ExtractArgs {
    std::string dct;
    std::string output;
    std::vector<std::string> inputs;
    uint64_t max_bytes = kDefaultMaxDocumentBytes;
};

int run_extract(const ExtractArgs& args) {
    std::optional<Day> dct;
    if (!args.dct.empty()) {
        dct = parse_iso(args.dct);
        if (!dct) {
            std::fprintf(stderr, "tarikh extract: --dct \"%s\" is not a date (YYYY-MM-DD)\n", args.dct.c_str());
            return 2;
        }
    }
    std::vector<InputProblem> problems;
    const auto files = expand_inputs(args.inputs.empty() ? std::vector<std::string>{"-"} : args.inputs, problems);
    std::FILE* out = stdout;
    if (!args.output.empty() && args.output != "-") {
        out = std::fopen(args.output.c_str(), "wb");
        if (!out) {
            std::fprintf(stderr, "tarikh extract: cannot write %s: %s\n", args.output.c_str(), std::strerror(errno));
            return 1;
        }
    }
    DocumentReader reader(files, args.max_bytes);
    Parser parser;
    Extractor extractor(parser);
    constexpr size_t kBatch = 64;
    size_t documents = 0, events = 0;
    for (bool more = true; more;) {
        std::vector<Document> batch;
        while (batch.size() < kBatch) {
            auto d = reader.next();
            if (!d) {
                more = false;
                break;
            }
            if (!d->date) d->date = dct;
            batch.push_back(std::move(*d));
        }
        auto extracted = extract_parallel(batch, extractor);
        std::string lines;
        for (size_t i = 0; i < batch.size(); ++i) {
            if (!extracted[i].error.empty()) {
                problems.push_back({batch[i].id, "extraction failed: " + extracted[i].error});
                continue;
            }
            ++documents;
            for (const auto& e : extracted[i].events) {
                lines += event_to_json(e);
                lines += '\n';
                ++events;
            }
        }
        std::fwrite(lines.data(), 1, lines.size(), out);
    }
    const bool write_failed = std::fflush(out) != 0 || std::ferror(out);
    if (out != stdout) std::fclose(out);
    problems.insert(problems.begin(), reader.problems().begin(), reader.problems().end());
    std::fprintf(stderr, "tarikh extract: %zu events from %zu documents\n", events, documents);
    for (const auto& p : problems) std::fprintf(stderr, "  %s: %s\n", p.where.c_str(), p.message.c_str());
    if (write_failed) {
        std::fprintf(stderr, "tarikh extract: writing %s failed\n", args.output.empty() ? "stdout" : args.output.c_str());
        return 1;
    }
    return problems.empty() ? 0 : 1;
}

void setup_extract(CLI::App& app, int& exit_code) {
    auto args = std::make_shared<ExtractArgs>();
    CLI::App* cmd = app.add_subcommand("extract", "Extract events from documents and print them as JSON Lines (no store)");
    cmd->add_option("--dct", args->dct, "Creation date (YYYY-MM-DD) for documents that carry none");
    cmd->add_option("-o,--output", args->output, "Write to FILE instead of standard output");
    cmd->add_option("paths", args->inputs, "Files and directories of .txt and .jsonl documents; - or nothing: JSON Lines on stdin");
    add_max_bytes_flag(cmd, args->max_bytes);
    cmd->callback([args, &exit_code] { exit_code = run_extract(*args); });
}

}  // namespace

TARIKH_CLI_COMMAND(30, setup_extract);

}  // namespace tarikh::cli
