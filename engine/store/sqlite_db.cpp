#include "store/sqlite_db.h"

#include <fmt/format.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <thread>
#include <unistd.h>
#include <utility>

namespace tarikh::store {

Db::Db(const std::string& path, int flags, const std::string& uri) : path_(path) {
    if (!uri.empty()) flags |= SQLITE_OPEN_URI;
    int rc = sqlite3_open_v2(uri.empty() ? path.c_str() : uri.c_str(), &db_, flags, nullptr);
    if (rc != SQLITE_OK) {
        std::string msg = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
        sqlite3_close(db_);
        db_ = nullptr;
        throw StoreError(fmt::format("{}: cannot open: {}", path_, msg));
    }
    sqlite3_extended_result_codes(db_, 1);
    sqlite3_busy_handler(db_, &Db::on_busy, this);
}

int Db::on_busy(void* self, int attempts) {
    auto* db = static_cast<Db*>(self);
    if (attempts == 0) db->waited_ = db->told_ = 0;
    // Short sleeps first (most waits are a batch's commit), then 100 ms.
    const double step = attempts < 10 ? 0.01 : 0.1;
    std::this_thread::sleep_for(std::chrono::duration<double>(step));
    db->waited_ += step;
    if (db->waited_ - db->told_ >= kBusyNoticeSeconds) {
        db->told_ = db->waited_;
        std::fprintf(stderr, "tarikh: %s is being written by another process; waiting for it (%.0f s)\n",
                     db->path_.c_str(), db->waited_);
    }
    return 1;  // wait on: the other writer's batch ends, or the user stops this one
}

std::string read_only_uri(const std::string& path) {
    namespace fs = std::filesystem;
    const std::string abs = fs::absolute(path).lexically_normal().string();
    std::string uri = "file:";
    for (unsigned char c : abs) {
        if (c == '%' || c == '?' || c == '#' || c <= ' ' || c >= 0x7F) uri += fmt::format("%{:02X}", c);
        else uri += static_cast<char>(c);
    }
    uri += "?mode=ro";
    const fs::path dir = fs::path(abs).parent_path();
    if (::access(dir.c_str(), W_OK) == 0) return uri;
    std::error_code ec;
    const bool shm = fs::exists(abs + "-shm", ec);
    const auto wal = fs::file_size(abs + "-wal", ec);
    const bool wal_changes = !ec && wal > 0;
    if (!shm && !wal_changes) return uri + "&immutable=1";
    if (!shm)
        throw StoreError(fmt::format("{}: its latest changes are in {}-wal, which cannot be read without write access "
                                     "to its folder; open it once as a user who can write there",
                                     path, path));
    return uri;
}

void check_integrity(Db& db) {
    Statement check(db, "PRAGMA quick_check(1)");
    if (!check.step() || check.text(0) == "ok") return;
    std::string what(check.text(0));
    if (const std::string head = "*** in database main ***\n"; what.rfind(head, 0) == 0) what.erase(0, head.size());
    for (char& c : what)
        if (c == '\n') c = ' ';
    throw StoreError(fmt::format("{}: the store is damaged ({}); nothing was written. Restore a copy, or build it "
                                 "again from the documents",
                                 db.path(), what));
}

Db::~Db() { sqlite3_close_v2(db_); }

void Db::fail(std::string_view what, int rc) const {
    std::string msg = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
    int primary = rc & 0xFF;
    if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB)
        throw StoreError(fmt::format("{}: the store is damaged ({}: {})", path_, what, msg));
    throw StoreError(fmt::format("{}: {}: {}", path_, what, msg));
}

void Db::exec(std::string_view sql) {
    std::string s(sql);
    char* err = nullptr;
    int rc = sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
        sqlite3_free(err);
        fail(s.substr(0, 60), rc);
    }
}

int64_t Db::changes() const { return sqlite3_changes64(db_); }
int64_t Db::last_insert_rowid() const { return sqlite3_last_insert_rowid(db_); }

