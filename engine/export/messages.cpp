#include "tarikh/messages.h"

#include "embedded_data.h"
#include "text/tsv.h"

#include <unicode/dtfmtsym.h>
#include <unicode/msgfmt.h>
#include <unicode/numberformatter.h>
#include <unicode/numfmt.h>
#include <unicode/unistr.h>

#include <map>
#include <optional>
#include <mutex>
#include <unordered_map>
#include <vector>

namespace tarikh {
namespace {

using Table = std::unordered_map<std::string, std::string>;

Table read_table(std::string_view tsv) {
    Table out;
    text::for_each_key_text(tsv, [&](std::string_view key, std::string_view text) { out.emplace(key, text); });
    return out;
}

Table table_of(std::string_view code) { return read_table(embedded_data("lang/" + std::string(code) + "/ui.tsv")); }

std::string utf8(const icu::UnicodeString& s) {
    std::string out;
    s.toUTF8String(out);
    return out;
}

const char* calendar_keyword(Calendar c) {
    switch (c) {
        case Calendar::SolarHijri: return "persian";
        case Calendar::Islamic: return "islamic-umalqura";
        case Calendar::Gregorian: break;
    }
    return "gregorian";
}

}  // namespace

struct Messages::Impl {
    std::string code;
    icu::Locale locale;
    Table own, english;
    std::mutex mu;  // the caches below fill on first use, from any thread
    std::map<std::string, std::unique_ptr<icu::MessageFormat>, std::less<>> formats;
    std::unique_ptr<icu::NumberFormat> grouped, plain;
    std::optional<icu::number::LocalizedNumberFormatter> short_form;
    std::map<std::pair<int, bool>, std::vector<std::string>> months;

    icu::NumberFormat& number_format(bool grouping) {
        auto& f = grouping ? grouped : plain;
        if (!f) {
            UErrorCode status = U_ZERO_ERROR;
            f.reset(icu::NumberFormat::createInstance(locale, status));
            if (U_FAILURE(status) || !f) {
                status = U_ZERO_ERROR;
                f.reset(icu::NumberFormat::createInstance(icu::Locale::getRoot(), status));
            }
            f->setGroupingUsed(grouping);
        }
        return *f;
    }
};

Messages::Messages(std::string code) : impl_(std::make_unique<Impl>()) {
    impl_->locale = icu::Locale(code.c_str());
    impl_->own = table_of(code);
    if (code != "en") impl_->english = table_of("en");
    impl_->code = std::move(code);
}

Messages::~Messages() = default;

const Messages& Messages::of(std::string_view code) {
    static std::mutex mu;
    static std::map<std::string, std::unique_ptr<Messages>, std::less<>> all;
    std::lock_guard lock(mu);
    auto it = all.find(code);
    if (it == all.end()) it = all.emplace(std::string(code), std::unique_ptr<Messages>(new Messages(std::string(code)))).first;
    return *it->second;
}

const std::string& Messages::code() const { return impl_->code; }

const char* Messages::tr(const char* key) const {
    // Tables are never changed after loading, so their strings live on.
    if (auto it = impl_->own.find(key); it != impl_->own.end()) return it->second.c_str();
    if (auto it = impl_->english.find(key); it != impl_->english.end()) return it->second.c_str();
    return key;
}

std::string_view Messages::text(std::string_view key) const {
    const std::string k(key);
    if (auto it = impl_->own.find(k); it != impl_->own.end()) return it->second;
    if (auto it = impl_->english.find(k); it != impl_->english.end()) return it->second;
    return key;
}

bool Messages::has_own(std::string_view key) const { return impl_->own.count(std::string(key)) > 0; }

std::string Messages::format(std::string_view key, std::initializer_list<Arg> args) const {
    const std::string_view pattern = text(key);
    std::lock_guard lock(impl_->mu);
    auto it = impl_->formats.find(key);
    if (it == impl_->formats.end()) {
        UErrorCode status = U_ZERO_ERROR;
        UParseError where;
        auto f = std::make_unique<icu::MessageFormat>(
            icu::UnicodeString::fromUTF8(icu::StringPiece(pattern.data(), static_cast<int32_t>(pattern.size()))),
            impl_->locale, where, status);
        if (U_FAILURE(status)) f.reset();  // a broken pattern shows as it is written
        it = impl_->formats.emplace(std::string(key), std::move(f)).first;
    }
    if (!it->second) return std::string(pattern);
    std::vector<icu::UnicodeString> names;
    std::vector<icu::Formattable> values;
    for (const Arg& a : args) {
        names.push_back(icu::UnicodeString::fromUTF8(icu::StringPiece(a.name.data(), static_cast<int32_t>(a.name.size()))));
        if (const auto* n = std::get_if<int64_t>(&a.value)) {
            values.emplace_back(*n);
        } else {
            values.emplace_back(icu::UnicodeString::fromUTF8(std::get<std::string>(a.value)));
        }
    }
    icu::UnicodeString out;
    UErrorCode status = U_ZERO_ERROR;
    it->second->format(names.data(), values.data(), static_cast<int32_t>(values.size()), out, status);
    if (U_FAILURE(status)) return std::string(pattern);
    return utf8(out);
}

std::string Messages::count(int64_t n) const {
    std::lock_guard lock(impl_->mu);
    icu::UnicodeString out;
    impl_->number_format(true).format(static_cast<int64_t>(n), out);
    return utf8(out);
}

std::string Messages::digits(int64_t n) const {
    std::lock_guard lock(impl_->mu);
    icu::UnicodeString out;
    impl_->number_format(false).format(static_cast<int64_t>(n), out);
    return utf8(out);
}

std::string Messages::compact(int64_t n) const {
    std::lock_guard lock(impl_->mu);
    if (!impl_->short_form)
        impl_->short_form = icu::number::NumberFormatter::withLocale(impl_->locale)
                                .notation(icu::number::Notation::compactShort())
                                .precision(icu::number::Precision::maxSignificantDigits(2));
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString out = impl_->short_form->formatInt(n, status).toString(status);
    if (U_FAILURE(status)) return std::to_string(n);
    return utf8(out);
}

std::string Messages::month(Calendar calendar, int m, bool abbreviated) const {
    if (m < 1 || m > 12) return digits(m);
    std::lock_guard lock(impl_->mu);
    auto& names = impl_->months[{static_cast<int>(calendar), abbreviated}];
    if (names.empty()) {
        UErrorCode status = U_ZERO_ERROR;
        icu::DateFormatSymbols symbols(impl_->locale, calendar_keyword(calendar), status);
        int32_t n = 0;
        const icu::UnicodeString* list =
            U_SUCCESS(status) ? symbols.getMonths(n, icu::DateFormatSymbols::STANDALONE,
                                                  abbreviated ? icu::DateFormatSymbols::ABBREVIATED
                                                              : icu::DateFormatSymbols::WIDE)
                              : nullptr;
        for (int32_t i = 0; list && i < n; ++i) names.push_back(utf8(list[i]));
        if (names.size() < 12) names.clear();
    }
    if (names.empty()) return std::to_string(m);
    return names[static_cast<size_t>(m - 1)];
}

}  // namespace tarikh
