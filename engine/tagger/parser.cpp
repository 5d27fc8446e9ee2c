// The Parser: normalize → tokenize → grammar → dateline → resolve.
#include "tarikh/parser.h"

#include "tagger/grammar.h"
#include "tagger/lexicon.h"
#include "tagger/resolve.h"
#include "tagger/tokenize.h"

#include <algorithm>

namespace tarikh {

using namespace tagger;

Lang detect_language(std::string_view text) {
    // Persian-only letters (پ چ ژ گ ک ی) against all Arabic-script letters and Latin ones.
    size_t persian = 0, arabic = 0, latin = 0;
    // The first 1.5 KB (some 700 letters) decide: a document does not change
    // language midway, and this runs on every document.
    text = text.substr(0, 1536);
    for (size_t i = 0; i + 1 < text.size(); ++i) {
        auto b0 = static_cast<unsigned char>(text[i]), b1 = static_cast<unsigned char>(text[i + 1]);
        if ((b0 | 0x20) >= 'a' && (b0 | 0x20) <= 'z') { ++latin; continue; }
        if (b0 != 0xD8 && b0 != 0xD9 && b0 != 0xDA && b0 != 0xDB) continue;
        char32_t cp = ((b0 & 0x1F) << 6) | (b1 & 0x3F);
        ++i;
        // Persian digits (۱۴۰۲) are Persian evidence too: a short Persian
        // phrase may have none of پ چ ژ گ ک ی ("اواخر دهه ۲۰۰۰"); Arabic
        // writes ١٤٤٥.
        if (cp >= 0x06F0 && cp <= 0x06F9) { ++arabic; ++persian; continue; }
        if (cp < 0x0620 || cp > 0x06FF || (cp >= 0x0660 && cp <= 0x066D)) continue;
        ++arabic;
        if (cp == 0x067E || cp == 0x0686 || cp == 0x0698 || cp == 0x06AF || cp == 0x06A9 || cp == 0x06CC) ++persian;
    }
    if (arabic == 0 || arabic < latin / 2) return Lang::En;
    return persian * 100 >= arabic ? Lang::Fa : Lang::Ar;
}

struct Parser::Impl {
    Lexicon lexicon;
};

Parser::Parser() : impl_(std::make_unique<Impl>()) {}
Parser::~Parser() = default;

namespace {

// A dateline is a complete day standing (almost) alone on one of the first or
// last lines of the document: "date 2025-11-08", "Tuesday, 27 January , 2026".
std::optional<Day> find_dateline(std::string_view folded, const std::vector<Token>& tokens,
                                 const std::vector<RawDate>& raws) {
    // Line numbers of the non-empty lines, by token, and the tokens on each
    // line, counted once: counting them per candidate was quadratic on a long
    // line full of dates.
    std::vector<uint32_t> line_of(tokens.size());
    std::vector<uint32_t> tokens_on_line;
    uint32_t line = 0;
    for (size_t k = 0; k < tokens.size(); ++k) {
        if (k && tokens[k].newline) ++line;
        line_of[k] = line;
        if (tokens_on_line.size() <= line) tokens_on_line.resize(line + 1, 0);
        ++tokens_on_line[line];
    }
    const uint32_t lines = tokens.empty() ? 0 : line + 1;
    auto words_on_line = [&](uint32_t l) { return long(tokens_on_line[l]); };
    auto try_raw = [&](const RawDate& r) -> std::optional<Day> {
        if (r.kind != RawKind::Point || r.a.granularity != Granularity::Day || !r.a.year) return std::nullopt;
        uint32_t l = line_of[r.first];
        if (line_of[r.last - 1] != l) return std::nullopt;
        if (l > 2 && l + 3 < lines) return std::nullopt;
        long others = words_on_line(l) - long(r.last - r.first);
        // Alone on its line, or opening the document ("date 2025-11-08 …")
        if (others > 4 && r.first > 2) return std::nullopt;
        auto iv = point_interval(r.a);
        return iv ? iv->earliest : std::nullopt;
    };
    (void)folded;
    for (const RawDate& r : raws)
        if (auto d = try_raw(r); d && line_of[r.first] <= 2) return d;
    for (auto it = raws.rbegin(); it != raws.rend(); ++it)
        if (auto d = try_raw(*it)) return d;
    return std::nullopt;
}

}  // namespace

ParseResult Parser::parse(std::string_view text, const ParseOptions& options) const {
    ParseResult out;
    out.lang = options.lang ? *options.lang : detect_language(text);
    NormalizedText norm = normalize(text);
    std::vector<Token> tokens = tokenize(norm.text);
    std::vector<RawDate> raws = find_dates(norm.text, tokens, out.lang, impl_->lexicon);

    out.dct = options.dct ? options.dct : find_dateline(norm.text, tokens, raws);
    ResolveState state;
    state.dct = out.dct;
    const LanguageSettings& settings = impl_->lexicon.settings(out.lang);
    out.mentions.reserve(raws.size());
    for (const RawDate& raw : raws) {
        std::optional<Mention> m = resolve(raw, impl_->lexicon, settings, state);
        if (!m) continue;
        m->span = norm.to_source(text, tokens[raw.first].begin + raw.skip_bytes, tokens[raw.last - 1].end);
        out.mentions.push_back(std::move(*m));
    }
    return out;
}

}  // namespace tarikh
