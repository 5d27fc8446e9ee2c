// The languages tarikh reads, as data: engine/lang/languages.tsv lists them
// (code, names, script, direction, the letters that tell them apart), and
// engine/lang/<code>/ holds each one's words. Every per-language table of the
// engine, the CLI's --lang and the viewer's language menu are sized and
// filled from this table: adding a language adds no code.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tarikh {

// A language: its row in the table. The default is the table's first row.
class Lang {
public:
    constexpr Lang() = default;
    constexpr explicit Lang(uint8_t index) : index_(index) {}
    constexpr size_t index() const { return index_; }
    friend constexpr bool operator==(Lang, Lang) = default;

private:
    uint8_t index_ = 0;
};

struct Language {
    Lang id;
    std::string code;         // ISO 639-1: "fa", the folder under engine/lang/
    std::string name;         // in English: "Persian"
    std::string native_name;  // in itself: "فارسی"
    std::string script;       // ISO 15924: "Arab"
    bool right_to_left = false;
    std::u32string marks;     // letters that tell it from the other languages of its script
    std::u32string excludes;  // letters it never writes
    std::vector<Lang> also;   // languages whose words its texts carry (English in Persian news)
};

// The table, in the order of languages.tsv; loaded on first use, then shared
// read-only by every thread.
const std::vector<Language>& languages();
inline const Language& language(Lang l) { return languages()[l.index()]; }

// The language of a code ("fa"); nullopt for a code the table does not list.
std::optional<Lang> find_language(std::string_view code);
// The same for a code that must be there (tests, data): throws std::invalid_argument.
Lang lang_of(std::string_view code);

std::string_view to_string(Lang l);  // its code

// Whether `c` is a letter of the script `l` is written in.
bool written_in(Lang l, char32_t c);

// Detects the language of a document from the letters of its start: the script
// most of them are in (letters of a script whose words the others carry, such
// as Latin in Persian news, count half), then among that script's languages the
// one whose marks make 1% of them and whose excludes do not.
Lang detect_language(std::string_view text);

}  // namespace tarikh
