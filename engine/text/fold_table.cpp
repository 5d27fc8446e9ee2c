// Builds the fold table once. ICU is used here only, at build time: NFKC turns
// the Arabic presentation forms (what PDF extraction and old encoders leave
// behind) into letters, and the letter folds below then apply to the result.
#include "text/fold_table.h"
#include "text/utf8.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace tarikh::text {
namespace {

constexpr char32_t kDrop = 0xFFFFFFFF;

bool is_dropped(char32_t c) {
    switch (c) {
        case 0x0640:  // tatweel: stretches a word, carries no letter
        case 0x200C:  // ZWNJ: present or missing at random in real text
        case 0x200D:  // ZWJ
        case 0x200E:  // LRM
        case 0x200F:  // RLM
        case 0x061C:  // ALM
        case 0x00AD:  // soft hyphen
        case 0xFEFF:  // BOM / zero-width no-break space
        case 0x0670:  // superscript alef
            return true;
        default:
            break;
    }
    return (c >= 0x202A && c <= 0x202E)     // bidi embeddings and overrides
           || (c >= 0x2066 && c <= 0x2069)  // bidi isolates
           || (c >= 0x064B && c <= 0x065F)  // harakat (vowel marks, shadda, sukun, hamza above/below)
           || (c >= 0x0610 && c <= 0x061A)  // honorific and small marks above letters
           || (c >= 0x06D6 && c <= 0x06ED); // Quranic annotation marks
}

bool is_space(char32_t c) {
    return c == '\t' || c == '\r' || c == '\v' || c == '\f' || c == 0x00A0 ||
           (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F || c == 0x3000;
}

// The fold of one code point on its own (no NFKC): a code point, or kDrop.
char32_t fold_letter(char32_t c) {
    if (is_dropped(c)) return kDrop;
    if (is_space(c)) return ' ';
    if (c >= 'A' && c <= 'Z') return c + ('a' - 'A');
    if (c >= 0x06F0 && c <= 0x06F9) return '0' + (c - 0x06F0);  // Persian digits
    if (c >= 0x0660 && c <= 0x0669) return '0' + (c - 0x0660);  // Arabic-Indic digits
    if ((c >= 0x2010 && c <= 0x2015) || c == 0x2212) return '-';
    switch (c) {
        // Yeh: Arabic ي, alef maksura ى and Persian ی are written for one another.
        case 0x0649: case 0x06CC: return 0x064A;
        // Keheh: Persian ک and Arabic ك likewise.
        case 0x06A9: return 0x0643;
        // Alef with hamza or madda, alef wasla: spelled with bare alef just as often.
        case 0x0622: case 0x0623: case 0x0625: case 0x0671: return 0x0627;
        case 0x0624: return 0x0648;                                // ؤ → و
        case 0x0626: return 0x064A;                                // ئ → ي
        case 0x0629: return 0x0647;                                // ة → ه
        case 0x06C0: case 0x06BE: case 0x06C1: return 0x0647;      // ۀ ھ ہ → ه
        case 0x060C: return ',';
        case 0x061B: return ';';
        case 0x061F: return '?';
        case 0x066B: return '.';  // Arabic decimal separator
        case 0x066C: return ',';  // Arabic thousands separator
        case 0x066A: return '%';
        case 0x2028: case 0x2029: return '\n';
        // The apostrophe as typeset (Ekim’de, Turkey’s) and as a letter mark.
        case 0x2019: case 0x02BC: return '\'';
        // Dotted and dotless i are one letter for matching: a Turkish capital I
        // lowercases to ı, an English one to i, and text in capitals (KASIM)
        // and in lower case (Kasım) must fold alike.
        case 0x0130: case 0x0131: return 'i';
        default: break;
    }
    // Other letters lowercase by Unicode's simple case folding (Ş → ş, Ğ → ğ,
    // É → é): one code point each, so the table keeps its shape.
    return static_cast<char32_t>(u_foldCase(static_cast<UChar32>(c), U_FOLD_CASE_DEFAULT));
}

bool is_presentation_form(char32_t c) {
    return (c >= 0xFB50 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF);
}

// NFKC of a presentation form, as code points.
std::u32string nfkc(const icu::Normalizer2& nfkc, char32_t c) {
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString out = nfkc.normalize(icu::UnicodeString(static_cast<UChar32>(c)), status);
    if (U_FAILURE(status)) throw std::runtime_error("NFKC failed for a presentation form");
    std::u32string cps;
    for (int32_t i = 0; i < out.length(); i = out.moveIndex32(i, 1)) cps.push_back(out.char32At(i));
    return cps;
}

// What a code point becomes: its NFKC letters when it is a presentation form,
// each then folded; otherwise its own fold.
std::u32string fold_code_point(const icu::Normalizer2& normalizer, char32_t c) {
    if (c == 0xFEFF || !is_presentation_form(c)) {
        char32_t f = fold_letter(c);
        return f == kDrop ? std::u32string() : std::u32string(1, f);
    }
    std::u32string letters = nfkc(normalizer, c);
    std::u32string folded;
    for (char32_t l : letters) {
        char32_t f = fold_letter(l);
        if (f != kDrop) folded.push_back(f);
    }
    // The spacing forms of harakat (U+FE70 ﹰ, U+FC5E ﱞ …) decompose to a space
    // plus the marks. The marks are dropped, and so is the space: a diacritic
    // must not split the word it sits on.
    if (folded == U" " && letters.size() > 1) folded.clear();
    return folded;
}

std::unique_ptr<FoldTable> build() {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* normalizer = icu::Normalizer2::getNFKCInstance(status);
    if (U_FAILURE(status)) throw std::runtime_error("ICU NFKC normalizer unavailable");

    // On the heap: the table is a quarter of a megabyte.
    auto table_ptr = std::make_unique<FoldTable>();
    FoldTable& table = *table_ptr;
    for (char32_t c = 0; c < 0x10000; ++c) {
        FoldEntry& e = table.bmp[c];
        if (c >= 0xD800 && c <= 0xDFFF) continue;  // never decoded from valid UTF-8
        std::string utf8;
        for (char32_t f : fold_code_point(*normalizer, c)) append_utf8(utf8, f);
        if (utf8.size() > kMaxFoldBytes) throw std::logic_error("fold output longer than kMaxFoldBytes");
        e.len = static_cast<uint8_t>(utf8.size());
        if (utf8.size() <= 3) {
            for (size_t i = 0; i < utf8.size(); ++i) e.bytes[i] = static_cast<uint8_t>(utf8[i]);
        } else {
            uint32_t offset = static_cast<uint32_t>(table.pool.size());
            e.bytes[0] = offset & 0xFF;
            e.bytes[1] = (offset >> 8) & 0xFF;
            e.bytes[2] = (offset >> 16) & 0xFF;
            table.pool += utf8;
        }
    }
    for (unsigned c = 0; c < 128; ++c) {
        // Every ASCII character folds to exactly one ASCII character.
        table.ascii[c] = table.bmp[c].bytes[0];
    }
    return table_ptr;
}

}  // namespace

const FoldTable& fold_table() {
    static const std::unique_ptr<const FoldTable> table = build();
    return *table;
}

}  // namespace tarikh::text
