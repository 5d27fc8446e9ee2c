// Tokens over folded text: words, numbers and single punctuation marks.
// Whitespace separates tokens but is not one; a token remembers whether it
// touched the previous one, because "1,200" and "2.5" are one number in
// three tokens while "2000, 2004" are two years.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace tarikh::tagger {

enum class TokenType : uint8_t { Word, Number, Punct };

struct Token {
    uint32_t begin = 0;   // byte range in the folded text
    uint32_t end = 0;
    TokenType type = TokenType::Word;
    bool joined = false;  // no whitespace between this token and the previous one
    bool newline = false; // a line break lies between this token and the previous one
    bool arabic = false;  // a word in Arabic script
    uint8_t digits = 0;   // for numbers: how many digits
    int64_t number = -1;  // for numbers with at most 9 digits: the value

    std::string_view text(std::string_view folded) const { return folded.substr(begin, end - begin); }
};

std::vector<Token> tokenize(std::string_view folded);

}  // namespace tarikh::tagger
