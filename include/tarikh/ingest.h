// Ingest = extract + store (issue 3 §3): documents in, events stored, in
// batches of one transaction each. Documents already stored (by content hash)
// are not extracted again, so re-running an interrupted ingest completes it.
#pragma once

#include "tarikh/documents.h"
#include "tarikh/extract.h"
#include "tarikh/store.h"

#include <functional>
#include <optional>
#include <vector>

namespace tarikh {

struct IngestProgress {
    size_t documents = 0;     // seen so far, stored or not
    uint64_t bytes = 0;       // of their text
    WriteStats written;
};

struct IngestOptions {
    std::optional<Day> dct;             // for documents that carry no date of their own
    unsigned threads = 0;               // extraction threads; 0: one per core
    size_t batch_documents = 256;       // documents per transaction
    uint64_t batch_bytes = 8u << 20;    // or this much text, whichever comes first
    std::function<void(const IngestProgress&)> on_progress;  // after each batch
};

struct IngestResult {
    size_t documents = 0;               // read
    size_t documents_failed = 0;        // extraction failed; not stored, retried next time
    uint64_t bytes = 0;
    WriteStats written;                 // documents_skipped counts those already stored
    std::vector<InputProblem> failures;
};

// `next` yields documents until nullopt (DocumentReader::next, or a bench's splitter).
IngestResult ingest(const std::function<std::optional<Document>()>& next, const Extractor& extractor, Store& store,
                    const IngestOptions& options = {});

// The events of each document, or why extraction failed, in input order;
// documents are spread over `threads` threads (0: one per core).
struct Extracted {
    std::vector<Event> events;
    std::string error;  // non-empty: extraction threw this
};
std::vector<Extracted> extract_parallel(const std::vector<Document>& docs, const Extractor& extractor,
                                        unsigned threads = 0);

// The events of one document with the document itself, ready for
// Store::add_documents; throws what the extractor throws.
DocumentEvents extract_document(const Document& doc, const Extractor& extractor);

}  // namespace tarikh
