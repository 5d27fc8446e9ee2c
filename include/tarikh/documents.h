// Reading documents (issue 3 §3): files and directories (recursive) of .txt
// and .jsonl, and JSON Lines on stdin ("-"). A .txt file is one document whose
// id is its path; a .jsonl line is {"id","text","date"?,"lang"?,"url"?}.
// A file that cannot be read or a line that is not a document is reported,
// with its name and line, and the rest is read on. Only regular files are
// read (a FIFO or /dev/zero is refused by name), a document larger than
// `max_bytes` is skipped with a message, and a UTF-16 file with a byte order
// mark is converted to UTF-8 (engine/io/input_file.h).
#pragma once

#include "tarikh/extract.h"

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace tarikh {

namespace io {
class InputFile;
}

// The largest document read unless `--max-bytes` says otherwise.
inline constexpr uint64_t kDefaultMaxDocumentBytes = uint64_t{256} << 20;

struct InputProblem {
    std::string where;    // "dir/a.txt", "news.jsonl:12", "-:3"
    std::string message;  // what is wrong
};

// Expands directories (recursively, .txt and .jsonl only, sorted) and keeps
// files named explicitly whatever their extension ("-" stays "-"). Paths that
// do not exist are reported in `problems`.
std::vector<std::filesystem::path> expand_inputs(const std::vector<std::string>& inputs,
                                                 std::vector<InputProblem>& problems);

// Reads documents one at a time from the expanded inputs.
class DocumentReader {
public:
    explicit DocumentReader(std::vector<std::filesystem::path> files, uint64_t max_bytes = kDefaultMaxDocumentBytes);
    ~DocumentReader();

    // The next document; nullopt at the end. Problems met on the way are
    // appended to problems() and skipped.
    std::optional<Document> next();

    const std::vector<InputProblem>& problems() const { return problems_; }
    // Of input consumed so far; readable from any thread (a progress bar).
    uint64_t bytes_read() const { return bytes_read_.load(std::memory_order_relaxed); }
    uint64_t total_bytes() const { return total_bytes_; }   // sizes of the regular files (0 for stdin)

private:
    bool open_next_file();
    std::optional<Document> next_jsonl_line();

    std::vector<std::filesystem::path> files_;
    uint64_t max_bytes_;
    size_t next_file_ = 0;
    std::unique_ptr<io::InputFile> jsonl_;  // the open JSON Lines file, if any
    std::string jsonl_name_;
    size_t line_no_ = 0;
    std::vector<InputProblem> problems_;
    std::atomic<uint64_t> bytes_read_{0};
    uint64_t total_bytes_ = 0;
};

// Reads one document from a JSON Lines line; throws std::runtime_error saying what is wrong.
Document document_from_json(std::string_view line);

// Reads a whole document file ("-": standard input); nullopt (and a problem
// naming it) when it cannot, is not a regular file or is over `max_bytes`.
std::optional<std::string> read_file(const std::filesystem::path& path, std::vector<InputProblem>& problems,
                                     uint64_t max_bytes = kDefaultMaxDocumentBytes);

}  // namespace tarikh
