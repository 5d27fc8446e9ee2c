#include "filters.h"

#include "time_axis.h"

#include "tarikh/normalize.h"
#include "tarikh/user_input.h"
#include "text/utf8.h"

#include <algorithm>
#include <cstring>
#include <set>

namespace tarikh::viewer {
namespace {

// Folding keeps line breaks: a typed query may still hold one.
std::vector<std::string> words_of(const std::string& folded) {
    std::vector<std::string> out;
    size_t a = 0;
    while (a < folded.size()) {
        size_t b = folded.find_first_of(" \n", a);
        if (b == std::string::npos) b = folded.size();
        if (b > a) out.push_back(folded.substr(a, b - a));
        a = b + 1;
    }
    return out;
}

// Bytes of the UTF-8 letter at `at` (1 for ASCII and for a byte that starts none).
size_t letter_length(std::string_view s, size_t at) {
    const auto b = static_cast<uint8_t>(s[at]);
    if (b < 0x80) return 1;
    const text::Decoded d = text::decode_multibyte(reinterpret_cast<const uint8_t*>(s.data()) + at, s.size() - at);
    return d.len ? d.len : 1;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    return s;
}

// Splits "A-B", "A–B", "A/B" into its two sides; false when it is one name.
bool split_pair(std::string_view s, std::string_view& a, std::string_view& b) {
    for (std::string_view sep : {"–", "—", "/", "-"}) {
        size_t at = s.find(sep);
        if (at != std::string_view::npos && at > 0 && at + sep.size() < s.size()) {
            a = trim(s.substr(0, at));
            b = trim(s.substr(at + sep.size()));
            return true;
        }
    }
    return false;
}

}  // namespace

namespace {

// A filter's date: anything `parse` reads, or a year before the common era ("500 BCE").
bool filter_day(const std::string& text, bool end, int32_t& day) {
    if (auto iv = date_from_user(text)) {
        day = static_cast<int32_t>((end ? *iv->latest : *iv->earliest).time_since_epoch().count());
        return true;
    }
    return parse_partial_date(text, end, day);
}

}  // namespace

FilterResult apply_filter(const Filter& f, const EventTable& table, const Timeline& base, const CountryNames& names,
                          const Messages& said) {
    FilterResult r;
    if (!f.active()) {
        r.kept = table.size();
        return r;
    }
    auto note = [&](const std::string& s) {
        if (!r.problem.empty()) r.problem += "; ";
        r.problem += s;
    };

    // Who: actors and pairs, OR-ed together.
    std::set<CountryId> actors;
    std::set<std::pair<CountryId, CountryId>> pairs;
    bool who_given = false;
    auto resolve = [&](std::string_view s) -> std::optional<CountryId> {
        std::string code = names.code_for(s);
        if (code.empty()) {
            std::string up(s);
            for (char& c : up) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
            code = up;
        }
        auto id = table.find_country(code);
        if (!id) note(said.format("filter.no_events", {{"who", std::string(s)}}));
        return id;
    };
    {
        std::string_view rest = f.who;
        while (!rest.empty()) {
            size_t c = 0, skip = 1;
            // A comma or semicolon of any script (folding makes the Arabic ones ASCII).
            for (; c < rest.size(); c += skip) {
                skip = letter_length(rest, c);
                const std::string mark = skip == 1 ? std::string(1, rest[c]) : fold(rest.substr(c, skip));
                if (mark == "," || mark == ";") break;
            }
            std::string_view item = trim(rest.substr(0, c));
            rest = c >= rest.size() ? std::string_view{} : rest.substr(c + skip);
            if (item.empty()) continue;
            who_given = true;
            std::string_view a, b;
            // A name with a hyphen in it ("Guinea-Bissau") is a name, not a pair.
            if (names.code_for(item).empty() && split_pair(item, a, b)) {
                auto x = resolve(a), y = resolve(b);
                if (x && y) {
                    CountryId p = *x, q = *y;
                    if (table.codes[q] < table.codes[p]) std::swap(p, q);
                    pairs.insert({p, q});
                }
            } else if (auto x = resolve(item)) {
                actors.insert(*x);
            }
        }
    }

    int32_t from = std::numeric_limits<int32_t>::min(), to = std::numeric_limits<int32_t>::max();
    if (!f.from.empty() && !filter_day(f.from, false, from)) note(said.format("filter.bad_date", {{"date", f.from}}));
    if (!f.to.empty() && !filter_day(f.to, true, to)) note(said.format("filter.bad_date", {{"date", f.to}}));

    const std::vector<std::string> words = words_of(fold(f.text));
    if (!words.empty()) table.ensure_folded();

    r.keep.assign(table.size(), 0);
    for (size_t i = 0; i < table.size(); ++i) {
        if (!(f.kinds >> table.kind[i] & 1)) continue;
        if (f.min_confidence > 0) {
            bool sure = false;
            for (auto p = table.pairs_begin(i); p != table.pairs_end(i) && !sure; ++p)
                sure = table.pair_info[static_cast<size_t>(p - table.pairs.data())].confidence >= f.min_confidence;
            if (!sure) continue;
        }
        if (table.last[i] < from || table.first[i] > to) continue;
        if (who_given) {
            bool hit = false;
            for (auto a = table.actors_begin(i); a != table.actors_end(i) && !hit; ++a) hit = actors.count(*a) > 0;
            for (auto p = table.pairs_begin(i); p != table.pairs_end(i) && !hit; ++p) hit = pairs.count(*p) > 0;
            if (!hit) continue;
        }
        if (!words.empty()) {
            std::string_view hay = table.folded_text(i);
            bool all = true;
            for (const auto& w : words) {
                if (!memmem(hay.data(), hay.size(), w.data(), w.size())) {
                    all = false;
                    break;
                }
            }
            if (!all) continue;
        }
        r.keep[i] = 1;
        ++r.kept;
    }

    if (who_given) {
        r.keep_lane.assign(base.lanes.size(), 0);
        for (size_t li = 0; li < base.lanes.size(); ++li) {
            const Lane& l = base.lanes[li];
            if (l.aggregate())
                r.keep_lane[li] = 1;  // its events are already the filtered ones
            else if (l.alone())
                r.keep_lane[li] = actors.count(l.a) > 0;
            else
                r.keep_lane[li] = actors.count(l.a) || actors.count(l.b) || pairs.count({l.a, l.b});
        }
    }
    return r;
}

}  // namespace tarikh::viewer
