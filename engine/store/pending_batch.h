// A bulk load into an empty store plans each batch while the one before is
// written (SQLite: on another thread; PostgreSQL: by the server), so that it
// takes about the longer of the two, not their sum. The batch being written
// is kept here: the next plan reads its rows from memory, as the store has
// not committed them yet.
#pragma once

#include "store/batch_dedup.h"

#include "tarikh/store.h"

#include <exception>
#include <future>
#include <memory>
#include <unordered_map>
#include <vector>

namespace tarikh::store {

// A batch decided by dedup: the rows to write, the counts to report.
struct PlannedBatch {
    BatchWrites writes;
    WriteStats stats;
};

struct PendingBatch {
    PreparedEvents events;      // a share of the batch: the writes point into it
    PlannedBatch planned;
    std::vector<int64_t> ids;   // of planned.writes.added, in order
    std::future<void> written;

    // Files the rows the batch writes by id, once `ids` are given.
    void index_rows() {
        const BatchWrites& w = planned.writes;
        for (size_t i = 0; i < w.added.size(); ++i) rows_.emplace(ids[i], &w.added[i].event());
        for (const auto& c : w.changed) rows_[c.event.id] = &c.event;
    }
    // The row the batch writes for event `id`; null when it writes none.
    const Event* row(int64_t id) const {
        const auto it = rows_.find(id);
        return it == rows_.end() ? nullptr : it->second;
    }

private:
    std::unordered_map<int64_t, const Event*> rows_;
};

// The row the batch being written (none: null) gives event `id`; null when
// it writes none.
inline const Event* being_written(const PendingBatch* b, int64_t id) { return b ? b->row(id) : nullptr; }

// What dedup reads of a row the store has not committed yet.
inline Candidate candidate_of(int64_t id, const Event& e) {
    return {id, join_pairs(e.pairs), stored_span(e.interval), e.text, first_source(e.sources)};
}

// Plans the next batch with `plan`. When planning fails, the batch being
// written is waited for all the same (`settle`, which throws its error, an
// earlier one and so the one to tell), then `forget` drops what memory holds
// of the plan that failed.
template <class Plan, class Settle, class Forget>
std::unique_ptr<PendingBatch> plan_beside(Plan&& plan, Settle&& settle, Forget&& forget) {
    try {
        return plan();
    } catch (...) {
        const std::exception_ptr error = std::current_exception();
        settle();
        forget();
        std::rethrow_exception(error);
    }
}

}  // namespace tarikh::store
