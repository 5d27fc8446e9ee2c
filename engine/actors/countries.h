// Which countries exist and what each language calls them: ICU's CLDR data
// (the ISO 3166 regions: UN members and observers, Palestine, Kosovo,
// Taiwan, Western Sahara, dependent territories). The gazetteers add to these
// names what CLDR does not hold: aliases, demonyms, capitals, leaders, metonyms.
#pragma once

#include "tarikh/actors.h"

#include <string>
#include <string_view>
#include <vector>

namespace tarikh::actors {

const std::vector<CountryCode>& known_countries();
bool is_known_country(std::string_view code);

struct CldrName {
    std::string name;  // as CLDR writes it, or a part of it that stands alone in text
    CountryCode code;
};

// Every country's CLDR names in `locale` ("fa", "ar", "en"): the standard
// and the short name, each as it can stand in text ("Myanmar (Burma)" gives
// "Myanmar" and "Burma"). A form two countries share is left out.
std::vector<CldrName> cldr_country_names(std::string_view locale);

std::string country_label_for(std::string_view code, std::string_view locale);

}  // namespace tarikh::actors
