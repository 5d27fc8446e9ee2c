// Country names for lane labels, in every language of lang/languages.tsv:
// CLDR's through ICU (tarikh::country_label), or in tests a table whose header
// names its columns by language code ("code en fa ar"). A code neither knows
// is shown as itself.
#pragma once

#include "tarikh/language.h"

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace tarikh::viewer {

class CountryNames {
public:
    CountryNames();  // every country CLDR knows
    explicit CountryNames(std::string_view tsv);

    // The name in `lang`, else in the first language that has one, else the code.
    std::string_view name(std::string_view code, Lang lang) const;
    // The code for a code or a name in any of the languages (case- and
    // letter-variant-insensitive), or "" when nothing matches.
    std::string code_for(std::string_view code_or_name) const;
    size_t size() const { return names_.size(); }

private:
    // Names by language index; a name may list variants ("Iran|Islamic
    // Republic of Iran"), the first one being the label.
    void add(const std::string& code, std::vector<std::string> names);

    std::unordered_map<std::string, std::vector<std::string>> names_;  // by language index
    std::unordered_map<std::string, std::string> lookup_;  // folded name → code
};

}  // namespace tarikh::viewer
