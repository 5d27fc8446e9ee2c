#include "tarikh/articles.h"

namespace tarikh {

ArticleSplitter::ArticleSplitter(const std::string& separator)
    : separator_(separator, std::regex::ECMAScript | std::regex::optimize) {}

std::vector<Document> ArticleSplitter::split(const Document& doc) const {
    std::vector<std::string> pieces(1);
    bool separated = false;
    std::string_view text = doc.text;
    while (!text.empty()) {
        const size_t nl = text.find('\n');
        const std::string_view line_with_break = text.substr(0, nl == std::string_view::npos ? text.size() : nl + 1);
        text.remove_prefix(line_with_break.size());
        std::string_view line = line_with_break;
        if (!line.empty() && line.back() == '\n') line.remove_suffix(1);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (std::regex_search(line.begin(), line.end(), separator_)) {
            separated = true;
            if (!pieces.back().empty()) pieces.emplace_back();
            continue;
        }
        pieces.back().append(line_with_break);
    }
    if (!separated) return {doc};
    std::vector<Document> out;
    for (std::string& piece : pieces) {
        if (piece.find_first_not_of(" \t\r\n") == std::string::npos) continue;
        Document a;
        a.id = doc.id + "#" + std::to_string(out.size() + 1);
        a.text = std::move(piece);
        a.date = doc.date;
        a.lang = doc.lang;
        a.url = doc.url;
        out.push_back(std::move(a));
    }
    return out;
}

}  // namespace tarikh
