#include "countries.h"

#include "tarikh/actors.h"
#include "tarikh/normalize.h"
#include "text/tsv.h"

#include <optional>

#include <vector>

namespace tarikh::viewer {
namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\r')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

bool is_code(std::string_view s) {
    if (s.size() != 2) return false;
    for (char c : s)
        if (!(c >= 'A' && c <= 'Z')) return false;
    return true;
}

}  // namespace

CountryNames::CountryNames() {
    for (const auto& code : tarikh::known_countries()) {
        std::vector<std::string> names;
        for (const Language& l : languages()) names.push_back(tarikh::country_label(code, l.code));
        add(code, std::move(names));
    }
}

void CountryNames::add(const std::string& code, std::vector<std::string> names) {
    for (std::string& s : names) {
        for (auto v : text::split(s, '|'))
            if (!trim(v).empty()) lookup_[fold(trim(v))] = code;
        if (auto bar = s.find('|'); bar != std::string::npos) s.resize(bar);
    }
    lookup_[fold(code)] = code;
    names_[code] = std::move(names);
}

CountryNames::CountryNames(std::string_view tsv) {
    std::vector<std::optional<Lang>> columns;  // the header's: a language code per name column
    text::for_each_tsv_row(tsv, [&](const std::vector<std::string_view>& f) {
        if (f[0] == "code") {
            columns.clear();
            for (size_t k = 1; k < f.size(); ++k) columns.push_back(find_language(f[k]));
            return;
        }
        if (!is_code(f[0])) return;
        std::vector<std::string> names(languages().size());
        for (size_t k = 1; k < f.size() && k <= columns.size(); ++k)
            if (columns[k - 1]) names[columns[k - 1]->index()] = std::string(f[k]);
        add(std::string(f[0]), std::move(names));
    });
}

std::string_view CountryNames::name(std::string_view code, Lang lang) const {
    auto it = names_.find(std::string(code));
    if (it == names_.end()) return code;
    const std::vector<std::string>& n = it->second;
    if (!n[lang.index()].empty()) return n[lang.index()];
    for (const std::string& other : n)
        if (!other.empty()) return other;
    return code;
}

std::string CountryNames::code_for(std::string_view s) const {
    auto it = lookup_.find(fold(trim(s)));
    if (it != lookup_.end()) return it->second;
    return {};
}

}  // namespace tarikh::viewer
