#include "store/event_row.h"

#include "tarikh/event_json.h"
#include "tarikh/normalize.h"
#include "tarikh/store.h"

#include <fmt/format.h>

#include <algorithm>

namespace tarikh::store {
namespace {

void put_u32(std::string& out, uint32_t v) {
    char b[4] = {char(v), char(v >> 8), char(v >> 16), char(v >> 24)};
    out.append(b, 4);
}

uint32_t get_u32(std::string_view in, size_t at) {
    const auto* p = reinterpret_cast<const unsigned char*>(in.data()) + at;
    return uint32_t(p[0]) | uint32_t(p[1]) << 8 | uint32_t(p[2]) << 16 | uint32_t(p[3]) << 24;
}

}  // namespace

int64_t day_number(Day d) { return d.time_since_epoch().count(); }
Day day_from_number(int64_t n) { return Day(std::chrono::days(n)); }

StoredSpan stored_span(const Interval& iv) {
    if (!iv.anchored()) return {};
    const int64_t a = day_number(*iv.earliest), b = day_number(*iv.latest);
    return {span_class(a, b), a, b};
}

bool same_time(const StoredSpan& a, const StoredSpan& b) {
    if (a.cls == kUndatedClass || b.cls == kUndatedClass) return a.cls == b.cls;
    return a.earliest <= b.latest && a.latest >= b.earliest;
}

std::string pack_sources(const std::vector<Source>& sources) {
    std::string out;
    for (const auto& s : sources) {
        put_u32(out, static_cast<uint32_t>(s.doc.size()));
        out += s.doc;
        put_u32(out, s.span.begin);
        put_u32(out, s.span.end);
        put_u32(out, s.date_span.begin);
        put_u32(out, s.date_span.end);
    }
    return out;
}

std::vector<Source> unpack_sources(std::string_view in, const std::string& where) {
    std::vector<Source> out;
    size_t at = 0;
    while (at < in.size()) {
        if (at + 4 > in.size()) throw StoreError(where + ": the store is damaged (sources)");
        const uint32_t n = get_u32(in, at);
        at += 4;
        if (at + n + 16 > in.size()) throw StoreError(where + ": the store is damaged (sources)");
        Source s;
        s.doc.assign(in.substr(at, n));
        at += n;
        s.span = {get_u32(in, at), get_u32(in, at + 4)};
        s.date_span = {get_u32(in, at + 8), get_u32(in, at + 12)};
        at += 16;
        out.push_back(std::move(s));
    }
    return out;
}

std::string pack_keys(const std::vector<int64_t>& keys) {
    std::string out;
    for (int64_t k : keys) {
        const auto u = static_cast<uint64_t>(k);
        put_u32(out, static_cast<uint32_t>(u));
        put_u32(out, static_cast<uint32_t>(u >> 32));
    }
    return out;
}

std::vector<int64_t> unpack_keys(std::string_view blob) {
    std::vector<int64_t> out;
    for (size_t at = 0; at + 8 <= blob.size(); at += 8)
        out.push_back(static_cast<int64_t>(uint64_t{get_u32(blob, at)} | uint64_t{get_u32(blob, at + 4)} << 32));
    return out;
}

std::string join_actors(const std::vector<CountryCode>& actors) {
    std::string out;
    for (const auto& a : actors) {
        if (!out.empty()) out += ' ';
        out += a;
    }
    return out;
}

std::string join_pairs(const std::vector<CountryPair>& pairs) {
    std::string out;
    for (const auto& p : pairs) {
        if (!out.empty()) out += ' ';
        out += pair_key(p);
    }
    return out;
}

std::vector<std::string> split_words(std::string_view s) {
    std::vector<std::string> out;
    size_t i = 0;
    while (i < s.size()) {
        const size_t b = s.find_first_not_of(" \t\n\r", i);
        if (b == std::string_view::npos) break;
        size_t e = s.find_first_of(" \t\n\r", b);
        if (e == std::string_view::npos) e = s.size();
        out.emplace_back(s.substr(b, e - b));
        i = e;
    }
    return out;
}

CountryPair pair_from_key(const std::string& key) {
    auto dash = key.find('-');
    if (dash == std::string::npos) return {key, key};
    return {key.substr(0, dash), key.substr(dash + 1)};
}

Event event_from_row(const EventRow& r, const std::string& where) {
    Event e;
    e.id = r.id;
    if (r.cls != kUndatedClass) {
        e.interval = {day_from_number(r.earliest.value_or(0)), day_from_number(r.latest.value_or(0))};
    } else {
        // An undated event may still know one bound.
        if (r.earliest) e.interval.earliest = day_from_number(*r.earliest);
        if (r.latest) e.interval.latest = day_from_number(*r.latest);
    }
    e.value = r.value;
    e.granularity = granularity_from_string(r.granularity).value_or(Granularity::Unknown);
    e.mod = mod_from_string(r.mod).value_or(Mod::None);
    e.kind = event_kind_from_string(r.kind).value_or(EventKind::Other);
    e.lang = lang_from_string(r.lang).value_or(Lang{});  // a language no longer listed: the first one
    e.confidence = static_cast<float>(r.confidence);
    for (auto& a : split_words(r.actors)) e.actors.push_back(std::move(a));
    for (auto& p : split_words(r.pairs)) e.pairs.push_back(pair_from_key(p));
    e.text = r.text;
    e.sources = unpack_sources(r.sources, where);
    e.participants = split_participants(r.participants, where);
    normalize_actors(e);
    return e;
}

std::string join_participants(const std::vector<Participants>& participants) {
    std::string out;
    for (const Participants& p : participants) {
        if (!out.empty()) out += ' ';
        out += fmt::format("{}{}{}:{}:{:.3g}", p.source, p.directed ? '>' : '=', p.target, to_string(p.cue), p.confidence);
    }
    return out;
}

std::vector<Participants> split_participants(std::string_view s, const std::string& where) {
    std::vector<Participants> out;
    for (const std::string& entry : split_words(s)) {
        auto damaged = [&] { return StoreError(fmt::format("{}: the store is damaged (participants \"{}\")", where, entry)); };
        const size_t mark = entry.find_first_of(">="), c1 = entry.find(':'), c2 = entry.rfind(':');
        if (mark == std::string::npos || c1 == std::string::npos || c2 == c1 || mark > c1) throw damaged();
        Participants p;
        p.source = entry.substr(0, mark);
        p.target = entry.substr(mark + 1, c1 - mark - 1);
        p.directed = entry[mark] == '>';
        const auto cue = pair_cue_from_string(std::string_view(entry).substr(c1 + 1, c2 - c1 - 1));
        if (!cue || p.source.empty() || p.target.empty()) throw damaged();
        p.cue = *cue;
        try {
            p.confidence = std::stof(entry.substr(c2 + 1));
        } catch (...) {
            throw damaged();
        }
        out.push_back(std::move(p));
    }
    return out;
}

void keep_confident_pairs(std::vector<Event>& events, const EventQuery& q) {
    if (q.min_confidence <= 0) return;
    auto in_view = [&](const CountryPair& p) {
        if (q.pair) {
            CountryPair want = *q.pair;
            if (want.second < want.first) std::swap(want.first, want.second);
            if (p != want) return false;
        }
        return !q.actor || p.first == *q.actor || p.second == *q.actor;
    };
    std::erase_if(events, [&](Event& e) {
        std::erase_if(e.participants, [&](const Participants& p) { return p.confidence < q.min_confidence; });
        if (std::none_of(e.participants.begin(), e.participants.end(), [&](const Participants& p) { return in_view(p.lane()); }))
            return true;
        e.pairs.clear();
        e.actors.clear();
        normalize_actors(e);
        return false;
    });
}

std::vector<std::string> folded_words(std::string_view text) { return split_words(fold(text)); }

bool has_all_words(std::string_view sentence, const std::vector<std::string>& folded) {
    if (folded.empty()) return true;
    const std::string f = fold(sentence);
    for (const auto& w : folded)
        if (f.find(w) == std::string::npos) return false;
    return true;
}

RowText row_text(const Event& e) {
    return {join_actors(e.actors), join_pairs(e.pairs), pack_sources(e.sources), join_participants(e.participants)};
}

}  // namespace tarikh::store
