// Language data compiled into the binary (engine/lang/<lang>/), built on
// first use and then shared read-only by every thread.
#pragma once

#include "embedded_data.h"
#include "tarikh/language.h"

#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace tarikh::actors {

// One T per language of the table, built from lang/<code>/<T::kDataFile> and
// the language's affixes.tsv: every phrase lexicon (gazetteer, event kinds,
// membership cues) takes the affixes that may be glued to its words. A T that
// also takes the language's code (the gazetteer, for its CLDR country names)
// is given it. A language without the file gets a T of no rows.
template <class T>
const T& builtin_language_data(Lang lang) {
    static const std::vector<std::unique_ptr<const T>> all = [] {
        std::vector<std::unique_ptr<const T>> out;
        for (const Language& l : languages()) {
            auto file = [&](const char* name) { return embedded_data("lang/" + l.code + "/" + name); };
            if constexpr (std::is_constructible_v<T, std::string_view, std::string_view, std::string_view>)
                out.push_back(std::make_unique<const T>(file(T::kDataFile), file("affixes.tsv"), l.code));
            else
                out.push_back(std::make_unique<const T>(file(T::kDataFile), file("affixes.tsv")));
        }
        return out;
    }();
    return *all[lang.index()];
}

}  // namespace tarikh::actors