Statement::Statement(Db& db, std::string_view sql) : db_(&db) {
    int rc = sqlite3_prepare_v3(db.handle(), sql.data(), static_cast<int>(sql.size()),
                                SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr);
    if (rc != SQLITE_OK) db.fail(fmt::format("preparing `{}`", sql.substr(0, 60)), rc);
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement::Statement(Statement&& o) noexcept
    : db_(std::exchange(o.db_, nullptr)), stmt_(std::exchange(o.stmt_, nullptr)) {}

Statement& Statement::operator=(Statement&& o) noexcept {
    if (this != &o) {
        sqlite3_finalize(stmt_);
        db_ = std::exchange(o.db_, nullptr);
        stmt_ = std::exchange(o.stmt_, nullptr);
    }
    return *this;
}

Statement& Statement::bind(int i, int64_t v) {
    if (int rc = sqlite3_bind_int64(stmt_, i, v); rc != SQLITE_OK) db_->fail("bind", rc);
    return *this;
}
Statement& Statement::bind(int i, double v) {
    if (int rc = sqlite3_bind_double(stmt_, i, v); rc != SQLITE_OK) db_->fail("bind", rc);
    return *this;
}
Statement& Statement::bind(int i, std::string_view v) {
    int rc = sqlite3_bind_text64(stmt_, i, v.data(), v.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
    if (rc != SQLITE_OK) db_->fail("bind", rc);
    return *this;
}
Statement& Statement::bind_blob(int i, std::string_view v) {
    int rc = sqlite3_bind_blob64(stmt_, i, v.data(), v.size(), SQLITE_TRANSIENT);
    if (rc != SQLITE_OK) db_->fail("bind", rc);
    return *this;
}
Statement& Statement::bind_static(int i, std::string_view v) {
    int rc = sqlite3_bind_text64(stmt_, i, v.data(), v.size(), SQLITE_STATIC, SQLITE_UTF8);
    if (rc != SQLITE_OK) db_->fail("bind", rc);
    return *this;
}
Statement& Statement::bind_static_blob(int i, std::string_view v) {
    int rc = sqlite3_bind_blob64(stmt_, i, v.data(), v.size(), SQLITE_STATIC);
    if (rc != SQLITE_OK) db_->fail("bind", rc);
    return *this;
}
Statement& Statement::bind_null(int i) {
    if (int rc = sqlite3_bind_null(stmt_, i); rc != SQLITE_OK) db_->fail("bind", rc);
    return *this;
}

bool Statement::step() {
    int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    sqlite3_reset(stmt_);
    db_->fail("query", rc);
}

void Statement::run() {
    while (step()) {
    }
    reset();
}

void Statement::reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

bool Statement::is_null(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
int64_t Statement::int64(int col) const { return sqlite3_column_int64(stmt_, col); }
double Statement::real(int col) const { return sqlite3_column_double(stmt_, col); }
std::string_view Statement::text(int col) const {
    const void* p = sqlite3_column_blob(stmt_, col);
    int n = sqlite3_column_bytes(stmt_, col);
    return p ? std::string_view(static_cast<const char*>(p), static_cast<size_t>(n)) : std::string_view();
}
std::optional<int64_t> Statement::opt_int64(int col) const {
    if (is_null(col)) return std::nullopt;
    return int64(col);
}

Transaction::Transaction(Db& db) : db_(db) { db_.exec("BEGIN IMMEDIATE"); }

Transaction::~Transaction() {
    if (!done_) sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void Transaction::commit() {
    db_.exec("COMMIT");
    done_ = true;
}

ReadTransaction::ReadTransaction(Db& db) : db_(db) { db_.exec("BEGIN"); }

ReadTransaction::~ReadTransaction() { sqlite3_exec(db_.handle(), "COMMIT", nullptr, nullptr, nullptr); }

RowInserter::RowInserter(Db& db, std::string insert, int columns)
    : db_(db), insert_(std::move(insert)), columns_(columns), by_rows_(kRowsPerStatement + 1) {}

RowInserter& RowInserter::value(int64_t v) {
    pending_.push_back({Value::Int, v, 0, {}, {}});
    return *this;
}

RowInserter& RowInserter::value(double v) {
    pending_.push_back({Value::Real, 0, v, {}, {}});
    return *this;
}

RowInserter& RowInserter::value(std::optional<int64_t> v) { return v ? value(*v) : null(); }

RowInserter& RowInserter::text(std::string v) {
    pending_.push_back({Value::Text, 0, 0, std::move(v), {}});
    return *this;
}

RowInserter& RowInserter::blob(std::string v) {
    pending_.push_back({Value::Blob, 0, 0, std::move(v), {}});
    return *this;
}

RowInserter& RowInserter::text_view(std::string_view v) {
    pending_.push_back({Value::View, 0, 0, {}, v});
    return *this;
}

RowInserter& RowInserter::null() {
    pending_.push_back({});
    return *this;
}

void RowInserter::end_row() {
    if (pending_.size() >= static_cast<size_t>(kRowsPerStatement * columns_)) run(kRowsPerStatement);
}

void RowInserter::flush() {
    if (!pending_.empty()) run(static_cast<int>(pending_.size()) / columns_);
}

Statement& RowInserter::statement_for(int rows) {
    Statement& s = by_rows_[static_cast<size_t>(rows)];
    if (!s.prepared()) {
        std::string sql = insert_;
        for (int r = 0; r < rows; ++r) {
            sql += r ? ", (" : " (";
            for (int c = 0; c < columns_; ++c) sql += c ? ", ?" : "?";
            sql += ')';
        }
        s = Statement(db_, sql);
    }
    return s;
}

void RowInserter::run(int rows) {
    Statement& s = statement_for(rows);
    int at = 1;
    for (const Value& v : pending_) {
        switch (v.kind) {
            case Value::Null: s.bind_null(at); break;
            case Value::Int: s.bind(at, v.i); break;
            case Value::Real: s.bind(at, v.r); break;
            case Value::Text: s.bind_static(at, v.s); break;
            case Value::Blob: s.bind_static_blob(at, v.s); break;
            case Value::View: s.bind_static(at, v.view); break;
        }
        ++at;
    }
    s.run();
    pending_.clear();
}

}  // namespace tarikh::store
