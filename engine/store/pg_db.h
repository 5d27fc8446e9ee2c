// A thin RAII layer over libpq: a connection, results, parameters as text and
// COPY. Every failure becomes a StoreError that names the server's database
// (its URI, without a password) and says what PostgreSQL said.
#pragma once

#include "tarikh/store.h"

#include <libpq-fe.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tarikh::store {

class PgResult {
public:
    explicit PgResult(PGresult* r = nullptr) : r_(r) {}
    ~PgResult() { PQclear(r_); }
    PgResult(PgResult&& o) noexcept : r_(o.r_) { o.r_ = nullptr; }
    PgResult& operator=(PgResult&& o) noexcept;
    PgResult(const PgResult&) = delete;
    PgResult& operator=(const PgResult&) = delete;

    PGresult* raw() const { return r_; }
    int rows() const { return PQntuples(r_); }
    bool is_null(int row, int col) const { return PQgetisnull(r_, row, col); }
    std::string_view text(int row, int col) const;
    int64_t int64(int row, int col) const;
    std::optional<int64_t> opt_int64(int row, int col) const;
    double real(int row, int col) const;
    // A bytea column in text form (\x…), decoded.
    std::string bytes(int row, int col) const;

private:
    PGresult* r_;
};

// A parameter: text, or NULL.
using PgParam = std::optional<std::string>;

class PgDb {
public:
    explicit PgDb(const std::string& uri);
    ~PgDb();
    PgDb(const PgDb&) = delete;
    PgDb& operator=(const PgDb&) = delete;

    // Runs one statement (or, without parameters, several); throws on error.
    PgResult exec(std::string_view sql);
    PgResult exec(std::string_view sql, const std::vector<PgParam>& params);
    // COPY … FROM STDIN with `data` in COPY's text format (see CopyRows).
    void copy(std::string_view copy_sql, const std::string& data);
    // COPY … TO STDOUT: the rows in COPY's text format.
    std::string copy_out(std::string_view copy_sql);

    // The URI with any password replaced, for messages.
    const std::string& where() const { return where_; }
    [[noreturn]] void fail(std::string_view what, const PGresult* r) const;

private:
    PGconn* conn_ = nullptr;
    std::string where_;
};

// Rows in COPY's text format: fields separated by tabs, rows by newlines.
class CopyRows {
public:
    CopyRows& field(std::string_view text);
    CopyRows& field(int64_t v);
    CopyRows& field(double v);
    CopyRows& field(std::optional<int64_t> v);
    CopyRows& bytes(std::string_view raw);   // a bytea value
    CopyRows& null();
    void end_row();
    const std::string& data() const { return data_; }
    bool empty() const { return data_.empty(); }
    void clear() { data_.clear(); first_ = true; }

private:
    void separate();
    std::string data_;
    bool first_ = true;
};

// {1,2,3}: an array parameter of bigint.
std::string pg_array(const std::vector<int64_t>& v);
// {"a","b"}: an array parameter of text.
std::string pg_text_array(const std::vector<std::string>& v);

// The location with any password replaced by ***.
std::string redact_uri(std::string_view uri);

}  // namespace tarikh::store
