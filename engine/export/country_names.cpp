// Country names for labels (lanes, exports): CLDR's, through ICU.
#include "tarikh/actors.h"
#include "tarikh/export.h"

#include <string>

namespace tarikh {

std::string country_name(std::string_view code) { return country_label(code, "en"); }

std::vector<CountryPair> lanes_for(const Event& e, const EventQuery& q) {
    std::vector<CountryPair> out;
    for (const auto& p : e.pairs) {
        if (q.pair && !((p.first == q.pair->first && p.second == q.pair->second) ||
                        (p.first == q.pair->second && p.second == q.pair->first)))
            continue;
        if (q.actor && p.first != *q.actor && p.second != *q.actor) continue;
        out.push_back(p);
    }
    return out;
}

std::string pair_label(const CountryPair& pair) {
    if (pair.first == pair.second) return country_name(pair.first);
    return country_name(pair.first) + "\u2013" + country_name(pair.second);
}

}  // namespace tarikh
