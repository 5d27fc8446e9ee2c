// The stateless map step: documents in, events out (DESIGN §1: segment →
// actors → events). No store is touched, so any batch engine can run it over shards.
#pragma once

#include "tarikh/event.h"
#include "tarikh/parser.h"

#include <optional>
#include <string>
#include <vector>

namespace tarikh {

struct Document {
    std::string id;                 // file path or the "id" of a JSON Lines document
    std::string text;
    std::optional<Day> date;        // document creation time, when the caller knows it
    std::optional<Lang> lang;       // nullopt: detect
    std::string url;
};

class Extractor {
public:
    explicit Extractor(const Parser& parser);
    ~Extractor();
    std::vector<Event> extract(const Document& doc) const;
    // The same, and why: for each sentence with a country, each named
    // country's role and rule, the groups and each date's pairs
    // (`tarikh extract --explain`).
    std::vector<Event> extract(const Document& doc, std::string* explanation) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace tarikh
