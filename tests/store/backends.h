// One fixture for the tests every backend must pass with the same
// assertions: GetParam() is "sqlite" (a file in a scratch folder) or
// "postgresql" (a scratch database on the test cluster, see pg_server.h).
#pragma once

#include "pg_server.h"
#include "store_fixtures.h"

#include "tarikh/store.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

namespace tarikh::testing {

class StoreBackend : public ::testing::TestWithParam<std::string> {
protected:
    // Where this test's store lives, made on first use.
    const std::string& location() {
        if (location_.empty()) {
            if (GetParam() == "postgresql") {
                database_ = std::make_unique<ScratchDatabase>();
                location_ = database_->uri();
            } else {
                location_ = (dir_ / "t.db").string();
            }
        }
        return location_;
    }
    std::unique_ptr<Store> open(OpenMode mode = OpenMode::ReadWrite) { return open_store(location(), mode); }
    // Another store of the same backend, empty, for tests that compare stores.
    std::string another() {
        if (GetParam() == "postgresql") return more_.emplace_back(std::make_unique<ScratchDatabase>())->uri();
        return (dir_ / ("t" + std::to_string(more_.size() + others_++) + ".db")).string();
    }

    ScratchDir dir_;

private:
    std::unique_ptr<ScratchDatabase> database_;
    std::vector<std::unique_ptr<ScratchDatabase>> more_;
    size_t others_ = 0;
    std::string location_;
};

inline std::string backend_name(const ::testing::TestParamInfo<std::string>& info) { return info.param; }

#define TARIKH_ON_EVERY_BACKEND(Suite) \
    INSTANTIATE_TEST_SUITE_P(Backends, Suite, ::testing::Values("sqlite", "postgresql"), ::tarikh::testing::backend_name)

}  // namespace tarikh::testing
