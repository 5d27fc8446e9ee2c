// Access to the data files compiled into the binary (engine/lang, engine/data).
#pragma once

#include <string_view>

namespace tarikh {

// The contents of a data file by its path under engine/, e.g. "lang/fa/lexicon.tsv";
// empty when there is no such file.
std::string_view embedded_data(std::string_view name);

}  // namespace tarikh
