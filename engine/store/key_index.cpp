#include "store/key_index.h"

#include <algorithm>
#include <stdexcept>

namespace tarikh::store {

uint32_t KeyIndex::fingerprint(int64_t key) {
    const auto k = static_cast<uint64_t>(key);
    const auto f = static_cast<uint32_t>(k ^ (k >> 32));
    return f ? f : 1;  // 0 means empty
}

void KeyIndex::add(int64_t key, int64_t event) {
    if (event <= 0 || event > int64_t{UINT32_MAX}) throw std::length_error("event id beyond the dedup index");
    if ((used_ + 1) * 2 > slots_.size()) grow();
    const uint32_t f = fingerprint(key);
    const size_t mask = slots_.size() - 1;
    size_t filed = 0, oldest = 0;
    for (size_t i = f & mask;; i = (i + 1) & mask) {
        if (slots_[i].key == 0) {
            if (filed >= kMaxPerKey) {
                // Full: the new event takes the place of the earliest (ids grow with time).
                if (slots_[oldest].event < static_cast<uint32_t>(event)) slots_[oldest].event = static_cast<uint32_t>(event);
                return;
            }
            slots_[i] = {f, static_cast<uint32_t>(event)};
            ++used_;
            return;
        }
        if (slots_[i].key != f) continue;
        if (slots_[i].event == event) return;  // already filed
        if (filed++ == 0 || slots_[i].event < slots_[oldest].event) oldest = i;
    }
}

void KeyIndex::find(int64_t key, size_t max, std::vector<int64_t>& out) const {
    if (slots_.empty()) return;
    const uint32_t f = fingerprint(key);
    const size_t mask = slots_.size() - 1;
    const size_t first = out.size();
    for (size_t i = f & mask; slots_[i].key != 0; i = (i + 1) & mask)
        if (slots_[i].key == f) out.push_back(slots_[i].event);
    // Ids grow with time: keep the latest `max`.
    if (out.size() - first > max) {
        std::sort(out.begin() + static_cast<std::ptrdiff_t>(first), out.end(), std::greater<>());
        out.resize(first + max);
    }
}

void KeyIndex::clear() {
    slots_.clear();
    used_ = 0;
}

void KeyIndex::reserve(size_t entries) {
    size_t want = 1024;
    while (want < entries * 2) want *= 2;
    if (want > slots_.size()) rehash(want);
}

void KeyIndex::grow() { rehash(std::max<size_t>(1024, slots_.size() * 2)); }

void KeyIndex::rehash(size_t size) {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(size, Slot{});
    used_ = 0;
    const size_t mask = slots_.size() - 1;
    for (const Slot& s : old) {
        if (s.key == 0) continue;
        size_t i = s.key & mask;
        while (slots_[i].key != 0) i = (i + 1) & mask;
        slots_[i] = s;
        ++used_;
    }
}

}  // namespace tarikh::store
