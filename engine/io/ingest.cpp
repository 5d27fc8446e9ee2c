#include "tarikh/ingest.h"

#include <atomic>
#include <thread>

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

IngestResult ingest(const std::function<std::optional<Document>()>& next, const Extractor& extractor, Store& store,
                    const IngestOptions& options) {
    IngestResult result;
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
            if (store.has_document(hash)) {
                ++result.written.documents_skipped;
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
        if (!done.empty()) result.written += store.add_documents(done);
        if (options.on_progress) options.on_progress({result.documents, result.bytes, result.written});
    }
    return result;
}

}  // namespace tarikh
