#include "io/output_file.h"

#include <fmt/format.h>

#include <cerrno>
#include <utility>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace tarikh::io {
namespace fs = std::filesystem;
namespace {

[[noreturn]] void fail(std::string_view what, int err) {
    throw OutputError(fmt::format("{}: {}", what, std::strerror(err)));
}

// The mode a plain fopen would give: 0666 less the umask (mkstemp makes 0600).
mode_t default_mode() {
    const mode_t mask = ::umask(0);
    ::umask(mask);
    return 0666 & ~mask;
}

}  // namespace

AtomicFile::AtomicFile(const fs::path& target) : target_(target) {
    struct stat st {};
    if (::stat(target.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
        if (S_ISDIR(st.st_mode)) throw OutputError("is a directory");
        direct_ = true;  // a device or FIFO: no file to replace
        out_ = std::fopen(target.c_str(), "wb");
        if (!out_) fail("cannot open", errno);
        return;
    }
    std::error_code ec;
    if (target.has_parent_path()) fs::create_directories(target.parent_path(), ec);
    std::string name = target.string() + ".XXXXXX";
    const int fd = ::mkstemp(name.data());
    if (fd < 0) fail("cannot create a file beside it", errno);
    temp_ = name;
    ::fchmod(fd, default_mode());
    out_ = ::fdopen(fd, "wb");
    if (!out_) {
        const int err = errno;
        ::close(fd);
        ::unlink(temp_.c_str());
        fail("cannot write", err);
    }
}

AtomicFile::~AtomicFile() {
    if (out_) std::fclose(out_);
    if (!temp_.empty()) ::unlink(temp_.c_str());
}

void AtomicFile::write(std::string_view bytes) {
    if (bytes.empty()) return;
    if (std::fwrite(bytes.data(), 1, bytes.size(), out_) != bytes.size()) fail("cannot write", errno);
}

void AtomicFile::commit() {
    std::FILE* f = std::exchange(out_, nullptr);
    if (std::fflush(f) != 0 || std::ferror(f)) {
        const int err = errno;
        std::fclose(f);
        fail("cannot write", err);
    }
    if (!direct_ && ::fsync(::fileno(f)) != 0) {
        const int err = errno;
        std::fclose(f);
        fail("cannot write", err);
    }
    if (std::fclose(f) != 0) fail("cannot write", errno);
    if (direct_) return;
    if (::rename(temp_.c_str(), target_.c_str()) != 0) fail("cannot rename into place", errno);
    temp_.clear();
}

void write_file_atomically(const fs::path& target, std::string_view content) {
    AtomicFile out(target);
    out.write(content);
    out.commit();
}

bool stdout_ok(std::string_view command) {
    errno = 0;
    if (std::fflush(stdout) == 0 && !std::ferror(stdout)) return true;
    const int err = errno;
    std::fprintf(stderr, "tarikh %.*s: writing standard output failed: %s\n", int(command.size()), command.data(),
                 err ? std::strerror(err) : "write error");
    return false;
}

}  // namespace tarikh::io
