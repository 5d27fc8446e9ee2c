// Reading input files safely: only regular files (or standard input, "-"),
// never more than a limit, lines of bounded length, and text in UTF-8 (a
// UTF-16 file with a byte order mark is converted through ICU). A FIFO would
// block forever and /dev/zero never ends; a 3 GB file or one endless line
// would exhaust memory: each is refused with a message that says why.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace tarikh::io {

// What is wrong with an input, without its name (the caller adds it).
struct InputError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// "12.3 MB", "3.0 GB": sizes in messages.
std::string size_text(uint64_t bytes);

class InputFile {
public:
    // Opens `path` ("-" is standard input); throws InputError when it is not
    // a regular file (a directory, FIFO, device, socket) or cannot be opened.
    explicit InputFile(const std::filesystem::path& path);
    ~InputFile();
    InputFile(const InputFile&) = delete;
    InputFile& operator=(const InputFile&) = delete;

    // The size of a regular file; nullopt for standard input.
    std::optional<uint64_t> size() const { return size_; }

    // All of it, at most `max_bytes`; throws InputError beyond that or on a read error.
    std::string read_all(uint64_t max_bytes);

    // The next line without its '\n' (nor a '\r' before it); false at the
    // end. A line longer than `max_line` is skipped and `too_long` set; the
    // line after it is read normally. Throws InputError on a read error.
    bool next_line(std::string& line, uint64_t max_line, bool& too_long);

    uint64_t bytes_read() const { return consumed_; }

private:
    bool fill();  // reads more into the buffer; false at the end

    int fd_ = -1;
    bool owned_ = false;
    std::optional<uint64_t> size_;
    std::vector<char> buf_;
    size_t begin_ = 0, end_ = 0;
    bool eof_ = false;
    uint64_t consumed_ = 0;
};

// The text of a document from its bytes: UTF-8 as it is (spans point into
// it as given); UTF-16 with a byte order mark converted to UTF-8 (spans then
// count bytes of the converted text); UTF-32 refused (InputError).
std::string document_text(std::string bytes);

// Reads a whole document file: InputFile + read_all + document_text.
std::string read_document(const std::filesystem::path& path, uint64_t max_bytes);

}  // namespace tarikh::io
