#include "countries.h"

#include "tarikh/actors.h"

#include <unicode/utf8.h>

#include <vector>

namespace tarikh::viewer {
namespace {

std::vector<std::string_view> split(std::string_view line, char sep) {
    std::vector<std::string_view> out;
    size_t a = 0;
    for (;;) {
        size_t b = line.find(sep, a);
        out.push_back(line.substr(a, b == std::string_view::npos ? std::string_view::npos : b - a));
        if (b == std::string_view::npos) break;
        a = b + 1;
    }
    return out;
}

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
    for (const auto& code : tarikh::known_countries())
        add(code, {tarikh::country_label(code, "en"), tarikh::country_label(code, "fa"), tarikh::country_label(code, "ar")});
}

void CountryNames::add(const std::string& code, CountryName n) {
    // A cell may list variants ("Iran|Islamic Republic of Iran"); the first is the label.
    for (std::string* s : {&n.en, &n.fa, &n.ar}) {
        for (auto v : split(*s, '|'))
            if (!trim(v).empty()) lookup_[fold_for_search(trim(v))] = code;
        if (auto bar = s->find('|'); bar != std::string::npos) s->resize(bar);
    }
    lookup_[fold_for_search(code)] = code;
    names_[code] = std::move(n);
}

CountryNames::CountryNames(std::string_view tsv) {
    size_t a = 0;
    while (a < tsv.size()) {
        size_t b = tsv.find('\n', a);
        if (b == std::string_view::npos) b = tsv.size();
        std::string_view line = tsv.substr(a, b - a);
        a = b + 1;
        if (line.empty() || line.front() == '#') continue;
        auto f = split(line, '\t');
        if (f.size() < 2) continue;
        std::string code(trim(f[0]));
        if (!is_code(code)) continue;  // the header line, or something else
        CountryName n;
        n.en = std::string(trim(f[1]));
        if (f.size() > 2) n.fa = std::string(trim(f[2]));
        if (f.size() > 3) n.ar = std::string(trim(f[3]));
        add(code, std::move(n));
    }
}

std::string_view CountryNames::name(std::string_view code, LabelLang lang) const {
    auto it = names_.find(std::string(code));
    if (it == names_.end()) return code;
    const CountryName& n = it->second;
    if (lang == LabelLang::Fa && !n.fa.empty()) return n.fa;
    if (lang == LabelLang::Ar && !n.ar.empty()) return n.ar;
    if (!n.en.empty()) return n.en;
    return code;
}

std::string CountryNames::code_for(std::string_view s) const {
    auto it = lookup_.find(fold_for_search(trim(s)));
    if (it != lookup_.end()) return it->second;
    return {};
}

}  // namespace tarikh::viewer
