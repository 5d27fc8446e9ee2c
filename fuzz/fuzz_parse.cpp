// `tarikh parse` and `extract` on any bytes: the tagger, the resolver, the
// sentences, the actors and the events. The first byte picks the language
// and whether a document date is given, the rest is the document.
// Beyond "no crash, no sanitizer report", checks what every output promises:
// spans inside the input, bounds in years 1–9999, earliest <= latest.
#include "tarikh/extract.h"
#include "tarikh/parser.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

namespace {

void check(bool ok) {
    if (!ok) std::abort();
}

void check_interval(const tarikh::Interval& iv) {
    if (!iv.anchored()) return;
    check(tarikh::in_year_range(*iv.earliest) && tarikh::in_year_range(*iv.latest));
    check(*iv.earliest <= *iv.latest);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace tarikh;
    static const Parser parser;
    static const Extractor extractor(parser);
    if (size == 0) return 0;
    const uint8_t mode = data[0];
    const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);

    ParseOptions options;
    // 0: detect; else one of the table's languages (lang/languages.tsv).
    if (const size_t pick = mode & 3) options.lang = languages()[(pick - 1) % languages().size()].id;
    if (mode & 4) options.dct = *parse_iso("2024-05-01");
    const ParseResult r = parser.parse(text, options);
    for (const Mention& m : r.mentions) {
        check(m.span.begin <= m.span.end && m.span.end <= text.size());
        check_interval(m.interval);
        (void)mention_to_json(m, "fuzz", text);
    }

    Document doc;
    doc.id = "fuzz";
    doc.text = std::string(text);
    doc.lang = options.lang;
    doc.date = options.dct;
    for (const Event& e : extractor.extract(doc)) {
        check_interval(e.interval);
        check(e.actors.size() <= kMaxEventActors);
        for (const Source& s : e.sources) check(s.span.end <= text.size() && s.date_span.end <= text.size());
    }
    return 0;
}
