// Folding of messy Persian/Arabic/English text and the map back to the input.
#include "tarikh/normalize.h"
#include "text/utf8.h"

#include <gtest/gtest.h>

#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace tarikh {
namespace {

std::string utf8(char32_t c) {
    std::string out;
    text::append_utf8(out, c);
    return out;
}

// The input bytes behind the first occurrence of `folded` in the folded text.
std::string source_of(std::string_view input, const NormalizedText& n, std::string_view folded) {
    size_t at = n.text.find(folded);
    if (at == std::string::npos) return "<not found: " + std::string(folded) + ">";
    Span s = n.to_source(input, at, at + folded.size());
    return std::string(input.substr(s.begin, s.end - s.begin));
}

// Every invariant of the map, for any input.
void expect_map_invariants(std::string_view input, const NormalizedText& n) {
    ASSERT_EQ(n.source.size(), n.text.size() + 1);
    ASSERT_EQ(n.source.back(), input.size());
    for (size_t i = 0; i + 1 < n.source.size(); ++i) {
        ASSERT_LE(n.source[i], n.source[i + 1]) << i;
        ASSERT_LT(n.source[i], input.size()) << i;
    }
}

// --- the folds ---------------------------------------------------------------

TEST(Fold, YehAndKaf) {
    EXPECT_EQ(fold("ي ى ی"), "ي ي ي");
    EXPECT_EQ(fold("ك ک"), "ك ك");
    EXPECT_EQ(fold("کی"), fold("كي"));
}

TEST(Fold, AlefHamzaTehMarbutaHeh) {
    EXPECT_EQ(fold("أ إ آ ٱ ا"), "ا ا ا ا ا");
    EXPECT_EQ(fold("ؤ"), "و");
    EXPECT_EQ(fold("ئ"), "ي");
    EXPECT_EQ(fold("ة"), "ه");
    EXPECT_EQ(fold("ۀ ھ ہ ه"), "ه ه ه ه");
    EXPECT_EQ(fold("مؤسسة"), "موسسه");
    EXPECT_EQ(fold("دههٔ"), "دهه");  // hamza above (U+0654) is dropped with the harakat
}

TEST(Fold, DropsInvisibleAndDiacriticCodePoints) {
    std::vector<char32_t> dropped = {0x0640, 0x200C, 0x200D, 0x200E, 0x200F, 0x061C, 0x00AD, 0xFEFF, 0x0670};
    for (char32_t c = 0x202A; c <= 0x202E; ++c) dropped.push_back(c);
    for (char32_t c = 0x2066; c <= 0x2069; ++c) dropped.push_back(c);
    for (char32_t c = 0x064B; c <= 0x065F; ++c) dropped.push_back(c);
    for (char32_t c = 0x0610; c <= 0x061A; ++c) dropped.push_back(c);
    for (char32_t c = 0x06D6; c <= 0x06ED; ++c) dropped.push_back(c);
    for (char32_t c : dropped) {
        const std::string input = "ب" + utf8(c) + "x" + utf8(c);
        EXPECT_EQ(fold(input), "بx") << std::hex << uint32_t(c);
    }
    EXPECT_EQ(fold("مُحَمَّدٌ"), "محمد");
    EXPECT_EQ(fold("ســـپتامبر"), "سپتامبر");
}

TEST(Fold, Digits) {
    EXPECT_EQ(fold("۰۱۲۳۴۵۶۷۸۹"), "0123456789");
    EXPECT_EQ(fold("٠١٢٣٤٥٦٧٨٩"), "0123456789");
    EXPECT_EQ(fold("۱۹20-۱۹18"), "1920-1918");
    EXPECT_EQ(fold("٢٠٢٤"), "2024");
}

TEST(Fold, AsciiCaseAndPunctuation) {
    EXPECT_EQ(fold("October ABCXYZ abc @[`{"), "october abcxyz abc @[`{");
    for (char32_t c = 0x2010; c <= 0x2015; ++c) EXPECT_EQ(fold(utf8(c)), "-") << std::hex << uint32_t(c);
    EXPECT_EQ(fold(utf8(0x2212)), "-");
    EXPECT_EQ(fold("،؛؟"), ",;?");
    EXPECT_EQ(fold("3٫5 1٬000 ٪60"), "3.5 1,000 %60");
}

TEST(Fold, Whitespace) {
    EXPECT_EQ(fold("a\tb\rc\vd\fe"), "a b c d e");
    std::vector<char32_t> spaces = {0x00A0, 0x202F, 0x205F, 0x3000};
    for (char32_t c = 0x2000; c <= 0x200A; ++c) spaces.push_back(c);
    for (char32_t c : spaces) EXPECT_EQ(fold("a" + utf8(c) + "b"), "a b") << std::hex << uint32_t(c);
    EXPECT_EQ(fold("a\nb"), "a\nb");
    EXPECT_EQ(fold("a" + utf8(0x2028) + "b" + utf8(0x2029) + "c"), "a\nb\nc");
}

TEST(Fold, EverythingElsePassesThrough) {
    for (const char* s : {"é ü ß", "€ ©", "שלום", "ء ە", "😀 𝄞", "ⅻ", "ﬁ", "…", "«»"})
        EXPECT_EQ(fold(s), s) << s;
    EXPECT_EQ(fold(std::string("a\0b", 3)), std::string("a\0b", 3));
}

TEST(Fold, LettersLowercaseInEveryScript) {
    // Turkish: capitals and lower case, with and without the dot on the i, fold alike.
    EXPECT_EQ(fold("KASIM"), fold("Kasım"));
    EXPECT_EQ(fold("İSTANBUL"), "istanbul");
    EXPECT_EQ(fold("ŞUBAT AĞUSTOS"), "şubat ağustos");
    EXPECT_EQ(fold("ÉTÉ Ⅻ ΑΘΗΝΑ МОСКВА"), "été ⅻ αθηνα москва");
    // The typeset apostrophe is the apostrophe: Ekim’de and Ekim'de fold alike.
    EXPECT_EQ(fold("Ekim’de"), "ekim'de");
    // The offsets still point into the input: İ is two bytes, i one.
    const std::string in = "İzmir";
    const NormalizedText n = normalize(in);
    EXPECT_EQ(n.text, "izmir");
    EXPECT_EQ(n.to_source(in, 0, 1), (Span{0, 2}));
}

TEST(Fold, PresentationFormsBecomeLetters) {
    EXPECT_EQ(fold("ﺳﻼﻡ"), "سلام");  // FEB3 FEFC FEE1
    EXPECT_EQ(fold("ﻻ"), "لا");      // FEFB: one ligature, two letters
    EXPECT_EQ(fold("ﻷ"), "لا");      // FEF7: lam with alef-hamza, hamza folded
    EXPECT_EQ(fold("ﺓ"), "ه");       // FE93 teh marbuta
    EXPECT_EQ(fold("ﯼ ﻯ"), "ي ي");   // FBFC Persian yeh, FEEF alef maksura
    EXPECT_EQ(fold("ﮎ"), "ك");       // FB8E keheh
    EXPECT_EQ(fold("ﷲ"), "الله");    // FDF2
    EXPECT_EQ(fold("ﯾ"), "ي");       // FBFE initial Persian yeh
    // Spacing forms of harakat: the mark goes, and so does NFKC's space.
    EXPECT_EQ(fold("ب" + utf8(0xFE70) + "ت"), "بت");
    EXPECT_EQ(fold("ب" + utf8(0xFE77) + "ت"), "بت");
    EXPECT_EQ(fold("ب" + utf8(0xFC5E) + "ت"), "بت");
    // A whole phrase as one code point still folds to words.
    EXPECT_EQ(fold(utf8(0xFDFA)), "صلي الله عليه وسلم");
}

TEST(Fold, SameTextAsNormalize) {
    const std::string s = "۱۹20 ســـپتامبر ﻻ \x80 ABC سرمایه‌گذاری";
    EXPECT_EQ(fold(s), normalize(s).text);
}

// --- the map back to the input ---------------------------------------------

TEST(NormalizeMap, TatweelInsideWordMapsToTheWholeWord) {
    const std::string input = "در ســـپتامبر ۲۰۲۴";
    const NormalizedText n = normalize(input);
    EXPECT_EQ(n.text, "در سپتامبر 2024");
    expect_map_invariants(input, n);
    EXPECT_EQ(source_of(input, n, "سپتامبر"), "ســـپتامبر");
    EXPECT_EQ(source_of(input, n, "سپتامبر 2024"), "ســـپتامبر ۲۰۲۴");
    EXPECT_EQ(source_of(input, n, "2024"), "۲۰۲۴");
}

// A tatweel before a range stays outside; tatweel and harakat after its last
// letter go with that letter (a span must not split "هـ" or a letter from its
// vowel mark); a ZWNJ after it stays outside (see below).
TEST(NormalizeMap, DroppedCharactersAroundARange) {
    const std::string input = "ـسپتامبرـ";
    const NormalizedText n = normalize(input);
    EXPECT_EQ(n.text, "سپتامبر");
    EXPECT_EQ(source_of(input, n, "سپتامبر"), "سپتامبرـ");
    const std::string hijri = "عام 1441 هـ.";
    const NormalizedText h = normalize(hijri);
    EXPECT_EQ(source_of(hijri, h, "1441 ه"), "1441 هـ");
    const std::string voweled = "يَنايرُ 2024";
    const NormalizedText v = normalize(voweled);
    EXPECT_EQ(source_of(voweled, v, "يناير"), "يَنايرُ");
}

TEST(NormalizeMap, ZwnjPresentOrMissing) {
    const std::string with = "سرمایه‌گذاری";
    const std::string without = "سرمایهگذاری";
    const NormalizedText a = normalize(with);
    const NormalizedText b = normalize(without);
    EXPECT_EQ(a.text, b.text);
    EXPECT_EQ(a.text, "سرمايهگذاري");
    EXPECT_EQ(source_of(with, a, a.text), with);
    EXPECT_EQ(source_of(without, b, b.text), without);
    EXPECT_EQ(source_of(with, a, "گذاري"), "گذاری");
    EXPECT_EQ(source_of(with, a, "سرمايه"), "سرمایه");  // the ZWNJ after it stays outside
}

TEST(NormalizeMap, MixedDigits) {
    const std::string input = "سال ۱۹20 و ۱۹20-۱۹18";
    const NormalizedText n = normalize(input);
    EXPECT_EQ(n.text, "سال 1920 و 1920-1918");
    expect_map_invariants(input, n);
    EXPECT_EQ(source_of(input, n, "1920"), "۱۹20");
    EXPECT_EQ(source_of(input, n, "1920-1918"), "۱۹20-۱۹18");
    EXPECT_EQ(source_of(input, n, "18"), "18");
    EXPECT_EQ(source_of(input, n, "9"), "۹");
}

TEST(NormalizeMap, PresentationFormsAndLigature) {
    const std::string input = "ﺳﻼﻡ ﻻ";
    const NormalizedText n = normalize(input);
    EXPECT_EQ(n.text, "سلام لا");
    expect_map_invariants(input, n);
    EXPECT_EQ(source_of(input, n, "سلام"), "ﺳﻼﻡ");
    // Both letters of a ligature map back to the one code point...
    EXPECT_EQ(source_of(input, n, "لا"), "ﻼ");
    EXPECT_EQ(source_of(input, n, "سل"), "ﺳﻼ");
    // ...so half of it is the whole of it.
    const size_t at = n.text.find("لام");
    Span alef = n.to_source(input, at + 2, at + 4);
    EXPECT_EQ(input.substr(alef.begin, alef.end - alef.begin), "ﻼ");
    const size_t last = n.text.rfind("لا");
    Span lam = n.to_source(input, last, last + 2);
    EXPECT_EQ(input.substr(lam.begin, lam.end - lam.begin), "ﻻ");
    EXPECT_EQ(n.source[last], n.source[last + 2]);
}

TEST(NormalizeMap, EmptyRangesAndEmptyInput) {
    const NormalizedText empty = normalize("");
    EXPECT_EQ(empty.text, "");
    ASSERT_EQ(empty.source.size(), 1u);
    EXPECT_EQ(empty.source[0], 0u);
    EXPECT_EQ(empty.to_source("", 0, 0), (Span{0, 0}));

    const std::string input = "ab ـج";
    const NormalizedText n = normalize(input);
    EXPECT_EQ(n.to_source(input, 1, 1), (Span{1, 1}));
    EXPECT_EQ(n.to_source(input, n.text.size(), n.text.size()),
              (Span{uint32_t(input.size()), uint32_t(input.size())}));
}

// --- invalid UTF-8 -----------------------------------------------------------

struct InvalidCase {
    const char* name;
    std::string input;
    std::string folded;
};

TEST(NormalizeInvalidUtf8, EachBadByteIsOneSpaceMappedToItself) {
    const InvalidCase cases[] = {
        {"lone continuation", "a\x80" "b", "a b"},
        {"truncated 3-byte at end", "abc\xE2\x82", "abc  "},
        {"truncated 3-byte before a letter", "\xE2\x82س", "  س"},
        {"overlong C0 80", "\xC0\x80x", "  x"},
        {"overlong E0 80 80", "\xE0\x80\x80", "   "},
        {"surrogate ED A0 80", "\xED\xA0\x80z", "   z"},
        {"above U+10FFFF", "\xF4\x90\x80\x80", "    "},
        {"F5..FF", "\xF5\xFE\xFF", "   "},
        {"lead byte without continuation", "\xD8 ", "  "},
        {"truncated 2-byte at end", "1404\xDB", "1404 "},
    };
    for (const auto& c : cases) {
        const NormalizedText n = normalize(c.input);
        EXPECT_EQ(n.text, c.folded) << c.name;
        expect_map_invariants(c.input, n);
        EXPECT_EQ(fold(c.input), c.folded) << c.name;
        for (size_t i = 0; i < n.text.size(); ++i) {
            if (n.text[i] != ' ' || c.input[n.source[i]] == ' ') continue;
            // A replacement space covers exactly its one byte.
            EXPECT_EQ(n.to_source(c.input, i, i + 1), (Span{n.source[i], n.source[i] + 1})) << c.name;
        }
    }
    // The bytes of the surrogate map one to one.
    const std::string surrogate = "\xED\xA0\x80";
    const NormalizedText s = normalize(surrogate);
    EXPECT_EQ(s.source, (std::vector<uint32_t>{0, 1, 2, 3}));
}

TEST(NormalizeInvalidUtf8, ValidTextAroundBadBytesKeepsItsSpans) {
    const std::string input = "\x80۱۴۰۲\xFF فروردین\xC0";
    const NormalizedText n = normalize(input);
    EXPECT_EQ(n.text, " 1402  فروردين ");
    EXPECT_EQ(source_of(input, n, "1402"), "۱۴۰۲");
    EXPECT_EQ(source_of(input, n, "فروردين"), "فروردین");
}

// --- properties over random bytes --------------------------------------------

// Random inputs mixing raw bytes with pieces of valid and broken UTF-8 and the
// characters that fold in unusual ways.
std::string random_input(std::mt19937& rng) {
    static const std::vector<std::string> pieces = {
        "a", "Z", " ", "\n", "\t", "2", "ـ", "\u200C", "۱", "٢", "ی", "ك", "آ", "ة", "َ",
        "ﻻ", "ﺳ", "ﷲ", "\uFDFA", "\uFE70", "\uFEFF", "\u2028", "\u00A0", "😀", "é", "—", "،",
        "\x80", "\xC0\x80", "\xE2\x82", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xFF", "\xD8",
    };
    std::uniform_int_distribution<int> length(0, 40);
    std::uniform_int_distribution<int> choice(0, int(pieces.size()) + 3);
    std::uniform_int_distribution<int> byte(0, 255);
    std::string s;
    for (int k = length(rng); k > 0; --k) {
        int c = choice(rng);
        if (c < int(pieces.size())) s += pieces[c];
        else s += char(byte(rng));  // a raw byte: often invalid, sometimes completing a sequence
    }
    return s;
}

TEST(NormalizeProperty, MapIsMonotoneAndSpansLandOnCodePointBoundaries) {
    std::mt19937 rng(20240601);
    for (int trial = 0; trial < 4000; ++trial) {
        const std::string input = random_input(rng);
        const NormalizedText n = normalize(input);
        expect_map_invariants(input, n);
        ASSERT_EQ(fold(input), n.text);
        if (n.text.empty()) continue;

        std::uniform_int_distribution<size_t> pos(0, n.text.size());
        for (int r = 0; r < 20; ++r) {
            size_t b = pos(rng), e = pos(rng);
            if (b > e) std::swap(b, e);
            const Span s = n.to_source(input, b, e);
            ASSERT_LE(s.begin, s.end);
            ASSERT_LE(s.end, input.size());
            if (b == e) continue;
            // A span starts where a code point starts: at a byte that is not a
            // continuation byte, or at a stray continuation byte (a replaced one).
            const auto lead = static_cast<uint8_t>(input[s.begin]);
            ASSERT_TRUE((lead & 0xC0) != 0x80 || n.text[b] == ' ') << trial;
            ASSERT_LT(s.begin, s.end);
        }

        // Where a range starts and ends on whole code points of the input, the
        // input bytes it maps to fold to exactly that range again.
        std::vector<size_t> cuts;  // output offsets where a new input code point begins
        for (size_t i = 0; i <= n.text.size(); ++i)
            if (i == 0 || i == n.text.size() || n.source[i] != n.source[i - 1]) cuts.push_back(i);
        std::uniform_int_distribution<size_t> cut(0, cuts.size() - 1);
        for (int r = 0; r < 10; ++r) {
            size_t b = cuts[cut(rng)], e = cuts[cut(rng)];
            if (b > e) std::swap(b, e);
            if (b == e) continue;
            const Span s = n.to_source(input, b, e);
            ASSERT_EQ(fold(std::string_view(input).substr(s.begin, s.end - s.begin)), n.text.substr(b, e - b))
                << trial;
        }
    }
}

// --- the seeds ----------------------------------------------------------------

TEST(NormalizeSeeds, EveryWordMapsBackToItsOwnBytes) {
    for (const char* name : {"000_53f63c5791f19014.txt", "001_1a966546b4fc3f60.txt", "002_436d1943e68881f6.txt",
                             "003_24f4738793f23ab1.txt", "004_0eab1e3fa5b7244e.txt"}) {
        std::ifstream file(std::string(TARIKH_SOURCE_DIR) + "/seeds/" + name, std::ios::binary);
        ASSERT_TRUE(file) << name;
        std::stringstream buffer;
        buffer << file.rdbuf();
        const std::string input = buffer.str();
        const NormalizedText n = normalize(input);
        expect_map_invariants(input, n);
        // Every folded word, mapped back and folded again, gives itself.
        size_t i = 0;
        while (i < n.text.size()) {
            size_t e = n.text.find_first_of(" \n", i);
            if (e == std::string::npos) e = n.text.size();
            if (e > i) {
                const Span s = n.to_source(input, i, e);
                ASSERT_EQ(fold(std::string_view(input).substr(s.begin, s.end - s.begin)), n.text.substr(i, e - i))
                    << name;
            }
            i = e + 1;
        }
    }
}

}  // namespace
}  // namespace tarikh
