// The names of an enum's values as JSON, the store and the data files write
// them: one table per enum, read both ways.
#pragma once

#include <array>
#include <optional>
#include <string_view>
#include <utility>

namespace tarikh::events {

template <class E, size_t N>
using NameTable = std::array<std::pair<E, std::string_view>, N>;

template <class E, size_t N>
std::string_view name_in(const NameTable<E, N>& table, E value, std::string_view unknown) {
    for (const auto& [v, name] : table)
        if (v == value) return name;
    return unknown;
}

template <class E, size_t N>
std::optional<E> value_in(const NameTable<E, N>& table, std::string_view name) {
    for (const auto& [v, n] : table)
        if (n == name) return v;
    return std::nullopt;
}

}  // namespace tarikh::events
