// Language data compiled into the binary (engine/lang/<lang>/), built on
// first use and then shared read-only by every thread.
#pragma once

#include "embedded_data.h"
#include "tarikh/mention.h"

#include <string>
#include <string_view>
#include <type_traits>

namespace tarikh::actors {

// One T per language, built from lang/<lang>/<T::kDataFile> and the
// language's affixes.tsv: every phrase lexicon (gazetteer, event kinds,
// membership cues) takes the affixes that may be glued to its words.
// A T that also takes the language's code (the gazetteer, for its CLDR
// country names) is given it.
template <class T>
const T& builtin_language_data(Lang lang) {
    auto make = [](const char* dir) {
        auto file = [dir](const char* name) { return embedded_data(std::string("lang/") + dir + "/" + name); };
        if constexpr (std::is_constructible_v<T, std::string_view, std::string_view, std::string_view>)
            return T(file(T::kDataFile), file("affixes.tsv"), dir);
        else
            return T(file(T::kDataFile), file("affixes.tsv"));
    };
    static const T fa = make("fa");
    static const T ar = make("ar");
    static const T en = make("en");
    switch (lang) {
        case Lang::Fa: return fa;
        case Lang::Ar: return ar;
        case Lang::En: return en;
    }
    return en;
}

}  // namespace tarikh::actors
