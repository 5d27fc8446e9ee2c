// The direct JSON writer of `tarikh parse` must write exactly the bytes
// nlohmann's dump(-1, ' ', false, error_handler_t::replace) wrote before it:
// held here against nlohmann on strings chosen to trip it and on random bytes.
#include "tagger/json_writer.h"
#include "tarikh/parser.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <limits>
#include <random>

namespace tarikh {
namespace {

using json = nlohmann::ordered_json;

std::string nlohmann_dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

std::string written(std::string_view s) {
    std::string out;
    json_out::append_string(out, s);
    return out;
}

std::string written(double v) {
    std::string out;
    json_out::append_double(out, v);
    return out;
}

TEST(JsonWriter, StringsAsNlohmannWritesThem) {
    const std::string cases[] = {
        "",
        "plain 12 May 2024",
        "\"quoted\" and \\back\\slash/",
        std::string("\x00\x01\x08\x09\x0a\x0b\x0c\x0d\x1f\x7f", 10),
        "\xdb\xb1\xdb\xb4\xdb\xb0\xdb\xb2 \xd8\xb3\xd8\xa7\xd9\x84",  // Persian digits and a word
        "\xf0\x9f\x98\x80 \xe2\x82\xac",                              // 4- and 3-byte sequences
        "\x80",                                                       // lone continuation
        "\xff\xfe",                                                   // never in UTF-8
        "\xc0\xaf \xe0\x80\xaf",                                      // overlong
        "\xed\xa0\x80",                                               // surrogate
        "\xf4\x90\x80\x80",                                           // past U+10FFFF
        "a\xe2\x82",                                                  // cut short at the end
        "\xe2\x82z",                                                  // cut short mid-string
        "\xe2\x82\xe2\x82\xac",                                       // cut short, then a whole one
        "\xf0\x9f\x98\"",                                             // cut short by a quote
        "\xc3\x0a",                                                   // cut short by a control
    };
    for (const std::string& s : cases) EXPECT_EQ(written(s), nlohmann_dump(json(s))) << json(s).dump(-1, ' ', true, json::error_handler_t::replace);
}

TEST(JsonWriter, RandomBytesAsNlohmannWritesThem) {
    // Bytes weighted towards the ones UTF-8 and JSON treat specially.
    const unsigned char alphabet[] = {0x00, 0x08, 0x0a, 0x1f, '"', '\\', 'a', 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf,
                                      0xc0, 0xc2, 0xdf, 0xe0, 0xe1, 0xed, 0xef, 0xf0, 0xf1, 0xf4, 0xf5, 0xff};
    std::mt19937 rng(20261206);
    std::uniform_int_distribution<size_t> pick(0, sizeof alphabet - 1), length(0, 12);
    for (int n = 0; n < 50000; ++n) {
        std::string s(length(rng), '\0');
        for (char& c : s) c = static_cast<char>(alphabet[pick(rng)]);
        ASSERT_EQ(written(s), nlohmann_dump(json(s))) << json(s).dump(-1, ' ', true, json::error_handler_t::replace);
    }
}

TEST(JsonWriter, NumbersAsNlohmannWritesThem) {
    for (int k = -100; k <= 100; ++k) EXPECT_EQ(written(k / 100.0), nlohmann_dump(json(k / 100.0))) << k;
    const double others[] = {0.0, -0.0, 1.0, 2.5, 1e-3, 1.5e-4, 1e-5, 123456789012345.0, 1e15, 1e16, 1.5e20,
                             0.1 + 0.2, 1.0 / 3, 5e-324, std::numeric_limits<double>::max(),
                             std::numeric_limits<double>::infinity(), std::nan("")};
    for (double v : others) EXPECT_EQ(written(v), nlohmann_dump(json(v))) << v;
    for (long long v : {0LL, -7LL, 4294967295LL}) {
        std::string out;
        json_out::append_integer(out, v);
        EXPECT_EQ(out, nlohmann_dump(json(v)));
    }
}

TEST(JsonWriter, MentionAsTheNlohmannObjectItReplaced) {
    const std::string text = "x \"\xe2\x82 1401-12-15\x01\xff";
    Mention m;
    m.span = {2, static_cast<uint32_t>(text.size())};
    m.value = "2023-03";
    m.interval.earliest = Day{date::year{2023} / 3 / 1};
    m.granularity = Granularity::Month;
    m.mod = Mod::Approx;
    m.calendar = Calendar::SolarHijri;
    m.anchor = Anchor::Document;
    m.event = "ev\\1";
    m.event_reason = "year";
    m.native = "1401-12-15";
    m.tolerance_days = -2;
    m.confidence = 0.7f;
    Explanation why;
    why.rules = {"rule-a", "b\"c"};
    why.words = {{"\xd8\xb3\xd8", "month", "12", lang_of("fa")}};

    json j;
    j["doc"] = "d\xc0";
    j["span"] = {m.span.begin, m.span.end};
    j["text"] = text.substr(2);
    j["type"] = "DATE";
    j["value"] = m.value;
    j["earliest"] = "2023-03-01";
    j["latest"] = nullptr;
    j["granularity"] = std::string(to_string(m.granularity));
    j["mod"] = std::string(to_string(m.mod));
    j["calendar"] = std::string(to_string(m.calendar));
    j["anchor"] = std::string(to_string(m.anchor));
    j["event"] = m.event;
    j["event_reason"] = m.event_reason;
    j["native"] = m.native;
    j["tolerance_days"] = m.tolerance_days;
    j["confidence"] = std::round(m.confidence * 100) / 100.0;
    json words = json::array();
    for (const Explanation::Word& w : why.words)
        words.push_back({{"form", w.form}, {"kind", w.kind}, {"value", w.value}, {"lang", to_string(w.lang)}});
    j["explain"] = {{"rules", why.rules}, {"words", std::move(words)}};

    EXPECT_EQ(mention_to_json(m, "d\xc0", text, &why), nlohmann_dump(j));
    std::string appended = "prefix";
    append_mention_json(appended, m, "d\xc0", text, &why);
    EXPECT_EQ(appended, "prefix" + nlohmann_dump(j));
}

}  // namespace
}  // namespace tarikh
