#include "curation_writer.h"

#include "tarikh/store.h"

namespace tarikh::viewer {

CurationWriter::CurationWriter(std::string store) : store_(std::move(store)) {
    if (saves()) thread_ = std::thread([this] { run(); });
}

CurationWriter::~CurationWriter() {
    {
        std::lock_guard lock(mu_);
        stop_ = true;
    }
    cv_.notify_all();
    if (thread_.joinable()) thread_.join();
}

std::optional<CurationKey> CurationWriter::key_for(const Event& e) {
    if (e.sources.empty()) return std::nullopt;
    if (saves()) {
        try {
            if (!reader_) reader_ = open_store(store_, OpenMode::ReadOnly);
            return curation_key(*reader_, e);
        } catch (const StoreError&) {
            // Keyed by the document's id: the store says what is wrong when written to.
        }
    }
    return CurationKey{e.sources.front().doc, e.sources.front().date_span};
}

void CurationWriter::put(const Curation& c) {
    if (!saves()) return;
    {
        std::lock_guard lock(mu_);
        queue_.emplace_back(c);
    }
    cv_.notify_all();
}

void CurationWriter::remove(const CurationKey& key) {
    if (!saves()) return;
    {
        std::lock_guard lock(mu_);
        queue_.emplace_back(key);
    }
    cv_.notify_all();
}

size_t CurationWriter::pending() const {
    std::lock_guard lock(mu_);
    return queue_.size() + busy_;
}

std::string CurationWriter::error() const {
    std::lock_guard lock(mu_);
    return error_;
}

void CurationWriter::run() {
    std::unique_ptr<Store> store;
    for (;;) {
        std::variant<Curation, CurationKey> job;
        {
            std::unique_lock lock(mu_);
            cv_.wait(lock, [&] { return stop_ || !queue_.empty(); });
            if (queue_.empty()) return;  // stopping, and all is written
            job = std::move(queue_.front());
            queue_.pop_front();
            ++busy_;
        }
        std::string failed;
        try {
            if (!store) store = open_store(store_, OpenMode::ReadWrite);
            if (const auto* c = std::get_if<Curation>(&job)) {
                store->put_curation(*c);
            } else {
                store->delete_curation(std::get<CurationKey>(job));
            }
        } catch (const std::exception& e) {
            failed = e.what();
            store.reset();  // opened afresh for the next write
        }
        std::lock_guard lock(mu_);
        --busy_;
        if (!failed.empty()) error_ = failed;
    }
}

}  // namespace tarikh::viewer
