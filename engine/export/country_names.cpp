// Country names for labels, read once from the compiled-in gazetteer table
// engine/data/countries.tsv (columns: code, English, Persian, Arabic).
#include "embedded_data.h"
#include "tarikh/export.h"

#include <map>
#include <string>

namespace tarikh {
namespace {

std::map<std::string, std::string, std::less<>> load_names() {
    std::map<std::string, std::string, std::less<>> names;
    std::string_view data = embedded_data("data/countries.tsv");
    while (!data.empty()) {
        size_t nl = data.find('\n');
        std::string_view line = data.substr(0, nl);
        data = nl == std::string_view::npos ? std::string_view() : data.substr(nl + 1);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.empty() || line[0] == '#') continue;
        size_t tab = line.find('\t');
        if (tab == std::string_view::npos) continue;
        std::string_view code = line.substr(0, tab), rest = line.substr(tab + 1);
        std::string_view english = rest.substr(0, rest.find('\t'));
        // A header row ("code\tEnglish…") is not a two-letter upper-case code.
        if (code.empty() || english.empty() || code == "code") continue;
        names.emplace(std::string(code), std::string(english));
    }
    return names;
}

}  // namespace

std::string country_name(std::string_view code) {
    static const auto names = load_names();
    auto it = names.find(code);
    return it == names.end() ? std::string(code) : it->second;
}

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
