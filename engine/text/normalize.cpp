// normalize() and fold(): one pass over the input, one table lookup per code
// point (see fold_table.cpp for what the table holds and why).
//
// Speed is the point of the shape of this loop: the tagger's budget is
// 50 MB/s per core, so folding must cost a small fraction of that. The output
// buffers are sized once up front and written through raw pointers; ASCII
// runs go eight bytes at a time; a table entry is copied with one 4-byte store.
#include "tarikh/normalize.h"

#include "text/fold_table.h"
#include "text/utf8.h"

#include <algorithm>
#include <cassert>
#include <cstring>
#include <limits>
#include <stdexcept>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace tarikh {
namespace {

using text::FoldEntry;
using text::FoldTable;

// Room kept free ahead of the write pointers: enough for the longest fold of
// one code point, and for the 4-byte stores that may write past `len`.
constexpr size_t kRoom = text::kMaxFoldBytes + 8;
constexpr uint64_t kHighBits = 0x8080808080808080ULL;

// Asks for transparent huge pages behind a large fresh buffer, before it is
// first touched. The offset map is four bytes per input byte, and on a VM a
// 4 KiB page fault costs microseconds: for a 37 MB input the faults alone took
// longer than the folding. A hint only; where it is refused nothing changes.
void advise_huge_pages([[maybe_unused]] void* data, [[maybe_unused]] size_t bytes) {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    constexpr uintptr_t kHuge = uintptr_t(1) << 21;
    if (bytes < 4 * kHuge) return;
    uintptr_t begin = (reinterpret_cast<uintptr_t>(data) + kHuge - 1) & ~(kHuge - 1);
    uintptr_t end = (reinterpret_cast<uintptr_t>(data) + bytes) & ~(kHuge - 1);
    if (end > begin) madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
#endif
}

// Writes the folded text, and when kMap the source offset of every output byte.
template <bool kMap>
class FoldWriter {
public:
    FoldWriter(std::string& out, std::vector<uint32_t>* source, size_t input_size)
        : out_(out), source_(source) {
        // Folding shortens more often than it lengthens (digits, dropped marks);
        // only ligatures grow, so a little slack avoids regrowing in practice.
        reserve(input_size + input_size / 16 + kRoom);
    }

    bool needs_room() const { return o_ > o_limit_; }

    void grow() { reserve(2 * capacity_ + kRoom); }

    void ascii8(const FoldTable& t, const uint8_t* in, uint32_t at) {
        for (int k = 0; k < 8; ++k) o_[k] = static_cast<char>(t.ascii[in[k]]);
        o_ += 8;
        if constexpr (kMap) {
            for (uint32_t k = 0; k < 8; ++k) s_[k] = at + k;
            s_ += 8;
        }
    }

    void byte(char c, uint32_t at) {
        *o_++ = c;
        if constexpr (kMap) *s_++ = at;
    }

    void entry(const FoldTable& t, FoldEntry e, uint32_t at) {
        if (e.len <= 3) {
            std::memcpy(o_, &e, 4);  // the 4th byte is scratch, overwritten next
            if constexpr (kMap) s_[0] = s_[1] = s_[2] = at;
        } else {
            std::memcpy(o_, t.long_output(e), e.len);
            if constexpr (kMap) std::fill_n(s_, e.len, at);
        }
        o_ += e.len;
        if constexpr (kMap) s_ += e.len;
    }

    void copy4(const uint8_t* in, uint32_t at) {
        std::memcpy(o_, in, 4);
        o_ += 4;
        if constexpr (kMap) {
            s_[0] = s_[1] = s_[2] = s_[3] = at;
            s_ += 4;
        }
    }

    void finish(size_t input_size) {
        size_t used = o_ - out_.data();
        out_.resize(used);
        if constexpr (kMap) {
            source_->resize(used + 1);
            (*source_)[used] = static_cast<uint32_t>(input_size);
        }
    }

private:
    void reserve(size_t capacity) {
        size_t used = o_ ? size_t(o_ - out_.data()) : 0;
        capacity_ = capacity;
        out_.reserve(capacity);
        advise_huge_pages(out_.data(), capacity);
        out_.resize(capacity);
        o_ = out_.data() + used;
        o_limit_ = out_.data() + capacity - kRoom;
        if constexpr (kMap) {
            source_->reserve(capacity);
            advise_huge_pages(source_->data(), capacity * sizeof(uint32_t));
            source_->resize(capacity);
            s_ = source_->data() + used;
        }
    }

