#include "text/affixes.h"

#include "text/tsv.h"
#include "tarikh/normalize.h"

#include <charconv>

namespace tarikh::text {

Morphology load_morphology(std::string_view tsv) {
    Morphology m;
    for_each_tsv_row(tsv, [&](const std::vector<std::string_view>& f) {
        if (f[0] == "case") {
            m.proper_case = f.size() > 1 && f[1] == "proper";
            return;
        }
        const bool date = f[0].starts_with("date_");
        const bool prefix = f[0] == "prefix" || f[0] == "adjective_prefix" || f[0] == "date_prefix";
        const bool suffix = f[0] == "suffix" || f[0] == "adjective_suffix" || f[0] == "date_suffix";
        if (f.size() < 2 || (!prefix && !suffix)) return;
        Affix a;
        a.adjective_only = f[0].starts_with("adjective_");
        a.form = fold(f[1]);
        if (f.size() > 2 && !f[2].empty()) std::from_chars(f[2].data(), f[2].data() + f[2].size(), a.min_rest);
        if (f.size() > 3) a.replacement = fold(f[3]);
        if (a.form.empty()) return;
        if (date) (prefix ? m.date_prefixes : m.date_suffixes).push_back(std::move(a));
        else (prefix ? m.prefixes : m.suffixes).push_back(std::move(a));
    });
    return m;
}

namespace {

// Readings of `stem` with each suffix that fits taken off.
void add_suffix_readings(Reading base, const Morphology& m, std::vector<Reading>& out) {  // a copy: `out` may grow
    for (const Affix& s : m.suffixes) {
        std::string_view stem = base.key;
        if (!has_suffix(stem, s.form)) continue;
        std::string_view rest = stem.substr(0, stem.size() - s.form.size());
        if (!at_least_letters(rest, s.min_rest)) continue;
        out.push_back({rest, base.prefix, true, base.adjective || s.adjective_only, base.stripped + s.form.size()});
    }
}

}  // namespace

void readings(std::string_view word, const Morphology& m, bool allow_prefix, bool allow_suffix,
              std::vector<Reading>& out, std::deque<std::string>& scratch) {
    out.clear();
    out.push_back({word, false, false, false, 0});
    if (allow_suffix) add_suffix_readings(out.front(), m, out);
    if (!allow_prefix) return;
    size_t used = 0;
    for (const Affix& p : m.prefixes) {
        if (!has_prefix(word, p.form)) continue;
        std::string_view rest = word.substr(p.form.size());
        if (!at_least_letters(rest, p.min_rest)) continue;
        std::string_view stem = rest;
        if (!p.replacement.empty()) {
            if (used == scratch.size()) scratch.emplace_back();
            std::string& s = scratch[used++];
            s.assign(p.replacement).append(rest);
            stem = s;
        }
        Reading r{stem, true, false, p.adjective_only, p.form.size() - p.replacement.size()};
        out.push_back(r);
        if (allow_suffix) add_suffix_readings(r, m, out);
    }
}

}  // namespace tarikh::text
