// The language table (engine/lang/languages.tsv) and language detection.
#include "tarikh/language.h"

#include "embedded_data.h"
#include "text/tsv.h"
#include "text/utf8.h"

#include <unicode/uchar.h>
#include <unicode/uniset.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <array>
#include <bit>
#include <memory>
#include <stdexcept>
#include <string>

namespace tarikh {
namespace {

std::u32string code_points(std::string_view s) {
    std::u32string out;
    if (s == "-") return out;
    const auto* p = reinterpret_cast<const uint8_t*>(s.data());
    for (size_t i = 0; i < s.size();) {
        if (p[i] < 0x80) { out.push_back(p[i++]); continue; }
        text::Decoded d = text::decode_multibyte(p + i, s.size() - i);
        if (d.len == 0) throw std::runtime_error("tarikh: lang/languages.tsv: invalid UTF-8");
        out.push_back(d.cp);
        i += d.len;
    }
    return out;
}

std::vector<Language> load() {
    std::vector<Language> table;
    std::vector<std::vector<std::string>> also;
    auto fail = [](const std::string& why) { throw std::runtime_error("tarikh: lang/languages.tsv: " + why); };
    text::for_each_tsv_row(embedded_data("lang/languages.tsv"), [&](const std::vector<std::string_view>& f) {
        if (f[0] == "code") return;  // the header
        if (f.size() < 8) fail("row " + std::string(f[0]) + " needs 8 columns");
        if (table.size() == 255) fail("more than 255 languages");
        Language l;
        l.id = Lang(static_cast<uint8_t>(table.size()));
        l.code = f[0];
        l.name = f[1];
        l.native_name = f[2];
        l.script = f[3];
        if (u_getPropertyValueEnum(UCHAR_SCRIPT, l.script.c_str()) == UCHAR_INVALID_CODE) fail("unknown script " + l.script);
        if (f[4] != "ltr" && f[4] != "rtl") fail("direction of " + l.code + " is ltr or rtl");
        l.right_to_left = f[4] == "rtl";
        l.marks = code_points(f[5]);
        l.excludes = code_points(f[6]);
        also.emplace_back();
        if (f[7] != "-")
            for (std::string_view c : text::split(f[7], ',')) also.back().emplace_back(c);
        table.push_back(std::move(l));
    });
    if (table.empty()) fail("no language");
    for (size_t i = 0; i < table.size(); ++i)
        for (const std::string& code : also[i]) {
            auto it = std::find_if(table.begin(), table.end(), [&](const Language& l) { return l.code == code; });
            if (it == table.end()) fail(table[i].code + " reads unknown language " + code);
            table[i].also.push_back(it->id);
        }
    return table;
}

// What detection needs to know of each code point of the Basic Multilingual
// Plane, worked out once: the script it is a letter of (an index into
// `scripts`, or none), and whether it is some language's mark or exclude.
struct Detector {
    static constexpr uint8_t kNone = 0xFF;
    std::vector<std::string> scripts;        // the table's scripts, in order of first use
    std::vector<bool> borrowed;              // some language of another script reads this script's words
    std::vector<uint8_t> script_of;          // by code point: index into `scripts`, or kNone
    std::vector<uint8_t> signal_of;          // by code point: 1 + index into `signals`, or 0
    std::vector<std::pair<uint64_t, uint64_t>> signals;  // languages it marks, languages it excludes (bit per language)
    std::vector<uint8_t> script_of_language;

    explicit Detector(const std::vector<Language>& table) : script_of(0x10000, kNone), signal_of(0x10000, 0) {
        std::vector<UScriptCode> codes;
        for (const Language& l : table) {
            auto it = std::find(scripts.begin(), scripts.end(), l.script);
            if (it == scripts.end()) {
                scripts.push_back(l.script);
                codes.push_back(static_cast<UScriptCode>(u_getPropertyValueEnum(UCHAR_SCRIPT, l.script.c_str())));
                it = scripts.end() - 1;
            }
            script_of_language.push_back(static_cast<uint8_t>(it - scripts.begin()));
        }
        borrowed.assign(scripts.size(), false);
        for (const Language& l : table)
            for (Lang a : l.also)
                if (script_of_language[a.index()] != script_of_language[l.id.index()])
                    borrowed[script_of_language[a.index()]] = true;
        // The letters of each script: ICU's set of the script's code points
        // (cheaper at start-up than asking for every code point's script).
        for (size_t k = 0; k < codes.size(); ++k) {
            UErrorCode status = U_ZERO_ERROR;
            icu::UnicodeSet letters;
            letters.applyIntPropertyValue(UCHAR_SCRIPT, codes[k], status);
            if (U_FAILURE(status)) throw std::runtime_error("tarikh: ICU script sets unavailable");
            for (int32_t r = 0; r < letters.getRangeCount(); ++r)
                for (UChar32 c = letters.getRangeStart(r); c <= letters.getRangeEnd(r) && c < 0x10000; ++c)
                    if (u_isalpha(c)) script_of[c] = static_cast<uint8_t>(k);
        }
        auto signal = [&](char32_t c, size_t lang, bool mark) {
            if (c >= 0x10000 || lang >= 64) return;
            if (!signal_of[c]) {
                signals.emplace_back(0, 0);
                signal_of[c] = static_cast<uint8_t>(signals.size());
                // A mark that is not a letter (Persian digits) still counts in its language's script.
                if (script_of[c] == kNone) script_of[c] = script_of_language[lang];
            }
            (mark ? signals[signal_of[c] - 1].first : signals[signal_of[c] - 1].second) |= uint64_t{1} << lang;
        };
        for (const Language& l : table) {
            for (char32_t c : l.marks) signal(c, l.id.index(), true);
            for (char32_t c : l.excludes) signal(c, l.id.index(), false);
        }
        if (signals.size() > 254) throw std::runtime_error("tarikh: lang/languages.tsv: too many marks");
    }