    std::string& out_;
    std::vector<uint32_t>* source_;
    size_t capacity_ = 0;
    char* o_ = nullptr;
    char* o_limit_ = nullptr;
    uint32_t* s_ = nullptr;
};

template <bool kMap>
void fold_into(std::string_view input, std::string& out, std::vector<uint32_t>* source) {
    // Offsets are 32-bit to halve the map's memory; documents are far smaller.
    if (input.size() >= std::numeric_limits<uint32_t>::max())
        throw std::length_error("tarikh::normalize: input of 4 GiB or more");

    const FoldTable& table = text::fold_table();
    const auto* in = reinterpret_cast<const uint8_t*>(input.data());
    const size_t n = input.size();
    FoldWriter<kMap> w(out, source, n);

    size_t i = 0;
    while (i < n) {
        if (w.needs_room()) w.grow();
        // A run of eight ASCII bytes (English, numbers, markup) in one go.
        uint64_t word;
        if (i + 8 <= n && (std::memcpy(&word, in + i, 8), (word & kHighBits) == 0)) {
            w.ascii8(table, in + i, static_cast<uint32_t>(i));
            i += 8;
            continue;
        }
        // Persian and Arabic letters are two bytes, spaces and punctuation one:
        // decode both without a branch between them, since they alternate at
        // every word boundary and a mispredicted branch costs more than a lookup.
        const uint8_t b = in[i];
        const uint8_t b1 = i + 1 < n ? in[i + 1] : 0;
        const bool one = b < 0x80;
        const bool two = b >= 0xC2 && b <= 0xDF && text::is_continuation(b1);
        if (one | two) {
            const char32_t cp = one ? char32_t(b) : char32_t((b & 0x1F) << 6 | (b1 & 0x3F));
            w.entry(table, table.bmp[cp], static_cast<uint32_t>(i));
            i += one ? 1 : 2;
            continue;
        }
        const text::Decoded d = text::decode_multibyte(in + i, n - i);
        if (d.len == 0) {
            // An invalid byte becomes a space of its own: it never joins two words.
            w.byte(' ', static_cast<uint32_t>(i));
            ++i;
        } else if (d.cp >= 0x10000) {
            w.copy4(in + i, static_cast<uint32_t>(i));  // beyond the BMP nothing folds
            i += 4;
        } else {
            w.entry(table, table.bmp[d.cp], static_cast<uint32_t>(i));
            i += d.len;
        }
    }
    w.finish(n);
}

// Byte length of the input code point starting at `at`, 1 for an invalid byte:
// the same decision fold_into() made there.
uint32_t code_point_length(std::string_view input, uint32_t at) {
    const auto* p = reinterpret_cast<const uint8_t*>(input.data()) + at;
    if (p[0] < 0x80) return 1;
    const text::Decoded d = text::decode_multibyte(p, input.size() - at);
    return d.len == 0 ? 1 : d.len;
}

}  // namespace

NormalizedText normalize(std::string_view input) {
    NormalizedText result;
    fold_into<true>(input, result.text, &result.source);
    return result;
}

std::string fold(std::string_view input) {
    std::string out;
    fold_into<false>(input, out, nullptr);
    return out;
}

Span NormalizedText::to_source(std::string_view input, size_t begin, size_t end) const {
    assert(begin <= end && end < source.size());
    if (begin == end) return {source[begin], source[begin]};
    const uint32_t first = source[begin];
    const uint32_t last = source[end - 1];
    if (last >= input.size()) return {first, static_cast<uint32_t>(input.size())};  // not this text's input
    // Marks that belong to the last letter and were folded away go with it:
    // the tatweel of "هـ", a harakah on the final letter.
    uint32_t stop = last + code_point_length(input, last);
    while (stop + 1 < input.size() && static_cast<unsigned char>(input[stop]) == 0xD9) {
        const auto b = static_cast<unsigned char>(input[stop + 1]);
        const bool mark = b == 0x80 /* U+0640 tatweel */ || (b >= 0x8B && b <= 0x9F) /* U+064B–065F harakat */ ||
                          b == 0xB0 /* U+0670 superscript alef */;
        if (!mark) break;
        stop += 2;
    }
    return {first, stop};
}

}  // namespace tarikh
