// A thin RAII layer over the SQLite C API: a connection, prepared statements
// and transactions. Every failure becomes a StoreError that names the file.
#pragma once

#include "tarikh/store.h"

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tarikh::store {

class Db;

class Statement {
public:
    Statement() = default;
    Statement(Db& db, std::string_view sql);
    ~Statement();
    Statement(Statement&& o) noexcept;
    Statement& operator=(Statement&& o) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    Statement& bind(int i, int64_t v);
    Statement& bind(int i, double v);
    Statement& bind(int i, std::string_view v);          // TEXT
    Statement& bind_blob(int i, std::string_view v);     // BLOB
    // Without a copy: `v` must stay alive until the statement is reset.
    Statement& bind_static(int i, std::string_view v);   // TEXT
    Statement& bind_static_blob(int i, std::string_view v);
    Statement& bind_null(int i);
    Statement& bind(int i, std::optional<int64_t> v) { return v ? bind(i, *v) : bind_null(i); }

    // Advances; true while a row is available. Throws on error.
    bool step();
    // Runs a statement that returns no rows, then resets it.
    void run();
    void reset();

    bool prepared() const { return stmt_ != nullptr; }
    bool is_null(int col) const;
    int64_t int64(int col) const;
    double real(int col) const;
    std::string_view text(int col) const;   // TEXT or BLOB bytes
    std::optional<int64_t> opt_int64(int col) const;

private:
    Db* db_ = nullptr;
    sqlite3_stmt* stmt_ = nullptr;
};

class Db {
public:
    // Opens `path` (or, when given, the file: URI `uri` for it: see
    // read_only_uri). A second connection that must wait for another
    // writer's lock waits as long as it takes, saying so on stderr every few
    // seconds, instead of failing ("database is locked").
    Db(const std::string& path, int flags, const std::string& uri = {});
    ~Db();
    Db(const Db&) = delete;
    Db& operator=(const Db&) = delete;

    void exec(std::string_view sql);
    int64_t changes() const;
    int64_t last_insert_rowid() const;
    sqlite3* handle() { return db_; }
    const std::string& path() const { return path_; }

    // Throws StoreError "<path>: <what>: <sqlite message>".
    [[noreturn]] void fail(std::string_view what, int rc) const;

    // How often a connection waiting for another writer says so.
    static constexpr double kBusyNoticeSeconds = 3;

private:
    static int on_busy(void* self, int attempts);

    sqlite3* db_ = nullptr;
    std::string path_;
    double waited_ = 0, told_ = 0;  // seconds spent waiting for a lock, and when it was last said
};

// A file: URI that opens `path` read-only (mode=ro). A WAL store needs its
// -shm file to be read; where the folder cannot be written and no writer
// left one (nor a WAL with changes in it), nothing can be changing the store
// and it is opened immutable=1, which needs none. A WAL with changes but no
// -shm cannot be read without write access: StoreError says so.
std::string read_only_uri(const std::string& path);

// PRAGMA quick_check: throws StoreError naming the store when it is damaged.
void check_integrity(Db& db);

// Rows inserted several to a statement ("INSERT … VALUES (?, …), (?, …)…"):
// stepping and resetting a statement cost more than inserting a small row,
// so a bulk write binds 32 rows at a time. Values are kept until their
// statement has run.
class RowInserter {
public:
    // `insert`: the statement up to VALUES, e.g. "INSERT OR IGNORE INTO t VALUES".
    RowInserter(Db& db, std::string insert, int columns);
    RowInserter& value(int64_t v);
    RowInserter& value(double v);
    RowInserter& value(std::optional<int64_t> v);
    RowInserter& text(std::string v);
    RowInserter& blob(std::string v);
    // Without a copy: `v` must stay alive until flush().
    RowInserter& text_view(std::string_view v);
    RowInserter& null();
    // Ends a row; runs the statement once enough rows are bound.
    void end_row();
    // Runs the rows still pending.
    void flush();

private:
    struct Value {
        enum Kind { Null, Int, Real, Text, Blob, View } kind = Null;
        int64_t i = 0;
        double r = 0;
        std::string s;
        std::string_view view;
    };
    static constexpr int kRowsPerStatement = 32;
    Statement& statement_for(int rows);
    void run(int rows);

    Db& db_;
    std::string insert_;
    int columns_;
    std::vector<Value> pending_;
    std::vector<Statement> by_rows_;  // [n]: the statement for n rows, prepared when first needed
};

// BEGIN IMMEDIATE … COMMIT; rolls back when left by an exception.
class Transaction {
public:
    explicit Transaction(Db& db);
    ~Transaction();
    void commit();

private:
    Db& db_;
    bool done_ = false;
};

// BEGIN … COMMIT around reads: one snapshot, and one lock taken instead of
// one per statement (that locking cost more than the reads themselves).
class ReadTransaction {
public:
    explicit ReadTransaction(Db& db);
    ~ReadTransaction();

private:
    Db& db_;
};

}  // namespace tarikh::store
