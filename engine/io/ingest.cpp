#include "tarikh/ingest.h"

#include <atomic>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <thread>
#include <utility>

namespace tarikh {

std::vector<Extracted> extract_parallel(const std::vector<Document>& docs, const Extractor& extractor,
                                        unsigned threads) {
    std::vector<Extracted> out(docs.size());
    std::atomic<size_t> next{0};
    auto work = [&] {
        for (size_t i; (i = next.fetch_add(1)) < docs.size();) {
            try {
                out[i].events = extractor.extract(docs[i]);
            } catch (const std::exception& e) {
                out[i].error = e.what();
                if (out[i].error.empty()) out[i].error = "unknown error";
            }
        }
    };
    if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
    threads = std::max(1u, std::min<unsigned>(threads, static_cast<unsigned>(docs.size())));
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
    work();
    for (auto& t : pool) t.join();
    return out;
}

DocumentEvents extract_document(const Document& doc, const Extractor& extractor) {
    DocumentEvents de;
    de.document.id = doc.id;
    de.document.hash = content_hash(doc.text);
    de.document.bytes = doc.text.size();
    de.document.date = doc.date;
    de.document.lang = doc.lang;
    de.document.url = doc.url;
    de.events = extractor.extract(doc);
    return de;
}

namespace {

// Hands batches from the reading/extracting thread to the writing one, one at
// a time: extraction of batch k+1 runs while batch k is written.
class BatchWriter {
public:
    BatchWriter(Store& store, IngestResult& result, const IngestOptions& options)
        : store_(store), result_(result), options_(options), thread_([this] { run(); }) {}
    ~BatchWriter() { finish(); }

    // Waits for the previous batch to be written, then queues this one.
    void write(std::vector<DocumentEvents> batch, const IngestProgress& progress) {
        std::unique_lock lock(m_);
        cv_.wait(lock, [&] { return !pending_ || failed_; });
        rethrow_locked();
        batch_ = std::move(batch);
        progress_ = progress;
        pending_ = true;
        cv_.notify_all();
    }
    // Waits for every batch; rethrows a write error.
    void finish() {
        {
            std::unique_lock lock(m_);
            cv_.wait(lock, [&] { return !pending_ || failed_; });
            done_ = true;
            cv_.notify_all();
        }
        if (thread_.joinable()) thread_.join();
        std::lock_guard lock(m_);
        rethrow_locked();
    }

private:
    void rethrow_locked() {
        if (error_) std::rethrow_exception(std::exchange(error_, nullptr));
    }
    void run() {
        for (;;) {
            std::vector<DocumentEvents> batch;
            IngestProgress progress;
            {
                std::unique_lock lock(m_);
                cv_.wait(lock, [&] { return pending_ || done_; });
                if (!pending_) return;
                batch = std::move(batch_);
                progress = progress_;
            }
            try {
                const WriteStats w = batch.empty() ? WriteStats{} : store_.add_documents(batch);
                std::lock_guard lock(m_);
                result_.written += w;
                progress.written = result_.written;
            } catch (...) {
                std::lock_guard lock(m_);
                error_ = std::current_exception();
                failed_ = true;
                pending_ = false;
                cv_.notify_all();
                return;
            }
            if (options_.on_progress) options_.on_progress(progress);
            std::lock_guard lock(m_);
            pending_ = false;
            cv_.notify_all();
        }
    }

    Store& store_;
    IngestResult& result_;
    const IngestOptions& options_;
    std::mutex m_;
    std::condition_variable cv_;
    std::vector<DocumentEvents> batch_;
    IngestProgress progress_;
    bool pending_ = false, done_ = false, failed_ = false;
    std::exception_ptr error_;
    std::thread thread_;
};

}  // namespace

IngestResult ingest(const std::function<std::optional<Document>()>& next, const Extractor& extractor, Store& store,
                    const IngestOptions& options) {
    IngestResult result;
    size_t skipped_before_extraction = 0;
    {
        BatchWriter writer(store, result, options);
        bool more = true;
        while (more) {
            // Read a batch, leaving out what the store already holds.
            std::vector<Document> batch;
            std::vector<std::string> hashes;
            uint64_t batch_bytes = 0;
            while (batch.size() < options.batch_documents && batch_bytes < options.batch_bytes) {
                std::optional<Document> doc = next();
                if (!doc) {
                    more = false;
                    break;
                }
                ++result.documents;
                result.bytes += doc->text.size();
                batch_bytes += doc->text.size();
                std::string hash = content_hash(doc->text);
                // Stored under this name or a smaller one: nothing to do (a
                // smaller name replaces a larger one, see Store::document_name).
                if (auto name = store.document_name(hash); name && *name <= doc->id) {
                    ++skipped_before_extraction;
                    continue;
                }
                if (!doc->date) doc->date = options.dct;
                batch.push_back(std::move(*doc));
                hashes.push_back(std::move(hash));
            }

            std::vector<Extracted> extracted = extract_parallel(batch, extractor, options.threads);
            std::vector<DocumentEvents> done;
            for (size_t i = 0; i < batch.size(); ++i) {
                if (!extracted[i].error.empty()) {
                    ++result.documents_failed;
                    result.failures.push_back({batch[i].id, "extraction failed: " + extracted[i].error});
                    continue;
                }
                const Document& d = batch[i];
                done.push_back({{d.id, hashes[i], d.text.size(), d.date, d.lang, d.url}, std::move(extracted[i].events)});
            }
            writer.write(std::move(done), {result.documents, result.bytes, {}});
        }
        writer.finish();
    }
    result.written.documents_skipped += skipped_before_extraction;
    return result;
}

}  // namespace tarikh
