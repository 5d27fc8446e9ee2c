// What a file on disk is, judged from its first bytes before SQLite opens it:
// opening a foreign file could change it (journal mode, schema), so a --db that
// is not a tarikh store must be refused on this evidence alone.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

namespace tarikh::store {

// The SQLite header's application_id ("TRKH") and user_version of this schema.
inline constexpr uint32_t kApplicationId = 0x54524B48;
inline constexpr uint32_t kSchemaVersion = 5;  // 2: dedup keys on shelves; 3: participants per pair; 4: counts;
                                               // 5: each document's events

// A store up to this size is read whole by PRAGMA quick_check before a
// session writes to it (about 0.1 s here); a bigger one page by page as the
// session reaches its pages (sqlite_store.cpp).
inline constexpr uintmax_t kWholeCheckBytes = uintmax_t{64} << 20;

enum class FileKind {
    Missing,        // no such file
    Empty,          // zero bytes, or an SQLite database with no tables yet
    TarikhStore,    // our application_id, a schema we can read
    Problem,        // anything else; `problem` says what
};

struct FileVerdict {
    FileKind kind = FileKind::Missing;
    std::string problem;  // e.g. "not an SQLite database", "an SQLite database of another application"
};

FileVerdict inspect_store_file(const std::filesystem::path& path);

}  // namespace tarikh::store
