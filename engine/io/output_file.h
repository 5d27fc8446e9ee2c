// Writing an output file whole or not at all. The bytes go to a new file
// beside the target, made with mkstemp (O_CREAT|O_EXCL, a random name: a
// file or symlink planted there by someone else is never opened, let alone
// followed), are flushed and fsynced, and only then renamed over the target.
// A full disk, a quota or a kill leaves the target as it was. A target that
// exists and is not a regular file (/dev/stdout, a FIFO) is written directly.
#pragma once

#include <cstdio>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>

namespace tarikh::io {

// What went wrong while writing, without the target's name.
struct OutputError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class AtomicFile {
public:
    // Creates the temporary file (and the target's folder); throws OutputError.
    explicit AtomicFile(const std::filesystem::path& target);
    // Without commit(), removes the temporary file.
    ~AtomicFile();
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    // Throws OutputError when the bytes cannot all be written.
    void write(std::string_view bytes);
    // Flushes, fsyncs, closes and renames into place; throws OutputError.
    void commit();
    // False when writing straight to a device or FIFO: a failure may have reached it.
    bool replaces_whole() const { return !direct_; }

private:
    std::filesystem::path target_, temp_;
    std::FILE* out_ = nullptr;
    bool direct_ = false;  // writing the target itself (not a regular file)
};

// Writes `content` to `target` with an AtomicFile.
void write_file_atomically(const std::filesystem::path& target, std::string_view content);

// Whether standard output took everything written to it: flushes it and
// checks its error flag. On failure prints "tarikh COMMAND: writing standard
// output failed: REASON" and returns false.
bool stdout_ok(std::string_view command);

}  // namespace tarikh::io
