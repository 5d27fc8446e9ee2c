// `tarikh extract [--dct D] [-o FILE] [--explain] [PATH…|-]`: documents → event JSON
// Lines, with no store. A stateless map step: shards can be extracted
// anywhere and the results loaded with `tarikh load`.
#include "cli/command.h"
#include "cli/input_flags.h"
#include "io/output_file.h"

#include "tarikh/documents.h"
#include "tarikh/event_json.h"
#include "tarikh/ingest.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <memory>

namespace tarikh::cli {
namespace {

struct ExtractArgs {
    std::string dct;
    std::string output;
    std::vector<std::string> inputs;
    uint64_t max_bytes = kDefaultMaxDocumentBytes;
    bool explain = false;
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
    // -o FILE is written whole or not at all (io/output_file.h): a full disk
    // leaves FILE as it was, not cut in the middle of a line.
    std::unique_ptr<io::AtomicFile> file;
    const std::string out_name = args.output.empty() || args.output == "-" ? "standard output" : args.output;
    if (out_name != "standard output") {
        try {
            file = std::make_unique<io::AtomicFile>(args.output);
        } catch (const io::OutputError& e) {
            std::fprintf(stderr, "tarikh extract: %s: %s\n", args.output.c_str(), e.what());
            return 1;
        }
    }
    std::string write_error;
    DocumentReader reader(files, args.max_bytes);
    Parser parser;
    Extractor extractor(parser);
    constexpr size_t kBatch = 64;
    size_t documents = 0, events = 0;
    for (bool more = true; more && write_error.empty();) {
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
        std::vector<Extracted> extracted;
        if (args.explain) {  // one document after another, each with its reasons, on stderr
            for (const Document& d : batch) {
                std::string why;
                extracted.push_back({extractor.extract(d, &why), {}});
                std::fputs(why.c_str(), stderr);
            }
        } else {
            extracted = extract_parallel(batch, extractor);
        }
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
        try {
            if (file) {
                file->write(lines);
            } else if (std::fwrite(lines.data(), 1, lines.size(), stdout) != lines.size()) {
                write_error = std::strerror(errno);
            }
        } catch (const io::OutputError& e) {
            write_error = e.what();
        }
    }
    if (write_error.empty()) {
        try {
            if (file) file->commit();
            else if (std::fflush(stdout) != 0 || std::ferror(stdout)) write_error = std::strerror(errno);
        } catch (const io::OutputError& e) {
            write_error = e.what();
        }
    }
    if (!write_error.empty()) {
        // Stopped at the first failed write: what was read is not worth going on.
        std::fprintf(stderr, "tarikh extract: writing %s failed: %s%s\n", out_name.c_str(), write_error.c_str(),
                     file && file->replaces_whole() ? " (left as it was)" : "");
        return 1;
    }
    problems.insert(problems.begin(), reader.problems().begin(), reader.problems().end());
    std::fprintf(stderr, "tarikh extract: %zu events from %zu documents\n", events, documents);
    for (const auto& p : problems) std::fprintf(stderr, "  %s: %s\n", p.where.c_str(), p.message.c_str());
    return problems.empty() ? 0 : 1;
}

void setup_extract(CLI::App& app, int& exit_code) {
    auto args = std::make_shared<ExtractArgs>();
    CLI::App* cmd = app.add_subcommand("extract", "Extract events from documents and print them as JSON Lines (no store)");
    cmd->add_option("--dct", args->dct, "Creation date (YYYY-MM-DD) for documents that carry none");
    cmd->add_option("-o,--output", args->output, "Write to FILE instead of standard output");
    cmd->add_flag("--explain", args->explain,
                  "Print on stderr why each event has its participants: each country's role and rule, the groups, each date's pairs");
    cmd->add_option("paths", args->inputs, "Files and directories of .txt and .jsonl documents; - or nothing: JSON Lines on stdin");
    add_max_bytes_flag(cmd, args->max_bytes);
    cmd->callback([args, &exit_code] { exit_code = run_extract(*args); });
}

}  // namespace

TARIKH_CLI_COMMAND(30, setup_extract);

}  // namespace tarikh::cli
