// `tarikh parse` and `extract` on any bytes: the tagger, the resolver, the
// sentences, the actors and the events. The first byte picks the language
// and whether a document date is given, the rest is the document.
// Beyond "no crash, no sanitizer report", checks what every output promises:
// spans inside the input (on character boundaries of a UTF-8 input), bounds
// in years 1–9999, earliest <= latest, each event's date inside its sentence
// (or a wire dateline before it), the sentence and the event's words within
// their bounds and, of a UTF-8 input, valid UTF-8.
#include "events/sentences.h"
#include "tarikh/extract.h"
#include "tarikh/parser.h"
#include "text/utf8.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

namespace {

// Built once, before the first input: the language data (lexicons,
// gazetteers, cues) takes a third of a second to load under the sanitizers.
const tarikh::Parser* parser = nullptr;
const tarikh::Extractor* extractor = nullptr;

// README "Limits": a run of text is cut into sentences of 2 KB, never inside
// a date (so one may run on to the end of a date: a few dozen bytes); an
// event keeps at most 1 KB of its sentence.
constexpr size_t kMaxSentenceBytes = tarikh::events::kMaxSentenceBytes + 256;
constexpr size_t kMaxEventTextBytes = 1024;

void check(bool ok) {
    if (!ok) std::abort();
}

void check_interval(const tarikh::Interval& iv) {
    if (!iv.anchored()) return;
    check(tarikh::in_year_range(*iv.earliest) && tarikh::in_year_range(*iv.latest));
    check(*iv.earliest <= *iv.latest);
}

bool valid_utf8(std::string_view s) {
    for (size_t i = 0; i < s.size();) {
        const auto* p = reinterpret_cast<const uint8_t*>(s.data() + i);
        if (*p < 0x80) {
            ++i;
            continue;
        }
        const tarikh::text::Decoded d = tarikh::text::decode_multibyte(p, s.size() - i);
        if (!d.len) return false;
        i += d.len;
    }
    return true;
}

// A span of a UTF-8 text starts and ends between characters.
bool on_boundaries(std::string_view text, tarikh::Span span) {
    auto boundary = [&](uint32_t at) {
        return at >= text.size() || !tarikh::text::is_continuation(static_cast<uint8_t>(text[at]));
    };
    return boundary(span.begin) && boundary(span.end);
}

bool inside(tarikh::Span span, size_t size) { return span.begin <= span.end && span.end <= size; }

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    parser = new tarikh::Parser;
    extractor = new tarikh::Extractor(*parser);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace tarikh;
    if (size == 0) return 0;
    const uint8_t mode = data[0];
    const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
    const bool utf8 = valid_utf8(text);

    ParseOptions options;
    // 0: detect; else one of the table's languages (lang/languages.tsv).
    if (const size_t pick = mode & 3) options.lang = languages()[(pick - 1) % languages().size()].id;
    if (mode & 4) options.dct = *parse_iso("2024-05-01");
    const ParseResult r = parser->parse(text, options);
    for (const Mention& m : r.mentions) {
        check(inside(m.span, text.size()));
        check(!utf8 || on_boundaries(text, m.span));
        check_interval(m.interval);
        check(valid_utf8(mention_to_json(m, "fuzz", text)));
    }

    Document doc;
    doc.id = "fuzz";
    doc.text = std::string(text);
    doc.lang = options.lang;
    doc.date = options.dct;
    for (const Event& e : extractor->extract(doc)) {
        check_interval(e.interval);
        check(e.actors.size() <= kMaxEventActors);
        check(e.text.size() <= kMaxEventTextBytes);
        check(!utf8 || valid_utf8(e.text));
        for (const Source& s : e.sources) {
            check(inside(s.span, text.size()) && inside(s.date_span, text.size()));
            // Inside its sentence, or before it: a wire dateline ("ROME, June
            // 12 -") dates the lead sentence after it.
            check(s.date_span.end <= s.span.end);
            check(s.span.end - s.span.begin <= kMaxSentenceBytes);
            check(!utf8 || (on_boundaries(text, s.span) && on_boundaries(text, s.date_span)));
        }
    }
    return 0;
}
