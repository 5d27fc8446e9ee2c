// Reading the tab-separated data files under engine/lang and engine/data:
// one row per line, '#' starts a comment line, empty lines are skipped. Every
// data file of the engine and the viewer is read through this one function.
#pragma once

#include <string_view>
#include <vector>

namespace tarikh::text {

// Splits `s` at every `sep`: "a,,b" gives "a", "", "b".
inline std::vector<std::string_view> split(std::string_view s, char sep) {
    std::vector<std::string_view> out;
    for (;;) {
        size_t at = s.find(sep);
        out.push_back(s.substr(0, at));
        if (at == std::string_view::npos) return out;
        s.remove_prefix(at + 1);
    }
}

// Calls f(line) for every line of `tsv` that is not empty or a comment, '\r' kept.
template <class F>
void for_each_tsv_line(std::string_view tsv, F&& f) {
    while (!tsv.empty()) {
        size_t nl = tsv.find('\n');
        std::string_view line = tsv.substr(0, nl);
        tsv = nl == std::string_view::npos ? std::string_view() : tsv.substr(nl + 1);
        if (line.empty() || line.front() == '#') continue;
        f(line);
    }
}

// Calls f(fields) for every data row of `tsv`, fields trimmed of '\r' and spaces.
template <class F>
void for_each_tsv_row(std::string_view tsv, F&& f) {
    std::vector<std::string_view> fields;
    for_each_tsv_line(tsv, [&](std::string_view line) {
        fields.clear();
        for (;;) {
            size_t tab = line.find('\t');
            std::string_view field = line.substr(0, tab);
            while (!field.empty() && (field.back() == '\r' || field.back() == ' ')) field.remove_suffix(1);
            while (!field.empty() && field.front() == ' ') field.remove_prefix(1);
            fields.push_back(field);
            if (tab == std::string_view::npos) break;
            line.remove_prefix(tab + 1);
        }
        if (fields.empty() || fields[0].empty()) return;
        f(fields);
    });
}

// Calls f(key, text) for every `key<TAB>text` row, the text as written after
// the first tab (only '\r' dropped): its spaces count (a list separator ", ").
template <class F>
void for_each_key_text(std::string_view tsv, F&& f) {
    for_each_tsv_line(tsv, [&](std::string_view line) {
        if (line.back() == '\r') line.remove_suffix(1);
        const size_t tab = line.find('\t');
        if (tab == std::string_view::npos || tab == 0) return;
        f(line.substr(0, tab), line.substr(tab + 1));
    });
}

}  // namespace tarikh::text
