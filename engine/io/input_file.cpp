#include "io/input_file.h"

#include <fmt/format.h>
#include <unicode/ucnv.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace tarikh::io {
namespace {

std::string kind_of(mode_t mode) {
    if (S_ISDIR(mode)) return "a directory";
    if (S_ISFIFO(mode)) return "a FIFO (named pipe)";
    if (S_ISCHR(mode)) return "a character device";
    if (S_ISBLK(mode)) return "a block device";
    if (S_ISSOCK(mode)) return "a socket";
    return "not a regular file";
}

constexpr size_t kChunk = 1 << 16;

}  // namespace

std::string size_text(uint64_t bytes) {
    if (bytes < 1024) return fmt::format("{} bytes", bytes);
    if (bytes < (uint64_t{1} << 20)) return fmt::format("{:.1f} KB", double(bytes) / 1024);
    if (bytes < (uint64_t{1} << 30)) return fmt::format("{:.1f} MB", double(bytes) / (1 << 20));
    return fmt::format("{:.1f} GB", double(bytes) / (1 << 30));
}

InputFile::InputFile(const std::filesystem::path& path) {
    if (path == "-") {
        fd_ = STDIN_FILENO;
        return;
    }
    // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a
    // writer before we could even look at what it is.
    fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
    if (fd_ < 0) throw InputError(fmt::format("cannot read: {}", std::strerror(errno)));
    owned_ = true;
    struct stat st {};
    if (::fstat(fd_, &st) != 0) {
        const int err = errno;
        ::close(fd_);
        throw InputError(fmt::format("cannot read: {}", std::strerror(err)));
    }
    if (!S_ISREG(st.st_mode)) {
        ::close(fd_);
        throw InputError(fmt::format("{}, not read (only regular files are)", kind_of(st.st_mode)));
    }
    size_ = static_cast<uint64_t>(st.st_size);
}

InputFile::~InputFile() {
    if (owned_) ::close(fd_);
}

bool InputFile::fill() {
    if (eof_) return false;
    if (begin_ > 0 && begin_ == end_) begin_ = end_ = 0;
    if (buf_.size() < end_ + kChunk) buf_.resize(end_ + kChunk);
    for (;;) {
        const ssize_t n = ::read(fd_, buf_.data() + end_, kChunk);
        if (n > 0) {
            end_ += static_cast<size_t>(n);
            return true;
        }
        if (n == 0) {
            eof_ = true;
            return false;
        }
        if (errno == EINTR) continue;
        throw InputError(fmt::format("read error: {}", std::strerror(errno)));
    }
}

std::string InputFile::read_all(uint64_t max_bytes) {
    if (size_ && *size_ > max_bytes)
        throw InputError(fmt::format("skipped: {} is over --max-bytes ({})", size_text(*size_), size_text(max_bytes)));
    std::string out;
    if (size_) out.reserve(static_cast<size_t>(*size_));
    while (fill()) {
        out.append(buf_.data() + begin_, end_ - begin_);
        consumed_ += end_ - begin_;
        begin_ = end_ = 0;
        if (out.size() > max_bytes)
            throw InputError(fmt::format("skipped: more than --max-bytes ({})", size_text(max_bytes)));
    }
    return out;
}

bool InputFile::next_line(std::string& line, uint64_t max_line, bool& too_long) {
    line.clear();
    too_long = false;
    for (;;) {
        const char* from = buf_.data() + begin_;
        const void* nl = begin_ < end_ ? std::memchr(from, '\n', end_ - begin_) : nullptr;
        const size_t take = nl ? static_cast<size_t>(static_cast<const char*>(nl) - from) : end_ - begin_;
        if (!too_long) {
            if (line.size() + take > max_line) {
                too_long = true;  // drop what was gathered; skip to the line's end
                line.clear();
                line.shrink_to_fit();
            } else {
                line.append(from, take);
            }
        }
        consumed_ += take + (nl ? 1 : 0);
        begin_ += take + (nl ? 1 : 0);
        if (nl) break;
        if (!fill()) {
            if (line.empty() && !too_long) return false;
            break;
        }
    }
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return true;
}

std::string document_text(std::string bytes) {
    auto starts = [&](std::string_view bom) { return bytes.compare(0, bom.size(), bom) == 0; };
    if (starts(std::string_view("\xFF\xFE\0\0", 4)) || starts(std::string_view("\0\0\xFE\xFF", 4)))
        throw InputError("UTF-32 text is not read: convert it to UTF-8");
    const char* from = starts("\xFF\xFE") ? "UTF-16LE" : starts("\xFE\xFF") ? "UTF-16BE" : nullptr;
    if (!from) return bytes;
    // ICU turns each unpaired surrogate into U+FFFD.
    UErrorCode status = U_ZERO_ERROR;
    const char* src = bytes.data() + 2;
    if (bytes.size() > INT32_MAX / 2) throw InputError("UTF-16 text over 1 GB is not converted: convert it to UTF-8");
    const auto src_len = static_cast<int32_t>(bytes.size() - 2);
    std::string out(static_cast<size_t>(src_len) / 2 * 3 + 16, '\0');
    const int32_t n = ucnv_convert("UTF-8", from, out.data(), static_cast<int32_t>(out.size()), src, src_len, &status);
    if (U_FAILURE(status)) throw InputError(fmt::format("cannot convert from {}: {}", from, u_errorName(status)));
    out.resize(static_cast<size_t>(n));
    return out;
}

std::string read_document(const std::filesystem::path& path, uint64_t max_bytes) {
    InputFile in(path);
    return document_text(in.read_all(max_bytes));
}

}  // namespace tarikh::io
