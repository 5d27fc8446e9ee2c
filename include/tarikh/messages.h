// Words for people, per language: the viewer's toolbar, panels, kinds and
// axis, the exports' labels and human dates. Like every other word tarikh
// knows, they are data: engine/lang/<code>/ui.tsv, one `key<TAB>text` a line.
//
//   key   the English the program writes ("Export…", "search sentences"), or
//         the name of a pattern ("date.month", "status.events")
//   text  an ICU MessageFormat pattern: {year} is an argument, and
//         {n, plural, one {# event} other {# events}} follows the language's
//         CLDR plural rules (Arabic's six forms included)
//
// Why this and not gettext: the engine already carries ICU, whose
// MessageFormat gives CLDR plural rules and the language's digits (۱۴۰۲,
// ١٤٤٥) with no locale installed on the machine and no process-wide
// setlocale, so the viewer can switch language between two frames and tests
// run the same everywhere; and a language stays one folder of TSV files
// (engine/lang/README.md). Month names come from CLDR too (ICU's
// DateFormatSymbols: "Mehr", "مهر", "Ramadan", "رمضان"), so no file lists them.
//
// A key a language does not translate falls back to English, then to the key
// itself: an English label is its own key, and a missing translation shows
// English rather than nothing.
#pragma once

#include "tarikh/time.h"

#include <cstdint>
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <variant>

namespace tarikh {

class Messages {
public:
    // The messages of `code` ("en", "fa", "ar"), loaded once per process and
    // kept: safe to call from any thread. A code without a ui.tsv has only
    // the English ones (with its own digits and month names, from CLDR).
    static const Messages& of(std::string_view code);
    ~Messages();

    const std::string& code() const;
    // The text for `key`, as a C string that lives as long as the program
    // (or `key` itself, when no language has it).
    const char* tr(const char* key) const;
    std::string_view text(std::string_view key) const;
    // Whether the language's own ui.tsv has `key` (not through English).
    bool has_own(std::string_view key) const;

    struct Arg {
        std::string_view name;
        std::variant<int64_t, std::string> value;  // numbers take part in plurals
    };
    // `key`'s text formatted with named arguments: format("status.events",
    // {{"shown", 20}, {"total", 17408}}) → "20 of 17,408 events".
    std::string format(std::string_view key, std::initializer_list<Arg> args) const;

    // Numbers in the language's digits: with grouping (17,408 · ۱۷٬۴۰۸) for
    // counts, without (1402 · ۱۴۰۲) for years and days.
    std::string count(int64_t n) const;
    std::string digits(int64_t n) const;
    // A count in little room: 950, 1.2K, 34K, 1.5M (۱٫۲ هزار) — CLDR's compact form.
    std::string compact(int64_t n) const;
    // CLDR's name of month `m` (1–12) of a calendar: "October", "Mehr", "Ramadan".
    std::string month(Calendar calendar, int m, bool abbreviated = false) const;

private:
    explicit Messages(std::string code);
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace tarikh
