#include "countries.h"

#include "tarikh/actors.h"
#include "text/tsv.h"

#include <optional>

#include <unicode/utf8.h>

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

std::string fold_for_search(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    int32_t i = 0;
    const int32_t n = static_cast<int32_t>(s.size());
    const auto* p = reinterpret_cast<const uint8_t*>(s.data());
    while (i < n) {
        if (p[i] < 0x80) {  // the common case, byte by byte
            char c = static_cast<char>(p[i++]);
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
            if (c == '\n' || c == '\r' || c == '\t') c = ' ';
            out.push_back(c);
            continue;
        }
        UChar32 c;
        U8_NEXT(p, i, n, c);
        if (c < 0) continue;
        if (c == 0x0640 || c == 0x200C || c == 0x200D || (c >= 0x064B && c <= 0x065F) || c == 0x0670) continue;
        if (c >= 0x06F0 && c <= 0x06F9) c = '0' + (c - 0x06F0);
        else if (c >= 0x0660 && c <= 0x0669) c = '0' + (c - 0x0660);
        else if (c == 0x06CC || c == 0x0649 || c == 0x0626) c = 0x064A;  // ی ى ئ → ي
        else if (c == 0x06A9) c = 0x0643;                                 // ک → ك
        else if (c == 0x0622 || c == 0x0623 || c == 0x0625 || c == 0x0671) c = 0x0627;
        else if (c == 0x0629) c = 0x0647;                                 // ة → ه
        else if (c == 0x0624) c = 0x0648;                                 // ؤ → و
        else if (c == 0x2013 || c == 0x2014 || c == 0x2212) c = '-';
        char buf[4];
        int32_t len = 0;
        U8_APPEND_UNSAFE(buf, len, c);
        out.append(buf, static_cast<size_t>(len));
    }
    return out;
}

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
            if (!trim(v).empty()) lookup_[fold_for_search(trim(v))] = code;
        if (auto bar = s.find('|'); bar != std::string::npos) s.resize(bar);
    }
    lookup_[fold_for_search(code)] = code;
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
    auto it = lookup_.find(fold_for_search(trim(s)));
    if (it != lookup_.end()) return it->second;
    return {};
}

}  // namespace tarikh::viewer
