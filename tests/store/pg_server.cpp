#include "pg_server.h"

#include <libpq-fe.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>

namespace tarikh::testing {
namespace {

namespace fs = std::filesystem;

std::string first_line(const fs::path& p) {
    std::ifstream in(p);
    std::string line;
    std::getline(in, line);
    return line;
}

// A cluster of this process's own, when no ctest fixture started one.
struct OwnCluster {
    fs::path state;
    std::string uri;
    OwnCluster() {
        state = fs::temp_directory_path() / ("tarikh-pg-state-" + std::to_string(::getpid()));
        const std::string cmd = std::string("'") + TARIKH_SOURCE_DIR + "/tests/store/pg_cluster.sh' start '" +
                                state.string() + "' " + std::to_string(::getpid()) + " >/dev/null";
        if (std::system(cmd.c_str()) != 0) throw std::runtime_error("cannot start a PostgreSQL test cluster: " + cmd);
        uri = first_line(state);
    }
    ~OwnCluster() {
        const std::string cmd = std::string("'") + TARIKH_SOURCE_DIR + "/tests/store/pg_cluster.sh' stop '" + state.string() + "'";
        [[maybe_unused]] int rc = std::system(cmd.c_str());
    }
};

}  // namespace

const std::string& pg_server_uri() {
    static const std::string uri = [] {
        if (const char* env = std::getenv("TARIKH_TEST_PG"); env && *env) return std::string(env);
        const fs::path fixture = fs::path(TARIKH_BINARY_DIR) / "pg-test.state";
        if (fs::exists(fixture)) {
            std::string u = first_line(fixture);
            if (!u.empty()) return u;
        }
        static OwnCluster own;
        return own.uri;
    }();
    return uri;
}

void pg_admin(const std::string& sql) {
    PGconn* c = PQconnectdb(pg_server_uri().c_str());
    if (PQstatus(c) != CONNECTION_OK) {
        std::string msg = PQerrorMessage(c);
        PQfinish(c);
        throw std::runtime_error("cannot connect to the test cluster " + pg_server_uri() + ": " + msg);
    }
    PGresult* r = PQexec(c, sql.c_str());
    const bool ok = PQresultStatus(r) == PGRES_COMMAND_OK || PQresultStatus(r) == PGRES_TUPLES_OK;
    std::string msg = ok ? "" : PQresultErrorMessage(r);
    PQclear(r);
    PQfinish(c);
    if (!ok) throw std::runtime_error(sql + ": " + msg);
}

ScratchDatabase::ScratchDatabase() {
    static std::atomic<int> n{0};
    name_ = "t" + std::to_string(::getpid()) + "_" + std::to_string(n++);
    pg_admin("CREATE DATABASE " + name_);
    uri_ = pg_server_uri();
    const auto at = uri_.find("/postgres?");
    if (at == std::string::npos) throw std::runtime_error("unexpected test cluster URI " + uri_);
    uri_.replace(at, 10, "/" + name_ + "?");
}

ScratchDatabase::~ScratchDatabase() {
    try {
        pg_admin("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
    } catch (const std::exception& e) {
        std::fprintf(stderr, "%s\n", e.what());
    }
}

}  // namespace tarikh::testing
