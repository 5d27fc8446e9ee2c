// Helpers for the store tests: events built by hand (no parser needed) and
// scratch files that clean up after themselves.
#pragma once

#include "tarikh/event.h"
#include "tarikh/store.h"

#include <date/date.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace tarikh::testing {

inline Day day(int y, unsigned m, unsigned d) { return date::sys_days{date::year{y} / m / d}; }

inline Event make_event(std::string text, Day earliest, Day latest, std::vector<CountryCode> actors,
                        std::string doc = "doc-a", uint32_t at = 0) {
    Event e;
    e.interval = {earliest, latest};
    e.value = format_iso(earliest);
    e.granularity = earliest == latest ? Granularity::Day : Granularity::Unknown;
    e.actors = std::move(actors);
    e.kind = EventKind::Diplomatic;
    e.text = std::move(text);
    e.lang = lang_of("en");
    e.confidence = 0.8f;
    e.sources.push_back({std::move(doc), {at, at + static_cast<uint32_t>(e.text.size())}, {at, at + 4}});
    return e;
}

inline Event undated_event(std::string text, std::vector<CountryCode> actors, std::string doc = "doc-u") {
    Event e;
    e.value = "XXXX";
    e.actors = std::move(actors);
    e.text = std::move(text);
    e.sources.push_back({std::move(doc), {0, 10}, {0, 4}});
    return e;
}

// A fresh directory under the system temp dir, removed with its content.
class ScratchDir {
public:
    ScratchDir() {
        static int n = 0;
        path_ = std::filesystem::temp_directory_path() /
                ("tarikh-store-test-" + std::to_string(::getpid()) + "-" + std::to_string(n++));
        std::filesystem::remove_all(path_);
        std::filesystem::create_directories(path_);
    }
    ~ScratchDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    std::filesystem::path operator/(const std::string& name) const { return path_ / name; }
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

inline std::string read_bytes(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline void write_bytes(const std::filesystem::path& p, const std::string& bytes) {
    std::ofstream out(p, std::ios::binary);
    out << bytes;
}

inline std::vector<int64_t> ids_of(const std::vector<Event>& events) {
    std::vector<int64_t> ids;
    for (const auto& e : events) ids.push_back(e.id);
    return ids;
}

inline std::vector<std::string> texts_of(const std::vector<Event>& events) {
    std::vector<std::string> t;
    for (const auto& e : events) t.push_back(e.text);
    return t;
}

}  // namespace tarikh::testing
