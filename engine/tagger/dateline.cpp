#include "tagger/dateline.h"

#include "tagger/resolve.h"

namespace tarikh::tagger {

std::optional<Day> find_dateline(const std::vector<Token>& tokens, const std::vector<RawDate>& raws, unsigned ends,
                                 size_t* steps) {
    size_t work = 0;
    // Line numbers of the non-empty lines, by token, and the tokens on each
    // line, counted once: counting them per candidate was quadratic on a long
    // line full of dates.
    std::vector<uint32_t> line_of(tokens.size());
    std::vector<uint32_t> tokens_on_line;
    uint32_t line = 0;
    for (size_t k = 0; k < tokens.size(); ++k, ++work) {
        if (k && tokens[k].newline) ++line;
        line_of[k] = line;
        if (tokens_on_line.size() <= line) tokens_on_line.resize(line + 1, 0);
        ++tokens_on_line[line];
    }
    const uint32_t lines = tokens.empty() ? 0 : line + 1;
    auto words_on_line = [&](uint32_t l) { return long(tokens_on_line[l]); };
    auto try_raw = [&](const RawDate& r) -> std::optional<Day> {
        ++work;
        if (r.kind != RawKind::Point || r.a.granularity != Granularity::Day || !r.a.year) return std::nullopt;
        uint32_t l = line_of[r.first];
        if (line_of[r.last - 1] != l) return std::nullopt;
        const bool first = (ends & kFirstLines) && l <= 2, last = (ends & kLastLines) && l + 3 >= lines;
        if (!first && !last) return std::nullopt;
        long others = words_on_line(l) - long(r.last - r.first);
        // Alone on its line, or opening the document ("date 2025-11-08 …")
        if (others > 4 && (r.first > 2 || !(ends & kFirstLines))) return std::nullopt;
        auto iv = point_interval(r.a);
        return iv ? iv->earliest : std::nullopt;
    };
    std::optional<Day> found;
    for (const RawDate& r : raws)
        if (auto d = try_raw(r); d && line_of[r.first] <= 2) {
            found = d;
            break;
        }
    if (!found)
        for (auto it = raws.rbegin(); it != raws.rend(); ++it)
            if (auto d = try_raw(*it)) {
                found = d;
                break;
            }
    if (steps) *steps += work;
    return found;
}

}  // namespace tarikh::tagger
