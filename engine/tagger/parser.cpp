// The Parser: normalize → tokenize → grammar → dateline → resolve.
#include "tarikh/parser.h"

#include "tagger/dateline.h"
#include "tagger/grammar.h"
#include "tagger/lexicon.h"
#include "tagger/resolve.h"
#include "tagger/tokenize.h"

#include <algorithm>

namespace tarikh {

using namespace tagger;

struct Parser::Impl {
    Lexicon lexicon;
};

Parser::Parser() : impl_(std::make_unique<Impl>()) {}
Parser::~Parser() = default;

namespace {

// Whether a sentence ends between tokens [from, to): a full stop, question or
// exclamation mark standing apart from the next word, or a line break.
bool sentence_ends(std::string_view folded, const std::vector<Token>& tokens, uint32_t from, uint32_t to) {
    for (uint32_t k = from; k < to && k < tokens.size(); ++k) {
        if (tokens[k].newline && k > 0) return true;
        if (tokens[k].type != TokenType::Punct) continue;
        const std::string_view t = tokens[k].text(folded);
        if (t == "!" || t == "?") return true;
        if (t == "." && (k + 1 >= tokens.size() || !tokens[k + 1].joined)) return true;
    }
    return to < tokens.size() && tokens[to].newline && to > from;
}

// Whether a clause mark (, ; : once folded: the Arabic comma and semicolon
// fold to them) lies between tokens [from, to): a yearless date after it is
// in another clause than the explicit date before it.
bool clause_ends(std::string_view folded, const std::vector<Token>& tokens, uint32_t from, uint32_t to) {
    for (uint32_t k = from; k < to && k < tokens.size(); ++k) {
        if (tokens[k].type != TokenType::Punct) continue;
        const std::string_view t = tokens[k].text(folded);
        if (t == "," || t == ";" || t == ":") return true;
    }
    return false;
}

// Whether the date at token `first` opens its sentence (at most a
// preposition or two before it: "In 2009,", "wfy ʿam 2009,", "dr sal 1388,"):
// a fronted date frames the whole sentence, so its year reaches past the
// clause marks; a date inside a clause ("... the coup of 15 July 2016, which
// ...") frames only its clause.
bool opens_sentence(std::string_view folded, const std::vector<Token>& tokens, uint32_t first) {
    constexpr int kFrontWords = 2;
    int words = 0;
    for (uint32_t k = first; k > 0; --k) {
        const Token& t = tokens[k - 1];
        if (tokens[k].newline) return true;
        if (t.type == TokenType::Punct) {
            const std::string_view p = t.text(folded);
            if (p == "." || p == "!" || p == "?") return true;
            continue;
        }
        if (++words > kFrontWords) return false;
    }
    return true;
}

// Part of a document, folded, tokenized and searched for dates.
struct Scanned {
    NormalizedText norm;
    std::vector<Token> tokens;
    std::vector<RawDate> raws;
};

Scanned scan(std::string_view text, Lang lang, const Lexicon& lexicon) {
    Scanned s{normalize(text), {}, {}};
    s.tokens = tokenize(s.norm.text);
    s.raws = find_dates(s.norm.text, s.tokens, lang, lexicon);
    return s;
}

// A document longer than this is parsed in parts, so that memory follows
// the part (its folded text, offset map and tokens weigh ten times its
// bytes: 385 MB for the 36.7 MB Arabic bench), not the document. The parts
// are cut at a paragraph break (else a line break, else a space); what one
// part resolves, the next one continues from (the previous date, the named
// events read, the DCT).
constexpr size_t kPartBytes = size_t{1} << 20;

std::vector<Span> parts_of(std::string_view text) {
    std::vector<Span> parts;
    size_t begin = 0;
    while (text.size() - begin > kPartBytes) {
        const size_t limit = begin + kPartBytes, floor = begin + kPartBytes / 2;
        size_t cut = std::string_view::npos;
        for (std::string_view mark : {"\n\n", "\n", " "}) {
            const size_t at = text.rfind(mark, limit);
            if (at != std::string_view::npos && at > floor) {
                cut = at + mark.size();
                break;
            }
        }
        if (cut == std::string_view::npos) {  // one endless word: a character boundary
            cut = limit;
            while (cut > floor && (static_cast<uint8_t>(text[cut]) & 0xC0) == 0x80) --cut;
        }
        parts.push_back({uint32_t(begin), uint32_t(cut)});
        begin = cut;
    }
    parts.push_back({uint32_t(begin), uint32_t(text.size())});
    return parts;
}

Explanation explain(const RawDate& raw, const std::vector<const LexEntry*>& words) {
    Explanation x;
    if (raw.via != Rule::None) x.rules.push_back(rule_name(raw.via));
    if (raw.shift_n) x.rules.push_back(rule_name(Rule::CountUnitBeforeDate));
    x.rules.push_back(rule_name(raw.rule));
    for (const LexEntry* e : words) x.words.push_back({e->form, e->kind_name, e->value_text, e->lang});
    return x;
}

}  // namespace

ParseResult Parser::parse(std::string_view text, const ParseOptions& options) const {
    ParseResult out;
    out.lang = options.lang ? *options.lang : detect_language(text);
    const std::vector<Span> parts = parts_of(text);
    auto part_text = [&](const Span& p) { return text.substr(p.begin, p.end - p.begin); };
    Scanned scanned = scan(part_text(parts.front()), out.lang, impl_->lexicon);

    out.dct = options.dct;
    if (!out.dct) {
        const bool alone = parts.size() == 1;
        out.dct = find_dateline(scanned.tokens, scanned.raws, alone ? kWhole : kFirstLines);
        if (!out.dct && !alone) {
            const Scanned last = scan(part_text(parts.back()), out.lang, impl_->lexicon);
            out.dct = find_dateline(last.tokens, last.raws, kLastLines);
        }
    }
    ResolveState state;
    state.dct = out.dct;
    const LanguageSettings& settings = impl_->lexicon.settings(out.lang);
    for (size_t k = 0; k < parts.size(); ++k) {
        if (k > 0) scanned = scan(part_text(parts[k]), out.lang, impl_->lexicon);
        const std::string_view part = part_text(parts[k]);
        const Scanned& s = scanned;
        // Room for the whole document at once, guessed from its first part:
        // growing part by part copied every mention read so far 24 times in a
        // 24 MB document, and the copies' peak was the parse's.
        if (k == 0) out.mentions.reserve(s.raws.size() * parts.size());
        std::vector<std::vector<const LexEntry*>> words;
        if (options.explain) words = entries_of(s.norm.text, s.tokens, out.lang, impl_->lexicon, s.raws);
        uint32_t after_previous = 0;  // the token after the previous date
        bool reference_fronted = false;  // the sentence's explicit date opens it
        for (size_t n = 0; n < s.raws.size(); ++n) {
            const RawDate& raw = s.raws[n];
            if (sentence_ends(s.norm.text, s.tokens, after_previous, raw.first) ||
                (!reference_fronted && clause_ends(s.norm.text, s.tokens, after_previous, raw.first)))
                state.sentence_date.reset();
            after_previous = raw.last;
            std::optional<Mention> m = resolve(raw, impl_->lexicon, settings, state);
            if (!m) continue;
            if (is_reference_date(*m)) reference_fronted = opens_sentence(s.norm.text, s.tokens, raw.first);
            if (options.explain) out.explanations.push_back(explain(raw, words[n]));
            m->span = s.norm.to_source(part, s.tokens[raw.first].begin + raw.skip_bytes, s.tokens[raw.last - 1].end);
            m->span.begin += parts[k].begin;
            m->span.end += parts[k].begin;
            out.mentions.push_back(std::move(*m));
        }
    }
    return out;
}

}  // namespace tarikh
