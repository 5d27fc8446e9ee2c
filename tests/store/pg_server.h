// The PostgreSQL server the store tests run against: a throwaway cluster
// (tests/store/pg_cluster.sh). Under ctest it is the one the `pg_cluster`
// fixture started for the whole run; a test binary run by hand starts its own
// and stops it when it exits. Either way, a missing server is a failure, not
// a skip.
#pragma once

#include <string>

namespace tarikh::testing {

// The cluster's maintenance database, as a libpq URI.
const std::string& pg_server_uri();

// A new, empty database on the cluster, dropped when this goes.
class ScratchDatabase {
public:
    ScratchDatabase();
    ~ScratchDatabase();
    ScratchDatabase(const ScratchDatabase&) = delete;
    ScratchDatabase& operator=(const ScratchDatabase&) = delete;
    const std::string& uri() const { return uri_; }

private:
    std::string name_, uri_;
};

// Runs SQL on the maintenance database; throws std::runtime_error on error.
void pg_admin(const std::string& sql);

}  // namespace tarikh::testing