    Lang detect(std::string_view text, const std::vector<Language>& table) const {
        std::array<size_t, 64> marks{}, excludes{};
        std::vector<size_t> letters(scripts.size(), 0);
        const auto* p = reinterpret_cast<const uint8_t*>(text.data());
        for (size_t i = 0; i < text.size();) {
            char32_t c;
            if (p[i] < 0x80) {
                c = p[i++];
            } else {
                text::Decoded d = text::decode_multibyte(p + i, text.size() - i);
                if (d.len == 0) { ++i; continue; }
                c = d.cp;
                i += d.len;
                if (c >= 0x10000) continue;
            }
            if (script_of[c] == kNone) continue;
            ++letters[script_of[c]];
            if (uint8_t s = signal_of[c]) {
                for (uint64_t m = signals[s - 1].first; m; m &= m - 1) ++marks[std::countr_zero(m)];
                for (uint64_t m = signals[s - 1].second; m; m &= m - 1) ++excludes[std::countr_zero(m)];
            }
        }
        // The script: most letters, those of a borrowed script counting half;
        // on a tie the script that is not borrowed.
        size_t best = scripts.size();
        auto score = [&](size_t s) { return borrowed[s] ? letters[s] / 2 : letters[s]; };
        for (size_t s = 0; s < scripts.size(); ++s) {
            if (letters[s] == 0) continue;
            if (best == scripts.size() || score(s) > score(best) || (score(s) == score(best) && borrowed[best] && !borrowed[s]))
                best = s;
        }
        if (best == scripts.size()) return table.front().id;
        // The language: the most marks (1% of the script's letters at least),
        // else the script's first language without marks; a language with 1%
        // of its excludes is never chosen.
        const size_t n = letters[best];
        const Language* chosen = nullptr;
        const Language* fallback = nullptr;
        for (const Language& l : table) {
            const size_t k = l.id.index();
            if (script_of_language[k] != best || (k < 64 && excludes[k] * 100 >= n && excludes[k] > 0)) continue;
            if (!l.marks.empty() && k < 64 && marks[k] * 100 >= n && marks[k] > 0) {
                if (!chosen || marks[k] > marks[chosen->id.index()]) chosen = &l;
            } else if (l.marks.empty() && !fallback) {
                fallback = &l;
            }
        }
        if (chosen) return chosen->id;
        if (fallback) return fallback->id;
        for (const Language& l : table)
            if (script_of_language[l.id.index()] == best) return l.id;
        return table.front().id;
    }
};

const Detector& detector() {
    static const Detector d(languages());
    return d;
}

}  // namespace

const std::vector<Language>& languages() {
    static const std::vector<Language> table = load();
    return table;
}

std::optional<Lang> find_language(std::string_view code) {
    for (const Language& l : languages())
        if (l.code == code) return l.id;
    return std::nullopt;
}

Lang lang_of(std::string_view code) {
    if (auto l = find_language(code)) return *l;
    throw std::invalid_argument("tarikh: no language " + std::string(code) + " in lang/languages.tsv");
}

std::string_view to_string(Lang l) { return language(l).code; }

bool written_in(Lang l, char32_t c) {
    const Detector& d = detector();
    return c < 0x10000 && d.script_of[c] == d.script_of_language[l.index()];
}

Lang detect_language(std::string_view text) {
    // The first 1.5 KB (some 700 letters) decide: a document does not change
    // language midway, and this runs on every document.
    return detector().detect(text.substr(0, 1536), languages());
}

}  // namespace tarikh
