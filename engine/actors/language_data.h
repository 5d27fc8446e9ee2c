// Language data compiled into the binary (engine/lang/<lang>/), built on
// first use and then shared read-only by every thread.
#pragma once

#include "embedded_data.h"
#include "tarikh/mention.h"

#include <string>

namespace tarikh::actors {

// One T per language, built from lang/<lang>/<T::kDataFile> and the
// language's affixes.tsv: every phrase lexicon (gazetteer, event kinds,
// membership cues) takes the affixes that may be glued to its words.
template <class T>
const T& builtin_language_data(Lang lang) {
    auto file = [](const char* dir, const char* name) { return embedded_data(std::string("lang/") + dir + "/" + name); };
    static const T fa(file("fa", T::kDataFile), file("fa", "affixes.tsv"));
    static const T ar(file("ar", T::kDataFile), file("ar", "affixes.tsv"));
    static const T en(file("en", T::kDataFile), file("en", "affixes.tsv"));
    switch (lang) {
        case Lang::Fa: return fa;
        case Lang::Ar: return ar;
        case Lang::En: return en;
    }
    return en;
}

}  // namespace tarikh::actors
