#include "store/pg_db.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>

namespace tarikh::store {
namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// Server notices (NOTICE: relation already exists…) are not the user's business.
void quiet(void*, const char*) {}

}  // namespace

std::string redact_uri(std::string_view uri) {
    const size_t scheme = uri.find("://");
    if (scheme == std::string_view::npos) return std::string(uri);
    const size_t start = scheme + 3;
    const size_t at = uri.find('@', start);
    const size_t slash = uri.find('/', start);
    if (at == std::string_view::npos || (slash != std::string_view::npos && slash < at)) return std::string(uri);
    const size_t colon = uri.find(':', start);
    if (colon == std::string_view::npos || colon > at) return std::string(uri);
    return fmt::format("{}***{}", uri.substr(0, colon + 1), uri.substr(at));
}

PgResult& PgResult::operator=(PgResult&& o) noexcept {
    if (this != &o) {
        PQclear(r_);
        r_ = o.r_;
        o.r_ = nullptr;
    }
    return *this;
}

std::string_view PgResult::text(int row, int col) const {
    return {PQgetvalue(r_, row, col), static_cast<size_t>(PQgetlength(r_, row, col))};
}

int64_t PgResult::int64(int row, int col) const { return std::strtoll(PQgetvalue(r_, row, col), nullptr, 10); }

std::optional<int64_t> PgResult::opt_int64(int row, int col) const {
    if (is_null(row, col)) return std::nullopt;
    return int64(row, col);
}

double PgResult::real(int row, int col) const { return std::strtod(PQgetvalue(r_, row, col), nullptr); }

std::string PgResult::bytes(int row, int col) const {
    const std::string_view t = text(row, col);
    std::string out;
    if (t.size() < 2 || t[0] != '\\' || t[1] != 'x') return out;
    out.reserve((t.size() - 2) / 2);
    for (size_t i = 2; i + 1 < t.size(); i += 2) out += static_cast<char>(hex_value(t[i]) << 4 | hex_value(t[i + 1]));
    return out;
}

PgDb::PgDb(const std::string& uri) : where_(redact_uri(uri)) {
    conn_ = PQconnectdb(uri.c_str());
    if (!conn_ || PQstatus(conn_) != CONNECTION_OK) {
        std::string msg = conn_ ? PQerrorMessage(conn_) : "out of memory";
        while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
        PQfinish(conn_);
        conn_ = nullptr;
        throw StoreError(fmt::format("{}: cannot connect to the PostgreSQL server: {}", where_, msg));
    }
    PQsetNoticeProcessor(conn_, quiet, nullptr);
}

PgDb::~PgDb() { PQfinish(conn_); }

void PgDb::fail(std::string_view what, const PGresult* r) const {
    std::string msg = r ? PQresultErrorMessage(r) : PQerrorMessage(conn_);
    while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
    throw StoreError(fmt::format("{}: {}: {}", where_, what, msg));
}

PgResult PgDb::exec(std::string_view sql) { return exec(sql, {}); }

PgResult PgDb::exec(std::string_view sql, const std::vector<PgParam>& params) {
    std::vector<const char*> values;
    for (const auto& p : params) values.push_back(p ? p->c_str() : nullptr);
    const std::string text(sql);
    PgResult r(params.empty() ? PQexec(conn_, text.c_str())
                              : PQexecParams(conn_, text.c_str(), static_cast<int>(values.size()), nullptr,
                                             values.data(), nullptr, nullptr, 0));
    const auto status = PQresultStatus(r.raw());
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) fail("query failed", r.raw());
    return r;
}

void PgDb::copy(std::string_view copy_sql, const std::string& data) {
    {
        PgResult start(PQexec(conn_, std::string(copy_sql).c_str()));
        if (PQresultStatus(start.raw()) != PGRES_COPY_IN) fail("COPY failed", start.raw());
    }
    constexpr size_t kChunk = 1 << 20;
    bool sent = true;
    for (size_t at = 0; at < data.size() && sent; at += kChunk)
        sent = PQputCopyData(conn_, data.data() + at, static_cast<int>(std::min(kChunk, data.size() - at))) == 1;
    if (PQputCopyEnd(conn_, sent ? nullptr : "client failed to send") != 1) fail("COPY failed", nullptr);
    // The COPY's own result, then the end of the command.
    for (PGresult* raw; (raw = PQgetResult(conn_)) != nullptr;) {
        PgResult r(raw);
        if (PQresultStatus(raw) != PGRES_COMMAND_OK) fail("COPY failed", raw);
    }
}

std::string PgDb::copy_out(std::string_view copy_sql) {
    {
        PgResult start(PQexec(conn_, std::string(copy_sql).c_str()));
        if (PQresultStatus(start.raw()) != PGRES_COPY_OUT) fail("COPY failed", start.raw());
    }
    std::string out;
    char* buffer = nullptr;
    for (int n; (n = PQgetCopyData(conn_, &buffer, 0)) > 0;) {
        out.append(buffer, static_cast<size_t>(n));
        PQfreemem(buffer);
    }
    for (PGresult* raw; (raw = PQgetResult(conn_)) != nullptr;) {
        PgResult r(raw);
        if (PQresultStatus(raw) != PGRES_COMMAND_OK) fail("COPY failed", raw);
    }
    return out;
}

void CopyRows::separate() {
    if (!first_) data_ += '\t';
    first_ = false;
}

CopyRows& CopyRows::field(std::string_view text) {
    separate();
    for (char c : text) {
        switch (c) {
            case '\\': data_ += "\\\\"; break;
            case '\t': data_ += "\\t"; break;
            case '\n': data_ += "\\n"; break;
            case '\r': data_ += "\\r"; break;
            default: data_ += c;
        }
    }
    return *this;
}

CopyRows& CopyRows::field(int64_t v) {
    separate();
    data_ += std::to_string(v);
    return *this;
}

CopyRows& CopyRows::field(double v) {
    separate();
    data_ += fmt::format("{}", v);
    return *this;
}

CopyRows& CopyRows::field(std::optional<int64_t> v) { return v ? field(*v) : null(); }

CopyRows& CopyRows::bytes(std::string_view raw) {
    static constexpr char kHex[] = "0123456789abcdef";
    separate();
    data_ += "\\\\x";  // bytea's \x, with COPY's backslash escaped
    for (unsigned char c : raw) {
        data_ += kHex[c >> 4];
        data_ += kHex[c & 15];
    }
    return *this;
}

CopyRows& CopyRows::null() {
    separate();
    data_ += "\\N";
    return *this;
}

void CopyRows::end_row() {
    data_ += '\n';
    first_ = true;
}

std::string pg_array(const std::vector<int64_t>& v) {
    std::string out = "{";
    for (size_t i = 0; i < v.size(); ++i) {
        if (i) out += ',';
        out += std::to_string(v[i]);
    }
    return out + "}";
}

std::string pg_text_array(const std::vector<std::string>& v) {
    std::string out = "{";
    for (size_t i = 0; i < v.size(); ++i) {
        if (i) out += ',';
        out += '"';
        for (char c : v[i]) {
            if (c == '"' || c == '\\') out += '\\';
            out += c;
        }
        out += '"';
    }
    return out + "}";
}

}  // namespace tarikh::store
