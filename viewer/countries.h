// Country names for lane labels: CLDR's through ICU (tarikh::country_label),
// or a table (code, English, Persian, Arabic) in tests. A code neither knows
// is shown as itself.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>

namespace tarikh::viewer {

enum class LabelLang { En, Fa, Ar };

struct CountryName {
    std::string en, fa, ar;
};

class CountryNames {
public:
    CountryNames();  // every country CLDR knows
    explicit CountryNames(std::string_view tsv);

    // The name in `lang`, else English, else the code.
    std::string_view name(std::string_view code, LabelLang lang) const;
    // The code for a code or a name in any of the languages (case- and
    // letter-variant-insensitive), or "" when nothing matches.
    std::string code_for(std::string_view code_or_name) const;
    size_t size() const { return names_.size(); }

private:
    void add(const std::string& code, CountryName n);

    std::unordered_map<std::string, CountryName> names_;
    std::unordered_map<std::string, std::string> lookup_;  // folded name → code
};

// Lowercased ASCII, Arabic letter variants unified (ي/ی, ك/ک, أ/إ/آ → ا, ة → ه),
// tatweel, ZWNJ and harakat dropped: enough to match names typed in a filter.
std::string fold_for_search(std::string_view s);

}  // namespace tarikh::viewer
