// The document reader of `ingest` / `extract` on any file: the same bytes as
// a .jsonl file (one document per line), as a .txt file (UTF-8, or UTF-16
// with a byte order mark), with a small --max-bytes so the skip paths run.
#include "tarikh/documents.h"

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    namespace fs = std::filesystem;
    static const fs::path dir = [] {
        fs::path d = fs::temp_directory_path() / ("tarikh-fuzz-docs-" + std::to_string(::getpid()));
        fs::create_directories(d);
        return d;
    }();
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    for (const char* name : {"docs.jsonl", "doc.txt"}) {
        const fs::path p = dir / name;
        std::ofstream(p, std::ios::binary | std::ios::trunc) << bytes;
        tarikh::DocumentReader reader({p}, 4096);
        size_t docs = 0;
        while (auto d = reader.next()) {
            if (d->text.size() > 4096 * 3 / 2 + 16) std::abort();  // UTF-16 grows by at most half
            if (++docs > size + 1) std::abort();                   // one per line at most
        }
    }
    return 0;
}
