// Files that hold many articles (a crawl dumped into one .txt, a day's wire
// copy) cut into one document per article: otherwise a sentence's countries
// and a paragraph's "the two countries" reach across articles, and one
// article's dateline dates the others.
#pragma once

#include "tarikh/extract.h"

#include <regex>
#include <string>
#include <vector>

namespace tarikh {

class ArticleSplitter {
public:
    // `separator`: an ECMAScript regular expression matched against each
    // line (without its line break), e.g. "^\\s*$" for blank lines. Throws
    // std::regex_error when it is not one.
    explicit ArticleSplitter(const std::string& separator);

    // The articles of `doc`: a line the expression matches ends one article
    // and begins the next, and belongs to neither. Articles with nothing but
    // spaces are dropped. Each keeps the document's date, language and url
    // and is named "<id>#<n>", n counting from 1; spans of its events count
    // bytes of the article. A document without a separating line is one
    // article, under its own id.
    std::vector<Document> split(const Document& doc) const;

private:
    std::regex separator_;
};

}  // namespace tarikh
