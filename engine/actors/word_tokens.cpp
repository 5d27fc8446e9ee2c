#include "actors/word_tokens.h"

#include "actors/letters.h"

namespace tarikh::actors {

std::vector<WordToken> word_tokens(std::string_view folded) {
    std::vector<WordToken> out;
    out.reserve(folded.size() / 6);
    size_t i = 0, start = 0;
    CharClass run = CharClass::Other;
    while (i < folded.size()) {
        unsigned len;
        CharClass cls = char_class(decode_at(folded, i, len));
        if (cls != run) {
            if (run != CharClass::Other) out.push_back({uint32_t(start), uint32_t(i)});
            run = cls;
            start = i;
        }
        i += len;
    }
    if (run != CharClass::Other) out.push_back({uint32_t(start), uint32_t(i)});
    return out;
}

}  // namespace tarikh::actors
