#include "event_table.h"

#include "countries.h"

#include "tarikh/normalize.h"

#include <algorithm>
#include <functional>

namespace tarikh::viewer {

StringArena::Ref StringArena::add(std::string_view s) {
    if (chunks_.empty() || used_ + s.size() > kChunk) {
        chunks_.push_back(std::shared_ptr<char[]>(new char[std::max(kChunk, s.size())]));
        used_ = 0;
    }
    Ref r{static_cast<uint32_t>(chunks_.size() - 1), static_cast<uint32_t>(used_), static_cast<uint32_t>(s.size())};
    std::copy(s.begin(), s.end(), chunks_.back().get() + used_);
    used_ += s.size();
    bytes_ += s.size();
    return r;
}

bool EventTable::fuzzy(size_t i) const {
    auto g = static_cast<Granularity>(granularity[i]);
    if (static_cast<Mod>(mod[i]) != Mod::None) return true;
    switch (g) {
    case Granularity::Day:
    case Granularity::Week:
    case Granularity::Month: return false;
    default: return true;
    }
}

CountryId EventTable::country(std::string_view code) {
    if (code.size() == 2) {
        auto key = static_cast<size_t>(static_cast<unsigned char>(code[0]) << 8 | static_cast<unsigned char>(code[1]));
        if (code_ids_[key] != 0xFFFF) return code_ids_[key];
        auto id = static_cast<CountryId>(codes.size());
        codes.emplace_back(code);
        return code_ids_[key] = id;
    }
    auto it = other_ids_.find(std::string(code));
    if (it != other_ids_.end()) return it->second;
    auto id = static_cast<CountryId>(codes.size());
    codes.emplace_back(code);
    other_ids_.emplace(std::string(code), id);
    return id;
}

std::optional<CountryId> EventTable::find_country(std::string_view code) const {
    if (code.size() == 2) {
        auto key = static_cast<size_t>(static_cast<unsigned char>(code[0]) << 8 | static_cast<unsigned char>(code[1]));
        if (code_ids_[key] == 0xFFFF) return std::nullopt;
        return code_ids_[key];
    }
    auto it = other_ids_.find(std::string(code));
    if (it == other_ids_.end()) return std::nullopt;
    return it->second;
}

void EventTable::append(Event& e) {
    if (!e.interval.anchored()) return;
    if (first.empty()) {
        actors_at.push_back(0);
        pairs_at.push_back(0);
        sources_at.push_back(0);
    }
    int32_t a = e.interval.earliest->time_since_epoch().count();
    int32_t b = e.interval.latest->time_since_epoch().count();
    if (b < a) std::swap(a, b);
    first.push_back(a);
    last.push_back(b);
    kind.push_back(static_cast<uint8_t>(e.kind));
    granularity.push_back(static_cast<uint8_t>(e.granularity));
    mod.push_back(static_cast<uint8_t>(e.mod));
    lang.push_back(static_cast<uint8_t>(e.lang.index()));
    confidence.push_back(e.confidence);
    id.push_back(e.id);

    value_ref.push_back(strings_.add(e.value));
    text_ref.push_back(strings_.add(e.text));

    // Actors come sorted and unique from the engine, but a pair's members
    // count as actors even if a producer forgot to list them.
    const size_t act0 = actors.size();
    auto add_actor = [&](CountryId c) {
        for (size_t k = act0; k < actors.size(); ++k)
            if (actors[k] == c) return;
        actors.push_back(c);
    };
    for (const auto& c : e.actors) add_actor(country(c));
    for (const auto& [x, y] : e.pairs) {
        add_actor(country(x));
        add_actor(country(y));
    }
    std::sort(actors.begin() + static_cast<long>(act0), actors.end(),
              [&](CountryId l, CountryId r) { return codes[l] < codes[r]; });
    actors_at.push_back(static_cast<uint32_t>(actors.size()));

    const size_t before = pairs.size();
    for (size_t k = 0; k < e.pairs.size(); ++k) {
        const auto& [x, y] = e.pairs[k];
        CountryId p = country(x), q = country(y);
        if (codes[q] < codes[p]) std::swap(p, q);
        pairs.emplace_back(p, q);
        PairInfo info{e.confidence};
        if (k < e.participants.size() && e.participants[k].lane() == CountryPair{codes[p], codes[q]}) {
            const Participants& w = e.participants[k];
            info = {w.confidence, static_cast<uint8_t>(w.cue),
                    static_cast<uint8_t>(!w.directed ? 0 : w.source == codes[p] ? 1 : 2)};
        }
        pair_info.push_back(info);
    }
    // An event with one actor and no pair still has a lane: the actor's own.
    if (pairs.size() == before && actors.size() - act0 == 1) {
        pairs.emplace_back(actors[act0], actors[act0]);
        pair_info.push_back({e.confidence, static_cast<uint8_t>(PairCue::Alone), 0});
    }
    pairs_at.push_back(static_cast<uint32_t>(pairs.size()));

    for (const auto& s : e.sources) sources.push_back({doc_id(s.doc), s.span, s.date_span});
    sources_at.push_back(static_cast<uint32_t>(sources.size()));

    // Free what was copied now: converting a million events keeps one copy.
    e = Event{};
}

uint32_t EventTable::doc_id(std::string_view name) {
    if (docs.size() * 2 >= doc_slots_.size()) {
        std::vector<uint32_t> grown(std::max<size_t>(1024, doc_slots_.size() * 2), 0);
        const size_t mask = grown.size() - 1;
        for (uint32_t d = 0; d < docs.size(); ++d) {
            size_t h = std::hash<std::string_view>{}(docs[d]) & mask;
            while (grown[h]) h = (h + 1) & mask;
            grown[h] = d + 1;
        }
        doc_slots_.swap(grown);
    }
    const size_t mask = doc_slots_.size() - 1;
    size_t h = std::hash<std::string_view>{}(name) & mask;
    for (; doc_slots_[h]; h = (h + 1) & mask)
        if (docs[doc_slots_[h] - 1] == name) return doc_slots_[h] - 1;
    const auto id = static_cast<uint32_t>(docs.size());
    docs.push_back(strings_.get(strings_.add(name)));
    doc_slots_[h] = id + 1;
    return id;
}

void EventTable::reserve(size_t n) {
    for (auto* v : {&first, &last}) v->reserve(n);
    for (auto* v : {&kind, &granularity, &mod, &lang}) v->reserve(n);
    for (auto* v : {&actors_at, &pairs_at, &sources_at}) v->reserve(n + 1);
    value_ref.reserve(n);
    text_ref.reserve(n);
    confidence.reserve(n);
    id.reserve(n);
    actors.reserve(n * 2);
    pairs.reserve(n + n / 2);
    pair_info.reserve(n + n / 2);
    sources.reserve(n + n / 2);
}

void EventTable::ensure_folded() const {
    if (folded_at_.size() == size() + 1) return;
    folded_.clear();
    folded_at_.assign(1, 0);
    folded_.reserve(strings_.bytes());
    for (size_t i = 0; i < size(); ++i) {
        folded_ += fold(text(i));
        folded_at_.push_back(folded_.size());
    }
}

float EventTable::pair_confidence(size_t i, CountryId a, CountryId b) const {
    for (auto p = pairs_begin(i); p != pairs_end(i); ++p)
        if ((p->first == a && p->second == b) || (p->first == b && p->second == a))
            return pair_info[static_cast<size_t>(p - pairs.data())].confidence;
    return 0;
}

Event EventTable::to_event(size_t i) const {
    Event e;
    e.id = id[i];
    e.interval.earliest = Day{date::days{first[i]}};
    e.interval.latest = Day{date::days{last[i]}};
    e.value = std::string(value(i));
    e.granularity = static_cast<Granularity>(granularity[i]);
    e.mod = static_cast<Mod>(mod[i]);
    for (auto p = actors_begin(i); p != actors_end(i); ++p) e.actors.push_back(codes[*p]);
    for (auto p = pairs_begin(i); p != pairs_end(i); ++p) {
        e.pairs.emplace_back(codes[p->first], codes[p->second]);
        const PairInfo& info = pair_info[static_cast<size_t>(p - pairs.data())];
        const bool reversed = info.direction == 2;
        e.participants.push_back({codes[reversed ? p->second : p->first], codes[reversed ? p->first : p->second],
                                  info.direction != 0, static_cast<PairCue>(info.cue), info.confidence});
    }
    e.kind = static_cast<EventKind>(kind[i]);
    e.text = std::string(text(i));
    e.lang = Lang(lang[i]);
    e.confidence = confidence[i];
    for (auto s = sources_begin(i); s != sources_end(i); ++s)
        e.sources.push_back({std::string(docs[s->doc]), s->span, s->date_span});
    return e;
}

}  // namespace tarikh::viewer
