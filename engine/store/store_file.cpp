#include "store/store_file.h"

#include <fmt/format.h>

#include <array>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <system_error>

namespace tarikh::store {
namespace {

// Offsets in the 100-byte SQLite database header (sqlite.org/fileformat.html).
constexpr size_t kHeaderSize = 100;
constexpr size_t kPageSizeAt = 16;
constexpr size_t kChangeCounterAt = 24;
constexpr size_t kPageCountAt = 28;
constexpr size_t kUserVersionAt = 60;
constexpr size_t kApplicationIdAt = 68;
constexpr size_t kVersionValidForAt = 92;
constexpr char kMagic[] = "SQLite format 3";  // 16 bytes with its NUL

uint32_t be32(const std::array<unsigned char, kHeaderSize>& h, size_t at) {
    return uint32_t(h[at]) << 24 | uint32_t(h[at + 1]) << 16 | uint32_t(h[at + 2]) << 8 | h[at + 3];
}

}  // namespace

FileVerdict inspect_store_file(const std::filesystem::path& path) {
    std::error_code ec;
    auto status = std::filesystem::status(path, ec);
    if (ec || !std::filesystem::exists(status)) return {FileKind::Missing, {}};
    if (std::filesystem::is_directory(status)) return {FileKind::Problem, "is a directory"};
    const uintmax_t size = std::filesystem::file_size(path, ec);
    if (ec) return {FileKind::Problem, "cannot read: " + ec.message()};
    if (size == 0) return {FileKind::Empty, {}};

    std::ifstream in(path, std::ios::binary);
    std::array<unsigned char, kHeaderSize> h{};
    if (!in) return {FileKind::Problem, "cannot read it"};
    in.read(reinterpret_cast<char*>(h.data()), kHeaderSize);
    if (static_cast<size_t>(in.gcount()) < kHeaderSize || std::memcmp(h.data(), kMagic, sizeof kMagic) != 0)
        return {FileKind::Problem, "not a tarikh store (not an SQLite database)"};

    uint32_t page_size = uint32_t(h[kPageSizeAt]) << 8 | h[kPageSizeAt + 1];
    if (page_size == 1) page_size = 65536;
    if (page_size < 512 || (page_size & (page_size - 1)) != 0)
        return {FileKind::Problem, "damaged SQLite header (page size)"};
    // The page count is trustworthy only when written by a recent SQLite,
    // which marks it valid by copying the change counter.
    const uint32_t pages = be32(h, kPageCountAt);
    const bool pages_valid = be32(h, kVersionValidForAt) == be32(h, kChangeCounterAt) && pages != 0;
    // A checkpoint copies the WAL into the file page by page, page 1 (and its
    // new page count) first: a writer killed during one leaves a file shorter
    // than its header says, which SQLite completes from the WAL on open. Only
    // without a WAL is a short file a truncated one.
    const uintmax_t wal = std::filesystem::file_size(path.string() + "-wal", ec);
    const bool checkpoint_pending = !ec && wal > 0;
    if (pages_valid && uintmax_t(pages) * page_size > size && !checkpoint_pending)
        return {FileKind::Problem,
                fmt::format("truncated: the header says {} bytes, the file has {}", uintmax_t(pages) * page_size, size)};
    if (size % page_size != 0) return {FileKind::Problem, "damaged: not a whole number of pages"};

    const uint32_t app = be32(h, kApplicationIdAt);
    if (app != kApplicationId) {
        // One page is the schema table alone: an SQLite database with no
        // tables, such as one whose creation was interrupted. Nothing to lose.
        if (app == 0 && pages_valid && pages == 1) return {FileKind::Empty, {}};
        return {FileKind::Problem, "not a tarikh store (an SQLite database of another application)"};
    }
    const uint32_t version = be32(h, kUserVersionAt);
    if (version > kSchemaVersion)
        return {FileKind::Problem,
                fmt::format("made by a newer tarikh (store schema {}, this build reads up to {})", version, kSchemaVersion)};
    if (version == 0) return {FileKind::Problem, "damaged tarikh store (no schema version)"};
    return {FileKind::TarikhStore, {}};
}

}  // namespace tarikh::store
